import type { CalendarSource, CalendarYear, ReplaceCalendarYearBody } from '@vanban/contracts';
import type { Clock } from '../../platform/clock/clock.js';
import type { Db } from '../../platform/db/database.js';
import { DbCache } from '../../platform/db/db-cache.js';
import { recordAuditEvent } from '../audit/index.js';
import {
  auditActorOf,
  identityErrors,
  isAdmin,
  usersAdmin,
  type Actor,
  type RequestMeta,
} from '../identity/index.js';
import { builtinDaysOf } from './calendar.holidays.data.js';
import {
  addDays,
  sortByDay,
  validateYearExceptions,
  WorkingCalendar,
  type CalendarException,
} from './calendar.models.js';
import { calendarErrors } from './calendar.errors.js';
import * as repo from './calendar.repository.js';

export interface CalendarDeps {
  db: Db;
  clock: Clock;
}

function yearOf(date: string): number {
  return Number(date.slice(0, 4));
}

function yearsFrom(first: number, last: number): number[] {
  return Array.from({ length: last - first + 1 }, (_, i) => first + i);
}

interface ResolvedYear {
  source: CalendarSource;
  days: CalendarException[];
}

/**
 * A year's exceptions: the configured rows when the year has any (an administrator's calendar
 * replaces the built-in one entirely), otherwise the built-in holidays, otherwise none.
 */
async function readYears(db: Db, years: readonly number[]): Promise<Map<number, ResolvedYear>> {
  const configured = await repo.findCalendarDays(db, years);
  const result = new Map<number, ResolvedYear>();
  for (const year of new Set(years)) {
    const own = configured.filter((d) => yearOf(d.day) === year);
    const builtin = builtinDaysOf(year);
    if (own.length > 0) result.set(year, { source: 'configured', days: own });
    else if (builtin) result.set(year, { source: 'builtin', days: sortByDay(builtin) });
    else result.set(year, { source: 'none', days: [] });
  }
  return result;
}

/**
 * Resolved years, kept in process: every inbox request computes its due-soon threshold in
 * working days, and a year changes only through `replaceCalendarYear`, which invalidates it
 * (other processes see the change within the cache's 60 s; docs/performance.md, finding 5).
 * Callers must not modify the returned days.
 */
const calendarCache = new DbCache<number, ResolvedYear>();

function resolveYears(db: Db, years: readonly number[]): Promise<Map<number, ResolvedYear>> {
  return calendarCache.getMany(db, years, (missing) => readYears(db, missing));
}

/** The working calendar over the given years; days outside them count only weekends as off. */
export async function loadWorkingCalendar(
  db: Db,
  years: readonly number[],
): Promise<WorkingCalendar> {
  const resolved = await resolveYears(db, years);
  return new WorkingCalendar([...resolved.values()].flatMap((y) => y.days));
}

/**
 * Due date `n` working days after `start` (start excluded), e.g. a handling deadline counted in
 * working days. Loads every year the count runs through, however many holidays they hold.
 */
export async function dueDateFromWorkingDays(db: Db, start: string, n: number): Promise<string> {
  if (!Number.isInteger(n) || n < 0)
    throw new RangeError(`working days must be a whole number ≥ 0, got ${n}`);
  const first = yearOf(start);
  // A generous first guess (weekends plus a few weeks of holidays a year) avoids a second query.
  let last = yearOf(addDays(start, Math.ceil(n * 1.5) + 40));
  for (;;) {
    const calendar = await loadWorkingCalendar(db, yearsFrom(first, last));
    const due = calendar.addWorkingDays(start, n);
    if (yearOf(due) <= last) return due;
    last = yearOf(due);
  }
}

export async function getCalendarYear(deps: CalendarDeps, year: number): Promise<CalendarYear> {
  const resolved = (await resolveYears(deps.db, [year])).get(year)!;
  return { year, ...resolved };
}

/**
 * Replaces a year's exceptions in one transaction with an audit event. The calendar is shared by
 * every agency of the instance and moves all their due dates, so, like the agency directory, only
 * an administrator of a top-level agency may change it.
 */
export async function replaceCalendarYear(
  deps: CalendarDeps,
  actor: Actor,
  year: number,
  body: ReplaceCalendarYearBody,
  meta: RequestMeta,
): Promise<CalendarYear> {
  if (!isAdmin(actor))
    throw identityErrors.forbidden('Only administrators may change the calendar');
  await usersAdmin.requireDirectoryAdmin(deps, actor);
  const problems = validateYearExceptions(year, body.days);
  if (problems.length > 0)
    throw calendarErrors.daysInvalid(problems.map((p) => `${p.path}: ${p.message}`).join('; '), {
      errors: problems,
    });
  const days = sortByDay(body.days);
  const replaced = await deps.db.transaction(async (tx) => {
    const before = (await readYears(tx, [year])).get(year)!;
    await repo.replaceCalendarDays(tx, year, days, deps.clock.now());
    await recordAuditEvent(tx, {
      type: 'calendar.year_replaced',
      actor: auditActorOf(actor),
      agencyId: null,
      subject: { type: 'calendar_year', id: String(year) },
      data: {
        year,
        previousSource: before.source,
        previousDays: before.days.length,
        holidays: days.filter((d) => d.kind === 'holiday').map((d) => d.day),
        workingDays: days.filter((d) => d.kind === 'working_day').map((d) => d.day),
      },
      occurredAt: deps.clock.now(),
      ip: meta.ip,
      requestId: meta.requestId,
    });
    return { year, ...(await readYears(tx, [year])).get(year)! };
  });
  calendarCache.invalidate(deps.db, year);
  return replaced;
}
