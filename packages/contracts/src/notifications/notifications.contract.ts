import { z } from 'zod';
import { isoDateTimeSchema, uuidSchema } from '../common/primitives.contract.js';

export const notificationSchema = z.object({
  id: uuidSchema,
  kind: z.string(),
  title: z.string(),
  /** What it points at, e.g. `{ type: 'incoming_document', id }`. */
  subject: z.object({ type: z.string(), id: z.string() }),
  urgency: z.string(),
  createdAt: isoDateTimeSchema,
  readAt: isoDateTimeSchema.nullable(),
});
export type Notification = z.infer<typeof notificationSchema>;

export const notificationListQuerySchema = z.strictObject({
  unread: z.stringbool().default(false),
  before: uuidSchema.optional(),
  limit: z.coerce.number().int().min(1).max(100).default(30),
});
export const notificationListResponseSchema = z.object({
  items: z.array(notificationSchema),
  unread: z.number().int(),
});
export const markNotificationsReadBodySchema = z.strictObject({
  ids: z.array(uuidSchema).max(500).optional(),
});

/**
 * The data of a `notification` event on `GET /api/notifications/stream` (server-sent events):
 * the user's unread count now and the notification to show (the newest of the most urgent ones
 * that arrived together).
 */
export const notificationStreamEventSchema = z.object({
  unread: z.number().int(),
  latest: notificationSchema.pick({ id: true, kind: true, title: true, urgency: true }),
});
export type NotificationStreamEvent = z.infer<typeof notificationStreamEventSchema>;
