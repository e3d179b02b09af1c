import { and, asc, eq, gt, ilike, inArray, isNull, or, sql } from 'drizzle-orm';
import type { Db } from '../../platform/db/database.js';
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

export async function findSession(db: Db, idHash: string) {
  const [row] = await db.select().from(sessions).where(eq(sessions.idHash, idHash)).limit(1);
  return row;
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

export async function findTokenByHash(db: Db, tokenHash: string): Promise<TokenRow | undefined> {
  const [row] = await db
    .select()
    .from(apiTokens)
    .where(eq(apiTokens.tokenHash, tokenHash))
    .limit(1);
  return row;
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

export async function activeDelegationBetween(
  db: Db,
  fromUserId: string,
  toUserId: string,
  today: string,
): Promise<DelegationRow | undefined> {
  const [row] = await db
    .select()
    .from(delegations)
    .where(
      and(
        eq(delegations.fromUserId, fromUserId),
        eq(delegations.toUserId, toUserId),
        isNull(delegations.revokedAt),
        sql`${delegations.validFrom} <= ${today} and ${delegations.validTo} >= ${today}`,
      ),
    )
    .limit(1);
  return row;
}

export async function revokeDelegation(db: Db, id: string, at: Date): Promise<void> {
  await db.update(delegations).set({ revokedAt: at }).where(eq(delegations.id, id));
}
