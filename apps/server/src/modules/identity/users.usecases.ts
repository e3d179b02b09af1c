import type { Role } from '@vanban/contracts';
import { vietnamDate, type Clock } from '../../platform/clock/clock.js';
import type { Db } from '../../platform/db/database.js';
import { newId } from '../../platform/db/ids.js';
import { recordAuditEvent } from '../audit/index.js';
import {
  agencySubtreeIds,
  findDisplayVersions,
  findUnits,
  organizationErrors,
} from '../organizations/index.js';
import type { RequestMeta } from './auth.usecases.js';
import { identityErrors } from './identity.errors.js';
import { auditActorOf, type Actor } from './identity.models.js';
import { hashPassword } from './identity.passwords.js';
import { adminAgencyIds } from './identity.policies.js';
import { presentUsers } from './identity.presenters.js';
import * as repo from './identity.repository.js';

export interface UsersDeps {
  db: Db;
  clock: Clock;
}

/** Agencies the actor administers: the subtrees under each agency where they hold `admin`. */
export async function administeredAgencyIds(deps: UsersDeps, actor: Actor): Promise<string[]> {
  return agencySubtreeIds(deps.db, adminAgencyIds(actor), vietnamDate(deps.clock.now()));
}

async function requireAdminOf(deps: UsersDeps, actor: Actor, agencyId: string): Promise<void> {
  const scope = await administeredAgencyIds(deps, actor);
  if (!scope.includes(agencyId))
    throw identityErrors.forbidden('You do not administer this agency');
}

async function loadTarget(deps: UsersDeps, actor: Actor, userId: string, tx: Db) {
  const user = await repo.findUserById(tx, userId, true);
  if (!user) throw identityErrors.userNotFound();
  await requireAdminOf({ ...deps, db: tx }, actor, user.agencyId);
  return user;
}

function audit(
  deps: UsersDeps,
  tx: Db,
  actor: Actor,
  meta: RequestMeta,
  type: string,
  user: repo.UserRow,
  data: Record<string, unknown>,
) {
  return recordAuditEvent(tx, {
    type,
    actor: auditActorOf(actor),
    agencyId: user.agencyId,
    subject: { type: 'user', id: user.id },
    data,
    occurredAt: deps.clock.now(),
    ip: meta.ip,
    requestId: meta.requestId,
  });
}

async function present(deps: UsersDeps, userId: string) {
  const user = await repo.findUserById(deps.db, userId);
  if (!user) throw identityErrors.userNotFound();
  const [view] = await presentUsers(deps.db, [user], vietnamDate(deps.clock.now()));
  return view!;
}

export async function listUsers(
  deps: UsersDeps,
  actor: Actor,
  query: {
    agencyId?: string | undefined;
    q?: string | undefined;
    limit: number;
    after?: string | undefined;
  },
) {
  const scope = await administeredAgencyIds(deps, actor);
  if (scope.length === 0) throw identityErrors.forbidden();
  const agencyIds = query.agencyId ? scope.filter((a) => a === query.agencyId) : scope;
  const rows = await repo.listUsers(deps.db, {
    agencyIds,
    q: query.q,
    afterUsername: query.after,
    limit: query.limit + 1,
  });
  const page = rows.slice(0, query.limit);
  return {
    items: await presentUsers(deps.db, page, vietnamDate(deps.clock.now())),
    nextCursor: rows.length > query.limit ? (page[page.length - 1]?.username ?? null) : null,
  };
}

export async function getUser(deps: UsersDeps, actor: Actor, userId: string) {
  const user = await repo.findUserById(deps.db, userId);
  if (!user) throw identityErrors.userNotFound();
  await requireAdminOf(deps, actor, user.agencyId);
  return present(deps, userId);
}

export async function createUser(
  deps: UsersDeps,
  actor: Actor | null,
  input: {
    username: string;
    fullName: string;
    email?: string | undefined;
    phone?: string | undefined;
    agencyId: string;
    password: string;
  },
  meta: RequestMeta,
) {
  const passwordHash = await hashPassword(input.password);
  const id = newId();
  await deps.db.transaction(async (tx) => {
    const agency = (
      await findDisplayVersions(tx, [input.agencyId], vietnamDate(deps.clock.now()))
    ).get(input.agencyId);
    if (!agency) throw organizationErrors.agencyNotFound();
    if (actor) await requireAdminOf({ ...deps, db: tx }, actor, input.agencyId);
    if (await repo.findUserByUsername(tx, input.username))
      throw identityErrors.usernameTaken(input.username);
    const now = deps.clock.now();
    const row = {
      id,
      username: input.username,
      fullName: input.fullName,
      email: input.email ?? null,
      phone: input.phone ?? null,
      agencyId: input.agencyId,
      passwordHash,
      createdAt: now,
      updatedAt: now,
    };
    await repo.insertUser(tx, row);
    await recordAuditEvent(tx, {
      type: 'users.created',
      actor: actor ? auditActorOf(actor) : null,
      agencyId: input.agencyId,
      subject: { type: 'user', id },
      data: { username: row.username, fullName: row.fullName, via: actor ? 'api' : 'cli' },
      occurredAt: now,
      ip: meta.ip,
      requestId: meta.requestId,
    });
  });
  return present(deps, id);
}

export async function updateUser(
  deps: UsersDeps,
  actor: Actor,
  userId: string,
  patch: {
    fullName?: string | undefined;
    email?: string | null | undefined;
    phone?: string | null | undefined;
    disabled?: boolean | undefined;
  },
  meta: RequestMeta,
) {
  await deps.db.transaction(async (tx) => {
    const user = await loadTarget(deps, actor, userId, tx);
    if (patch.disabled === true && user.id === actor.userId)
      throw identityErrors.forbidden('You cannot disable your own account');
    const now = deps.clock.now();
    const changes = Object.fromEntries(
      Object.entries(patch).filter(
        ([k, v]) => v !== undefined && user[k as keyof typeof user] !== v,
      ),
    );
    if (Object.keys(changes).length === 0) return;
    await repo.updateUser(tx, user.id, { ...changes, updatedAt: now });
    // A disabled account loses its sessions at once, not when they expire.
    if (patch.disabled === true) await repo.revokeSessionsOfUser(tx, user.id, now);
    await audit(
      deps,
      tx,
      actor,
      meta,
      patch.disabled === undefined
        ? 'users.updated'
        : patch.disabled
          ? 'users.disabled'
          : 'users.enabled',
      user,
      { changes },
    );
  });
  return present(deps, userId);
}

export async function resetPassword(
  deps: UsersDeps,
  actor: Actor | null,
  userId: string,
  password: string,
  meta: RequestMeta,
) {
  const passwordHash = await hashPassword(password);
  await deps.db.transaction(async (tx) => {
    const user = actor
      ? await loadTarget(deps, actor, userId, tx)
      : await repo.findUserById(tx, userId, true);
    if (!user) throw identityErrors.userNotFound();
    const now = deps.clock.now();
    await repo.updateUser(tx, user.id, {
      passwordHash,
      passwordChangedAt: now,
      failedLoginCount: 0,
      lockedUntil: null,
      updatedAt: now,
    });
    await repo.revokeSessionsOfUser(tx, user.id, now);
    await recordAuditEvent(tx, {
      type: 'users.password_reset',
      actor: actor ? auditActorOf(actor) : null,
      agencyId: user.agencyId,
      subject: { type: 'user', id: user.id },
      data: { via: actor ? 'api' : 'cli' },
      occurredAt: now,
      ip: meta.ip,
      requestId: meta.requestId,
    });
  });
}

async function checkPlacement(tx: Db, agencyId: string, unitId: string | undefined, today: string) {
  if (!(await findDisplayVersions(tx, [agencyId], today)).has(agencyId))
    throw organizationErrors.agencyNotFound();
  if (unitId) {
    const [unit] = await findUnits(tx, [unitId]);
    if (!unit || unit.agencyId !== agencyId)
      throw organizationErrors.unitNotFound('The unit is not in this agency');
  }
}

export async function assignRole(
  deps: UsersDeps,
  actor: Actor,
  userId: string,
  input: { role: Role; agencyId: string; unitId?: string | undefined },
  meta: RequestMeta,
) {
  await deps.db.transaction(async (tx) => {
    const user = await loadTarget(deps, actor, userId, tx);
    await requireAdminOf({ ...deps, db: tx }, actor, input.agencyId);
    await checkPlacement(tx, input.agencyId, input.unitId, vietnamDate(deps.clock.now()));
    const added = await repo.insertRole(tx, {
      id: newId(),
      userId,
      role: input.role,
      agencyId: input.agencyId,
      unitId: input.unitId ?? null,
    });
    if (added) await audit(deps, tx, actor, meta, 'users.role_assigned', user, { ...input });
  });
  return present(deps, userId);
}

export async function removeRole(
  deps: UsersDeps,
  actor: Actor,
  userId: string,
  roleId: string,
  meta: RequestMeta,
) {
  await deps.db.transaction(async (tx) => {
    const user = await loadTarget(deps, actor, userId, tx);
    const removed = await repo.deleteRole(tx, userId, roleId);
    if (!removed) throw identityErrors.roleNotFound();
    await audit(deps, tx, actor, meta, 'users.role_removed', user, {
      role: removed.role,
      agencyId: removed.agencyId,
      unitId: removed.unitId,
    });
  });
  return present(deps, userId);
}

export async function assignPosition(
  deps: UsersDeps,
  actor: Actor,
  userId: string,
  input: { title: string; agencyId: string; unitId?: string | undefined },
  meta: RequestMeta,
) {
  await deps.db.transaction(async (tx) => {
    const user = await loadTarget(deps, actor, userId, tx);
    await checkPlacement(tx, input.agencyId, input.unitId, vietnamDate(deps.clock.now()));
    await repo.insertPosition(tx, {
      id: newId(),
      userId,
      title: input.title,
      agencyId: input.agencyId,
      unitId: input.unitId ?? null,
    });
    await audit(deps, tx, actor, meta, 'users.position_assigned', user, { ...input });
  });
  return present(deps, userId);
}

/** The shared directory is maintained by admins of a top-level agency (e.g. the city itself). */
export async function requireDirectoryAdmin(deps: UsersDeps, actor: Actor): Promise<void> {
  const versions = await findDisplayVersions(
    deps.db,
    adminAgencyIds(actor),
    vietnamDate(deps.clock.now()),
  );
  if (![...versions.values()].some((v) => v.parentAgencyId === null)) {
    throw identityErrors.forbidden(
      'Only administrators of a top-level agency may change the directory',
    );
  }
}

export async function requireAgencyAdmin(
  deps: UsersDeps,
  actor: Actor,
  agencyId: string,
): Promise<void> {
  await requireAdminOf(deps, actor, agencyId);
}
