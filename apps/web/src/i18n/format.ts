/**
 * Dates are always shown as dd/MM/yyyy (and HH:mm for times), whatever the UI language,
 * as Vietnamese administrative documents write them.
 */

function pad(value: number): string {
  return String(value).padStart(2, '0');
}

/** `YYYY-MM-DD` (a calendar date from the API) → `dd/MM/yyyy`, without time-zone shifts. */
export function formatIsoDate(value: string): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!match) {
    return value;
  }
  const [, year = '', month = '', day = ''] = match;
  return `${day}/${month}/${year}`;
}

/** A Date → `dd/MM/yyyy` in the browser's time zone. */
export function formatDate(date: Date): string {
  return `${pad(date.getDate())}/${pad(date.getMonth() + 1)}/${String(date.getFullYear())}`;
}

/** A Date → `HH:mm dd/MM/yyyy` in the browser's time zone. */
export function formatDateTime(date: Date): string {
  return `${pad(date.getHours())}:${pad(date.getMinutes())} ${formatDate(date)}`;
}

/** An ISO date-time string from the API → `HH:mm dd/MM/yyyy`; unparseable values pass through. */
export function formatIsoDateTime(value: string): string {
  const date = new Date(value);
  return Number.isNaN(date.getTime()) ? value : formatDateTime(date);
}
