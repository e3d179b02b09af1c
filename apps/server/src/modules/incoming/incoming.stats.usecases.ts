import type { IncomingStats } from '@vanban/contracts';
import { sql, type SQL } from 'drizzle-orm';
import { vietnamDate } from '../../platform/clock/clock.js';
import { queryRows } from '../../platform/db/database.js';
import type { Actor } from '../identity/index.js';
import { actorScope } from './incoming.models.js';
import type { IncomingDeps } from './incoming.usecase-kit.js';
import { visibleTo } from './incoming.visibility.js';

interface MonthRow {
  month: string;
  completed: number;
  on_time: number;
  overdue_open: number;
}

/**
 * The on-time rate of the actor's agency over the last `months` months (Vietnam time), for the
 * home page chart. Clerks and leaders count the agency's documents, everyone else the documents
 * they take part in: both through `visibleTo`, so confidential documents count only for the
 * people named on them.
 *
 * A document is open at an instant when it was registered before it and completed after it (or
 * not yet); returned and revoked documents and those not yet registered are left out. The due
 * date is the current one (an approved extension moves it), as the inbox "overdue" uses it.
 */
export async function incomingStats(
  deps: IncomingDeps,
  actor: Actor,
  query: { months: number },
): Promise<IncomingStats> {
  const scope = actorScope(actor);
  const counts = await onTimeMonths(deps, actor.agencyId, visibleTo(scope), query.months);
  return {
    ...counts,
    scope: scope.agencyWideIds.includes(actor.agencyId) ? 'agency' : 'visible',
  };
}

/**
 * The same figures for the public transparency page (no sign-in): every non-confidential
 * document of the agency, never a confidential one (`secrecy = 'normal'` in the query).
 */
export async function publicOnTimeStats(
  deps: IncomingDeps,
  agencyId: string,
  query: { months: number },
): Promise<Omit<IncomingStats, 'scope'>> {
  return onTimeMonths(deps, agencyId, sql`d.secrecy = 'normal'`, query.months);
}

/** Per-month counts of the agency's documents that `filter` (over `d`) lets through. */
async function onTimeMonths(
  deps: IncomingDeps,
  agencyId: string,
  filter: SQL,
  monthCount: number,
): Promise<Omit<IncomingStats, 'scope'>> {
  const now = deps.clock.now();
  const today = vietnamDate(now);
  const rows = await queryRows<MonthRow>(
    deps.db,
    sql`with months as (
          select g::date as month_start, (g + interval '1 month')::date as next_start
          from generate_series(
            date_trunc('month', ${today}::date) - make_interval(months => ${monthCount - 1}),
            date_trunc('month', ${today}::date),
            interval '1 month') g
        ), bounds as (
          select month_start,
            month_start::timestamp at time zone 'Asia/Ho_Chi_Minh' as start_at,
            next_start::timestamp at time zone 'Asia/Ho_Chi_Minh' as end_at,
            -- the end of a past month; now for the current one
            least(next_start::timestamp at time zone 'Asia/Ho_Chi_Minh', ${now.toISOString()}::timestamptz) as cut_at,
            least(next_start, ${today}::date) as due_before
          from months
        ), docs as (
          select d.id, d.due_date, d.registered_at, d.completed_at,
            (d.completed_at at time zone 'Asia/Ho_Chi_Minh')::date as completed_on
          from incoming_documents d
          where d.agency_id = ${agencyId} and ${filter}
            and d.state in ('registered', 'submitted', 'assigned', 'in_progress', 'completed')
            and d.registered_at is not null
            and (d.completed_at is null or d.completed_at >= (select min(start_at) from bounds))
        )
        select to_char(b.month_start, 'YYYY-MM') as month,
          count(d.id) filter (where d.completed_at >= b.start_at and d.completed_at < b.end_at)::int
            as completed,
          count(d.id) filter (where d.completed_at >= b.start_at and d.completed_at < b.end_at
            and (d.due_date is null or d.completed_on <= d.due_date))::int as on_time,
          count(d.id) filter (where d.registered_at <= b.cut_at
            and (d.completed_at is null or d.completed_at > b.cut_at)
            and d.due_date < b.due_before)::int as overdue_open
        from bounds b left join docs d on true
        group by b.month_start
        order by b.month_start`,
  );
  const months = rows.map((r) => ({
    month: r.month,
    completed: r.completed,
    onTime: r.on_time,
    late: r.completed - r.on_time,
    overdueOpen: r.overdue_open,
  }));
  const completed = months.reduce((n, m) => n + m.completed, 0);
  const onTime = months.reduce((n, m) => n + m.onTime, 0);
  return {
    asOf: today,
    months,
    completed,
    onTime,
    late: completed - onTime,
    onTimeRate: completed === 0 ? null : onTime / completed,
  };
}
