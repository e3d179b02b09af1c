import type { TFunction } from 'i18next';
import { isApiError } from '../../app/api';
import { describeError } from '../../app/errors';
import { codeMessage } from './problems';

/** The message for a failed incoming request: by its problem code, else the generic one. */
export function incomingErrorMessage(t: TFunction, error: unknown): string {
  if (isApiError(error)) {
    const key = codeMessage(error.code);
    if (key !== 'generic') return t(key);
  }
  return describeError(t, error);
}
