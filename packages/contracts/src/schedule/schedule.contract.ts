import { z } from 'zod';
import { agencyRefSchema } from '../auth/auth.contract.js';
import { isoDateSchema, isoDateTimeSchema, uuidSchema } from '../common/primitives.contract.js';
import { personRefSchema } from '../incoming/incoming.contract.js';

/**
 * Lịch công tác tuần: the leaders' weekly schedule of an agency. Entries are `event`s (meetings,
 * visits, receptions) or `on_duty` (trực lãnh đạo: the leader on duty for a day or the week). The
 * week (ISO 8601, Monday to Sunday, Vietnam time) is published as a whole; edits after
 * publication leave the published version in place until the week is published again.
 */
export const scheduleEntryKindValues = ['event', 'on_duty'] as const;
export const scheduleEntryKindSchema = z.enum(scheduleEntryKindValues);
export type ScheduleEntryKind = z.infer<typeof scheduleEntryKindSchema>;

/** `internal`: staff of the agency only; `public`: also on the public page once published. */
export const scheduleVisibilityValues = ['internal', 'public'] as const;
export const scheduleVisibilitySchema = z.enum(scheduleVisibilityValues);
export type ScheduleVisibility = z.infer<typeof scheduleVisibilitySchema>;

/** `draft`: never published; `published`: as published; `changed`: edited since publication. */
export const scheduleWeekStateValues = ['draft', 'published', 'changed'] as const;
export const scheduleWeekStateSchema = z.enum(scheduleWeekStateValues);
export type ScheduleWeekState = z.infer<typeof scheduleWeekStateSchema>;

/** Stable problem codes of the schedule (problem+json `code`). */
export const scheduleErrorCodes = {
  weekInvalid: 'schedule.week_invalid',
  rangeInvalid: 'schedule.range_invalid',
  endBeforeStart: 'schedule.end_before_start',
  endTimeWithoutStart: 'schedule.end_time_without_start',
  endTimeRequired: 'schedule.end_time_required',
  spansWeeks: 'schedule.spans_weeks',
  contentRequired: 'schedule.content_required',
  leaderInvalid: 'schedule.leader_invalid',
  entryNotFound: 'schedule.entry_not_found',
  forbidden: 'schedule.forbidden',
  agencyNotVisible: 'schedule.agency_not_visible',
} as const;

/** Clock time `HH:mm` (24 h, Vietnam time). */
export const scheduleClockTimeSchema = z
  .string()
  .regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'expected HH:mm');

/**
 * ISO week `YYYY-Www` (e.g. `2026-W47`). Checked by the server, which answers 422
 * `schedule.week_invalid` for a malformed week or one the year does not have (W53).
 */
export const isoWeekSchema = z.string().trim().max(10);

const optionalText = (max: number) => z.string().trim().max(max).nullable().optional();

/**
 * An entry as the clerk types it. `startTime` absent or null makes it an all-day entry (typical of
 * on-duty days) that runs from `date` to `endDate` inclusive; otherwise it runs from `date
 * startTime` to `endDate endTime` (end optional). An entry lies within one ISO week.
 */
export const scheduleEntryFieldsSchema = z.strictObject({
  kind: scheduleEntryKindSchema.default('event'),
  date: isoDateSchema,
  startTime: scheduleClockTimeSchema.nullable().optional(),
  endDate: isoDateSchema.nullable().optional(),
  endTime: scheduleClockTimeSchema.nullable().optional(),
  place: optionalText(500),
  /** Nội dung. Required for events; on-duty entries default to "Trực lãnh đạo". */
  content: optionalText(4000),
  /** Thành phần: who attends, as the schedule prints it. */
  participants: optionalText(2000),
  /** Users holding the leader or deputy role of the agency, in the order printed. */
  leaderIds: z.array(uuidSchema).min(1).max(20),
  /** Đơn vị chuẩn bị: free text, often another agency ("Sở Tài chính chuẩn bị nội dung"). */
  preparingUnit: optionalText(500),
  visibility: scheduleVisibilitySchema.default('internal'),
});

export const createScheduleEntryBodySchema = scheduleEntryFieldsSchema.extend({
  /** Whose schedule; the actor's own agency when absent. */
  agencyId: uuidSchema.optional(),
});
export type CreateScheduleEntryBody = z.infer<typeof createScheduleEntryBodySchema>;

/** Only the fields sent change; send `null` to clear an optional one. */
export const updateScheduleEntryBodySchema = z
  .strictObject({
    kind: scheduleEntryKindSchema.optional(),
    date: isoDateSchema.optional(),
    startTime: scheduleClockTimeSchema.nullable().optional(),
    endDate: isoDateSchema.nullable().optional(),
    endTime: scheduleClockTimeSchema.nullable().optional(),
    place: optionalText(500),
    content: optionalText(4000),
    participants: optionalText(2000),
    leaderIds: z.array(uuidSchema).min(1).max(20).optional(),
    preparingUnit: optionalText(500),
    visibility: scheduleVisibilitySchema.optional(),
  })
  .refine((body) => Object.keys(body).length > 0, { message: 'nothing to change' });
export type UpdateScheduleEntryBody = z.infer<typeof updateScheduleEntryBodySchema>;

export const scheduleEntryParamsSchema = z.object({ id: uuidSchema });
export const scheduleWeekParamsSchema = z.object({ week: isoWeekSchema });

export const scheduleLeaderSchema = z.object({
  id: uuidSchema,
  fullName: z.string(),
  /** Chức vụ, e.g. "Phó Chủ tịch", when the user has a position in the agency. */
  title: z.string().nullable(),
});
export type ScheduleLeader = z.infer<typeof scheduleLeaderSchema>;

export const scheduleEntrySchema = z.object({
  id: uuidSchema,
  agencyId: uuidSchema,
  week: z.string(),
  kind: scheduleEntryKindSchema,
  allDay: z.boolean(),
  date: isoDateSchema,
  startTime: z.string().nullable(),
  endDate: isoDateSchema.nullable(),
  endTime: z.string().nullable(),
  /** Instants of the same times (UTC); `endsAt` of an all-day entry is the next midnight. */
  startsAt: isoDateTimeSchema,
  endsAt: isoDateTimeSchema.nullable(),
  place: z.string().nullable(),
  content: z.string(),
  participants: z.string().nullable(),
  preparingUnit: z.string().nullable(),
  visibility: scheduleVisibilitySchema,
  leaders: z.array(scheduleLeaderSchema),
  /** Bumped by every edit; the iCal SEQUENCE. */
  revision: z.number().int(),
  createdBy: personRefSchema,
  createdAt: isoDateTimeSchema,
  updatedAt: isoDateTimeSchema,
});
export type ScheduleEntry = z.infer<typeof scheduleEntrySchema>;

export const scheduleWeekSchema = z.object({
  week: z.string(),
  /** Monday and Sunday of the week. */
  weekStart: isoDateSchema,
  weekEnd: isoDateSchema,
  state: scheduleWeekStateSchema,
  /** How many times it was published; 0 for a draft. */
  version: z.number().int(),
  publishedAt: isoDateTimeSchema.nullable(),
  publishedBy: personRefSchema.nullable(),
  /** First edit after the last publication. */
  changedAt: isoDateTimeSchema.nullable(),
});
export type ScheduleWeek = z.infer<typeof scheduleWeekSchema>;

/** `week`, or `from`/`to` (at most 92 days); the current week when none is given. */
export const scheduleQuerySchema = z.strictObject({
  week: isoWeekSchema.optional(),
  from: isoDateSchema.optional(),
  to: isoDateSchema.optional(),
  agencyId: uuidSchema.optional(),
  /** Only entries of this leader. */
  leader: uuidSchema.optional(),
});
export type ScheduleQuery = z.infer<typeof scheduleQuerySchema>;

export const scheduleResponseSchema = z.object({
  agency: agencyRefSchema,
  from: isoDateSchema,
  to: isoDateSchema,
  /** Every ISO week touching the range, in order, with its publication state. */
  weeks: z.array(scheduleWeekSchema),
  /** Ordered by start. */
  entries: z.array(scheduleEntrySchema),
  /** The actor may add, edit and publish (clerks, leaders and deputies of the agency, admins). */
  canEdit: z.boolean(),
  /** Leaders and deputies who may be put on an entry. */
  leaders: z.array(scheduleLeaderSchema),
});
export type ScheduleResponse = z.infer<typeof scheduleResponseSchema>;

/** Whose schedule a write or publication is about; the actor's own agency when absent. */
export const scheduleAgencyQuerySchema = z.strictObject({
  agencyId: uuidSchema.optional(),
});
