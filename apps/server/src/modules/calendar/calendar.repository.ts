import { and, asc, gte, lte, or } from 'drizzle-orm';
import type { Db } from '../../platform/db/database.js';
import type { CalendarException } from './calendar.models.js';
import { calendarDays } from './calendar.tables.js';

function inYear(year: number) {
  return and(gte(calendarDays.day, `${year}-01-01`), lte(calendarDays.day, `${year}-12-31`));
}

/** Configured exceptions of the given years, sorted by day. */
export async function findCalendarDays(
  db: Db,
  years: readonly number[],
): Promise<CalendarException[]> {
  if (years.length === 0) return [];
  return db
    .select({ day: calendarDays.day, kind: calendarDays.kind, name: calendarDays.name })
    .from(calendarDays)
    .where(or(...years.map(inYear)))
    .orderBy(asc(calendarDays.day));
}

/** Replaces a year's exceptions; run inside the caller's transaction. */
export async function replaceCalendarDays(
  tx: Db,
  year: number,
  days: readonly CalendarException[],
  now: Date,
): Promise<void> {
  await tx.delete(calendarDays).where(inYear(year));
  if (days.length > 0)
    await tx.insert(calendarDays).values(days.map((d) => ({ ...d, createdAt: now })));
}
