/**
 * Vietnam time is UTC+07:00 all year (no daylight saving since 1975), so a fixed offset is exact
 * and needs no time-zone database.
 */
const OFFSET_MS = 7 * 3600 * 1000;

/** `YYYY-MM-DDTHH:mm:ss` as a clock in Hanoi shows it. */
export function vietnamLocal(date: Date): string {
  return new Date(date.getTime() + OFFSET_MS).toISOString().slice(0, 19);
}

/** ISO 8601 with the offset, `2026-11-21T09:30:00+07:00`, as App. I shows the signing time. */
export function vietnamIsoTime(date: Date): string {
  return `${vietnamLocal(date)}+07:00`;
}
