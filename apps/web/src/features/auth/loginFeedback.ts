import { errorCodes } from '@vanban/contracts';
import type { ApiError } from '../../app/api';
import { clientErrorCodes, isApiError } from '../../app/api';
import { formatDateTime } from '../../i18n/format';

export type LoginField = 'username' | 'password' | 'totp';

type LoginErrorKey = `login.errors.${
  | 'usernameRequired'
  | 'passwordRequired'
  | 'totpRequired'
  | 'totpFormat'
  | 'tooLong'
  | 'invalidValue'
  | 'invalidCredentials'
  | 'userDisabled'
  | 'locked'
  | 'totpInvalid'
  | 'validation'}`;

/** A message kept as a key (not as text) so it follows a language switch. */
export type Message =
  | { key: LoginErrorKey }
  | { key: 'login.errors.lockedUntil'; values: { time: string } }
  | { key: 'errors.network' | 'errors.server' | 'errors.csrf' | 'errors.unexpected' };

export interface LoginFeedback {
  /** A message under the field, or `true` to only mark the field as invalid. */
  fields: Partial<Record<LoginField, Message | true>>;
  /** A message for the whole form. */
  form?: Message;
  requestId?: string | undefined;
  /** The account needs the six-digit code. */
  totpRequired?: boolean;
}

export const noFeedback: LoginFeedback = { fields: {} };

const loginFields: readonly LoginField[] = ['username', 'password', 'totp'];

function asLoginField(path: readonly PropertyKey[] | string): LoginField | undefined {
  const last = typeof path === 'string' ? path.split('.').at(-1) : path.at(-1);
  return loginFields.find((field) => field === last);
}

/** Maps a zod issue code (client-side or from `request.validation_failed`) to a message. */
function fieldMessage(field: LoginField, code: string | undefined): Message {
  if (code === 'too_big') {
    return { key: 'login.errors.tooLong' };
  }
  if (field === 'totp') {
    return code === 'too_small'
      ? { key: 'login.errors.totpRequired' }
      : { key: 'login.errors.totpFormat' };
  }
  if (code === 'too_small' || code === 'invalid_type') {
    return field === 'username'
      ? { key: 'login.errors.usernameRequired' }
      : { key: 'login.errors.passwordRequired' };
  }
  return { key: 'login.errors.invalidValue' };
}

/** Client-side check with the contract's own `loginBodySchema` issues. */
export function feedbackFromIssues(
  issues: readonly { path: readonly PropertyKey[]; code: string }[],
  totp: string,
): LoginFeedback {
  const fields: LoginFeedback['fields'] = {};
  for (const issue of issues) {
    const field = asLoginField(issue.path);
    if (field && !fields[field]) {
      fields[field] =
        field === 'totp' && totp === ''
          ? { key: 'login.errors.totpRequired' }
          : fieldMessage(field, issue.code);
    }
  }
  return { fields };
}

const isoDateTimePattern =
  /\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?/;
const secondsPattern = /(\d+)\s*(?:s\b|sec|second|giây)/i;
const minutesPattern = /(\d+)\s*(?:min|minute|phút)/i;

/** The moment a locked account may try again, when the problem's `detail` says so. */
export function lockedUntil(detail: string | undefined, now: Date = new Date()): Date | undefined {
  if (!detail) {
    return undefined;
  }
  const iso = isoDateTimePattern.exec(detail);
  if (iso) {
    const date = new Date(iso[0]);
    return Number.isNaN(date.getTime()) ? undefined : date;
  }
  const seconds = secondsPattern.exec(detail);
  if (seconds?.[1]) {
    return new Date(now.getTime() + Number(seconds[1]) * 1000);
  }
  const minutes = minutesPattern.exec(detail);
  if (minutes?.[1]) {
    return new Date(now.getTime() + Number(minutes[1]) * 60_000);
  }
  return undefined;
}

function fromApiError(error: ApiError): LoginFeedback {
  switch (error.code) {
    case errorCodes.authInvalidCredentials:
      return {
        fields: { username: true, password: { key: 'login.errors.invalidCredentials' } },
      };
    case errorCodes.authUserDisabled:
      return { fields: { username: { key: 'login.errors.userDisabled' } } };
    case errorCodes.authLocked: {
      const until = lockedUntil(error.detail);
      return {
        fields: {
          username: until
            ? { key: 'login.errors.lockedUntil', values: { time: formatDateTime(until) } }
            : { key: 'login.errors.locked' },
        },
      };
    }
    case errorCodes.authTotpRequired:
      return { fields: {}, totpRequired: true };
    case errorCodes.authTotpInvalid:
      return { fields: { totp: { key: 'login.errors.totpInvalid' } }, totpRequired: true };
    case errorCodes.validationFailed: {
      const fields: LoginFeedback['fields'] = {};
      for (const problem of error.errors) {
        const field = asLoginField(problem.path);
        if (field && !fields[field]) {
          fields[field] = fieldMessage(field, problem.code);
        }
      }
      return Object.keys(fields).length > 0
        ? { fields }
        : { fields, form: { key: 'login.errors.validation' }, requestId: error.requestId };
    }
    case errorCodes.authCsrfFailed:
      return { fields: {}, form: { key: 'errors.csrf' }, requestId: error.requestId };
    case clientErrorCodes.network:
      return { fields: {}, form: { key: 'errors.network' } };
    default:
      return {
        fields: {},
        form: { key: error.status >= 500 ? 'errors.server' : 'errors.unexpected' },
        requestId: error.requestId,
      };
  }
}

/** What the login form shows after the server refused the sign-in. */
export function feedbackFromError(error: unknown): LoginFeedback {
  return isApiError(error)
    ? fromApiError(error)
    : { fields: {}, form: { key: 'errors.unexpected' } };
}
