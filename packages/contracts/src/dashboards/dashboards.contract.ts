import { z } from 'zod';
import { agencyTierSchema } from '../agencies/agencies.contract.js';
import { isoDateSchema, isoDateTimeSchema, uuidSchema } from '../common/primitives.contract.js';

/**
 * Dashboards (issue 8 item 4): documents, tasks and work records per agency, per tier and city-wide
 * for a period, the share of closed work records processed online against the per-tier targets,
 * ranking and drill-down to overdue items. Definitions: docs/decisions/0014-dashboards.md.
 */

export const dashboardErrorCodes = {
  /** The agency (or the whole city) is outside what the actor may see. */
  forbidden: 'dashboards.forbidden',
  /** No agency with this code existed during the period. */
  agencyNotFound: 'dashboards.agency_not_found',
  /** The targets may be changed only by an administrator of the city. */
  targetsForbidden: 'dashboards.targets_forbidden',
} as const;

/** `agency`: one agency (and its sub-agencies with `subtree`); `tier`: every agency of a tier; `city`: all. */
export const dashboardScopeValues = ['agency', 'tier', 'city'] as const;
export const dashboardScopeSchema = z.enum(dashboardScopeValues);
export type DashboardScope = z.infer<typeof dashboardScopeSchema>;

/**
 * The period and scope of every dashboard call. Dates are Vietnam calendar days, both included;
 * the directory is taken as of the period (an agency counts when one of its versions was valid
 * during it, with the name, tier and parent of its last such version). Defaults: `from` 1 January
 * of the current year, `to` today.
 */
export const dashboardQuerySchema = z
  .strictObject({
    scope: dashboardScopeSchema.default('agency'),
    /** Agency code (both code forms). `agency` scope: default the actor's agency; `city`: default its city. */
    agency: z.string().trim().min(1).max(35).optional(),
    tier: agencyTierSchema.optional(),
    /** `agency` scope: include the agencies under it (as of the period). */
    subtree: z.stringbool().default(false),
    from: isoDateSchema.optional(),
    to: isoDateSchema.optional(),
  })
  .refine((q) => q.scope !== 'tier' || q.tier !== undefined, {
    message: 'tier is required with scope=tier',
    path: ['tier'],
  })
  .refine((q) => q.from === undefined || q.to === undefined || q.from <= q.to, {
    message: '"to" is before "from"',
    path: ['to'],
  });
export type DashboardQuery = z.infer<typeof dashboardQuerySchema>;

const count = z.number().int().min(0);
/** A fraction 0–1; null when its denominator is 0. */
const rate = z.number().min(0).max(1).nullable();

/**
 * Incoming documents (văn bản đến) of the agency. `received`: registered in the period.
 * `completed`: completed in the period, `onTime` on or before the due date (or without one),
 * `late` after it. `inProgress`: registered and not completed at the cut (end of the period, or
 * now when the period runs to today or later); `overdue`: those of them past their due date.
 * `averageHandlingDays`: mean working days from registration to completion of the completed ones.
 */
export const incomingMetricsSchema = z.object({
  received: count,
  completed: count,
  onTime: count,
  late: count,
  onTimeRate: rate,
  inProgress: count,
  overdue: count,
  averageHandlingDays: z.number().min(0).nullable(),
});

/** Outgoing documents (văn bản đi) issued in the period (revoked ones left out). */
export const outgoingMetricsSchema = z.object({ issued: count });

/**
 * Tasks the agency owns: open at the cut (`assigned`, `inProgress`, of which `overdue`), and
 * `completed` / `cancelled` in the period; completed `onTime` when on or before the due date.
 */
export const taskMetricsSchema = z.object({
  assigned: count,
  inProgress: count,
  overdue: count,
  completed: count,
  onTime: count,
  late: count,
  cancelled: count,
  onTimeRate: rate,
});

/**
 * Work records closed in the period and how many of them were processed online; the target is
 * the tier's (whole percent), `meetsTarget` compares exactly (online × 100 ≥ target × closed).
 */
export const recordMetricsSchema = z.object({
  closed: count,
  online: count,
  onlineShare: rate,
  targetPercent: z.number().int().min(0).max(100).nullable(),
  meetsTarget: z.boolean().nullable(),
});

export const dashboardMetricsSchema = z.object({
  incoming: incomingMetricsSchema,
  outgoing: outgoingMetricsSchema,
  tasks: taskMetricsSchema,
  records: recordMetricsSchema,
});
export type DashboardMetrics = z.infer<typeof dashboardMetricsSchema>;

export const dashboardAgencySchema = z.object({
  id: uuidSchema,
  code: z.string(),
  name: z.string(),
  level: z.number().int(),
  tier: agencyTierSchema,
  parentId: uuidSchema.nullable(),
});
export type DashboardAgency = z.infer<typeof dashboardAgencySchema>;

export const dashboardSummarySchema = z.object({
  scope: dashboardScopeSchema,
  from: isoDateSchema,
  to: isoDateSchema,
  /** The day the open/overdue figures are taken at: `to`, or today when `to` is later. */
  cutDate: isoDateSchema,
  generatedAt: isoDateTimeSchema,
  agencies: z.array(dashboardAgencySchema.extend({ metrics: dashboardMetricsSchema })),
  /** The same figures summed per tier (targets are per tier). */
  tiers: z.array(
    z.object({ tier: agencyTierSchema, agencies: count, metrics: dashboardMetricsSchema }),
  ),
  /** Summed over every agency; the record target is set only when they all share one tier. */
  total: dashboardMetricsSchema,
});
export type DashboardSummary = z.infer<typeof dashboardSummarySchema>;

export const dashboardRankingQuerySchema = dashboardQuerySchema.safeExtend({
  by: z.enum(['online_share', 'on_time_rate']).default('online_share'),
});

/**
 * Agencies ordered by the chosen rate (best first; ties share a rank, and the larger volume is
 * listed first). Agencies with nothing to rate (no closed record, no completed document) come
 * last without a rank.
 */
export const dashboardRankingSchema = z.object({
  scope: dashboardScopeSchema,
  from: isoDateSchema,
  to: isoDateSchema,
  by: z.enum(['online_share', 'on_time_rate']),
  items: z.array(
    dashboardAgencySchema.extend({
      rank: z.number().int().min(1).nullable(),
      onlineShare: rate,
      closedRecords: count,
      targetPercent: z.number().int().min(0).max(100).nullable(),
      meetsTarget: z.boolean().nullable(),
      onTimeRate: rate,
      completedDocuments: count,
    }),
  ),
});
export type DashboardRanking = z.infer<typeof dashboardRankingSchema>;

export const dashboardOverdueQuerySchema = z.strictObject({
  agency: z.string().trim().min(1).max(35).optional(),
  /** Overdue at the end of this day (default today). */
  to: isoDateSchema.optional(),
  limit: z.coerce.number().int().min(1).max(500).default(100),
});

/**
 * Drill-down: the agency's incoming documents and tasks open and past due at the cut, oldest due
 * date first. Listed: non-confidential items of an agency on the actor's dashboard, and
 * confidential ones only for people named on them; `hidden` counts the rest.
 */
export const dashboardOverdueSchema = z.object({
  agency: dashboardAgencySchema,
  cutDate: isoDateSchema,
  incoming: z.object({
    total: count,
    hidden: count,
    items: z.array(
      z.object({
        id: uuidSchema,
        reference: z.string(),
        subject: z.string(),
        senderName: z.string(),
        arrivalNumber: z.number().int().nullable(),
        registeredOn: isoDateSchema,
        dueDate: isoDateSchema,
        /** Working days past the due date at the cut. */
        workingDaysOverdue: count,
        state: z.string(),
        secret: z.boolean(),
        /** The lead unit and/or person. */
        handler: z.string().nullable(),
      }),
    ),
  }),
  tasks: z.object({
    total: count,
    hidden: count,
    items: z.array(
      z.object({
        id: uuidSchema,
        title: z.string(),
        dueDate: isoDateSchema,
        workingDaysOverdue: count,
        state: z.string(),
        progress: z.number().int().min(0).max(100),
        secret: z.boolean(),
        owner: z.string().nullable(),
      }),
    ),
  }),
});
export type DashboardOverdue = z.infer<typeof dashboardOverdueSchema>;

export const dashboardExportQuerySchema = dashboardQuerySchema.safeExtend({
  format: z.enum(['xlsx', 'pdf']).default('xlsx'),
});

const targetPercent = z.number().int().min(0).max(100).nullable();
const targetSource = z.enum(['default', 'configured']);

/**
 * Online-share targets per tier, whole percent (null: no target). Defaults follow the city's
 * plan: city-level agencies and departments 90, districts 80, communes 60, other none.
 */
export const dashboardTargetsSchema = z.object({
  targets: z.object({
    city: targetPercent,
    department: targetPercent,
    district: targetPercent,
    commune: targetPercent,
    other: targetPercent,
  }),
  /** Per tier: `default` until an administrator sets it. */
  sources: z.object({
    city: targetSource,
    department: targetSource,
    district: targetSource,
    commune: targetSource,
    other: targetSource,
  }),
  updatedAt: isoDateTimeSchema.nullable(),
});
export type DashboardTargets = z.infer<typeof dashboardTargetsSchema>;

/** Only the tiers given change; null removes a tier's target. */
export const updateDashboardTargetsBodySchema = z.strictObject({
  targets: z
    .strictObject({
      city: targetPercent.optional(),
      department: targetPercent.optional(),
      district: targetPercent.optional(),
      commune: targetPercent.optional(),
      other: targetPercent.optional(),
    })
    .refine((t) => Object.keys(t).length > 0, { message: 'give at least one tier' }),
});
export type UpdateDashboardTargetsBody = z.infer<typeof updateDashboardTargetsBodySchema>;
