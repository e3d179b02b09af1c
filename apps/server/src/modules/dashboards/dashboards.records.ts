import type { DashboardAgency } from '@vanban/contracts';
import { sql } from 'drizzle-orm';
import { queryRows, type Db } from '../../platform/db/database.js';
import {
  distribute,
  GROUPING,
  scopeTable,
  ts,
  type CountsByGroup,
  type GroupKey,
} from './dashboards.metrics.js';
import type { Period } from './dashboards.models.js';

/**
 * Work records closed in the period (still closed, or since transferred to the archive; a record
 * reopened since no longer counts) and how many of them the records module marked processed
 * online when it closed them: every document received, handled and issued in the system. The
 * city's goal (90/80/60 %) is this share, per tier.
 */
export async function countRecords(
  db: Db,
  agencies: readonly DashboardAgency[],
  period: Period,
  into: CountsByGroup,
): Promise<void> {
  if (agencies.length === 0) return;
  const rows = await queryRows<GroupKey & { closed: number; online: number }>(
    db,
    sql`select s.agency_id, s.tier, grouping(s.agency_id) as g_agency, grouping(s.tier) as g_tier,
          count(r.id)::int as closed,
          count(r.id) filter (where r.processed_online)::int as online
        from ${scopeTable(agencies)}
        join work_records r on r.agency_id = s.agency_id
        where r.state in ('closed', 'archived')
          and r.closed_at >= ${ts(period.startAt)} and r.closed_at < ${ts(period.endAt)}
        ${GROUPING}`,
  );
  distribute(rows, into, (c, r) => {
    c.records = { closed: r.closed, online: r.online };
  });
}
