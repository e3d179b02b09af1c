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

/** A Date → `YYYY-MM-DD` in the browser's time zone (today's date for the API). */
export function toIsoDate(date: Date): string {
  return `${String(date.getFullYear())}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

/**
 * What the user typed as `dd/MM/yyyy` (also `d/M/yyyy`, `dd-MM-yyyy`, `dd.MM.yyyy`) → `YYYY-MM-DD`,
 * or null when it is not a real calendar date.
 */
export function parseDisplayDate(text: string): string | null {
  const match = /^\s*(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})\s*$/.exec(text);
  if (!match) {
    return /^\d{4}-\d{2}-\d{2}$/.test(text.trim()) ? text.trim() : null;
  }
  const day = Number(match[1]);
  const month = Number(match[2]);
  const year = Number(match[3]);
  const date = new Date(year, month - 1, day);
  if (date.getFullYear() !== year || date.getMonth() !== month - 1 || date.getDate() !== day) {
    return null;
  }
  return toIsoDate(date);
}

/** Bytes → `830 B`, `12,5 KB`, `3,2 MB` (decimal comma in Vietnamese, point in English). */
export function formatFileSize(bytes: number, language: string): string {
  const units = ['B', 'KB', 'MB', 'GB'];
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit += 1;
  }
  const digits = unit === 0 || value >= 100 ? 0 : 1;
  const text = value.toFixed(digits);
  return `${language === 'vi' ? text.replace('.', ',') : text} ${units[unit] ?? 'B'}`;
}
