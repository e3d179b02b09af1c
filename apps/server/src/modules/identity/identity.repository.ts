import { and, asc, eq, gt, ilike, inArray, isNull, or, sql } from 'drizzle-orm';
import { queryRows, type Db } from '../../platform/db/database.js';
import type { RoleGrant } from './identity.models.js';
import {
  apiTokens,
  delegations,
  sessions,
  userPositions,
  userRoles,
  users,
} from './identity.tables.js';

export type UserRow = typeof users.$inferSelect;
export type DelegationRow = typeof delegations.$inferSelect;
export type TokenRow = typeof apiTokens.$inferSelect;

export async function findUserByUsername(
  db: Db,
  username: string,
  forUpdate = false,
): Promise<UserRow | undefined> {
  const q = db.select().from(users).where(eq(users.username, username)).limit(1);
  const [row] = forUpdate ? await q.for('update') : await q;
  return row;
}

export async function findUserById(
  db: Db,
  id: string,
  forUpdate = false,
): Promise<UserRow | undefined> {
  const q = db.select().from(users).where(eq(users.id, id)).limit(1);
  const [row] = forUpdate ? await q.for('update') : await q;
  return row;
}

export async function findUsersByIds(db: Db, ids: string[]): Promise<UserRow[]> {
  if (ids.length === 0) return [];
  return db
    .select()
    .from(users)
    .where(inArray(users.id, [...new Set(ids)]));
}

export async function insertUser(db: Db, row: typeof users.$inferInsert): Promise<void> {
  await db.insert(users).values(row);
}

export async function updateUser(
  db: Db,
  id: string,
  patch: Partial<typeof users.$inferInsert>,
): Promise<void> {
  await db.update(users).set(patch).where(eq(users.id, id));
}

export async function listUsers(
  db: Db,
  filter: { agencyIds: string[]; q?: string; afterUsername?: string; limit: number },
): Promise<UserRow[]> {
  if (filter.agencyIds.length === 0) return [];
  return db
    .select()
    .from(users)
    .where(
      and(
        inArray(users.agencyId, filter.agencyIds),
        filter.q
          ? or(
              ilike(users.username, `%${filter.q}%`),
              sql`f_unaccent(${users.fullName}) ilike '%' || f_unaccent(${filter.q}) || '%'`,
            )
          : undefined,
        filter.afterUsername ? gt(users.username, filter.afterUsername) : undefined,
      ),
    )
    .orderBy(asc(users.username))
    .limit(filter.limit);
}

export async function rolesOf(db: Db, userIds: string[]) {
  if (userIds.length === 0) return [];
  return db.select().from(userRoles).where(inArray(userRoles.userId, userIds));
}

export async function positionsOf(db: Db, userIds: string[]) {
  if (userIds.length === 0) return [];
  return db.select().from(userPositions).where(inArray(userPositions.userId, userIds));
}

export async function insertRole(db: Db, row: typeof userRoles.$inferInsert): Promise<boolean> {
  const inserted = await db
    .insert(userRoles)
    .values(row)
    .onConflictDoNothing()
    .returning({ id: userRoles.id });
  return inserted.length > 0;
}

export async function deleteRole(db: Db, userId: string, roleId: string) {
  const [row] = await db
    .delete(userRoles)
    .where(and(eq(userRoles.id, roleId), eq(userRoles.userId, userId)))
    .returning();
  return row;
}

export async function insertPosition(
  db: Db,
  row: typeof userPositions.$inferInsert,
): Promise<void> {
  await db.insert(userPositions).values(row);
}

export async function insertSession(db: Db, row: typeof sessions.$inferInsert): Promise<void> {
  await db.insert(sessions).values(row);
}

export async function touchSession(db: Db, idHash: string, at: Date): Promise<void> {
  await db.update(sessions).set({ lastSeenAt: at }).where(eq(sessions.idHash, idHash));
}

export async function revokeSession(db: Db, idHash: string, at: Date): Promise<void> {
  await db
    .update(sessions)
    .set({ revokedAt: at })
    .where(and(eq(sessions.idHash, idHash), isNull(sessions.revokedAt)));
}

export async function revokeSessionsOfUser(db: Db, userId: string, at: Date): Promise<void> {
  await db
    .update(sessions)
    .set({ revokedAt: at })
    .where(and(eq(sessions.userId, userId), isNull(sessions.revokedAt)));
}

export async function insertToken(db: Db, row: typeof apiTokens.$inferInsert): Promise<void> {
  await db.insert(apiTokens).values(row);
}

export async function listTokens(db: Db, userId: string): Promise<TokenRow[]> {
  return db
    .select()
    .from(apiTokens)
    .where(eq(apiTokens.userId, userId))
    .orderBy(asc(apiTokens.createdAt));
}

export async function updateToken(
  db: Db,
  id: string,
  patch: Partial<typeof apiTokens.$inferInsert>,
): Promise<void> {
  await db.update(apiTokens).set(patch).where(eq(apiTokens.id, id));
}

export async function insertDelegation(
  db: Db,
  row: typeof delegations.$inferInsert,
): Promise<void> {
  await db.insert(delegations).values(row);
}

export async function findDelegation(db: Db, id: string): Promise<DelegationRow | undefined> {
  const [row] = await db.select().from(delegations).where(eq(delegations.id, id)).limit(1);
  return row;
}

/** Delegations touching the user that are not revoked and not over by `today`. */
export async function delegationsOf(
  db: Db,
  userId: string,
  today: string,
): Promise<DelegationRow[]> {
  return db
    .select()
    .from(delegations)
    .where(
      and(
        or(eq(delegations.fromUserId, userId), eq(delegations.toUserId, userId)),
        isNull(delegations.revokedAt),
        sql`${delegations.validTo} >= ${today}`,
      ),
    )
    .orderBy(asc(delegations.validFrom));
}

export async function revokeDelegation(db: Db, id: string, at: Date): Promise<void> {
  await db.update(delegations).set({ revokedAt: at }).where(eq(delegations.id, id));
}

/**
 * A user and their role grants, as read by the one-statement sign-in queries below (raw rows:
 * timestamps are the database's text, `new Date()` reads them).
 */
export interface ActorRow {
  user_id: string;
  username: string;
  full_name: string;
  agency_id: string;
  disabled: boolean;
  roles: RoleGrant[];
}

/** The user's columns and role grants (`u` must alias `users`). */
const actorColumns = sql`u.id as user_id, u.username, u.full_name, u.agency_id, u.disabled,
  coalesce((select json_agg(json_build_object('role', r.role, 'agencyId', r.agency_id,
                                              'unitId', r.unit_id))
            from user_roles r where r.user_id = u.id), '[]'::json) as roles`;

/**
 * The session of a cookie with its user and role grants in one statement: every request signs
 * in, and three round trips were half of what a list request sent (docs/performance.md,
 * finding 5).
 */
export async function findSessionActor(db: Db, idHash: string) {
  const [row] = await queryRows<
    ActorRow & {
      csrf_token: string;
      expires_at: string;
      last_seen_at: string;
      revoked_at: string | null;
    }
  >(
    db,
    sql`select s.csrf_token, s.expires_at, s.last_seen_at, s.revoked_at, ${actorColumns}
        from sessions s join users u on u.id = s.user_id
        where s.id_hash = ${idHash}`,
  );
  return row;
}

/** An API token with its user and role grants in one statement. */
export async function findTokenActor(db: Db, tokenHash: string) {
  const [row] = await queryRows<
    ActorRow & {
      token_id: string;
      scopes: string[];
      last_used_at: string | null;
      expires_at: string | null;
      revoked_at: string | null;
    }
  >(
    db,
    sql`select t.id as token_id, t.scopes, t.last_used_at, t.expires_at, t.revoked_at,
          ${actorColumns}
        from api_tokens t join users u on u.id = t.user_id
        where t.token_hash = ${tokenHash}`,
  );
  return row;
}

/**
 * The delegation `fromUserId` → `toUserId` in force on `today`, with the delegator and their
 * role grants, in one statement.
 */
export async function findDelegationActor(
  db: Db,
  fromUserId: string,
  toUserId: string,
  today: string,
) {
  const [row] = await queryRows<
    ActorRow & {
      delegation_id: string;
      delegation_agency_id: string;
      lent_roles: string[];
      valid_from: string;
      valid_to: string;
      revoked_at: string | null;
    }
  >(
    db,
    sql`select g.id as delegation_id, g.agency_id as delegation_agency_id,
          g.roles::text[] as lent_roles, g.valid_from, g.valid_to, g.revoked_at, ${actorColumns}
        from delegations g join users u on u.id = g.from_user_id
        where g.from_user_id = ${fromUserId} and g.to_user_id = ${toUserId}
          and g.revoked_at is null and g.valid_from <= ${today} and g.valid_to >= ${today}
        limit 1`,
  );
  return row;
}
