import type { Role, TokenScope } from '@vanban/contracts';
import * as OTPAuth from 'otpauth';
import { vietnamDate } from '../../platform/clock/clock.js';
import { randomToken, sha256Hex } from '../../platform/crypto/tokens.js';
import { newId } from '../../platform/db/ids.js';
import { recordAuditEvent } from '../audit/index.js';
import type { AuthDeps, RequestMeta } from './auth.usecases.js';
import { identityErrors } from './identity.errors.js';
import { auditActorOf, TOKEN_PREFIX, type Actor } from './identity.models.js';
import { hashPassword, verifyPassword } from './identity.passwords.js';
import * as repo from './identity.repository.js';

type Deps = Pick<AuthDeps, 'db' | 'clock' | 'secretBox'>;

function audit(
  deps: Deps,
  tx: AuthDeps['db'],
  actor: Actor,
  meta: RequestMeta,
  type: string,
  subject: { type: string; id: string },
  data: Record<string, unknown> = {},
) {
  return recordAuditEvent(tx, {
    type,
    actor: auditActorOf(actor),
    agencyId: actor.agencyId,
    subject,
    data,
    occurredAt: deps.clock.now(),
    ip: meta.ip,
    requestId: meta.requestId,
  });
}

export async function setupTotp(deps: Deps, actor: Actor, meta: RequestMeta) {
  const secret = new OTPAuth.Secret({ size: 20 });
  const totp = new OTPAuth.TOTP({ issuer: 'Vanban', label: actor.username, secret });
  await deps.db.transaction(async (tx) => {
    const user = await repo.findUserById(tx, actor.userId, true);
    if (user?.totpEnabled)
      throw identityErrors.forbidden('Disable the second factor before setting up a new one');
    await repo.updateUser(tx, actor.userId, {
      totpSecretEnc: deps.secretBox.seal(secret.base32),
      updatedAt: deps.clock.now(),
    });
    await audit(deps, tx, actor, meta, 'auth.totp_setup_started', {
      type: 'user',
      id: actor.userId,
    });
  });
  return { secret: secret.base32, otpauthUrl: totp.toString() };
}

function checkCode(deps: Deps, sealed: string | null, code: string): boolean {
  if (!sealed) throw identityErrors.totpNotSetUp();
  const totp = new OTPAuth.TOTP({
    secret: OTPAuth.Secret.fromBase32(deps.secretBox.open(sealed).toString('utf8')),
  });
  return totp.validate({ token: code, timestamp: deps.clock.now().getTime(), window: 1 }) !== null;
}

export async function setTotpEnabled(
  deps: Deps,
  actor: Actor,
  code: string,
  enabled: boolean,
  meta: RequestMeta,
): Promise<void> {
  await deps.db.transaction(async (tx) => {
    const user = await repo.findUserById(tx, actor.userId, true);
    if (!user) throw identityErrors.userNotFound();
    if (!checkCode(deps, user.totpSecretEnc, code)) throw identityErrors.totpInvalid();
    await repo.updateUser(tx, user.id, {
      totpEnabled: enabled,
      totpSecretEnc: enabled ? user.totpSecretEnc : null,
      updatedAt: deps.clock.now(),
    });
    await audit(deps, tx, actor, meta, enabled ? 'auth.totp_enabled' : 'auth.totp_disabled', {
      type: 'user',
      id: user.id,
    });
  });
}

export async function changePassword(
  deps: Deps,
  actor: Actor,
  input: { currentPassword: string; newPassword: string },
  meta: RequestMeta,
) {
  const passwordHash = await hashPassword(input.newPassword);
  await deps.db.transaction(async (tx) => {
    const user = await repo.findUserById(tx, actor.userId, true);
    if (!user || !(await verifyPassword(user.passwordHash, input.currentPassword)))
      throw identityErrors.wrongPassword();
    await repo.updateUser(tx, user.id, {
      passwordHash,
      passwordChangedAt: deps.clock.now(),
      updatedAt: deps.clock.now(),
    });
    await audit(deps, tx, actor, meta, 'auth.password_changed', { type: 'user', id: user.id });
  });
}

export async function createToken(
  deps: Deps,
  actor: Actor,
  input: { name: string; scopes: TokenScope[]; expiresAt?: string | undefined },
  meta: RequestMeta,
) {
  const now = deps.clock.now();
  const expiresAt = input.expiresAt ? new Date(input.expiresAt) : null;
  if (expiresAt && expiresAt <= now)
    throw identityErrors.forbidden('The expiry must be in the future');
  const secret = `${TOKEN_PREFIX}${randomToken(32)}`;
  const row = {
    id: newId(),
    userId: actor.userId,
    name: input.name,
    prefix: secret.slice(0, 10),
    tokenHash: sha256Hex(secret),
    scopes: [...new Set(input.scopes)],
    createdAt: now,
    expiresAt,
  };
  await deps.db.transaction(async (tx) => {
    await repo.insertToken(tx, row);
    await audit(
      deps,
      tx,
      actor,
      meta,
      'auth.token_created',
      { type: 'api_token', id: row.id },
      { name: row.name, scopes: row.scopes },
    );
  });
  return { token: { ...row, lastUsedAt: null, revokedAt: null }, secret };
}

export async function revokeToken(
  deps: Deps,
  actor: Actor,
  tokenId: string,
  meta: RequestMeta,
): Promise<void> {
  await deps.db.transaction(async (tx) => {
    const token = (await repo.listTokens(tx, actor.userId)).find((t) => t.id === tokenId);
    if (!token) throw identityErrors.tokenNotFound();
    if (token.revokedAt) return;
    await repo.updateToken(tx, token.id, { revokedAt: deps.clock.now() });
    await audit(
      deps,
      tx,
      actor,
      meta,
      'auth.token_revoked',
      { type: 'api_token', id: token.id },
      { name: token.name },
    );
  });
}

/** A user lends some of their roles in one agency to another user for an inclusive date range. */
export async function createDelegation(
  deps: Deps,
  actor: Actor,
  input: {
    toUserId: string;
    agencyId?: string | undefined;
    roles?: Role[] | undefined;
    validFrom: string;
    validTo: string;
    note?: string | undefined;
  },
  meta: RequestMeta,
) {
  const today = vietnamDate(deps.clock.now());
  const agencyId = input.agencyId ?? actor.agencyId;
  if (actor.onBehalfOf)
    throw identityErrors.delegationInvalid(
      'A delegation cannot be passed on (Decree 30 Art. 13: authorisation may not be re-delegated)',
    );
  const own = await repo.rolesOf(deps.db, [actor.userId]);
  const ownInAgency = [...new Set(own.filter((r) => r.agencyId === agencyId).map((r) => r.role))];
  const roles = input.roles ?? ownInAgency;
  const problems: { path: string; message: string }[] = [];
  if (input.toUserId === actor.userId)
    problems.push({ path: 'body.toUserId', message: 'You cannot delegate to yourself' });
  if (input.validTo < input.validFrom)
    problems.push({ path: 'body.validTo', message: 'validTo is before validFrom' });
  if (input.validTo < today)
    problems.push({ path: 'body.validTo', message: 'The delegation would already be over' });
  const notHeld = roles.filter((r) => !ownInAgency.includes(r));
  if (roles.length === 0 || notHeld.length > 0)
    problems.push({
      path: 'body.roles',
      message: `You do not hold ${notHeld.join(', ') || 'any role'} in this agency`,
    });
  const to = await repo.findUserById(deps.db, input.toUserId);
  if (!to || to.disabled)
    problems.push({ path: 'body.toUserId', message: 'The delegate does not exist or is disabled' });
  if (problems.length > 0)
    throw identityErrors.delegationInvalid(problems.map((p) => p.message).join('; '), {
      errors: problems,
    });
  const row = {
    id: newId(),
    fromUserId: actor.userId,
    toUserId: input.toUserId,
    agencyId,
    roles,
    validFrom: input.validFrom,
    validTo: input.validTo,
    note: input.note ?? null,
    createdAt: deps.clock.now(),
    revokedAt: null,
  };
  await deps.db.transaction(async (tx) => {
    await repo.insertDelegation(tx, row);
    await audit(
      deps,
      tx,
      actor,
      meta,
      'delegations.created',
      { type: 'delegation', id: row.id },
      {
        toUserId: row.toUserId,
        toName: to!.fullName,
        roles,
        validFrom: row.validFrom,
        validTo: row.validTo,
      },
    );
  });
  return row;
}

export async function revokeDelegation(
  deps: Deps,
  actor: Actor,
  delegationId: string,
  meta: RequestMeta,
) {
  return deps.db.transaction(async (tx) => {
    const d = await repo.findDelegation(tx, delegationId);
    if (!d || (d.fromUserId !== actor.userId && d.toUserId !== actor.userId))
      throw identityErrors.delegationNotFound();
    if (d.revokedAt) return d;
    const revokedAt = deps.clock.now();
    await repo.revokeDelegation(tx, d.id, revokedAt);
    await audit(deps, tx, actor, meta, 'delegations.revoked', { type: 'delegation', id: d.id });
    return { ...d, revokedAt };
  });
}
