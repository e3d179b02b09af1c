import { and, eq, inArray } from 'drizzle-orm';
import type { Db } from '../../platform/db/database.js';
import { users } from '../identity/identity.tables.js';
import { defaultReminderRules, type ReminderRules } from './reminders.models.js';
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

export async function linkNotification(tx: Db, reminderId: string, notificationId: string) {
  await tx
    .update(reminderDeliveries)
    .set({ notificationId })
    .where(eq(reminderDeliveries.id, reminderId));
}
