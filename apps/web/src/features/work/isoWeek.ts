/**
 * ISO 8601 weeks (`2026-W47`, Monday to Sunday) for the weekly schedule. Computed on UTC dates so
 * that the browser's time zone never shifts a day; "today" is the caller's Vietnam date.
 */

const dayMs = 86_400_000;

function utcDate(iso: string): Date | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (!match) return null;
  const date = new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])));
  return date.toISOString().slice(0, 10) === iso ? date : null;
}

function isoDay(date: Date): string {
  return date.toISOString().slice(0, 10);
}

/** The ISO week of a `YYYY-MM-DD` date. */
export function isoWeekOf(iso: string): string {
  const date = utcDate(iso);
  if (!date) throw new Error(`not a date: ${iso}`);
  // The Thursday of the same week decides the year (ISO 8601 §3.2.2).
  const weekday = (date.getUTCDay() + 6) % 7; // Monday 0 … Sunday 6
  const thursday = new Date(date.getTime() + (3 - weekday) * dayMs);
  const year = thursday.getUTCFullYear();
  const firstThursday = new Date(Date.UTC(year, 0, 4));
  const firstMonday = firstThursday.getTime() - ((firstThursday.getUTCDay() + 6) % 7) * dayMs;
  const week = Math.floor((thursday.getTime() - firstMonday) / (7 * dayMs)) + 1;
  return `${String(year)}-W${String(week).padStart(2, '0')}`;
}

/** The Monday of an ISO week as `YYYY-MM-DD`, or null for a malformed week or a W53 too many. */
export function weekMonday(week: string): string | null {
  const match = /^(\d{4})-W(\d{2})$/.exec(week);
  if (!match) return null;
  const year = Number(match[1]);
  const number = Number(match[2]);
  if (number < 1 || number > 53) return null;
  const jan4 = new Date(Date.UTC(year, 0, 4));
  const monday = jan4.getTime() - ((jan4.getUTCDay() + 6) % 7) * dayMs + (number - 1) * 7 * dayMs;
  const result = isoDay(new Date(monday));
  return isoWeekOf(result) === week ? result : null;
}

/** The week `delta` weeks after `week` (negative: before). */
export function shiftWeek(week: string, delta: number): string {
  const monday = weekMonday(week);
  if (!monday) throw new Error(`not an ISO week: ${week}`);
  const date = utcDate(monday);
  if (!date) throw new Error(`not a date: ${monday}`);
  return isoWeekOf(isoDay(new Date(date.getTime() + delta * 7 * dayMs)));
}

/** The seven dates of a week, Monday first. */
export function weekDays(week: string): string[] {
  const monday = weekMonday(week);
  const date = monday ? utcDate(monday) : null;
  if (!date) return [];
  return Array.from({ length: 7 }, (_, index) => isoDay(new Date(date.getTime() + index * dayMs)));
}

/** Day of the week of a date, Monday 0 … Sunday 6. */
export function weekdayIndex(iso: string): number {
  const date = utcDate(iso);
  return date ? (date.getUTCDay() + 6) % 7 : 0;
}

/** Today in Vietnam as `YYYY-MM-DD` (UTC+7 all year, no daylight saving). */
export function vietnamToday(now: Date = new Date()): string {
  return isoDay(new Date(now.getTime() + 7 * 3_600_000));
}
