import type { TokenScope } from '@vanban/contracts';
import * as OTPAuth from 'otpauth';
import { vietnamDate, type Clock } from '../../platform/clock/clock.js';
import type { SecretBox } from '../../platform/crypto/tokens.js';
import { randomToken, sha256Hex } from '../../platform/crypto/tokens.js';
import type { Db } from '../../platform/db/database.js';
import { recordAuditEvent } from '../audit/index.js';
import { identityErrors } from './identity.errors.js';
import {
  afterFailedLogin,
  isDelegationActive,
  isLocked,
  TOKEN_PREFIX,
  type Actor,
  type RoleGrant,
} from './identity.models.js';
import { dummyHash, verifyPassword } from './identity.passwords.js';
import * as repo from './identity.repository.js';

export interface AuthDeps {
  db: Db;
  clock: Clock;
  secretBox: SecretBox;
  policy: { maxFailures: number; lockMs: number; sessionTtlMs: number };
}

export interface RequestMeta {
  ip: string | null;
  requestId: string | null;
  userAgent?: string | null;
}

export interface LoginResult {
  sessionToken: string;
  csrfToken: string;
  expiresAt: Date;
  userId: string;
}

/**
 * Signs a user in. Failures are counted and audited in their own committed transaction before the
 * error is thrown, so throttling cannot be bypassed by the rollback of a failed request.
 */
export async function login(
  deps: AuthDeps,
  input: { username: string; password: string; totp?: string | undefined },
  meta: RequestMeta,
): Promise<LoginResult> {
  const now = deps.clock.now();
  const outcome = await deps.db.transaction(async (tx) => {
    const user = await repo.findUserByUsername(tx, input.username.toLowerCase(), true);
    const audit = (type: string, data: Record<string, unknown>, agencyId: string | null) =>
      recordAuditEvent(tx, {
        type,
        actor: user ? { userId: user.id, name: user.fullName } : null,
        agencyId,
        subject: user ? { type: 'user', id: user.id } : { type: 'username', id: input.username },
        data,
        occurredAt: now,
        ip: meta.ip,
        requestId: meta.requestId,
      });
    if (!user) {
      await verifyPassword(await dummyHash, input.password);
      await audit('auth.login_failed', { username: input.username, reason: 'unknown_user' }, null);
      return { error: identityErrors.invalidCredentials() };
    }
    if (isLocked(user, now)) {
      await audit(
        'auth.login_refused',
        { reason: 'locked', lockedUntil: user.lockedUntil!.toISOString() },
        user.agencyId,
      );
      return { error: lockedError(user.lockedUntil!, now) };
    }
    const passwordOk = await verifyPassword(user.passwordHash, input.password);
    let totpOk = true;
    if (passwordOk && user.totpEnabled) {
      if (!input.totp) return { error: identityErrors.totpRequired() };
      totpOk = verifyTotp(deps.secretBox, user.totpSecretEnc, input.totp, now);
    }
    if (!passwordOk || !totpOk) {
      const next = afterFailedLogin(user, deps.policy, now);
      await repo.updateUser(tx, user.id, {
        failedLoginCount: next.failedLoginCount,
        lockedUntil: next.lockedUntil,
      });
      await audit(
        'auth.login_failed',
        {
          reason: passwordOk ? 'totp_invalid' : 'wrong_password',
          failures: user.failedLoginCount + 1,
        },
        user.agencyId,
      );
      if (next.justLocked) {
        await audit(
          'auth.locked',
          { until: next.lockedUntil!.toISOString(), failures: deps.policy.maxFailures },
          user.agencyId,
        );
        return { error: lockedError(next.lockedUntil!, now) };
      }
      return {
        error: passwordOk ? identityErrors.totpInvalid() : identityErrors.invalidCredentials(),
      };
    }
    if (user.disabled) {
      await audit('auth.login_refused', { reason: 'disabled' }, user.agencyId);
      return { error: identityErrors.userDisabled() };
    }
    const sessionToken = randomToken(32);
    const csrfToken = randomToken(24);
    const expiresAt = new Date(now.getTime() + deps.policy.sessionTtlMs);
    await repo.updateUser(tx, user.id, { failedLoginCount: 0, lockedUntil: null });
    await repo.insertSession(tx, {
      idHash: sha256Hex(sessionToken),
      userId: user.id,
      csrfToken,
      createdAt: now,
      expiresAt,
      lastSeenAt: now,
      ip: meta.ip,
      userAgent: meta.userAgent ?? null,
    });
    await audit(
      'auth.login',
      { method: user.totpEnabled ? 'password+totp' : 'password' },
      user.agencyId,
    );
    return { result: { sessionToken, csrfToken, expiresAt, userId: user.id } };
  });
  if ('error' in outcome) throw outcome.error;
  return outcome.result;
}

function lockedError(until: Date, now: Date) {
  const seconds = Math.max(1, Math.ceil((until.getTime() - now.getTime()) / 1000));
  return identityErrors.locked(`Try again after ${until.toISOString()}`, {
    headers: { 'retry-after': String(seconds) },
  });
}

function verifyTotp(box: SecretBox, sealed: string | null, code: string, now: Date): boolean {
  if (!sealed) return false;
  const totp = new OTPAuth.TOTP({
    secret: OTPAuth.Secret.fromBase32(box.open(sealed).toString('utf8')),
  });
  return totp.validate({ token: code, timestamp: now.getTime(), window: 1 }) !== null;
}

export async function logout(deps: AuthDeps, actor: Actor, meta: RequestMeta): Promise<void> {
  await deps.db.transaction(async (tx) => {
    if (actor.auth.sessionIdHash)
      await repo.revokeSession(tx, actor.auth.sessionIdHash, deps.clock.now());
    await recordAuditEvent(tx, {
      type: 'auth.logout',
      actor: { userId: actor.userId, name: actor.fullName },
      agencyId: actor.agencyId,
      subject: { type: 'user', id: actor.userId },
      occurredAt: deps.clock.now(),
      ip: meta.ip,
      requestId: meta.requestId,
    });
  });
}

const date = (v: string | null) => (v === null ? null : new Date(v));

/** Last-seen and last-used times are written at most once a minute per session or token. */
const TOUCH_EVERY_MS = 60_000;

/**
 * Resolves a session cookie or a Bearer token to an actor, optionally acting under a delegation.
 * One statement reads the session (or token), its user and their role grants; a delegation adds
 * one more. Revocation, expiry and disabled accounts are checked on every request.
 */
export async function authenticate(
  deps: Pick<AuthDeps, 'db' | 'clock'>,
  credentials: {
    sessionToken?: string | undefined;
    bearer?: string | undefined;
    onBehalfOf?: string | undefined;
  },
): Promise<Actor> {
  const now = deps.clock.now();
  let user: repo.ActorRow;
  let auth: Actor['auth'];
  if (credentials.bearer !== undefined) {
    const token = credentials.bearer.startsWith(TOKEN_PREFIX)
      ? await repo.findTokenActor(deps.db, sha256Hex(credentials.bearer))
      : undefined;
    const expiresAt = date(token?.expires_at ?? null);
    if (!token || token.revoked_at !== null || (expiresAt && expiresAt <= now))
      throw identityErrors.tokenInvalid();
    const lastUsedAt = date(token.last_used_at);
    if (!lastUsedAt || now.getTime() - lastUsedAt.getTime() > TOUCH_EVERY_MS)
      await repo.updateToken(deps.db, token.token_id, { lastUsedAt: now });
    user = token;
    auth = {
      method: 'token',
      scopes: token.scopes as TokenScope[],
      csrfToken: null,
      expiresAt,
      sessionIdHash: null,
    };
  } else if (credentials.sessionToken !== undefined) {
    const idHash = sha256Hex(credentials.sessionToken);
    const session = await repo.findSessionActor(deps.db, idHash);
    if (!session || session.revoked_at !== null) throw identityErrors.authRequired();
    const expiresAt = new Date(session.expires_at);
    if (expiresAt <= now) throw identityErrors.sessionExpired();
    if (now.getTime() - new Date(session.last_seen_at).getTime() > TOUCH_EVERY_MS)
      await repo.touchSession(deps.db, idHash, now);
    user = session;
    auth = {
      method: 'session',
      scopes: null,
      csrfToken: session.csrf_token,
      expiresAt,
      sessionIdHash: idHash,
    };
  } else {
    throw identityErrors.authRequired();
  }
  if (user.disabled) throw identityErrors.userDisabled();
  const roles: RoleGrant[] = user.roles.map((r) => ({
    role: r.role,
    agencyId: r.agencyId,
    unitId: r.unitId,
  }));
  let onBehalfOf: Actor['onBehalfOf'] = null;
  if (credentials.onBehalfOf) {
    const today = vietnamDate(now);
    const delegation = /^[0-9a-f-]{36}$/i.test(credentials.onBehalfOf)
      ? await repo.findDelegationActor(deps.db, credentials.onBehalfOf, user.user_id, today)
      : undefined;
    if (
      !delegation ||
      !isDelegationActive(
        {
          validFrom: delegation.valid_from,
          validTo: delegation.valid_to,
          revokedAt: date(delegation.revoked_at),
        },
        today,
      )
    )
      throw identityErrors.delegationNotActive();
    if (delegation.disabled)
      throw identityErrors.delegationNotActive('The delegating user is disabled');
    // The delegate acts with the delegator's own grants (unit included) for the lent roles only.
    for (const r of delegation.roles) {
      if (r.agencyId === delegation.delegation_agency_id && delegation.lent_roles.includes(r.role))
        roles.push({ role: r.role, agencyId: r.agencyId, unitId: r.unitId });
    }
    onBehalfOf = {
      userId: delegation.user_id,
      fullName: delegation.full_name,
      delegationId: delegation.delegation_id,
    };
  }
  return {
    userId: user.user_id,
    username: user.username,
    fullName: user.full_name,
    agencyId: user.agency_id,
    roles,
    onBehalfOf,
    auth,
  };
}
