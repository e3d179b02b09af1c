import { z } from 'zod';

/** Error codes of reminders, notification preferences and channels (problem+json `code`). */
export const reminderErrorCodes = {
  remindersForbidden: 'reminders.forbidden',
  remindersEmailMissing: 'reminders.email_missing',
  remindersPhoneMissing: 'reminders.phone_missing',
  remindersChannelUnavailable: 'reminders.channel_unavailable',
} as const;

/** `HH:MM`, 24-hour, Vietnam time. */
export const clockTimeSchema = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'Expected HH:MM');

/**
 * Quiet hours in Vietnam time, e.g. 21:00–07:00 (the period may cross midnight). E-mail and SMS
 * that fall inside are sent when it ends; the in-app bell is never held back.
 */
export const quietHoursSchema = z
  .object({ start: clockTimeSchema, end: clockTimeSchema })
  .refine((q) => q.start !== q.end, {
    message: 'Quiet hours must not start and end at the same time',
    path: ['end'],
  });
export type QuietHours = z.infer<typeof quietHoursSchema>;

export const notificationChannelValues = ['email', 'sms'] as const;
export const notificationChannelSchema = z.enum(notificationChannelValues);
export type NotificationChannel = z.infer<typeof notificationChannelSchema>;

export const updateNotificationPreferencesBodySchema = z.strictObject({
  /** Send notifications (urgent documents, deadline reminders) to the account's e-mail address. */
  email: z.boolean(),
  /** … and by SMS to the account's phone number. */
  sms: z.boolean(),
  /** Null: no quiet hours. */
  quietHours: quietHoursSchema.nullable(),
  /** Top-urgent (thượng khẩn) and flash (hỏa tốc) documents are sent even during quiet hours. */
  urgentBreaksQuietHours: z.boolean(),
});
export type UpdateNotificationPreferencesBody = z.infer<
  typeof updateNotificationPreferencesBodySchema
>;

export const notificationPreferencesSchema = z.object({
  /** The bell in the app is always on. */
  inApp: z.literal(true),
  email: z.boolean(),
  sms: z.boolean(),
  quietHours: quietHoursSchema.nullable(),
  urgentBreaksQuietHours: z.boolean(),
  /** The addresses the channels use (from the account; an administrator changes them). */
  emailAddress: z.string().nullable(),
  phone: z.string().nullable(),
  /** Channels this server is configured for (SMTP, SMS gateway). */
  available: z.object({ email: z.boolean(), sms: z.boolean() }),
});
export type NotificationPreferences = z.infer<typeof notificationPreferencesSchema>;

/**
 * An agency's reminder rules (Decree 30 Art. 24(1)(c): the office follows up and urges handling
 * against the deadline). Offsets are working days before the due date.
 */
export const reminderSettingsBodySchema = z.strictObject({
  offsets: z
    .array(z.number().int().min(1).max(30))
    .max(5)
    .refine((o) => new Set(o).size === o.length, { message: 'Offsets must differ' }),
  onDueDay: z.boolean(),
  dailyOverdue: z.boolean(),
  /** Tell the assigning leader after this many working days overdue; null: never. */
  escalateAfterDays: z.number().int().min(1).max(30).nullable(),
  /** Reminders of a day are sent from this time on (Vietnam time). */
  remindAt: clockTimeSchema,
});
export type ReminderSettingsBody = z.infer<typeof reminderSettingsBodySchema>;

export const reminderSettingsSchema = reminderSettingsBodySchema.extend({
  agencyId: z.uuid(),
  /** False while the agency uses the defaults (nothing saved yet). */
  configured: z.boolean(),
});
export type ReminderSettings = z.infer<typeof reminderSettingsSchema>;
