import type { AgencyTier } from '@vanban/contracts';
import { and, asc, eq, inArray, isNull, or, sql, type SQL } from 'drizzle-orm';
import { queryRows, type Db } from '../../platform/db/database.js';
import { agencies, agencySuccessions, agencyVersions, units } from './organizations.tables.js';

export type AgencyVersionRow = typeof agencyVersions.$inferSelect;
export type UnitRow = typeof units.$inferSelect;

/** Versions valid on `asOf` (valid_from inclusive, valid_to exclusive). */
export function validOn(asOf: string): SQL {
  return sql`${agencyVersions.validFrom} <= ${asOf} and (${agencyVersions.validTo} is null or ${agencyVersions.validTo} > ${asOf})`;
}

export async function findVersionsOn(
  db: Db,
  agencyIds: string[],
  asOf: string,
): Promise<AgencyVersionRow[]> {
  if (agencyIds.length === 0) return [];
  return db
    .select()
    .from(agencyVersions)
    .where(and(inArray(agencyVersions.agencyId, agencyIds), validOn(asOf)));
}

/** The version valid on `asOf`, or else the latest one (a closed agency keeps its last name). */
export async function findDisplayVersions(
  db: Db,
  agencyIds: string[],
  asOf: string,
): Promise<Map<string, AgencyVersionRow>> {
  const map = new Map<string, AgencyVersionRow>();
  if (agencyIds.length === 0) return map;
  const rows = await db
    .select()
    .from(agencyVersions)
    .where(
      and(
        inArray(agencyVersions.agencyId, [...new Set(agencyIds)]),
        sql`${agencyVersions.validFrom} <= ${asOf}`,
      ),
    )
    .orderBy(asc(agencyVersions.validFrom));
  for (const r of rows) map.set(r.agencyId, r);
  for (const id of agencyIds) {
    if (!map.has(id)) {
      // Not yet valid on asOf: show its first version rather than nothing.
      const [first] = await db
        .select()
        .from(agencyVersions)
        .where(eq(agencyVersions.agencyId, id))
        .orderBy(asc(agencyVersions.validFrom))
        .limit(1);
      if (first) map.set(id, first);
    }
  }
  return map;
}

export async function findVersionByCode(
  db: Db,
  code: string,
  asOf: string | null,
): Promise<AgencyVersionRow | undefined> {
  const [row] = await db
    .select()
    .from(agencyVersions)
    .where(
      and(
        eq(agencyVersions.code, code),
        asOf === null ? isNull(agencyVersions.validTo) : validOn(asOf),
      ),
    )
    .limit(1);
  return row;
}

export async function findLatestVersionByCode(
  db: Db,
  code: string,
): Promise<AgencyVersionRow | undefined> {
  const [row] = await db
    .select()
    .from(agencyVersions)
    .where(eq(agencyVersions.code, code))
    .orderBy(sql`${agencyVersions.validFrom} desc`)
    .limit(1);
  return row;
}

export async function listVersionsOf(db: Db, agencyId: string): Promise<AgencyVersionRow[]> {
  return db
    .select()
    .from(agencyVersions)
    .where(eq(agencyVersions.agencyId, agencyId))
    .orderBy(asc(agencyVersions.validFrom));
}

export async function listAllVersions(db: Db, asOf: string | null): Promise<AgencyVersionRow[]> {
  return db
    .select()
    .from(agencyVersions)
    .where(asOf === null ? undefined : validOn(asOf))
    .orderBy(asc(agencyVersions.level), asc(agencyVersions.code), asc(agencyVersions.validFrom));
}

export async function searchAgencies(
  db: Db,
  filter: {
    asOf: string;
    q?: string;
    parentId?: string;
    level?: number;
    tier?: AgencyTier;
    includeClosed?: boolean;
    limit: number;
  },
): Promise<AgencyVersionRow[]> {
  const conditions: (SQL | undefined)[] = [
    filter.includeClosed ? undefined : validOn(filter.asOf),
    filter.parentId ? eq(agencyVersions.parentAgencyId, filter.parentId) : undefined,
    filter.level ? eq(agencyVersions.level, filter.level) : undefined,
    filter.tier ? eq(agencyVersions.tier, filter.tier) : undefined,
    filter.q
      ? or(
          sql`f_unaccent(${agencyVersions.name}) ilike '%' || f_unaccent(${filter.q}) || '%'`,
          sql`${agencyVersions.code} ilike ${filter.q + '%'}`,
        )
      : undefined,
  ];
  return db
    .select()
    .from(agencyVersions)
    .where(and(...conditions))
    .orderBy(asc(agencyVersions.level), asc(agencyVersions.code), asc(agencyVersions.validFrom))
    .limit(filter.limit);
}

export async function listSuccessions(db: Db, agencyIds: string[]) {
  if (agencyIds.length === 0) return [];
  return db
    .select()
    .from(agencySuccessions)
    .where(
      or(
        inArray(agencySuccessions.predecessorId, agencyIds),
        inArray(agencySuccessions.successorId, agencyIds),
      ),
    );
}

/** Agency ids of `roots` and everything under them, following parents valid on `asOf`. */
export async function agencySubtreeIds(db: Db, roots: string[], asOf: string): Promise<string[]> {
  if (roots.length === 0) return [];
  const rows = await queryRows<{ id: string }>(
    db,
    sql`with recursive tree(id) as (
          select unnest(${uuidArrayLiteral(roots)}::uuid[])
          union
          select v.agency_id from agency_versions v join tree t on v.parent_agency_id = t.id
          where v.valid_from <= ${asOf} and (v.valid_to is null or v.valid_to > ${asOf})
        ) select id from tree`,
  );
  return rows.map((r) => r.id);
}

export async function insertAgency(db: Db, id: string): Promise<void> {
  await db.insert(agencies).values({ id });
}

export async function insertVersion(
  db: Db,
  row: typeof agencyVersions.$inferInsert,
): Promise<void> {
  await db.insert(agencyVersions).values(row);
}

export async function updateVersion(
  db: Db,
  id: string,
  patch: Partial<typeof agencyVersions.$inferInsert>,
): Promise<void> {
  await db.update(agencyVersions).set(patch).where(eq(agencyVersions.id, id));
}

export async function insertSuccession(
  db: Db,
  row: typeof agencySuccessions.$inferInsert,
): Promise<boolean> {
  const inserted = await db
    .insert(agencySuccessions)
    .values(row)
    .onConflictDoNothing()
    .returning({ id: agencySuccessions.id });
  return inserted.length > 0;
}

export async function listUnits(db: Db, agencyId: string): Promise<UnitRow[]> {
  return db.select().from(units).where(eq(units.agencyId, agencyId)).orderBy(asc(units.code));
}

export async function findUnits(db: Db, ids: string[]): Promise<UnitRow[]> {
  if (ids.length === 0) return [];
  return db
    .select()
    .from(units)
    .where(inArray(units.id, [...new Set(ids)]));
}

export async function insertUnit(db: Db, row: typeof units.$inferInsert): Promise<void> {
  await db.insert(units).values(row);
}

export async function findCurrentUnitByCode(
  db: Db,
  agencyId: string,
  code: string,
): Promise<UnitRow | undefined> {
  const [row] = await db
    .select()
    .from(units)
    .where(and(eq(units.agencyId, agencyId), eq(units.code, code), isNull(units.validTo)))
    .limit(1);
  return row;
}

/** A PostgreSQL array literal; the `::uuid[]` cast rejects anything that is not a uuid. */
export function uuidArrayLiteral(ids: string[]): string {
  return `{${ids.join(',')}}`;
}
