import { defineError } from '../../platform/errors/app-error.js';

export const identityErrors = {
  authRequired: defineError('auth.required', 401, 'Sign in to continue'),
  invalidCredentials: defineError('auth.invalid_credentials', 401, 'Wrong username or password'),
  userDisabled: defineError('auth.user_disabled', 403, 'This account is disabled'),
  locked: defineError(
    'auth.locked',
    429,
    'Too many failed sign-ins; the account is locked for a while',
  ),
  totpRequired: defineError(
    'auth.totp_required',
    401,
    'Enter the code from your authenticator app',
  ),
  totpInvalid: defineError('auth.totp_invalid', 401, 'The authenticator code is not valid'),
  totpNotSetUp: defineError('auth.totp_not_set_up', 409, 'Set up the authenticator first'),
  sessionExpired: defineError(
    'auth.session_expired',
    401,
    'Your session has expired; sign in again',
  ),
  csrfFailed: defineError(
    'auth.csrf_failed',
    403,
    'Missing or wrong CSRF token (send the X-CSRF-Token header)',
  ),
  tokenInvalid: defineError(
    'auth.token_invalid',
    401,
    'The API token is not valid, expired or revoked',
  ),
  tokenScope: defineError(
    'auth.token_scope_insufficient',
    403,
    'The API token does not have the scope this call needs',
  ),
  forbidden: defineError('auth.forbidden', 403, 'You are not allowed to do this'),
  wrongPassword: defineError('auth.wrong_password', 400, 'The current password is wrong'),
  userNotFound: defineError('users.not_found', 404, 'User not found'),
  usernameTaken: defineError('users.username_taken', 409, 'This username is already taken'),
  roleNotFound: defineError('users.role_not_found', 404, 'Role assignment not found'),
  tokenNotFound: defineError('auth.token_not_found', 404, 'API token not found'),
  delegationInvalid: defineError('delegations.invalid', 400, 'The delegation is not valid'),
  delegationNotActive: defineError(
    'delegations.not_active',
    403,
    'No delegation from this user to you is in force today',
  ),
  delegationNotFound: defineError('delegations.not_found', 404, 'Delegation not found'),
};
