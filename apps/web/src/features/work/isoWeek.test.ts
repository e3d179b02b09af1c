import { describe, expect, test } from 'vitest';
import { isoWeekOf, shiftWeek, vietnamToday, weekDays, weekMonday, weekdayIndex } from './isoWeek';

describe('ISO weeks', () => {
  test('the Thursday decides the year at the turn of a year', () => {
    expect(isoWeekOf('2026-11-19')).toBe('2026-W47');
    expect(isoWeekOf('2026-01-01')).toBe('2026-W01');
    expect(isoWeekOf('2027-01-01')).toBe('2026-W53');
    expect(isoWeekOf('2024-12-30')).toBe('2025-W01');
  });

  test('Monday of a week, and weeks a year does not have', () => {
    expect(weekMonday('2026-W47')).toBe('2026-11-16');
    expect(weekMonday('2025-W01')).toBe('2024-12-30');
    expect(weekMonday('2026-W53')).toBe('2026-12-28');
    expect(weekMonday('2025-W53')).toBeNull();
    expect(weekMonday('2026-47')).toBeNull();
    expect(weekMonday('2026-W00')).toBeNull();
  });

  test('moving across years and the days of a week', () => {
    expect(shiftWeek('2026-W53', 1)).toBe('2027-W01');
    expect(shiftWeek('2025-W01', -1)).toBe('2024-W52');
    expect(weekDays('2026-W47')).toEqual([
      '2026-11-16',
      '2026-11-17',
      '2026-11-18',
      '2026-11-19',
      '2026-11-20',
      '2026-11-21',
      '2026-11-22',
    ]);
    expect(weekdayIndex('2026-11-22')).toBe(6);
  });

  test('today is the Vietnam date, not the UTC one', () => {
    expect(vietnamToday(new Date('2026-11-22T18:30:00Z'))).toBe('2026-11-23');
    expect(vietnamToday(new Date('2026-11-22T16:59:00Z'))).toBe('2026-11-22');
  });
});
