import { recordsErrorCodes } from '@vanban/contracts';
import type { Retention } from '@vanban/contracts';
import { isApiError } from '../../app/api';

/**
 * The server's list of what stops a record from closing (422 `records.close_incomplete`): each
 * open document and each missing metadata field, in the server's words; null for other errors.
 */
export function closeProblems(error: unknown): string[] | null {
  if (!isApiError(error) || error.code !== recordsErrorCodes.closeIncomplete) return null;
  const messages = error.errors.map((problem) => problem.message).filter((text) => text !== '');
  return messages.length > 0 ? messages : [error.detail ?? error.message];
}

/** The retention field as typed: empty is permanent, else whole years 1–99; null when invalid. */
export function parseRetention(text: string): Retention | null {
  const value = text.trim();
  if (value === '') return 'permanent';
  if (!/^\d{1,2}$/.test(value)) return null;
  const years = Number(value);
  return years >= 1 ? years : null;
}

/** Record notation like `01.TCCB`: letters and digits separated by dots or hyphens. */
export function isNotation(text: string): boolean {
  const value = text.trim();
  return (
    value.length > 0 && value.length <= 20 && /^[\p{L}\p{N}]+(?:[.-][\p{L}\p{N}]+)*$/u.test(value)
  );
}

/** The years offered by the year filter: next year back to six years ago. */
export function recentYears(current: number): number[] {
  return Array.from({ length: 8 }, (_, index) => current + 1 - index);
}
