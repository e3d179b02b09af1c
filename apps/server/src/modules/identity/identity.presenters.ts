import type { Delegation, MeResponse, User } from '@vanban/contracts';
import { vietnamDate } from '../../platform/clock/clock.js';
import type { Db } from '../../platform/db/database.js';
import { findDisplayVersions, findUnits, presentAgencyRef } from '../organizations/index.js';
import { isDelegationActive, type Actor } from './identity.models.js';
import * as repo from './identity.repository.js';

/** Loads everything needed to present users, in a fixed number of queries whatever their count. */
async function loadContext(db: Db, users: repo.UserRow[], extraAgencyIds: string[], today: string) {
  const ids = users.map((u) => u.id);
  const [roles, positions] = await Promise.all([repo.rolesOf(db, ids), repo.positionsOf(db, ids)]);
  const agencyIds = [
    ...users.map((u) => u.agencyId),
    ...roles.map((r) => r.agencyId),
    ...positions.map((p) => p.agencyId),
    ...extraAgencyIds,
  ];
  const unitIds = [...roles, ...positions]
    .map((r) => r.unitId)
    .filter((x): x is string => x !== null);
  const [agencies, units] = await Promise.all([
    findDisplayVersions(db, agencyIds, today),
    findUnits(db, unitIds),
  ]);
  const agencyRef = (id: string) => {
    const v = agencies.get(id);
    return v ? presentAgencyRef(v) : { id, code: '', name: '' };
  };
  const unitMap = new Map(
    units.map((u) => [u.id, { id: u.id, agencyId: u.agencyId, code: u.code, name: u.name }]),
  );
  const unitRef = (id: string | null) => (id ? (unitMap.get(id) ?? null) : null);
  return { roles, positions, agencyRef, unitRef };
}

export async function presentUsers(db: Db, users: repo.UserRow[], today: string): Promise<User[]> {
  const ctx = await loadContext(db, users, [], today);
  return users.map((u) => {
    const roles = ctx.roles
      .filter((r) => r.userId === u.id)
      .map((r) => ({
        id: r.id,
        role: r.role,
        agency: ctx.agencyRef(r.agencyId),
        unit: ctx.unitRef(r.unitId),
      }));
    const positions = ctx.positions
      .filter((p) => p.userId === u.id)
      .map((p) => ({
        id: p.id,
        title: p.title,
        agency: ctx.agencyRef(p.agencyId),
        unit: ctx.unitRef(p.unitId),
      }));
    const units = [...roles, ...positions]
      .map((x) => x.unit)
      .filter((x): x is NonNullable<typeof x> => x !== null);
    return {
      id: u.id,
      username: u.username,
      fullName: u.fullName,
      email: u.email,
      phone: u.phone,
      agency: ctx.agencyRef(u.agencyId),
      disabled: u.disabled,
      totpEnabled: u.totpEnabled,
      lockedUntil: u.lockedUntil?.toISOString() ?? null,
      createdAt: u.createdAt.toISOString(),
      roles,
      positions,
      units: [...new Map(units.map((x) => [x.id, x])).values()],
    };
  });
}

export async function presentDelegations(
  db: Db,
  rows: repo.DelegationRow[],
  today: string,
): Promise<Delegation[]> {
  const users = new Map(
    (
      await repo.findUsersByIds(
        db,
        rows.flatMap((d) => [d.fromUserId, d.toUserId]),
      )
    ).map((u) => [u.id, u]),
  );
  const agencies = await findDisplayVersions(
    db,
    rows.map((d) => d.agencyId),
    today,
  );
  const userRef = (id: string) => {
    const u = users.get(id);
    return { id, username: u?.username ?? '', fullName: u?.fullName ?? '' };
  };
  return rows.map((d) => {
    const agency = agencies.get(d.agencyId);
    return {
      id: d.id,
      fromUser: userRef(d.fromUserId),
      toUser: userRef(d.toUserId),
      agency: agency ? presentAgencyRef(agency) : { id: d.agencyId, code: '', name: '' },
      roles: d.roles,
      validFrom: d.validFrom,
      validTo: d.validTo,
      note: d.note,
      revokedAt: d.revokedAt?.toISOString() ?? null,
    };
  });
}

export async function presentMe(db: Db, actor: Actor, now: Date): Promise<MeResponse> {
  const today = vietnamDate(now);
  const user = await repo.findUserById(db, actor.userId);
  if (!user) throw new Error('actor vanished');
  const [view] = await presentUsers(db, [user], today);
  const delegations = (await repo.delegationsOf(db, user.id, today)).filter((d) =>
    isDelegationActive(d, today),
  );
  const presented = await presentDelegations(db, delegations, today);
  return {
    user: {
      id: user.id,
      username: user.username,
      fullName: user.fullName,
      email: user.email,
      totpEnabled: user.totpEnabled,
    },
    agency: view!.agency,
    units: view!.units,
    positions: view!.positions,
    roles: view!.roles,
    delegations: {
      given: presented.filter((d) => d.fromUser.id === user.id),
      received: presented.filter((d) => d.toUser.id === user.id),
    },
    actingFor: actor.onBehalfOf
      ? { id: actor.onBehalfOf.userId, fullName: actor.onBehalfOf.fullName }
      : null,
    auth: {
      method: actor.auth.method,
      csrfToken: actor.auth.csrfToken,
      expiresAt: actor.auth.expiresAt?.toISOString() ?? null,
    },
  };
}
