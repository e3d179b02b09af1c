import { and, eq, inArray, sql } from 'drizzle-orm';
import { queryRows, type Db } from '../../platform/db/database.js';
import { uuidArray } from '../../platform/db/sql.js';
import { users } from '../identity/identity.tables.js';
import { defaultReminderRules, type ReminderKind, type ReminderRules } from './reminders.models.js';
import { reminderDeliveries, reminderSettings } from './reminders.tables.js';

type SettingsRow = typeof reminderSettings.$inferSelect;

function rulesOf(row: SettingsRow): ReminderRules {
  return {
    offsets: row.offsets,
    onDueDay: row.onDueDay,
    dailyOverdue: row.dailyOverdue,
    escalateAfterDays: row.escalateAfterDays,
    remindAt: row.remindAt,
  };
}

/** Every agency's saved rules (few rows: one per agency that changed the defaults). */
export async function allRules(db: Db): Promise<Map<string, ReminderRules>> {
  const rows = await db.select().from(reminderSettings);
  return new Map(rows.map((r) => [r.agencyId, rulesOf(r)]));
}

export async function rulesOfAgency(
  db: Db,
  agencyId: string,
): Promise<{ rules: ReminderRules; configured: boolean }> {
  const [row] = await db
    .select()
    .from(reminderSettings)
    .where(eq(reminderSettings.agencyId, agencyId));
  return row
    ? { rules: rulesOf(row), configured: true }
    : { rules: defaultReminderRules, configured: false };
}

export async function saveRules(
  tx: Db,
  agencyId: string,
  rules: ReminderRules,
  by: string,
  now: Date,
): Promise<void> {
  const values = { ...rules, updatedBy: by, updatedAt: now };
  await tx
    .insert(reminderSettings)
    .values({ agencyId, ...values })
    .onConflictDoUpdate({ target: reminderSettings.agencyId, set: values });
}

export async function disabledUserIds(db: Db, ids: string[]): Promise<Set<string>> {
  if (ids.length === 0) return new Set();
  const rows = await db
    .select({ id: users.id })
    .from(users)
    .where(and(inArray(users.id, ids), eq(users.disabled, true)));
  return new Set(rows.map((r) => r.id));
}

/**
 * Inserts the reminders not sent yet and returns those (the unique key drops the others). On
 * PostgreSQL a concurrent scan inserting the same key waits for this transaction and then skips.
 */
export async function insertNewReminders(
  tx: Db,
  rows: (typeof reminderDeliveries.$inferInsert)[],
): Promise<{ id: string; userId: string }[]> {
  if (rows.length === 0) return [];
  return tx
    .insert(reminderDeliveries)
    .values(rows)
    .onConflictDoNothing({
      target: [
        reminderDeliveries.source,
        reminderDeliveries.itemKey,
        reminderDeliveries.userId,
        reminderDeliveries.kind,
        reminderDeliveries.dueDate,
        reminderDeliveries.onDate,
      ],
    })
    .returning({ id: reminderDeliveries.id, userId: reminderDeliveries.userId });
}

/** One occasion of one item: the unique key of `reminder_deliveries` without the recipient. */
export interface ReminderKey {
  source: string;
  itemKey: string;
  kind: ReminderKind;
  dueDate: string;
  onDate: string;
}

/** The set member `sentReminderKeys` returns for a reminder of `key` to `userId`. */
export function sentKey(key: ReminderKey, userId: string): string {
  return [key.source, key.itemKey, key.kind, key.dueDate, key.onDate, userId].join('|');
}

/** Which of these occasions were already sent, and to whom (as `sentKey` strings); one query. */
export async function sentReminderKeys(db: Db, keys: ReminderKey[]): Promise<Set<string>> {
  if (keys.length === 0) return new Set();
  const rows = await queryRows<ReminderKey & { userId: string }>(
    db,
    sql`select r.source, r.item_key as "itemKey", r.kind::text as kind,
               r.due_date::text as "dueDate", r.on_date::text as "onDate", r.user_id as "userId"
        from jsonb_to_recordset(${JSON.stringify(keys)}::jsonb)
          as k("source" text, "itemKey" text, "kind" text, "dueDate" date, "onDate" date)
        join reminder_deliveries r on r.source = k."source" and r.item_key = k."itemKey"
          and r.kind::text = k."kind" and r.due_date = k."dueDate" and r.on_date = k."onDate"`,
  );
  return new Set(rows.map((r) => sentKey(r, r.userId)));
}

/** Points each new reminder at the bell notification made for it, in one statement. */
export async function linkNotifications(
  tx: Db,
  links: { reminderId: string; notificationId: string }[],
): Promise<void> {
  if (links.length === 0) return;
  await tx.execute(
    sql`update reminder_deliveries r set notification_id = l.notification_id
        from unnest(${uuidArray(links.map((l) => l.reminderId))},
                    ${uuidArray(links.map((l) => l.notificationId))}) as l(id, notification_id)
        where r.id = l.id`,
  );
}
