import { describe, expect, it } from 'vitest';
import { addDays } from '../calendar/index.js';
import {
  isoWeekOf,
  mondayOf,
  parseIsoWeek,
  resolveContent,
  resolveTiming,
  timingFields,
  vietnamInstant,
  vietnamParts,
  weeksInYear,
  weekStartsIn,
  type EntryTiming,
} from './schedule.models.js';

describe('ISO weeks', () => {
  it('parses a week to its Monday', () => {
    expect(parseIsoWeek('2026-W47')).toBe('2026-11-16');
    expect(parseIsoWeek('2026-W01')).toBe('2025-12-29'); // 1/1/2026 is a Thursday
    expect(parseIsoWeek('2025-W01')).toBe('2024-12-30');
    expect(parseIsoWeek(' 2027-W01 ')).toBe('2027-01-04');
  });

  it('knows which years have a week 53', () => {
    expect(weeksInYear(2026)).toBe(53); // starts on a Thursday
    expect(weeksInYear(2020)).toBe(53); // leap year starting on a Wednesday
    expect(weeksInYear(2025)).toBe(52);
    expect(weeksInYear(2027)).toBe(52);
    expect(parseIsoWeek('2026-W53')).toBe('2026-12-28');
    expect(parseIsoWeek('2020-W53')).toBe('2020-12-28');
    expect(parseIsoWeek('2025-W53')).toBeNull();
  });

  it.each([
    '2026-47',
    '2026-W5',
    '2026-W00',
    '2026-W54',
    'W47',
    '2026-w47',
    '26-W47',
    '',
    '1999-W10',
  ])('refuses %j', (text) => expect(parseIsoWeek(text)).toBeNull());

  it('names the week of a date by the year of its Thursday', () => {
    expect(isoWeekOf('2026-11-16')).toBe('2026-W47');
    expect(isoWeekOf('2026-11-22')).toBe('2026-W47'); // Sunday
    expect(isoWeekOf('2026-11-23')).toBe('2026-W48');
    expect(isoWeekOf('2027-01-01')).toBe('2026-W53');
    expect(isoWeekOf('2024-12-30')).toBe('2025-W01');
    expect(mondayOf('2026-11-22')).toBe('2026-11-16');
  });

  it('round-trips every day of 2020–2030', () => {
    for (let d = '2020-01-01'; d <= '2030-12-31'; d = addDays(d, 1))
      expect(parseIsoWeek(isoWeekOf(d))).toBe(mondayOf(d));
  });

  it('lists the weeks touching a range', () => {
    expect(weekStartsIn({ from: '2026-11-18', to: '2026-11-30' })).toEqual([
      '2026-11-16',
      '2026-11-23',
      '2026-11-30',
    ]);
  });
});

describe('Vietnam time', () => {
  it('is UTC+7 all year', () => {
    expect(vietnamInstant('2026-11-16', '08:00').toISOString()).toBe('2026-11-16T01:00:00.000Z');
    expect(vietnamInstant('2026-11-16').toISOString()).toBe('2026-11-15T17:00:00.000Z');
    expect(vietnamParts(new Date('2026-11-15T17:30:00Z'))).toEqual({
      date: '2026-11-16',
      time: '00:30',
    });
  });
});

describe('entry timing', () => {
  const timing = (t: Partial<EntryTiming>): EntryTiming => ({
    date: '2026-11-16',
    startTime: null,
    endDate: null,
    endTime: null,
    ...t,
  });
  const codes = (t: Partial<EntryTiming>) => {
    const r = resolveTiming(timing(t));
    return 'problems' in r ? r.problems.map((p) => p.code) : [];
  };

  it('stores a timed entry as instants and reads it back', () => {
    const r = resolveTiming(timing({ startTime: '08:00', endTime: '11:30' }));
    expect(r).toEqual({
      timing: {
        weekStart: '2026-11-16',
        allDay: false,
        startsAt: new Date('2026-11-16T01:00:00Z'),
        endsAt: new Date('2026-11-16T04:30:00Z'),
      },
    });
    if ('timing' in r)
      expect(timingFields(r.timing)).toEqual(
        timing({ startTime: '08:00', endDate: '2026-11-16', endTime: '11:30' }),
      );
  });

  it('keeps a timed entry without an end as an instant', () => {
    const r = resolveTiming(timing({ date: '2026-11-18', startTime: '14:00' }));
    expect('timing' in r && r.timing.endsAt).toBeNull();
    if ('timing' in r)
      expect(timingFields(r.timing)).toEqual(timing({ date: '2026-11-18', startTime: '14:00' }));
  });

  it('stores an all-day entry from midnight to the midnight after its last day', () => {
    const r = resolveTiming(timing({ date: '2026-11-20', endDate: '2026-11-22' }));
    expect(r).toEqual({
      timing: {
        weekStart: '2026-11-16',
        allDay: true,
        startsAt: new Date('2026-11-19T17:00:00Z'),
        endsAt: new Date('2026-11-22T17:00:00Z'),
      },
    });
    if ('timing' in r)
      expect(timingFields(r.timing)).toEqual(timing({ date: '2026-11-20', endDate: '2026-11-22' }));
  });

  it('refuses an end before the start', () => {
    expect(codes({ startTime: '10:00', endTime: '09:00' })).toEqual(['schedule.end_before_start']);
    expect(codes({ startTime: '10:00', endTime: '10:00' })).toEqual(['schedule.end_before_start']);
    expect(codes({ date: '2026-11-18', endDate: '2026-11-17' })).toEqual([
      'schedule.end_before_start',
    ]);
  });

  it('refuses an end time without a start time, and a later end day without an end time', () => {
    expect(codes({ endTime: '10:00' })).toEqual(['schedule.end_time_without_start']);
    expect(codes({ startTime: '10:00', endDate: '2026-11-17' })).toEqual([
      'schedule.end_time_required',
    ]);
  });

  it('keeps an entry inside its week (Sunday to Monday is two weeks)', () => {
    expect(codes({ date: '2026-11-22', endDate: '2026-11-23' })).toEqual(['schedule.spans_weeks']);
    expect(codes({ date: '2026-11-16', endDate: '2026-11-22' })).toEqual([]);
  });
});

describe('entry content', () => {
  it('defaults an on-duty entry to "Trực lãnh đạo" and requires it for an event', () => {
    expect(resolveContent('on_duty', null)).toEqual({ content: 'Trực lãnh đạo' });
    expect(resolveContent('on_duty', ' Trực ban ')).toEqual({ content: 'Trực ban' });
    expect(resolveContent('event', '  ')).toMatchObject({
      problem: { code: 'schedule.content_required' },
    });
  });
});
