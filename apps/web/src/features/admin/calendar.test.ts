import type { CalendarDay } from '@vanban/contracts';
import { describe, expect, it } from 'vitest';
import { calendarDayProblem, dayLook, isWeekend, monthsOf, sortDays } from './calendar';

const tet: CalendarDay = { day: '2026-02-17', kind: 'holiday', name: 'Tết' };

describe('working calendar', () => {
  it('knows weekends and exceptions', () => {
    expect(isWeekend('2026-01-10')).toBe(true); // Saturday
    expect(isWeekend('2026-01-12')).toBe(false);
    const exceptions = new Map([[tet.day, tet]]);
    expect(dayLook('2026-02-17', exceptions)).toBe('holiday');
    expect(dayLook('2026-02-21', exceptions)).toBe('weekend');
    expect(dayLook('2026-02-19', exceptions)).toBe('workday');
  });

  it('lists the months of a year', () => {
    expect(monthsOf(2026)).toHaveLength(12);
    expect(monthsOf(2026)[11]).toBe('2026-12-01');
  });

  it('checks a new day like the server does', () => {
    expect(calendarDayProblem('2027-01-01', 'holiday', 2026, [])).toBe(
      'admin.calendar.problems.otherYear',
    );
    expect(calendarDayProblem('2026-02-17', 'holiday', 2026, [tet])).toBe(
      'admin.calendar.problems.duplicate',
    );
    expect(calendarDayProblem('2026-01-12', 'working_day', 2026, [])).toBe(
      'admin.calendar.problems.notWeekend',
    );
    expect(calendarDayProblem('2026-01-10', 'working_day', 2026, [])).toBeNull();
  });

  it('sorts by day', () => {
    expect(sortDays([tet, { day: '2026-01-01', kind: 'holiday', name: 'x' }])[0]?.day).toBe(
      '2026-01-01',
    );
  });
});
