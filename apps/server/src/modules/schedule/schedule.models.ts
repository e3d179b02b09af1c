import { scheduleErrorCodes as codes, type ScheduleEntryKind } from '@vanban/contracts';
import type { FieldProblem } from '../../platform/errors/app-error.js';
import { addDays, dayNumber, weekday } from '../calendar/index.js';

/**
 * ISO 8601 weeks (Monday to Sunday; week 1 holds the year's first Thursday), the unit in which a
 * weekly schedule is drawn up and published. Dates are Vietnam calendar dates `YYYY-MM-DD`.
 */
const ISO_WEEK = /^(\d{4})-W(\d{2})$/;

/** Monday of the week holding `date`. */
export function mondayOf(date: string): string {
  return addDays(date, -((weekday(date) + 6) % 7));
}

/** `2026-W47` for any date of that week (the year is the one of its Thursday). */
export function isoWeekOf(date: string): string {
  const thursday = addDays(mondayOf(date), 3);
  const year = Number(thursday.slice(0, 4));
  const week = Math.floor((dayNumber(thursday) - dayNumber(`${year}-01-01`)) / 7) + 1;
  return `${year}-W${String(week).padStart(2, '0')}`;
}

/** Monday of ISO week 1 of `year`: the Monday of the week holding 4 January. */
function firstMonday(year: number): string {
  return mondayOf(`${String(year).padStart(4, '0')}-01-04`);
}

/** Weeks in an ISO year: 53 when it starts on a Thursday, or on a Wednesday in a leap year. */
export function weeksInYear(year: number): number {
  return (dayNumber(firstMonday(year + 1)) - dayNumber(firstMonday(year))) / 7;
}

/** The Monday of `2026-W47`, or null when the text is not an ISO week the year has. */
export function parseIsoWeek(text: string): string | null {
  const m = ISO_WEEK.exec(text.trim());
  if (!m) return null;
  const year = Number(m[1]);
  const week = Number(m[2]);
  if (year < 2000 || year > 2100 || week < 1 || week > weeksInYear(year)) return null;
  return addDays(firstMonday(year), (week - 1) * 7);
}

export interface DateRange {
  from: string;
  to: string;
}

/** Mondays of every week touching [from, to]. */
export function weekStartsIn(range: DateRange): string[] {
  const out: string[] = [];
  for (let d = mondayOf(range.from); d <= range.to; d = addDays(d, 7)) out.push(d);
  return out;
}

/** Vietnam has kept UTC+7 all year since 1975: no daylight saving, so the offset is fixed. */
const VN_OFFSET = '+07:00';
const VN_OFFSET_MS = 7 * 3600_000;

export function vietnamInstant(date: string, time = '00:00'): Date {
  return new Date(`${date}T${time}:00${VN_OFFSET}`);
}

/** Vietnam date and `HH:mm` of an instant. */
export function vietnamParts(at: Date): { date: string; time: string } {
  const iso = new Date(at.getTime() + VN_OFFSET_MS).toISOString();
  return { date: iso.slice(0, 10), time: iso.slice(11, 16) };
}

/** The fields of an entry that decide when it is, as the clerk types them. */
export interface EntryTiming {
  date: string;
  startTime: string | null;
  endDate: string | null;
  endTime: string | null;
}

export interface StoredTiming {
  weekStart: string;
  allDay: boolean;
  startsAt: Date;
  endsAt: Date | null;
}

/**
 * Checks an entry's timing and turns it into stored instants. Without a start time the entry is
 * all-day from `date` to `endDate` (inclusive); with one it runs to `endDate endTime` when an end
 * time is given. An entry stays inside one ISO week: a week's schedule is published as a whole.
 */
export function resolveTiming(
  t: EntryTiming,
): { timing: StoredTiming } | { problems: FieldProblem[] } {
  const problems: FieldProblem[] = [];
  const endDate = t.endDate ?? t.date;
  if (t.startTime === null && t.endTime !== null)
    problems.push({
      path: 'body.endTime',
      message: 'An end time needs a start time (an entry without one lasts whole days)',
      code: codes.endTimeWithoutStart,
    });
  if (t.startTime !== null && t.endTime === null && endDate > t.date)
    problems.push({
      path: 'body.endTime',
      message: 'An entry with a start time that ends on a later day needs its end time',
      code: codes.endTimeRequired,
    });
  if (
    endDate < t.date ||
    (endDate === t.date && t.startTime && t.endTime && t.endTime <= t.startTime)
  )
    problems.push({
      path: t.endDate && t.endDate < t.date ? 'body.endDate' : 'body.endTime',
      message: 'The entry ends before it starts',
      code: codes.endBeforeStart,
    });
  else if (mondayOf(endDate) !== mondayOf(t.date))
    problems.push({
      path: 'body.endDate',
      message: `The entry must end in the week it starts (${isoWeekOf(t.date)}); split it per week`,
      code: codes.spansWeeks,
    });
  if (problems.length > 0) return { problems };
  const weekStart = mondayOf(t.date);
  if (t.startTime === null)
    return {
      timing: {
        weekStart,
        allDay: true,
        startsAt: vietnamInstant(t.date),
        endsAt: vietnamInstant(addDays(endDate, 1)),
      },
    };
  const hasEnd = t.endTime !== null;
  return {
    timing: {
      weekStart,
      allDay: false,
      startsAt: vietnamInstant(t.date, t.startTime),
      endsAt: hasEnd ? vietnamInstant(endDate, t.endTime!) : null,
    },
  };
}

/** Back from stored instants to the fields the clerk typed. */
export function timingFields(row: {
  allDay: boolean;
  startsAt: Date;
  endsAt: Date | null;
}): EntryTiming {
  const start = vietnamParts(row.startsAt);
  if (row.allDay) {
    const last = addDays(vietnamParts(row.endsAt ?? row.startsAt).date, row.endsAt ? -1 : 0);
    return { date: start.date, startTime: null, endDate: last, endTime: null };
  }
  if (!row.endsAt) return { date: start.date, startTime: start.time, endDate: null, endTime: null };
  const end = vietnamParts(row.endsAt);
  return { date: start.date, startTime: start.time, endDate: end.date, endTime: end.time };
}

/** On-duty entries may leave the content out: the schedule prints "Trực lãnh đạo". */
export const ON_DUTY_CONTENT = 'Trực lãnh đạo';

export function resolveContent(
  kind: ScheduleEntryKind,
  content: string | null | undefined,
): { content: string } | { problem: FieldProblem } {
  const text = content?.trim() ?? '';
  if (text) return { content: text };
  if (kind === 'on_duty') return { content: ON_DUTY_CONTENT };
  return {
    problem: {
      path: 'body.content',
      message: 'An event needs its content',
      code: codes.contentRequired,
    },
  };
}

/** Longest range a list or export may span: a quarter, about thirteen weeks. */
export const MAX_RANGE_DAYS = 92;

export function rangeDays(range: DateRange): number {
  return dayNumber(range.to) - dayNumber(range.from) + 1;
}
