import type { DashboardAgency } from '@vanban/contracts';
import { describe, expect, it } from 'vitest';
import { WorkingCalendar } from '../calendar/index.js';
import {
  average,
  DEFAULT_TARGETS,
  meetsTarget,
  rankAgencies,
  rate,
  resolvePeriod,
  toMetrics,
  workingDayIndex,
  yearsBetween,
  zeroCounts,
} from './dashboards.models.js';

describe('dashboard figures', () => {
  it('divides only when there is something to divide by', () => {
    expect(rate(3, 4)).toBe(0.75);
    expect(rate(0, 5)).toBe(0);
    expect(rate(0, 0)).toBeNull();
  });

  it('averages to one decimal', () => {
    expect(average(10, 4)).toBe(2.5);
    expect(average(10, 3)).toBe(3.3);
    expect(average(0, 2)).toBe(0);
    expect(average(0, 0)).toBeNull();
  });

  it('compares the online share with a whole-percent target exactly', () => {
    // 9 of 10 is exactly 90 %: 0.9 in floating point would be 0.9000000000000000222 vs 0.9.
    expect(meetsTarget(9, 10, 90)).toBe(true);
    expect(meetsTarget(8, 10, 90)).toBe(false);
    // 2 of 3 is 66.7 %: over a 60 % target, under 70 %.
    expect(meetsTarget(2, 3, 60)).toBe(true);
    expect(meetsTarget(2, 3, 70)).toBe(false);
    expect(meetsTarget(0, 0, 60)).toBeNull();
    expect(meetsTarget(5, 5, null)).toBeNull();
    expect(meetsTarget(0, 4, 0)).toBe(true);
  });

  it("defaults to the city's plan: 90 % city and departments, 80 % districts, 60 % communes", () => {
    expect(DEFAULT_TARGETS).toEqual({
      city: 90,
      department: 90,
      district: 80,
      commune: 60,
      other: null,
    });
  });

  it('turns counts into metrics', () => {
    const raw = zeroCounts();
    raw.incoming = {
      received: 7,
      completed: 4,
      onTime: 3,
      inProgress: 2,
      overdue: 1,
      handlingDays: 9,
    };
    raw.tasks = { assigned: 1, inProgress: 2, overdue: 1, completed: 2, onTime: 1, cancelled: 1 };
    raw.records = { closed: 5, online: 4 };
    raw.outgoing = { issued: 6 };
    expect(toMetrics(raw, 80)).toEqual({
      incoming: {
        received: 7,
        completed: 4,
        onTime: 3,
        late: 1,
        onTimeRate: 0.75,
        inProgress: 2,
        overdue: 1,
        averageHandlingDays: 2.3,
      },
      outgoing: { issued: 6 },
      tasks: {
        assigned: 1,
        inProgress: 2,
        overdue: 1,
        completed: 2,
        onTime: 1,
        late: 1,
        cancelled: 1,
        onTimeRate: 0.5,
      },
      records: { closed: 5, online: 4, onlineShare: 0.8, targetPercent: 80, meetsTarget: true },
    });
    expect(toMetrics(zeroCounts(), 60).records).toEqual({
      closed: 0,
      online: 0,
      onlineShare: null,
      targetPercent: 60,
      meetsTarget: null,
    });
  });
});

describe('dashboard period', () => {
  const now = new Date('2026-03-02T09:00:00Z');

  it('runs from 1 January to today by default, cut now', () => {
    const p = resolvePeriod({}, now, '2026-03-02')!;
    expect(p).toMatchObject({ from: '2026-01-01', to: '2026-03-02', cutDate: '2026-03-02' });
    expect(p.dueBefore).toBe('2026-03-02');
    expect(p.startAt.toISOString()).toBe('2025-12-31T17:00:00.000Z');
    expect(p.endAt.toISOString()).toBe('2026-03-02T17:00:00.000Z');
    expect(p.cutAt).toEqual(now);
  });

  it('cuts a past period at its end: due on the last day and still open is overdue', () => {
    const p = resolvePeriod({ from: '2025-01-01', to: '2025-06-30' }, now, '2026-03-02')!;
    expect(p.cutAt.toISOString()).toBe('2025-06-30T17:00:00.000Z');
    expect(p.cutDate).toBe('2025-06-30');
    expect(p.dueBefore).toBe('2025-07-01');
  });

  it('starts on 1 January of the year of "to" when only "to" is given; refuses from > to', () => {
    expect(resolvePeriod({ to: '2025-05-31' }, now, '2026-03-02')!.from).toBe('2025-01-01');
    expect(resolvePeriod({ from: '2026-04-01' }, now, '2026-03-02')).toBeNull();
  });
});

describe('working-day index', () => {
  it('counts working days up to each day, holidays and swapped Saturdays included', () => {
    const calendar = new WorkingCalendar([
      { day: '2025-04-26', kind: 'working_day', name: 'Làm bù' },
      { day: '2025-04-30', kind: 'holiday', name: 'Ngày Chiến thắng' },
      { day: '2025-05-01', kind: 'holiday', name: 'Quốc tế Lao động' },
      { day: '2025-05-02', kind: 'holiday', name: 'Nghỉ hoán đổi' },
    ]);
    const { days, cumulative } = workingDayIndex(calendar, '2025-04-25', '2025-05-06');
    expect(days).toHaveLength(12);
    const n = (d: string) => cumulative[days.indexOf(d)]!;
    // Fri 25/4 (1), Sat 26/4 worked (2), Mon 28 (3), Tue 29 (4), 30/4–4/5 off, Mon 5/5 (5), Tue 6/5 (6).
    expect(cumulative).toEqual([1, 2, 2, 3, 4, 4, 4, 4, 4, 4, 5, 6]);
    // Registered Tue 29/4, completed Mon 5/5: one working day in (29/4, 5/5].
    expect(n('2025-05-05') - n('2025-04-29')).toBe(
      calendar.workingDaysBetween('2025-04-29', '2025-05-05'),
    );
    expect(n('2025-05-05') - n('2025-04-29')).toBe(1);
  });
});

describe('calendar years', () => {
  it('lists every year from the first date to the last, both included', () => {
    expect(yearsBetween('2024-12-31', '2026-01-01')).toEqual([2024, 2025, 2026]);
    expect(yearsBetween('2025-03-01', '2025-11-30')).toEqual([2025]);
  });
});

describe('ranking', () => {
  const agency = (code: string): DashboardAgency => ({
    id: `00000000-0000-4000-8000-0000000000${code.slice(-2)}`,
    code,
    name: code,
    level: 2,
    tier: 'commune',
    parentId: null,
  });
  const row = (code: string, online: number, closed: number, onTime = 0, completed = 0) => {
    const raw = zeroCounts();
    raw.records = { closed, online };
    raw.incoming.completed = completed;
    raw.incoming.onTime = onTime;
    return { agency: agency(code), metrics: toMetrics(raw, 60) };
  };

  it('ranks by online share, ties share a rank, bigger volume first, no records last', () => {
    const ranked = rankAgencies(
      [
        row('A.01', 1, 2), // 50 %
        row('A.02', 3, 4), // 75 %
        row('A.03', 0, 0), // nothing closed
        row('A.04', 6, 8), // 75 %, more records than A.02
        row('A.05', 9, 10), // 90 %
      ],
      'online_share',
    );
    expect(ranked.map((r) => [r.code, r.rank])).toEqual([
      ['A.05', 1],
      ['A.04', 2],
      ['A.02', 2],
      ['A.01', 4],
      ['A.03', null],
    ]);
    expect(ranked[0]).toMatchObject({ onlineShare: 0.9, closedRecords: 10, meetsTarget: true });
  });

  it('ranks by on-time rate', () => {
    const ranked = rankAgencies(
      [row('B.01', 0, 0, 1, 3), row('B.02', 0, 0, 2, 2), row('B.03', 0, 0, 0, 0)],
      'on_time_rate',
    );
    expect(ranked.map((r) => [r.code, r.rank, r.onTimeRate])).toEqual([
      ['B.02', 1, 1],
      ['B.01', 2, 1 / 3],
      ['B.03', null, null],
    ]);
  });
});
