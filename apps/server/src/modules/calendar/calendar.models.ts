import type { CalendarDay } from '@vanban/contracts';
import type { FieldProblem } from '../../platform/errors/app-error.js';

/** An exception to the Monday–Friday week (a row of `calendar_days`, or a built-in entry). */
export type CalendarException = CalendarDay;

const DAY_MS = 86_400_000;
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/**
 * `YYYY-MM-DD` → days since 1970-01-01. Calendar dates carry no time of day, so all arithmetic is
 * on UTC midnights: a server in any time zone gets the same answer (no DST or offset drift).
 */
export function dayNumber(date: string): number {
  const m = ISO_DATE.exec(date);
  if (!m) throw new RangeError(`"${date}" is not a YYYY-MM-DD date`);
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const ms = Date.UTC(year, month - 1, day);
  const back = new Date(ms);
  if (
    back.getUTCFullYear() !== year ||
    back.getUTCMonth() !== month - 1 ||
    back.getUTCDate() !== day
  )
    throw new RangeError(`"${date}" is not a calendar date`);
  return ms / DAY_MS;
}

export function dateOfDayNumber(n: number): string {
  return new Date(n * DAY_MS).toISOString().slice(0, 10);
}

export function addDays(date: string, days: number): string {
  return dateOfDayNumber(dayNumber(date) + days);
}

/** 0 = Sunday … 6 = Saturday (1970-01-01 was a Thursday). */
export function weekday(date: string): number {
  return (((dayNumber(date) + 4) % 7) + 7) % 7;
}

export function isWeekend(date: string): boolean {
  const d = weekday(date);
  return d === 0 || d === 6;
}

/**
 * Working days of state agencies: Monday to Friday (the 40-hour week, Decision 188/1999/QĐ-TTg),
 * minus public holidays (Labour Code 2019 Art. 112), days off in compensation for a holiday on a
 * weekend (Art. 111(3)) and days off given by a swap, plus weekend days worked to make up for a swap.
 */
export class WorkingCalendar {
  readonly #exceptions: ReadonlyMap<string, CalendarException>;

  constructor(exceptions: Iterable<CalendarException>) {
    const map = new Map<string, CalendarException>();
    for (const e of exceptions) {
      dayNumber(e.day);
      map.set(e.day, e);
    }
    this.#exceptions = map;
  }

  exceptionOn(date: string): CalendarException | undefined {
    return this.#exceptions.get(date);
  }

  isWorkingDay(date: string): boolean {
    const exception = this.#exceptions.get(date);
    if (exception) return exception.kind === 'working_day';
    return !isWeekend(date);
  }

  /** The first working day strictly after `date`. */
  nextWorkingDay(date: string): string {
    return this.addWorkingDays(date, 1);
  }

  /**
   * The n-th working day after `start`, `start` itself not counted (a document received on a
   * Friday with 1 working day to handle is due the next Monday). `n = 0` returns `start`.
   */
  addWorkingDays(start: string, n: number): string {
    if (!Number.isInteger(n) || n < 0)
      throw new RangeError(`working days must be a whole number ≥ 0, got ${n}`);
    let day = dayNumber(start);
    let left = n;
    while (left > 0) {
      day++;
      if (this.isWorkingDay(dateOfDayNumber(day))) left--;
    }
    return dateOfDayNumber(day);
  }

  /**
   * Working days in (a, b]: `a` excluded, `b` included, so that
   * `workingDaysBetween(a, addWorkingDays(a, n)) === n`. Negative when `b` is before `a`.
   */
  workingDaysBetween(a: string, b: string): number {
    const from = dayNumber(a);
    const to = dayNumber(b);
    if (to < from) return -this.workingDaysBetween(b, a);
    let count = 0;
    for (let day = from + 1; day <= to; day++) if (this.isWorkingDay(dateOfDayNumber(day))) count++;
    return count;
  }
}

/** Field problems of a year's exceptions as an administrator submits them; empty when valid. */
export function validateYearExceptions(
  year: number,
  days: readonly CalendarException[],
): FieldProblem[] {
  const problems: FieldProblem[] = [];
  const seen = new Map<string, number>();
  days.forEach((d, i) => {
    const path = `body.days.${i}.day`;
    if (!d.day.startsWith(`${year}-`)) {
      problems.push({
        path,
        message: `${d.day} is not in ${year}`,
        code: 'calendar.day_outside_year',
      });
    }
    const first = seen.get(d.day);
    if (first !== undefined) {
      problems.push({
        path,
        message: `${d.day} is listed twice (first at days.${first})`,
        code: 'calendar.day_duplicate',
      });
    } else {
      seen.set(d.day, i);
    }
    if (d.kind === 'working_day' && !isWeekend(d.day)) {
      problems.push({
        path,
        message: `${d.day} is a weekday, already a working day; only a Saturday or Sunday can be made one`,
        code: 'calendar.working_day_not_weekend',
      });
    }
  });
  return problems;
}

export function sortByDay<T extends { day: string }>(days: readonly T[]): T[] {
  return [...days].sort((a, b) => (a.day < b.day ? -1 : a.day > b.day ? 1 : 0));
}
