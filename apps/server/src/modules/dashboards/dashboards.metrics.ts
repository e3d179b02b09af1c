import type { AgencyTier, DashboardAgency } from '@vanban/contracts';
import { sql, type SQL } from 'drizzle-orm';
import { queryRows, type Db } from '../../platform/db/database.js';
import { textArray, uuidArray } from '../../platform/db/sql.js';
import { zeroCounts, type Period, type RawCounts } from './dashboards.models.js';

/**
 * The dashboard's counts: one SQL statement per family (incoming, outgoing, tasks, records), each
 * grouped by agency, by tier and in total at once (`grouping sets`), over the agencies of the
 * scope only (`scope` joins them with their tier in the period). Definitions of every count:
 * docs/decisions/0014-dashboards.md.
 */

export interface CountsByGroup {
  agencies: Map<string, RawCounts>;
  tiers: Map<AgencyTier, RawCounts>;
  total: RawCounts;
}

export function emptyCounts(): CountsByGroup {
  return { agencies: new Map(), tiers: new Map(), total: zeroCounts() };
}

/** `s(agency_id, tier)`: the scope's agencies with their tier in the period. */
export function scopeTable(agencies: readonly DashboardAgency[]): SQL {
  return sql`unnest(${uuidArray(agencies.map((a) => a.id))}, ${textArray(agencies.map((a) => a.tier))})
    as s(agency_id, tier)`;
}

export const GROUPING = sql`group by grouping sets ((s.agency_id, s.tier), (s.tier), ())`;

export interface GroupKey {
  agency_id: string | null;
  tier: AgencyTier | null;
  g_agency: number;
  g_tier: number;
}

/** Puts each grouping-set row where it belongs (agency row, tier subtotal or total). */
export function distribute<R extends GroupKey>(
  rows: R[],
  into: CountsByGroup,
  apply: (counts: RawCounts, row: R) => void,
): void {
  for (const row of rows) {
    let counts: RawCounts;
    if (Number(row.g_tier) === 1) counts = into.total;
    else if (Number(row.g_agency) === 1) {
      const tier = row.tier!;
      counts = into.tiers.get(tier) ?? zeroCounts();
      into.tiers.set(tier, counts);
    } else {
      const id = row.agency_id!;
      counts = into.agencies.get(id) ?? zeroCounts();
      into.agencies.set(id, counts);
    }
    apply(counts, row);
  }
}

export const ts = (d: Date) => sql`${d.toISOString()}::timestamptz`;

/**
 * Incoming documents registered before the end of the period and not returned or revoked.
 * Handling time is `n(completed day) - n(registration day)` over the working-day index
 * (`days`/`cumulative`, see `workingDayIndex`): working days after registration up to completion.
 */
export async function countIncoming(
  db: Db,
  agencies: readonly DashboardAgency[],
  period: Period,
  index: { days: string[]; cumulative: number[] },
  into: CountsByGroup,
): Promise<void> {
  if (agencies.length === 0) return;
  const rows = await queryRows<
    GroupKey & {
      received: number;
      completed: number;
      on_time: number;
      in_progress: number;
      overdue: number;
      handling_days: number;
    }
  >(
    db,
    sql`with cal(day, n) as (
          select * from unnest(${textArray(index.days)}::date[], ${textArray(index.cumulative.map(String))}::int[])
        ), docs as (
          select d.agency_id, d.registered_at, d.completed_at, d.due_date,
            (d.registered_at at time zone 'Asia/Ho_Chi_Minh')::date as registered_on,
            (d.completed_at at time zone 'Asia/Ho_Chi_Minh')::date as completed_on
          from incoming_documents d
          where d.agency_id = any(${uuidArray(agencies.map((a) => a.id))})
            and d.state in ('registered', 'submitted', 'assigned', 'in_progress', 'completed')
            and d.registered_at is not null and d.registered_at < ${ts(period.endAt)}
            and (d.completed_at is null or d.completed_at >= ${ts(period.startAt)})
        ), facts as (
          select docs.*,
            docs.completed_at < ${ts(period.endAt)} as done,
            docs.registered_at < ${ts(period.cutAt)}
              and (docs.completed_at is null or docs.completed_at >= ${ts(period.cutAt)}) as open_at_cut
          from docs
        )
        select s.agency_id, s.tier, grouping(s.agency_id) as g_agency, grouping(s.tier) as g_tier,
          count(f.agency_id) filter (where f.registered_at >= ${ts(period.startAt)})::int as received,
          count(f.agency_id) filter (where f.done)::int as completed,
          count(f.agency_id) filter (where f.done
            and (f.due_date is null or f.completed_on <= f.due_date))::int as on_time,
          count(f.agency_id) filter (where f.open_at_cut)::int as in_progress,
          count(f.agency_id) filter (where f.open_at_cut and f.due_date < ${period.dueBefore}::date)::int
            as overdue,
          coalesce(sum(c2.n - c1.n) filter (where f.done), 0)::int as handling_days
        from ${scopeTable(agencies)}
        join facts f on f.agency_id = s.agency_id
        left join cal c1 on c1.day = f.registered_on
        left join cal c2 on c2.day = f.completed_on
        ${GROUPING}`,
  );
  distribute(rows, into, (c, r) => {
    c.incoming = {
      received: r.received,
      completed: r.completed,
      onTime: r.on_time,
      inProgress: r.in_progress,
      overdue: r.overdue,
      handlingDays: r.handling_days,
    };
  });
}

/** The first registration day of the documents completed in the period (the index starts there). */
export async function firstRegistrationOfCompleted(
  db: Db,
  agencyIds: readonly string[],
  period: Period,
): Promise<string | null> {
  if (agencyIds.length === 0) return null;
  const [row] = await queryRows<{ first: string | null }>(
    db,
    sql`select (min(d.registered_at) at time zone 'Asia/Ho_Chi_Minh')::date::text as first
        from incoming_documents d
        where d.agency_id = any(${uuidArray(agencyIds)}) and d.state = 'completed'
          and d.completed_at >= ${ts(period.startAt)} and d.completed_at < ${ts(period.endAt)}`,
  );
  return row?.first ?? null;
}

/** Outgoing documents issued in the period; revoked ones no longer count. */
export async function countOutgoing(
  db: Db,
  agencies: readonly DashboardAgency[],
  period: Period,
  into: CountsByGroup,
): Promise<void> {
  if (agencies.length === 0) return;
  const rows = await queryRows<GroupKey & { issued: number }>(
    db,
    sql`select s.agency_id, s.tier, grouping(s.agency_id) as g_agency, grouping(s.tier) as g_tier,
          count(d.id)::int as issued
        from ${scopeTable(agencies)}
        join outgoing_documents d on d.agency_id = s.agency_id
        where d.state = 'issued'
          and d.issued_at >= ${ts(period.startAt)} and d.issued_at < ${ts(period.endAt)}
        ${GROUPING}`,
  );
  distribute(rows, into, (c, r) => {
    c.outgoing = { issued: r.issued };
  });
}

/**
 * Tasks by the agency that carries them out (`owner_agency_id`): every task of a cascade counts
 * for its own owner. Open at the cut: created before it and neither completed nor cancelled by
 * then; in progress once started before the cut.
 */
export async function countTasks(
  db: Db,
  agencies: readonly DashboardAgency[],
  period: Period,
  into: CountsByGroup,
): Promise<void> {
  if (agencies.length === 0) return;
  const rows = await queryRows<
    GroupKey & {
      assigned: number;
      in_progress: number;
      overdue: number;
      completed: number;
      on_time: number;
      cancelled: number;
    }
  >(
    db,
    sql`with facts as (
          select t.owner_agency_id as agency_id, t.due_date, t.started_at,
            t.completed_at >= ${ts(period.startAt)} and t.completed_at < ${ts(period.endAt)} as done,
            (t.completed_at at time zone 'Asia/Ho_Chi_Minh')::date as completed_on,
            t.cancelled_at >= ${ts(period.startAt)} and t.cancelled_at < ${ts(period.endAt)} as cancelled,
            t.created_at < ${ts(period.cutAt)}
              and (t.completed_at is null or t.completed_at >= ${ts(period.cutAt)})
              and (t.cancelled_at is null or t.cancelled_at >= ${ts(period.cutAt)}) as open_at_cut
          from tasks t
          where t.owner_agency_id = any(${uuidArray(agencies.map((a) => a.id))})
            and t.created_at < ${ts(period.endAt)}
            and (t.completed_at is null or t.completed_at >= ${ts(period.startAt)})
            and (t.cancelled_at is null or t.cancelled_at >= ${ts(period.startAt)})
        )
        select s.agency_id, s.tier, grouping(s.agency_id) as g_agency, grouping(s.tier) as g_tier,
          count(f.agency_id) filter (where f.open_at_cut
            and (f.started_at is null or f.started_at >= ${ts(period.cutAt)}))::int as assigned,
          count(f.agency_id) filter (where f.open_at_cut and f.started_at < ${ts(period.cutAt)})::int
            as in_progress,
          count(f.agency_id) filter (where f.open_at_cut and f.due_date < ${period.dueBefore}::date)::int
            as overdue,
          count(f.agency_id) filter (where f.done)::int as completed,
          count(f.agency_id) filter (where f.done
            and (f.due_date is null or f.completed_on <= f.due_date))::int as on_time,
          count(f.agency_id) filter (where f.cancelled)::int as cancelled
        from ${scopeTable(agencies)}
        join facts f on f.agency_id = s.agency_id
        ${GROUPING}`,
  );
  distribute(rows, into, (c, r) => {
    c.tasks = {
      assigned: r.assigned,
      inProgress: r.in_progress,
      overdue: r.overdue,
      completed: r.completed,
      onTime: r.on_time,
      cancelled: r.cancelled,
    };
  });
}
