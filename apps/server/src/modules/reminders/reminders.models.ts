import { formatVnDate } from '../registers/index.js';
import { addDays, type WorkingCalendar } from '../calendar/index.js';

/**
 * When to remind (pure). Decree 30/2020 Art. 24(1)(c) has the office follow up and urge the
 * handling of documents against their deadlines; deadlines are counted in working days.
 */

export interface ReminderRules {
  /** Working days before the due date (e.g. 3 and 1). */
  offsets: number[];
  onDueDay: boolean;
  dailyOverdue: boolean;
  /** The assigning leader is told once the item is this many working days overdue; null: never. */
  escalateAfterDays: number | null;
  /** `HH:MM` Vietnam time from which a day's reminders go out. */
  remindAt: string;
}

export const defaultReminderRules: ReminderRules = {
  offsets: [3, 1],
  onDueDay: true,
  dailyOverdue: true,
  escalateAfterDays: 1,
  remindAt: '08:00',
};

export type ReminderKind = 'before' | 'due' | 'overdue' | 'escalation';

export interface PlannedReminder {
  kind: ReminderKind;
  /** The occasion's day: part of the reminder's unique key. */
  onDate: string;
  /** Who: the assignees, or the people to escalate to. */
  to: 'assignees' | 'escalation';
  /** Working days left (before), or working days overdue (overdue, escalation). */
  workingDays: number;
}

/** The n-th working day strictly before `due` (n ≥ 1): 1 before a Monday is the Friday. */
export function workingDayBefore(calendar: WorkingCalendar, due: string, n: number): string {
  if (!Number.isInteger(n) || n < 1) throw new RangeError(`offset must be ≥ 1, got ${n}`);
  let date = due;
  for (let left = n; left > 0;) {
    date = addDays(date, -1);
    if (calendar.isWorkingDay(date)) left--;
  }
  return date;
}

/**
 * The reminders an item with `due` date has on `today` (Vietnam dates), whether or not they were
 * already sent — the caller's unique key drops those. Rules:
 * - before: the latest offset whose day has come while the due date has not. A day missed while
 *   the server was down is caught up once, and only the nearest offset is (no burst of "3 days
 *   left" and "1 day left" together);
 * - due: on the due date itself;
 * - overdue: every working day after the due date (missed days are not replayed);
 * - escalation: once, from the N-th working day after the due date on.
 */
export function planReminders(
  due: string,
  rules: ReminderRules,
  calendar: WorkingCalendar,
  today: string,
): PlannedReminder[] {
  const planned: PlannedReminder[] = [];
  if (today < due) {
    let best: string | null = null;
    for (const n of rules.offsets) {
      const day = workingDayBefore(calendar, due, n);
      if (day <= today && (best === null || day > best)) best = day;
    }
    if (best !== null)
      planned.push({
        kind: 'before',
        onDate: best,
        to: 'assignees',
        workingDays: calendar.workingDaysBetween(today, due),
      });
    return planned;
  }
  if (today === due) {
    if (rules.onDueDay) planned.push({ kind: 'due', onDate: due, to: 'assignees', workingDays: 0 });
    return planned;
  }
  const overdue = calendar.workingDaysBetween(due, today);
  if (rules.dailyOverdue && calendar.isWorkingDay(today))
    planned.push({ kind: 'overdue', onDate: today, to: 'assignees', workingDays: overdue });
  if (rules.escalateAfterDays !== null) {
    const from = calendar.addWorkingDays(due, rules.escalateAfterDays);
    if (from <= today)
      planned.push({ kind: 'escalation', onDate: from, to: 'escalation', workingDays: overdue });
  }
  return planned;
}

/** The bell's (and the e-mail subject's) text, in Vietnamese. */
export function reminderTitle(p: PlannedReminder, item: { title: string; dueDate: string }) {
  const due = formatVnDate(item.dueDate);
  switch (p.kind) {
    case 'before':
      return `Còn ${p.workingDays} ngày làm việc đến hạn ${due}: ${item.title}`;
    case 'due':
      return `Đến hạn hôm nay (${due}): ${item.title}`;
    case 'overdue':
      return `Quá hạn ${p.workingDays} ngày làm việc (hạn ${due}): ${item.title}`;
    case 'escalation':
      return `Cần đôn đốc — quá hạn ${p.workingDays} ngày làm việc (hạn ${due}): ${item.title}`;
  }
}

/** Whether a day's reminders may go out yet: from `remindAt` on (string `HH:MM` comparison). */
export function isTimeToRemind(vietnamClock: string, rules: ReminderRules): boolean {
  return vietnamClock >= rules.remindAt;
}
