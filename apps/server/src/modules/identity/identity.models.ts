import type { Role, TokenScope } from '@vanban/contracts';

export interface RoleGrant {
  role: Role;
  agencyId: string;
  unitId: string | null;
}

export interface Actor {
  userId: string;
  username: string;
  fullName: string;
  agencyId: string;
  /** Own roles plus those lent by the delegation this request acts under. */
  roles: RoleGrant[];
  onBehalfOf: { userId: string; fullName: string; delegationId: string } | null;
  auth: {
    method: 'session' | 'token';
    scopes: TokenScope[] | null;
    csrfToken: string | null;
    expiresAt: Date | null;
    sessionIdHash: string | null;
  };
}

export function auditActorOf(actor: Actor) {
  return {
    userId: actor.userId,
    name: actor.fullName,
    onBehalfOf: actor.onBehalfOf
      ? { userId: actor.onBehalfOf.userId, name: actor.onBehalfOf.fullName }
      : null,
  };
}

export function isLocked(user: { lockedUntil: Date | null }, now: Date): boolean {
  return user.lockedUntil !== null && user.lockedUntil.getTime() > now.getTime();
}

/** After `maxFailures` consecutive failures the account is locked for `lockMs`. */
export function afterFailedLogin(
  user: { failedLoginCount: number },
  policy: { maxFailures: number; lockMs: number },
  now: Date,
): { failedLoginCount: number; lockedUntil: Date | null; justLocked: boolean } {
  const failedLoginCount = user.failedLoginCount + 1;
  if (failedLoginCount >= policy.maxFailures) {
    return {
      failedLoginCount: 0,
      lockedUntil: new Date(now.getTime() + policy.lockMs),
      justLocked: true,
    };
  }
  return { failedLoginCount, lockedUntil: null, justLocked: false };
}

/** Delegation dates are inclusive Vietnam calendar days. */
export function isDelegationActive(
  d: { validFrom: string; validTo: string; revokedAt: Date | null },
  today: string,
): boolean {
  return d.revokedAt === null && d.validFrom <= today && today <= d.validTo;
}

/** API token scopes: reads need `read`, other methods `write`, admin endpoints `admin`. */
export function requiredScope(method: string, adminRoute: boolean): TokenScope {
  if (adminRoute) return 'admin';
  return method === 'GET' || method === 'HEAD' ? 'read' : 'write';
}

export function hasScope(granted: TokenScope[], needed: TokenScope): boolean {
  // A token that may write may also read.
  return granted.includes(needed) || (needed === 'read' && granted.includes('write'));
}

export const TOKEN_PREFIX = 'vbn_';
