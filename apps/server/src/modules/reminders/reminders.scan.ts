import { vietnamDate } from '../../platform/clock/clock.js';
import type { Clock } from '../../platform/clock/clock.js';
import type { Db } from '../../platform/db/database.js';
import { newId } from '../../platform/db/ids.js';
import { vietnamLocal } from '../../platform/signing/vietnam-time.js';
import { loadWorkingCalendar } from '../calendar/index.js';
import { notify } from '../notifications/index.js';
import {
  defaultReminderRules,
  isTimeToRemind,
  planReminders,
  reminderTitle,
  type PlannedReminder,
} from './reminders.models.js';
import * as repo from './reminders.repository.js';
import type { DeadlineItem, DeadlineSource } from './reminders.sources.js';

export interface ScanDeps {
  db: Db;
  clock: Clock;
  sources: readonly DeadlineSource[];
}

export interface ScanResult {
  /** Open items looked at. */
  items: number;
  /** Reminders sent now (one per recipient and occasion). */
  sent: number;
}

function yearsBetween(first: number, last: number): number[] {
  return Array.from({ length: last - first + 1 }, (_, i) => first + i);
}

/**
 * One pass of the reminder scan: asks every source for open items due within the largest offset,
 * works out which reminders today (Vietnam time) brings, and sends those not sent yet — each item
 * in its own short transaction: the `reminder_deliveries` rows (unique key), the bell
 * notifications and the e-mail/SMS delivery jobs together. Safe to run any number of times, in
 * several processes at once, and after a restart: what was sent is never sent again, what fell due
 * while the server was down goes out on the first pass after it.
 */
export async function runReminderScan(deps: ScanDeps): Promise<ScanResult> {
  const now = deps.clock.now();
  const today = vietnamDate(now);
  const clockTime = vietnamLocal(now).slice(11, 16);
  const year = Number(today.slice(0, 4));
  const rulesByAgency = await repo.allRules(deps.db);
  const maxOffset = Math.max(
    0,
    ...defaultReminderRules.offsets,
    ...[...rulesByAgency.values()].flatMap((r) => r.offsets),
  );
  let calendar = await loadWorkingCalendar(deps.db, yearsBetween(year - 1, year + 1));
  const until = calendar.addWorkingDays(today, maxOffset);

  const found: { source: DeadlineSource; item: DeadlineItem }[] = [];
  for (const source of deps.sources) {
    for (const item of await source.openItemsDueBy(deps.db, until)) found.push({ source, item });
  }
  const firstYear = Math.min(year - 1, ...found.map((f) => Number(f.item.dueDate.slice(0, 4))));
  if (firstYear < year - 1)
    calendar = await loadWorkingCalendar(deps.db, yearsBetween(firstYear, year + 1));
  const disabled = await repo.disabledUserIds(deps.db, [
    ...new Set(found.flatMap((f) => [...f.item.assigneeIds, ...f.item.escalateToIds])),
  ]);

  // What today brings, per item and occasion, to whom (not yet checked against what was sent).
  const occasions: Occasion[] = [];
  for (const { source, item } of found) {
    const rules = rulesByAgency.get(item.agencyId) ?? defaultReminderRules;
    if (!isTimeToRemind(clockTime, rules)) continue;
    for (const reminder of planReminders(item.dueDate, rules, calendar, today)) {
      const people = reminder.to === 'assignees' ? item.assigneeIds : item.escalateToIds;
      const recipients = [...new Set(people)].filter((id) => !disabled.has(id));
      if (recipients.length > 0) occasions.push({ source, item, reminder, recipients });
    }
  }
  // One read of what earlier scans sent, so that a repeated scan (every interval, all day) opens
  // no transaction for items already reminded; the unique key still settles concurrent scans.
  const already = await repo.sentReminderKeys(deps.db, occasions.map(reminderKeyOf));
  const pending = new Map<DeadlineItem, Occasion[]>();
  for (const o of occasions) {
    const key = reminderKeyOf(o);
    const recipients = o.recipients.filter((userId) => !already.has(repo.sentKey(key, userId)));
    if (recipients.length === 0) continue;
    pending.set(o.item, [...(pending.get(o.item) ?? []), { ...o, recipients }]);
  }

  let sent = 0;
  for (const itemOccasions of pending.values())
    sent += await remindItem(deps.db, itemOccasions, now);
  return { items: found.length, sent };
}

interface Occasion {
  source: DeadlineSource;
  item: DeadlineItem;
  reminder: PlannedReminder;
  recipients: string[];
}

function reminderKeyOf(o: Occasion): repo.ReminderKey {
  return {
    source: o.source.kind,
    itemKey: o.item.key,
    kind: o.reminder.kind,
    dueDate: o.item.dueDate,
    onDate: o.reminder.onDate,
  };
}

/** One item's new reminders in one transaction: the rows, the notifications, the escalation mark. */
async function remindItem(db: Db, occasions: Occasion[], now: Date): Promise<number> {
  return db.transaction(async (tx) => {
    let sent = 0;
    for (const o of occasions) {
      const { source, item, reminder } = o;
      const inserted = await repo.insertNewReminders(
        tx,
        o.recipients.map((userId) => ({
          id: newId(),
          ...reminderKeyOf(o),
          agencyId: item.agencyId,
          userId,
          createdAt: now,
        })),
      );
      if (inserted.length === 0) continue;
      const notifications = await notify(
        tx,
        {
          userIds: inserted.map((r) => r.userId),
          kind: `reminder.${reminder.kind}`,
          title: reminderTitle(reminder, item),
          subject: item.subject,
          urgency: item.urgency,
        },
        now,
        { channels: true },
      );
      const byUser = new Map(notifications.map((n) => [n.userId, n.id]));
      await repo.linkNotifications(
        tx,
        inserted.flatMap((r) => {
          const notificationId = byUser.get(r.userId);
          return notificationId ? [{ reminderId: r.id, notificationId }] : [];
        }),
      );
      if (reminder.kind === 'escalation') await source.onEscalated?.(tx, [item.key], now);
      sent += inserted.length;
    }
    return sent;
  });
}
