import { sql } from 'drizzle-orm';
import {
  boolean,
  date,
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
import { notifications } from '../notifications/notifications.tables.js';
import { agencies } from '../organizations/organizations.tables.js';

/**
 * An agency's reminder rules; no row means the defaults (3 and 1 working days before, on the
 * day, daily while overdue, the assigning leader told after 1 working day overdue, from 08:00).
 */
export const reminderSettings = pgTable('reminder_settings', {
  agencyId: uuid('agency_id')
    .primaryKey()
    .references(() => agencies.id),
  /** Working days before the due date, e.g. {3,1}. */
  offsets: integer('offsets')
    .array()
    .notNull()
    .default(sql`'{3,1}'::integer[]`),
  onDueDay: boolean('on_due_day').notNull().default(true),
  dailyOverdue: boolean('daily_overdue').notNull().default(true),
  /** Null: no escalation. */
  escalateAfterDays: integer('escalate_after_days').default(1),
  /** `HH:MM` Vietnam time from which the day's reminders go out. */
  remindAt: text('remind_at').notNull().default('08:00'),
  updatedBy: uuid('updated_by').references(() => users.id),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
});

export const reminderKind = pgEnum('reminder_kind', ['before', 'due', 'overdue', 'escalation']);

/**
 * Every reminder ever sent, one row per deadline, recipient and occasion. The unique key is what
 * makes the scan safe to repeat: after a restart, a retried scan job or two workers scanning at
 * once, a second insert of the same reminder does nothing, and its notification and e-mail/SMS
 * deliveries (written in the same transaction only when the row is new) are not made again.
 */
export const reminderDeliveries = pgTable(
  'reminder_deliveries',
  {
    id: uuid('id').primaryKey(),
    /** The `DeadlineSource.kind` (`assignment`, `task`). */
    source: text('source').notNull(),
    itemKey: text('item_key').notNull(),
    agencyId: uuid('agency_id')
      .notNull()
      .references(() => agencies.id),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id),
    kind: reminderKind('kind').notNull(),
    /** The due date the reminder is about: an extended deadline reminds afresh. */
    dueDate: date('due_date', { mode: 'string' }).notNull(),
    /**
     * The day of the occasion: the working day N before the due date, the due date, the overdue
     * day, or the day escalation became due. Part of the key, so each occurs once.
     */
    onDate: date('on_date', { mode: 'string' }).notNull(),
    notificationId: uuid('notification_id').references(() => notifications.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    unique('reminder_deliveries_uq').on(t.source, t.itemKey, t.userId, t.kind, t.dueDate, t.onDate),
    index('reminder_deliveries_item_idx').on(t.source, t.itemKey),
    index('reminder_deliveries_agency_idx').on(t.agencyId, t.createdAt),
  ],
);
