import { describe, expect, it } from 'vitest';
import { addDays, builtinCalendarDays, WorkingCalendar } from '../calendar/index.js';
import {
  defaultReminderRules,
  isTimeToRemind,
  planReminders,
  reminderTitle,
  workingDayBefore,
  type ReminderRules,
} from './reminders.models.js';

// 2026: Monday 27/4 is the day off for Hùng Kings (Sunday 26/4), 30/4 and 1/5 are holidays.
const calendar = new WorkingCalendar(
  Object.values(builtinCalendarDays).flatMap((days) => [...days]),
);
const DUE = '2026-05-04'; // a Monday, after the 30/4–1/5 holidays and a weekend

/** Every day from `from` to `to`, the reminders planned, kept once per key (as the table does). */
function simulate(rules: ReminderRules, from: string, to: string, due = DUE) {
  const sent = new Map<string, string>();
  for (let day = from; day <= to; day = addDays(day, 1)) {
    for (const p of planReminders(due, rules, calendar, day)) {
      const key = `${p.kind}:${p.onDate}`;
      if (!sent.has(key)) sent.set(key, day);
    }
  }
  return [...sent.entries()].map(([key, day]) => `${day} ${key}`);
}

describe('working days before a due date', () => {
  it('skips weekends and holidays when counting back', () => {
    expect(workingDayBefore(calendar, DUE, 1)).toBe('2026-04-29');
    expect(workingDayBefore(calendar, DUE, 2)).toBe('2026-04-28');
    // 27/4 is a day off, so the third working day before is Friday 24/4.
    expect(workingDayBefore(calendar, DUE, 3)).toBe('2026-04-24');
    expect(workingDayBefore(calendar, '2026-03-09', 1)).toBe('2026-03-06');
    expect(() => workingDayBefore(calendar, DUE, 0)).toThrow(RangeError);
  });
});

describe('reminder plan', () => {
  it('fires each reminder once, on the right days, with escalation after 1 working day', () => {
    expect(simulate(defaultReminderRules, '2026-04-15', '2026-05-12')).toEqual([
      '2026-04-24 before:2026-04-24',
      '2026-04-29 before:2026-04-29',
      '2026-05-04 due:2026-05-04',
      '2026-05-05 overdue:2026-05-05',
      '2026-05-05 escalation:2026-05-05',
      '2026-05-06 overdue:2026-05-06',
      '2026-05-07 overdue:2026-05-07',
      '2026-05-08 overdue:2026-05-08',
      // 9 and 10 May are a weekend: no overdue reminder.
      '2026-05-11 overdue:2026-05-11',
      '2026-05-12 overdue:2026-05-12',
    ]);
  });

  it('follows the agency rules: other offsets, no due-day, no daily overdue, later escalation', () => {
    const rules: ReminderRules = {
      offsets: [5, 2],
      onDueDay: false,
      dailyOverdue: false,
      escalateAfterDays: 3,
      remindAt: '08:00',
    };
    expect(simulate(rules, '2026-04-15', '2026-05-12')).toEqual([
      '2026-04-22 before:2026-04-22',
      '2026-04-28 before:2026-04-28',
      '2026-05-07 escalation:2026-05-07',
    ]);
    expect(
      simulate({ ...rules, offsets: [], escalateAfterDays: null }, '2026-04-15', '2026-05-12'),
    ).toEqual([]);
  });

  it('catches up a missed day once with the nearest offset only', () => {
    // Down from 23/4 to 29/4 inclusive: back on 30/4 (a holiday), before the due date.
    const planned = planReminders(DUE, defaultReminderRules, calendar, '2026-04-30');
    expect(planned).toEqual([
      { kind: 'before', onDate: '2026-04-29', to: 'assignees', workingDays: 1 },
    ]);
    // Back only after the due date: the overdue reminder of the day and the escalation.
    expect(planReminders(DUE, defaultReminderRules, calendar, '2026-05-07')).toEqual([
      { kind: 'overdue', onDate: '2026-05-07', to: 'assignees', workingDays: 3 },
      { kind: 'escalation', onDate: '2026-05-05', to: 'escalation', workingDays: 3 },
    ]);
  });

  it('writes the titles in Vietnamese with the working days and the due date', () => {
    const item = { title: '12/UBND-VX: Về việc báo cáo', dueDate: DUE };
    const [before] = planReminders(DUE, defaultReminderRules, calendar, '2026-04-24');
    expect(reminderTitle(before!, item)).toBe(
      'Còn 3 ngày làm việc đến hạn 04/05/2026: 12/UBND-VX: Về việc báo cáo',
    );
    const [overdue, escalation] = planReminders(DUE, defaultReminderRules, calendar, '2026-05-05');
    expect(reminderTitle(overdue!, item)).toBe(
      'Quá hạn 1 ngày làm việc (hạn 04/05/2026): 12/UBND-VX: Về việc báo cáo',
    );
    expect(reminderTitle(escalation!, item)).toContain('Cần đôn đốc');
    const [due] = planReminders(DUE, defaultReminderRules, calendar, DUE);
    expect(reminderTitle(due!, item)).toBe(
      'Đến hạn hôm nay (04/05/2026): 12/UBND-VX: Về việc báo cáo',
    );
  });

  it('waits for the time of day the agency reminds from', () => {
    expect(isTimeToRemind('07:59', defaultReminderRules)).toBe(false);
    expect(isTimeToRemind('08:00', defaultReminderRules)).toBe(true);
    expect(isTimeToRemind('23:10', { ...defaultReminderRules, remindAt: '23:00' })).toBe(true);
  });
});
