import { describe, expect, it } from 'vitest';
import { builtinCalendarDays } from './calendar.holidays.data.js';
import {
  addDays,
  dayNumber,
  validateYearExceptions,
  weekday,
  WorkingCalendar,
  type CalendarException,
} from './calendar.models.js';

const builtin = new WorkingCalendar(
  Object.values(builtinCalendarDays).flatMap((days) => [...days]),
);
const plain = new WorkingCalendar([]);

describe('date arithmetic on YYYY-MM-DD', () => {
  it('knows weekdays and crosses months, leap days and years without time zones', () => {
    expect(weekday('1970-01-01')).toBe(4);
    expect(weekday('2026-02-17')).toBe(2);
    expect(addDays('2028-02-28', 1)).toBe('2028-02-29');
    expect(addDays('2027-02-28', 1)).toBe('2027-03-01');
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
    expect(addDays('2026-03-29', 1)).toBe('2026-03-30');
  });

  it('rejects what is not a calendar date', () => {
    expect(() => dayNumber('2026-02-30')).toThrow(RangeError);
    expect(() => dayNumber('2026-2-3')).toThrow(RangeError);
    expect(() => dayNumber('2026-02-03T00:00:00Z')).toThrow(RangeError);
  });
});

describe('WorkingCalendar', () => {
  it('takes Saturdays and Sundays off and works Monday to Friday', () => {
    expect(plain.isWorkingDay('2026-03-06')).toBe(true); // Friday
    expect(plain.isWorkingDay('2026-03-07')).toBe(false); // Saturday
    expect(plain.isWorkingDay('2026-03-08')).toBe(false); // Sunday
    expect(plain.nextWorkingDay('2026-03-06')).toBe('2026-03-09');
    expect(plain.addWorkingDays('2026-03-06', 5)).toBe('2026-03-13');
    expect(plain.workingDaysBetween('2026-03-06', '2026-03-13')).toBe(5);
  });

  it('returns the start itself for 0 working days, even on a holiday, and refuses bad counts', () => {
    expect(builtin.addWorkingDays('2026-02-17', 0)).toBe('2026-02-17');
    expect(builtin.workingDaysBetween('2026-02-17', '2026-02-17')).toBe(0);
    expect(() => plain.addWorkingDays('2026-03-06', -1)).toThrow(RangeError);
    expect(() => plain.addWorkingDays('2026-03-06', 1.5)).toThrow(RangeError);
  });

  it('skips the whole Tết Bính Ngọ 2026 block (Saturday 14/2 to Sunday 22/2)', () => {
    for (const day of ['2026-02-14', '2026-02-16', '2026-02-17', '2026-02-20', '2026-02-22'])
      expect(builtin.isWorkingDay(day)).toBe(false);
    expect(builtin.isWorkingDay('2026-02-13')).toBe(true);
    expect(builtin.nextWorkingDay('2026-02-13')).toBe('2026-02-23');
    expect(builtin.addWorkingDays('2026-02-12', 2)).toBe('2026-02-23');
    expect(builtin.workingDaysBetween('2026-02-13', '2026-02-27')).toBe(5);
    expect(builtin.exceptionOn('2026-02-17')?.name).toBe('Tết Nguyên đán (mùng 1 tháng Giêng)');
  });

  it('counts a Saturday made a working day by a swap, and not the Friday it replaced', () => {
    expect(builtin.isWorkingDay('2026-01-02')).toBe(false); // Friday off by the swap
    expect(builtin.isWorkingDay('2026-01-10')).toBe(true); // Saturday worked instead
    expect(builtin.nextWorkingDay('2026-01-09')).toBe('2026-01-10');
    expect(builtin.addWorkingDays('2026-01-08', 3)).toBe('2026-01-12');
    expect(builtin.isWorkingDay('2026-08-22')).toBe(true);
    expect(builtin.workingDaysBetween('2026-08-21', '2026-08-24')).toBe(2);
  });

  it('moves a holiday that falls on a Sunday to the Monday (Giỗ Tổ 2026)', () => {
    expect(builtin.isWorkingDay('2026-04-27')).toBe(false);
    expect(builtin.nextWorkingDay('2026-04-24')).toBe('2026-04-28');
  });

  it('adds working days across the year end, through the 2027 New Year', () => {
    // Thu 31/12/2026 → Fri 1/1/2027 holiday, weekend, then Mon 4/1 and Tue 5/1.
    expect(builtin.addWorkingDays('2026-12-30', 3)).toBe('2027-01-05');
    expect(builtin.workingDaysBetween('2026-12-30', '2027-01-05')).toBe(3);
    expect(builtin.workingDaysBetween('2027-01-05', '2026-12-30')).toBe(-3);
  });

  it('agrees with itself: between(a, add(a, n)) = n over a whole year', () => {
    for (let n = 0; n <= 260; n += 13)
      expect(
        builtin.workingDaysBetween('2025-12-31', builtin.addWorkingDays('2025-12-31', n)),
      ).toBe(n);
  });
});

describe('built-in holidays', () => {
  const all = Object.entries(builtinCalendarDays);

  it('are valid for their year: in the year, once each, worked days only on weekends', () => {
    for (const [year, days] of all) expect(validateYearExceptions(Number(year), days)).toEqual([]);
  });

  it('give the 11 statutory days off each year (Labour Code 2019 Art. 112), plus swaps', () => {
    const weekdayHolidays = (year: string) =>
      builtinCalendarDays[Number(year)]!.filter((d) => d.kind === 'holiday').length;
    const workedWeekends = (year: string) =>
      builtinCalendarDays[Number(year)]!.filter((d) => d.kind === 'working_day').length;
    for (const [year] of all) {
      // Every swap moves a day off onto a worked Saturday, so holidays − worked days stay at 11.
      expect(weekdayHolidays(year) - workedWeekends(year)).toBe(11);
    }
  });

  it('put Tết and Giỗ Tổ on the right lunar dates', () => {
    const named = (day: string) => builtin.exceptionOn(day)?.name ?? '';
    expect(named('2025-01-29')).toContain('mùng 1');
    expect(named('2026-02-17')).toContain('mùng 1');
    expect(weekday('2027-02-06')).toBe(6); // Tết Đinh Mùi on a Saturday
    expect(named('2025-04-07')).toContain('Giỗ Tổ');
    expect(weekday('2026-04-26')).toBe(0);
    expect(named('2027-04-16')).toContain('Giỗ Tổ');
  });
});

describe('validateYearExceptions', () => {
  const day = (d: string, kind: CalendarException['kind'] = 'holiday') => ({
    day: d,
    kind,
    name: 'Ngày nghỉ',
  });

  it('reports days outside the year, duplicates and weekdays marked as working days', () => {
    const problems = validateYearExceptions(2026, [
      day('2026-01-01'),
      day('2027-01-01'),
      day('2026-01-01'),
      day('2026-03-04', 'working_day'),
      day('2026-03-07', 'working_day'),
    ]);
    expect(problems.map((p) => [p.path, p.code])).toEqual([
      ['body.days.1.day', 'calendar.day_outside_year'],
      ['body.days.2.day', 'calendar.day_duplicate'],
      ['body.days.3.day', 'calendar.working_day_not_weekend'],
    ]);
  });
});
