import { sql } from 'drizzle-orm';
import {
  boolean,
  index,
  integer,
  pgEnum,
  pgTable,
  text,
  timestamp,
  unique,
  uuid,
} from 'drizzle-orm/pg-core';
import { users } from '../identity/identity.tables.js';
import { notifications } from './notifications.tables.js';

/**
 * Each user's choice of channels besides the bell. No row means the defaults: bell only, quiet
 * hours 21:00–07:00 Vietnam time, urgent documents wait for the morning.
 */
export const notificationPreferences = pgTable('notification_preferences', {
  userId: uuid('user_id')
    .primaryKey()
    .references(() => users.id),
  emailEnabled: boolean('email_enabled').notNull().default(false),
  smsEnabled: boolean('sms_enabled').notNull().default(false),
  /** `HH:MM` Vietnam time; both null: no quiet hours. */
  quietStart: text('quiet_start'),
  quietEnd: text('quiet_end'),
  urgentBreaksQuiet: boolean('urgent_breaks_quiet').notNull().default(false),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
});

export const notificationChannel = pgEnum('notification_channel', ['email', 'sms']);
export const deliveryState = pgEnum('notification_delivery_state', [
  'pending',
  'sent',
  'skipped',
  'failed',
]);

/**
 * One message of one notification on one outside channel. The row is written with the
 * notification (same transaction) and a `notifications.deliver` job; the job marks it `sent`,
 * `skipped` (with the reason: no address any more, channel switched off…) or `failed`, so a
 * retried job never sends a message already marked sent.
 */
export const notificationDeliveries = pgTable(
  'notification_deliveries',
  {
    id: uuid('id').primaryKey(),
    notificationId: uuid('notification_id')
      .notNull()
      .references(() => notifications.id),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id),
    channel: notificationChannel('channel').notNull(),
    state: deliveryState('state').notNull().default('pending'),
    /** Not sent before this instant (the end of the user's quiet hours). */
    notBefore: timestamp('not_before', { withTimezone: true }).notNull(),
    /** The e-mail address or phone number it went to. */
    address: text('address'),
    attempts: integer('attempts').notNull().default(0),
    skipReason: text('skip_reason'),
    lastError: text('last_error'),
    /** The provider's answer: SMTP message id, SMS gateway response. */
    providerRef: text('provider_ref'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    finishedAt: timestamp('finished_at', { withTimezone: true }),
  },
  (t) => [
    unique('notification_deliveries_uq').on(t.notificationId, t.channel),
    index('notification_deliveries_user_idx').on(t.userId, t.createdAt),
    index('notification_deliveries_pending_idx')
      .on(t.notBefore)
      .where(sql`${t.state} = 'pending'`),
  ],
);
