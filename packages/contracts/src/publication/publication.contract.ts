import { z } from 'zod';
import { isoDateSchema, isoDateTimeSchema, uuidSchema } from '../common/primitives.contract.js';
import { incomingStatsSchema } from '../incoming/incoming.contract.js';
import {
  isoWeekSchema,
  scheduleEntrySchema,
  scheduleLeaderSchema,
} from '../schedule/schedule.contract.js';

/**
 * The public transparency page (công khai, no sign-in): per agency, what it chooses to show —
 * public tasks assigned by the city, the on-duty leaders and public events of published weeks,
 * and the on-time rate of incoming documents. Never a secret or non-public item.
 */
export const publicationErrorCodes = {
  agencyNotFound: 'publication.agency_not_found',
  notPublic: 'publication.not_public',
  forbidden: 'publication.forbidden',
  rateLimited: 'request.rate_limited',
} as const;

export const publicationSettingsSchema = z.object({
  agencyId: uuidSchema,
  showTasks: z.boolean(),
  showSchedule: z.boolean(),
  showOnTimeRates: z.boolean(),
  /** Null while the agency never saved its settings (everything off). */
  updatedAt: isoDateTimeSchema.nullable(),
  /** The actor may change them (the agency's leader or an administrator of it). */
  canEdit: z.boolean(),
});
export type PublicationSettings = z.infer<typeof publicationSettingsSchema>;

export const publicationSettingsQuerySchema = z.strictObject({
  agencyId: uuidSchema.optional(),
});

export const updatePublicationSettingsBodySchema = z.strictObject({
  /** The actor's own agency when absent. */
  agencyId: uuidSchema.optional(),
  showTasks: z.boolean(),
  showSchedule: z.boolean(),
  showOnTimeRates: z.boolean(),
});
export type UpdatePublicationSettingsBody = z.infer<typeof updatePublicationSettingsBodySchema>;

export const publicSectionsSchema = z.object({
  tasks: z.boolean(),
  schedule: z.boolean(),
  onTimeRates: z.boolean(),
});

export const publicAgencySchema = z.object({
  code: z.string(),
  name: z.string(),
  shortName: z.string().nullable(),
  level: z.number().int(),
  parentCode: z.string().nullable(),
  address: z.string().nullable(),
  phone: z.string().nullable(),
  email: z.string().nullable(),
  website: z.string().nullable(),
  publishes: publicSectionsSchema,
});
export type PublicAgency = z.infer<typeof publicAgencySchema>;

export const publicAgencyParamsSchema = z.object({
  code: z.string().trim().min(3).max(35),
});

export const publicAgenciesResponseSchema = z.object({ items: z.array(publicAgencySchema) });

export const publicTaskStatusValues = ['assigned', 'in_progress', 'completed'] as const;

export const publicTasksQuerySchema = z.strictObject({
  status: z.enum(publicTaskStatusValues).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  offset: z.coerce.number().int().min(0).max(100000).default(0),
});

/** A city task carried out by the agency, as the public sees it (no people's names). */
export const publicTaskSchema = z.object({
  id: uuidSchema,
  title: z.string(),
  /** The agency that gave the task (the city or, for a cascaded one, the department). */
  assignedBy: z.string(),
  ownerAgency: z.string(),
  ownerUnit: z.string().nullable(),
  startDate: isoDateSchema,
  dueDate: isoDateSchema.nullable(),
  progress: z.number().int().min(0).max(100),
  status: z.enum(publicTaskStatusValues),
  /** Open and past its due date (Vietnam time). */
  overdue: z.boolean(),
  completedOn: isoDateSchema.nullable(),
  /** Completed on or before the due date; null while open or without a due date. */
  completedOnTime: z.boolean().nullable(),
});
export type PublicTask = z.infer<typeof publicTaskSchema>;

export const publicTasksResponseSchema = z.object({
  asOf: isoDateSchema,
  items: z.array(publicTaskSchema),
  total: z.number().int(),
  /** Per status, over every public task of the agency. */
  counts: z.object({
    assigned: z.number().int(),
    inProgress: z.number().int(),
    completed: z.number().int(),
    overdue: z.number().int(),
  }),
});
export type PublicTasksResponse = z.infer<typeof publicTasksResponseSchema>;

export const publicScheduleQuerySchema = z.strictObject({
  /** ISO week; the current week (Vietnam time) when absent. */
  week: isoWeekSchema.optional(),
});

/** A published entry as the public sees it: no internal ids, visibility or edit history. */
export const publicScheduleEntrySchema = scheduleEntrySchema
  .pick({
    kind: true,
    allDay: true,
    date: true,
    startTime: true,
    endDate: true,
    endTime: true,
    place: true,
    content: true,
    participants: true,
    preparingUnit: true,
  })
  .extend({
    /** Same as the iCal UID's local part. */
    id: uuidSchema,
    leaders: z.array(scheduleLeaderSchema.pick({ fullName: true, title: true })),
  });
export type PublicScheduleEntry = z.infer<typeof publicScheduleEntrySchema>;

export const publicScheduleResponseSchema = z.object({
  week: z.string(),
  weekStart: isoDateSchema,
  weekEnd: isoDateSchema,
  /** False while the agency has not published the week: the lists are empty. */
  published: z.boolean(),
  version: z.number().int(),
  publishedAt: isoDateTimeSchema.nullable(),
  /** Trực lãnh đạo: who is on duty, by day. */
  onDuty: z.array(publicScheduleEntrySchema),
  events: z.array(publicScheduleEntrySchema),
});
export type PublicScheduleResponse = z.infer<typeof publicScheduleResponseSchema>;

export const publicScheduleIcalQuerySchema = z.strictObject({
  /** One ISO week; without it, published weeks from 4 weeks back to 8 weeks ahead. */
  week: isoWeekSchema.optional(),
});

export const publicOnTimeQuerySchema = z.strictObject({
  months: z.coerce.number().int().min(1).max(24).default(12),
});

/** Incoming documents handled on time per month (non-confidential documents only). */
export const publicOnTimeResponseSchema = incomingStatsSchema.omit({ scope: true });
export type PublicOnTimeResponse = z.infer<typeof publicOnTimeResponseSchema>;
