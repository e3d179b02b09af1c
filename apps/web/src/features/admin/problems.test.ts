import { errorCodes } from '@vanban/contracts';
import { describe, expect, it } from 'vitest';
import { ApiError } from '../../app/api';
import { adminFeedback } from './problems';

const problem = (
  status: number,
  code: string,
  extra: Partial<ConstructorParameters<typeof ApiError>[0]> = {},
) => new ApiError({ status, code, title: code, ...extra });

const fields = ['username', 'password', 'agencyId'] as const;

describe('adminFeedback', () => {
  it('puts validation problems at their fields, with per-field messages', () => {
    const feedback = adminFeedback(
      problem(400, errorCodes.validationFailed, {
        errors: [
          { path: 'body.username', message: 'x', code: 'too_small' },
          { path: 'body.password', message: 'x', code: 'too_small' },
        ],
      }),
      fields,
      {},
      { password: 'admin.users.errors.passwordRule' },
    );
    expect(feedback).toEqual({
      fields: { username: 'admin.errors.tooShort', password: 'admin.users.errors.passwordRule' },
    });
  });

  it('puts a known code at its field', () => {
    expect(
      adminFeedback(problem(409, errorCodes.usernameTaken), fields, {
        [errorCodes.usernameTaken]: {
          field: 'username',
          message: 'admin.users.errors.usernameTaken',
        },
      }),
    ).toEqual({ fields: { username: 'admin.users.errors.usernameTaken' } });
    expect(
      adminFeedback(problem(400, errorCodes.signingPkcs12Invalid), ['password'] as const, {
        [errorCodes.signingPkcs12Invalid]: {
          field: 'password',
          message: 'admin.certificates.errors.pkcs12Invalid',
        },
      }),
    ).toEqual({ fields: { password: 'admin.certificates.errors.pkcs12Invalid' } });
  });

  it('uses the messages a code gives for the paths it names', () => {
    const feedback = adminFeedback(
      problem(400, errorCodes.delegationInvalid, {
        errors: [{ path: 'body.validTo', message: 'over' }],
      }),
      ['toUserId', 'validTo'] as const,
      {
        [errorCodes.delegationInvalid]: {
          message: 'admin.delegations.errors.invalid',
          byPath: { validTo: 'admin.delegations.errors.validTo' },
        },
      },
    );
    expect(feedback).toEqual({ fields: { validTo: 'admin.delegations.errors.validTo' } });
  });

  it('shows common codes and unknown failures above the form', () => {
    expect(adminFeedback(problem(403, errorCodes.forbidden), fields)).toEqual({
      fields: {},
      form: 'admin.errors.forbidden',
    });
    expect(adminFeedback(problem(500, errorCodes.internal), fields)).toEqual({
      fields: {},
      form: 'generic',
    });
    expect(adminFeedback(new Error('x'), fields)).toEqual({ fields: {}, form: 'generic' });
  });
});
