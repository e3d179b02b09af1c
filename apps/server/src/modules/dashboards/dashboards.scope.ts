import type { AgencyTier, DashboardAgency } from '@vanban/contracts';
import { sql, type SQL } from 'drizzle-orm';
import { queryRows, type Db } from '../../platform/db/database.js';
import { uuidArray } from '../../platform/db/sql.js';

/**
 * Which agencies a dashboard covers, computed in SQL from the directory as of the period, and
 * intersected there with the agencies the actor may see: the subtrees (as of the period) of the
 * agencies where the actor is a leader, deputy, clerk or administrator. The city's leaders and
 * administrators hold their role in the level-1 agency, so they see every agency of the city.
 */

/**
 * One row per agency that had a version valid during [from, to] (valid_to is exclusive), with
 * the name, tier and parent of its last such version: a district closed on 1 July 2025 is in the
 * directory of any period before that day.
 */
function periodDirectory(from: string, to: string): SQL {
  return sql`pv as (
    select distinct on (v.agency_id) v.agency_id as id, v.code, v.name, v.level, v.tier::text as tier,
      v.parent_agency_id as parent_id
    from agency_versions v
    where v.valid_from <= ${to}::date and (v.valid_to is null or v.valid_to > ${from}::date)
    order by v.agency_id, v.valid_from desc
  )`;
}

interface ScopeRow {
  id: string;
  code: string;
  name: string;
  level: number;
  tier: AgencyTier;
  parent_id: string | null;
}

function toAgency(r: ScopeRow): DashboardAgency {
  return {
    id: r.id,
    code: r.code,
    name: r.name,
    level: Number(r.level),
    tier: r.tier,
    parentId: r.parent_id,
  };
}

export const dashboardRoles = ['leader', 'deputy', 'clerk', 'admin'] as const;

/** The agency with this code (or id) during the period, whether or not the actor may see it. */
export async function findAgencyInPeriod(
  db: Db,
  ref: { code: string } | { id: string },
  period: { from: string; to: string },
): Promise<DashboardAgency | null> {
  const [row] = await queryRows<ScopeRow>(
    db,
    sql`with ${periodDirectory(period.from, period.to)}
        select * from pv where ${'code' in ref ? sql`pv.code = ${ref.code}` : sql`pv.id = ${ref.id}`}
        order by pv.level limit 1`,
  );
  return row ? toAgency(row) : null;
}

/** The level-1 agency above `agencyId` (itself when it is one) during the period. */
export async function findCityOf(
  db: Db,
  agencyId: string,
  period: { from: string; to: string },
): Promise<DashboardAgency | null> {
  const [row] = await queryRows<ScopeRow>(
    db,
    sql`with recursive ${periodDirectory(period.from, period.to)},
        up as (
          select pv.* from pv where pv.id = ${agencyId}
          union
          select pv.* from pv join up on pv.id = up.parent_id
        )
        select * from up where up.parent_id is null limit 1`,
  );
  return row ? toAgency(row) : null;
}

/**
 * What a dashboard covers before visibility: `rootId` and, with `descend`, everything under it
 * (every agency of the period when null).
 */
export interface ScopeTarget {
  rootId: string | null;
  descend: boolean;
}

/**
 * The agencies of a dashboard the actor may see, ordered by level and code. `roleAgencyIds`
 * are the agencies where the actor holds one of `dashboardRoles`; an agency outside their
 * subtrees is never returned, whatever the target.
 */
export async function scopeAgencies(
  db: Db,
  roleAgencyIds: readonly string[],
  target: ScopeTarget,
  period: { from: string; to: string },
): Promise<DashboardAgency[]> {
  const start =
    target.rootId === null
      ? sql`select pv.id from pv`
      : sql`select pv.id from pv where pv.id = ${target.rootId}`;
  const descend = target.rootId !== null && target.descend;
  const rows = await queryRows<ScopeRow>(
    db,
    sql`with recursive ${periodDirectory(period.from, period.to)},
        visible(id) as (
          select pv.id from pv where pv.id = any(${uuidArray(roleAgencyIds)})
          union
          select pv.id from pv join visible t on pv.parent_id = t.id
        ),
        target(id) as (
          ${start}
          ${descend ? sql`union select pv.id from pv join target t on pv.parent_id = t.id` : sql``}
        )
        select pv.* from pv
        where pv.id in (select id from target) and pv.id in (select id from visible)
        order by pv.level, pv.code`,
  );
  return rows.map(toAgency);
}
