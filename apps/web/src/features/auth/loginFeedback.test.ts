import { errorCodes, loginBodySchema } from '@vanban/contracts';
import { describe, expect, it } from 'vitest';
import { ApiError, clientErrorCodes } from '../../app/api';
import { feedbackFromError, feedbackFromIssues, lockedUntil } from './loginFeedback';

const apiError = (
  status: number,
  code: string,
  extra: Partial<ConstructorParameters<typeof ApiError>[0]> = {},
) => new ApiError({ status, code, title: code, ...extra });

describe('login feedback', () => {
  it('marks both fields on wrong credentials, with the message under the password', () => {
    const feedback = feedbackFromError(apiError(401, errorCodes.authInvalidCredentials));
    expect(feedback.fields).toEqual({
      username: true,
      password: { key: 'login.errors.invalidCredentials' },
    });
  });

  it('asks for the TOTP code, and flags a wrong one', () => {
    expect(feedbackFromError(apiError(401, errorCodes.authTotpRequired))).toEqual({
      fields: {},
      totpRequired: true,
    });
    expect(feedbackFromError(apiError(401, errorCodes.authTotpInvalid)).fields.totp).toEqual({
      key: 'login.errors.totpInvalid',
    });
  });

  it('shows the retry time of a locked account when the detail has it', () => {
    const feedback = feedbackFromError(
      apiError(429, errorCodes.authLocked, { detail: 'Try again after 2026-11-21T08:45:00.000Z' }),
    );
    expect(feedback.fields.username).toMatchObject({ key: 'login.errors.lockedUntil' });
    expect(feedbackFromError(apiError(429, errorCodes.authLocked)).fields.username).toEqual({
      key: 'login.errors.locked',
    });
  });

  it('reads a retry time in seconds or minutes', () => {
    const now = new Date('2026-11-21T08:00:00Z');
    expect(lockedUntil('locked for 90 seconds', now)?.toISOString()).toBe(
      '2026-11-21T08:01:30.000Z',
    );
    expect(lockedUntil('retry in 15 minutes', now)?.toISOString()).toBe('2026-11-21T08:15:00.000Z');
    expect(lockedUntil('no time here', now)).toBeUndefined();
  });

  it('maps server validation errors to fields', () => {
    const feedback = feedbackFromError(
      apiError(400, errorCodes.validationFailed, {
        errors: [{ path: 'body.username', message: 'Too small', code: 'too_small' }],
      }),
    );
    expect(feedback.fields).toEqual({ username: { key: 'login.errors.usernameRequired' } });
  });

  it('falls back to a form message for network and server errors', () => {
    expect(feedbackFromError(apiError(0, clientErrorCodes.network)).form).toEqual({
      key: 'errors.network',
    });
    expect(
      feedbackFromError(apiError(500, errorCodes.internal, { requestId: 'r1' })),
    ).toMatchObject({ form: { key: 'errors.server' }, requestId: 'r1' });
  });

  it('maps the contract schema issues of an empty form', () => {
    const parsed = loginBodySchema.safeParse({ username: '', password: '', totp: '12' });
    expect(parsed.success).toBe(false);
    const feedback = feedbackFromIssues(parsed.error?.issues ?? [], '12');
    expect(feedback.fields).toEqual({
      username: { key: 'login.errors.usernameRequired' },
      password: { key: 'login.errors.passwordRequired' },
      totp: { key: 'login.errors.totpFormat' },
    });
  });
});
