export * from './identity.models.js';
export { identityErrors } from './identity.errors.js';
export { hasRole, isAdmin, adminAgencyIds } from './identity.policies.js';
export { login, logout, authenticate, type AuthDeps, type RequestMeta } from './auth.usecases.js';
export * as account from './account.usecases.js';
export * as usersAdmin from './users.usecases.js';
export { presentMe, presentDelegations } from './identity.presenters.js';
export { hashPassword } from './identity.passwords.js';
export {
  findUserByUsername,
  insertRole,
  insertPosition,
  listTokens,
  delegationsOf,
} from './identity.repository.js';
export { safeEqual as safeEqualCsrf } from '../../platform/crypto/tokens.js';
