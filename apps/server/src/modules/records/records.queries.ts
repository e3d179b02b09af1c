import type { RecordListQuery, RecordState, Secrecy } from '@vanban/contracts';
import { sql, type SQL } from 'drizzle-orm';
import { queryRows, type Db } from '../../platform/db/database.js';
import { addDays } from '../calendar/index.js';
import type { ActorScope } from '../incoming/index.js';
import { ARCHIVE_NOTICE_DAYS } from './records.models.js';
import { recordVisibleTo } from './records.visibility.js';

export interface RecordSummaryRow {
  id: string;
  code: string;
  organ_id: string;
  year: number;
  notation: string;
  title: string;
  maintenance: string | null;
  state: RecordState;
  secrecy: Secrecy;
  agency_id: string;
  creator_id: string;
  creator_name: string;
  unit_id: string | null;
  unit_code: string | null;
  unit_name: string | null;
  start_date: string | null;
  end_date: string | null;
  doc_total: number;
  closed_at: string | Date | null;
  processed_online: boolean | null;
  archive_due_date: string | null;
  archived_at: string | Date | null;
  total: number;
}

const columns = sql`r.id, r.code, r.organ_id, r.year, r.notation, r.title, r.maintenance,
  r.state::text as state, r.secrecy::text as secrecy, r.agency_id, r.creator_id,
  u.full_name as creator_name, un.id as unit_id, un.code as unit_code, un.name as unit_name,
  r.start_date, r.end_date,
  (select count(*)::int from record_items i where i.record_id = r.id) as doc_total,
  r.closed_at, r.processed_online, r.archive_due_date, r.archived_at`;

const from = sql`from work_records r join users u on u.id = r.creator_id
  left join units un on un.id = r.creator_unit_id`;

/** Records the actor sees, newest year first, then by notation; filters and search in SQL. */
export async function listRecordSummaries(
  db: Db,
  scope: ActorScope,
  query: RecordListQuery,
): Promise<RecordSummaryRow[]> {
  const filters: SQL[] = [recordVisibleTo(scope)];
  if (query.year !== undefined) filters.push(sql`r.year = ${query.year}`);
  if (query.state !== undefined) filters.push(sql`r.state = ${query.state}`);
  if (query.q !== undefined) {
    const like = `%${query.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    filters.push(sql`(f_unaccent(lower(r.title)) like f_unaccent(lower(${like}))
      or lower(r.code) like lower(${like}))`);
  }
  return queryRows<RecordSummaryRow>(
    db,
    sql`select ${columns}, count(*) over ()::int as total ${from}
        where ${sql.join(filters, sql` and `)}
        order by r.year desc, r.notation, r.opened_at desc, r.id
        limit ${query.limit} offset ${query.offset}`,
  );
}

export async function recordSummary(db: Db, id: string): Promise<RecordSummaryRow | null> {
  const [row] = await queryRows<RecordSummaryRow>(
    db,
    sql`select ${columns}, 1 as total ${from} where r.id = ${id}`,
  );
  return row ?? null;
}

/** Closed records the actor sees whose transfer falls due within the notice window, or is late. */
export async function dueForArchive(
  db: Db,
  scope: ActorScope,
  today: string,
): Promise<RecordSummaryRow[]> {
  return queryRows<RecordSummaryRow>(
    db,
    sql`select ${columns}, 0 as total ${from}
        where r.state = 'closed' and r.archive_due_date is not null
          and r.archive_due_date <= ${addDays(today, ARCHIVE_NOTICE_DAYS)}
          and ${recordVisibleTo(scope)}
        order by r.archive_due_date, r.code`,
  );
}
