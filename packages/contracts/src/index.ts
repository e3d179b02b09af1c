export * from './common/problem.contract.js';
export * from './common/primitives.contract.js';
export * from './common/health.contract.js';
export * from './auth/auth.contract.js';
export * from './users/users.contract.js';
export * from './agencies/agencies.contract.js';
export * from './audit/audit.contract.js';
