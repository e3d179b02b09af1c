import { and, eq, inArray, sql } from 'drizzle-orm';
import type { PgUpdateSetSource } from 'drizzle-orm/pg-core';
import { queryRows, type Db } from '../../platform/db/database.js';
import { users } from '../identity/identity.tables.js';
import {
  defaultChannelPreferences,
  type ChannelPreferences,
} from './notifications.channels.models.js';
import {
  notificationDeliveries,
  notificationPreferences,
} from './notifications.channels.tables.js';
import { notifications } from './notifications.tables.js';

type PreferenceRow = typeof notificationPreferences.$inferSelect;
export type DeliveryRow = typeof notificationDeliveries.$inferSelect;

function fromRow(row: PreferenceRow | null | undefined): ChannelPreferences {
  if (!row) return defaultChannelPreferences;
  return {
    email: row.emailEnabled,
    sms: row.smsEnabled,
    quietHours:
      row.quietStart && row.quietEnd ? { start: row.quietStart, end: row.quietEnd } : null,
    urgentBreaksQuietHours: row.urgentBreaksQuiet,
  };
}

/** Preferences of several users; the defaults for those who never saved any. */
export async function preferencesOf(
  db: Db,
  userIds: string[],
): Promise<Map<string, ChannelPreferences>> {
  const result = new Map<string, ChannelPreferences>();
  if (userIds.length === 0) return result;
  const rows = await db
    .select()
    .from(notificationPreferences)
    .where(inArray(notificationPreferences.userId, userIds));
  for (const id of userIds) result.set(id, defaultChannelPreferences);
  for (const row of rows) result.set(row.userId, fromRow(row));
  return result;
}

/** A user's preferences with the addresses the channels would use. */
export async function accountChannels(db: Db, userId: string) {
  const [row] = await db
    .select({ email: users.email, phone: users.phone, prefs: notificationPreferences })
    .from(users)
    .leftJoin(notificationPreferences, eq(notificationPreferences.userId, users.id))
    .where(eq(users.id, userId));
  if (!row) return null;
  return { email: row.email, phone: row.phone, prefs: fromRow(row.prefs) };
}

export async function savePreferences(
  tx: Db,
  userId: string,
  prefs: ChannelPreferences,
  now: Date,
): Promise<void> {
  const values = {
    emailEnabled: prefs.email,
    smsEnabled: prefs.sms,
    quietStart: prefs.quietHours?.start ?? null,
    quietEnd: prefs.quietHours?.end ?? null,
    urgentBreaksQuiet: prefs.urgentBreaksQuietHours,
    updatedAt: now,
  };
  await tx
    .insert(notificationPreferences)
    .values({ userId, ...values })
    .onConflictDoUpdate({ target: notificationPreferences.userId, set: values });
}

export async function insertDeliveries(
  tx: Db,
  rows: (typeof notificationDeliveries.$inferInsert)[],
): Promise<void> {
  if (rows.length > 0) await tx.insert(notificationDeliveries).values(rows);
}

/** Everything the delivery job needs: the delivery, its notification, the user now. */
export async function deliveryToSend(db: Db, id: string) {
  const [row] = await db
    .select({
      delivery: notificationDeliveries,
      notification: {
        kind: notifications.kind,
        title: notifications.title,
        urgency: notifications.urgency,
        subject: notifications.subject,
      },
      user: {
        fullName: users.fullName,
        email: users.email,
        phone: users.phone,
        disabled: users.disabled,
      },
      prefs: notificationPreferences,
    })
    .from(notificationDeliveries)
    .innerJoin(notifications, eq(notifications.id, notificationDeliveries.notificationId))
    .innerJoin(users, eq(users.id, notificationDeliveries.userId))
    .leftJoin(notificationPreferences, eq(notificationPreferences.userId, users.id))
    .where(eq(notificationDeliveries.id, id));
  if (!row) return null;
  return {
    ...row,
    notification: {
      ...row.notification,
      subject: row.notification.subject as { type: string; id: string },
    },
    prefs: fromRow(row.prefs),
  };
}

/** Changes a delivery still pending; false when another run finished it first. */
export async function updatePendingDelivery(
  db: Db,
  id: string,
  patch: PgUpdateSetSource<typeof notificationDeliveries>,
): Promise<boolean> {
  const rows = await db
    .update(notificationDeliveries)
    .set(patch)
    .where(and(eq(notificationDeliveries.id, id), eq(notificationDeliveries.state, 'pending')))
    .returning({ id: notificationDeliveries.id });
  return rows.length > 0;
}

/** `attempts + 1`, for a patch that records a send attempt. */
export const nextAttempt = sql`${notificationDeliveries.attempts} + 1`;

const SUBJECT_TABLES: Record<string, string> = {
  incoming_document: 'incoming_documents',
  outgoing_document: 'outgoing_documents',
  task: 'tasks',
};

/** Whether the thing a notification is about carries a secrecy level (its text stays inside). */
export async function isConfidentialSubject(
  db: Db,
  subject: { type: string; id: string },
): Promise<boolean> {
  const table = SUBJECT_TABLES[subject.type];
  if (!table || !/^[0-9a-f-]{36}$/i.test(subject.id)) return false;
  const rows = await queryRows<{ confidential: boolean }>(
    db,
    sql`select secrecy <> 'normal' as confidential from ${sql.identifier(table)} where id = ${subject.id}`,
  );
  return rows[0]?.confidential ?? false;
}
