import { errorCodes } from '@vanban/contracts';
import type { TFunction } from 'i18next';
import { clientErrorCodes, isApiError } from './api';

/** A message in the user's language for an error that has no more specific handling. */
export function describeError(t: TFunction, error: unknown): string {
  if (isApiError(error)) {
    if (error.code === clientErrorCodes.network) {
      return t('errors.network');
    }
    if (error.code === errorCodes.authCsrfFailed) {
      return t('errors.csrf');
    }
    if (error.status >= 500 || error.code === errorCodes.internal) {
      return t('errors.server');
    }
  }
  return t('errors.unexpected');
}

/** The request ID the server gave a failed request, to quote to support. */
export function errorRequestId(error: unknown): string | undefined {
  return isApiError(error) ? error.requestId : undefined;
}
