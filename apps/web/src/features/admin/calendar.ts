import type { CalendarDay, CalendarDayKind } from '@vanban/contracts';
import type { MessageKey } from '../incoming/problems';

/** How a day of the year view looks: an exception of the calendar, a weekend, or a plain workday. */
export type DayLook = CalendarDayKind | 'weekend' | 'workday';

function weekday(iso: string): number {
  const [year = 0, month = 1, day = 1] = iso.split('-').map(Number);
  return new Date(Date.UTC(year, month - 1, day)).getUTCDay();
}

export function isWeekend(iso: string): boolean {
  const day = weekday(iso);
  return day === 0 || day === 6;
}

export function dayLook(iso: string, exceptions: ReadonlyMap<string, CalendarDay>): DayLook {
  const exception = exceptions.get(iso);
  if (exception) return exception.kind;
  return isWeekend(iso) ? 'weekend' : 'workday';
}

/** `YYYY-MM-01` of each month of the year. */
export function monthsOf(year: number): string[] {
  return Array.from(
    { length: 12 },
    (_, index) => `${String(year)}-${String(index + 1).padStart(2, '0')}-01`,
  );
}

/** The same rules as the server (`calendar.days_invalid`), checked before a day is added. */
export function calendarDayProblem(
  day: string,
  kind: CalendarDayKind,
  year: number,
  existing: readonly CalendarDay[],
): MessageKey | null {
  if (!day.startsWith(`${String(year)}-`)) return 'admin.calendar.problems.otherYear';
  if (existing.some((entry) => entry.day === day)) return 'admin.calendar.problems.duplicate';
  if (kind === 'working_day' && !isWeekend(day)) return 'admin.calendar.problems.notWeekend';
  return null;
}

/** Days sorted by date, as the API returns and expects them. */
export function sortDays(days: readonly CalendarDay[]): CalendarDay[] {
  return [...days].sort((a, b) => a.day.localeCompare(b.day));
}
