import type {
  AgencyTier,
  DashboardAgency,
  DashboardMetrics,
  DashboardRanking,
} from '@vanban/contracts';
import { addDays, dayNumber, type WorkingCalendar } from '../calendar/index.js';

/**
 * Pure rules of the dashboards: the period and its cut, rates, averages, target comparison and
 * ranking. Counting happens in SQL (dashboards.repository.ts); this file only turns counts into
 * the figures shown. Definitions: docs/decisions/0014-dashboards.md.
 */

/**
 * The city's plan: by the end of the year 90 % of work records at city level, 80 % at district
 * level and 60 % at commune level processed online (issue 8). Departments are city-level
 * agencies, so they share the city's 90 %; `other` has no target until an administrator sets one.
 */
export const DEFAULT_TARGETS: Readonly<Record<AgencyTier, number | null>> = {
  city: 90,
  department: 90,
  district: 80,
  commune: 60,
  other: null,
};

export interface Period {
  from: string;
  to: string;
  /** Start of `from` in Vietnam. */
  startAt: Date;
  /** Start of the day after `to` in Vietnam: the period is [startAt, endAt). */
  endAt: Date;
  /** When open and overdue items are counted: `endAt`, or now when the period is not over. */
  cutAt: Date;
  /** The day of the cut: `to`, or today. */
  cutDate: string;
  /** Open items due before this day are overdue at the cut (a task due today is not yet). */
  dueBefore: string;
}

/** Midnight at the start of a Vietnam calendar day (UTC+7, no daylight saving). */
export function vietnamMidnight(date: string): Date {
  return new Date(`${date}T00:00:00+07:00`);
}

/**
 * The period of a query: default to today and from 1 January of the year of `to` (Vietnam time).
 * Null when `from` falls after `to`.
 */
export function resolvePeriod(
  query: { from?: string | undefined; to?: string | undefined },
  now: Date,
  today: string,
): Period | null {
  const to = query.to ?? today;
  const from = query.from ?? `${to.slice(0, 4)}-01-01`;
  if (from > to) return null;
  const startAt = vietnamMidnight(from);
  const endAt = vietnamMidnight(addDays(to, 1));
  const over = to < today;
  return {
    from,
    to,
    startAt,
    endAt,
    cutAt: over ? endAt : now,
    cutDate: over ? to : today,
    dueBefore: over ? addDays(to, 1) : today,
  };
}

/** n / d as a fraction, null when there is nothing to divide by. */
export function rate(n: number, d: number): number | null {
  if (d === 0) return null;
  return n / d;
}

/** Mean of a sum over `count` items, to one decimal; null when there are none. */
export function average(sum: number, count: number): number | null {
  if (count === 0) return null;
  return Math.round((sum / count) * 10) / 10;
}

/**
 * Whether `online` of `closed` records meet a whole-percent target, compared in integers so that
 * 9 of 10 meets 90 % exactly (no floating-point 0.8999…). Null without a target or a record.
 */
export function meetsTarget(online: number, closed: number, targetPercent: number | null) {
  if (targetPercent === null || closed === 0) return null;
  return online * 100 >= targetPercent * closed;
}

/** Counts of one agency, tier or the total, as the SQL statements return them. */
export interface RawCounts {
  incoming: {
    received: number;
    completed: number;
    onTime: number;
    inProgress: number;
    overdue: number;
    /** Working days from registration to completion, summed over `completed`. */
    handlingDays: number;
  };
  outgoing: { issued: number };
  tasks: {
    assigned: number;
    inProgress: number;
    overdue: number;
    completed: number;
    onTime: number;
    cancelled: number;
  };
  records: { closed: number; online: number };
}

export function zeroCounts(): RawCounts {
  return {
    incoming: { received: 0, completed: 0, onTime: 0, inProgress: 0, overdue: 0, handlingDays: 0 },
    outgoing: { issued: 0 },
    tasks: { assigned: 0, inProgress: 0, overdue: 0, completed: 0, onTime: 0, cancelled: 0 },
    records: { closed: 0, online: 0 },
  };
}

export function toMetrics(raw: RawCounts, targetPercent: number | null): DashboardMetrics {
  const i = raw.incoming;
  const t = raw.tasks;
  const r = raw.records;
  return {
    incoming: {
      received: i.received,
      completed: i.completed,
      onTime: i.onTime,
      late: i.completed - i.onTime,
      onTimeRate: rate(i.onTime, i.completed),
      inProgress: i.inProgress,
      overdue: i.overdue,
      averageHandlingDays: average(i.handlingDays, i.completed),
    },
    outgoing: { issued: raw.outgoing.issued },
    tasks: {
      assigned: t.assigned,
      inProgress: t.inProgress,
      overdue: t.overdue,
      completed: t.completed,
      onTime: t.onTime,
      late: t.completed - t.onTime,
      cancelled: t.cancelled,
      onTimeRate: rate(t.onTime, t.completed),
    },
    records: {
      closed: r.closed,
      online: r.online,
      onlineShare: rate(r.online, r.closed),
      targetPercent,
      meetsTarget: meetsTarget(r.online, r.closed, targetPercent),
    },
  };
}

/** The calendar years from the one of `first` to the one of `last` (ISO dates), both included. */
export function yearsBetween(first: string, last: string): number[] {
  const from = Number(first.slice(0, 4));
  return Array.from({ length: Number(last.slice(0, 4)) - from + 1 }, (_, i) => from + i);
}

/**
 * Every day from `first` to `last` with the number of working days up to and including it, so
 * that SQL gets the working days in (a, b] of a document as `n(b) - n(a)` by two joins, whatever
 * the number of documents. Holidays and swapped days come from the calendar module.
 */
export function workingDayIndex(
  calendar: WorkingCalendar,
  first: string,
  last: string,
): { days: string[]; cumulative: number[] } {
  const days: string[] = [];
  const cumulative: number[] = [];
  let n = 0;
  const span = dayNumber(last) - dayNumber(first);
  for (let i = 0; i <= span; i++) {
    const day = addDays(first, i);
    if (calendar.isWorkingDay(day)) n++;
    days.push(day);
    cumulative.push(n);
  }
  return { days, cumulative };
}

export type RankBy = DashboardRanking['by'];
export type RankingItem = DashboardRanking['items'][number];

/** Numerator and denominator of the rate an agency is ranked by; null when there is none. */
function rankedRatio(metrics: DashboardMetrics, by: RankBy): [number, number] | null {
  const [n, d] =
    by === 'online_share'
      ? [metrics.records.online, metrics.records.closed]
      : [metrics.incoming.onTime, metrics.incoming.completed];
  return d === 0 ? null : [n, d];
}

/** Positive when b's rate is higher than a's; fractions compared exactly by cross-multiplying. */
function compareRatios(a: [number, number], b: [number, number]): number {
  return b[0] * a[1] - a[0] * b[1];
}

/**
 * Ranks agencies by a rate, best first. Equal rates share a rank (standard competition ranking:
 * 1, 1, 3); among equals the larger volume comes first, then the code. Agencies without a rate
 * (no closed record, no completed document) follow, unranked.
 */
export function rankAgencies(
  rows: readonly { agency: DashboardAgency; metrics: DashboardMetrics }[],
  by: RankBy,
): RankingItem[] {
  const sorted = rows
    .map((row) => ({ ...row, ratio: rankedRatio(row.metrics, by) }))
    .sort((a, b) => {
      if (a.ratio === null || b.ratio === null) {
        if (a.ratio !== b.ratio) return a.ratio === null ? 1 : -1;
      } else {
        const c = compareRatios(a.ratio, b.ratio);
        if (c !== 0) return c;
        if (a.ratio[1] !== b.ratio[1]) return b.ratio[1] - a.ratio[1];
      }
      return a.agency.code.localeCompare(b.agency.code);
    });
  let rank: number | null = null;
  return sorted.map(({ agency, metrics, ratio }, index) => {
    const previous = index > 0 ? sorted[index - 1]!.ratio : null;
    if (ratio === null) rank = null;
    else if (previous === null || compareRatios(previous, ratio) !== 0) rank = index + 1;
    return {
      ...agency,
      rank,
      onlineShare: metrics.records.onlineShare,
      closedRecords: metrics.records.closed,
      targetPercent: metrics.records.targetPercent,
      meetsTarget: metrics.records.meetsTarget,
      onTimeRate: metrics.incoming.onTimeRate,
      completedDocuments: metrics.incoming.completed,
    };
  });
}
