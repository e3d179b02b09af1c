import { incomingViewValues, type IncomingListQuery, type IncomingView } from '@vanban/contracts';
import { sql, type SQL } from 'drizzle-orm';
import { queryRows, type Db } from '../../platform/db/database.js';
import { uuidArray } from '../../platform/db/sql.js';
import { incomingErrors } from './incoming.errors.js';
import type { ActorScope } from './incoming.models.js';
import { visibleTo } from './incoming.visibility.js';

export interface SummaryRow {
  id: string;
  state: string;
  source: string;
  sender_name: string;
  reference: string;
  issue_date: string;
  doc_type: string;
  subject: string;
  urgency: string;
  secrecy: string;
  arrival_number: number | null;
  arrival_date: string | null;
  received_at: string;
  due_date: string | null;
  urgency_rank: number;
  overdue: boolean;
  due_soon: boolean;
}

const OPEN = sql`d.state in ('registered', 'submitted', 'assigned', 'in_progress')`;

/** Flags computed in SQL from today and the due-soon threshold (n working days ahead). */
export function summaryColumns(today: string, soon: string): SQL {
  return sql`d.id, d.state, d.source, d.sender_name, d.reference, d.issue_date, d.doc_type,
    d.subject, d.urgency, d.secrecy, d.arrival_number, d.arrival_date, d.received_at,
    d.due_date, d.urgency_rank,
    coalesce(${OPEN} and d.due_date < ${today}::date, false) as overdue,
    coalesce(${OPEN} and d.due_date >= ${today}::date and d.due_date <= ${soon}::date, false) as due_soon`;
}

function assignmentExists(scope: ActorScope, role: string, states: string[]): SQL {
  return sql`exists (select 1 from assignments s where s.document_id = d.id and s.active
    and s.role = ${role} and s.state = any(${`{${states.join(',')}}`}::assignment_state[])
    and (s.user_id = any(${uuidArray(scope.userIds)})
         or (s.user_id is null and s.unit_id = any(${uuidArray(scope.headUnitIds)}))))`;
}

/** What each inbox means, on top of visibility. */
export function viewPredicate(view: IncomingView, scope: ActorScope, today: string): SQL {
  switch (view) {
    case 'to_register':
      return sql`d.state = 'received' and d.agency_id = any(${uuidArray(scope.clerkAgencyIds)})`;
    case 'to_direct':
      return sql`d.state = 'submitted' and d.submitted_to_user_id = any(${uuidArray(scope.userIds)})`;
    case 'to_handle':
      return assignmentExists(scope, 'lead', ['assigned', 'in_progress']);
    case 'co_handling':
      return assignmentExists(scope, 'co_handler', ['assigned', 'in_progress']);
    case 'for_information':
      return assignmentExists(scope, 'for_information', ['assigned']);
    case 'overdue':
      return sql`${OPEN} and d.due_date < ${today}::date`;
    case 'all':
      return sql`true`;
  }
}

export type ListFilters = Pick<
  IncomingListQuery,
  | 'from'
  | 'to'
  | 'senderAgencyId'
  | 'sender'
  | 'docType'
  | 'urgency'
  | 'state'
  | 'assigneeUserId'
  | 'assigneeUnitId'
>;

export function filterPredicates(f: ListFilters): SQL[] {
  const out: SQL[] = [];
  if (f.from)
    out.push(sql`d.received_at >= (${f.from}::date::timestamp at time zone 'Asia/Ho_Chi_Minh')`);
  if (f.to)
    out.push(sql`d.received_at < ((${f.to}::date + 1)::timestamp at time zone 'Asia/Ho_Chi_Minh')`);
  if (f.senderAgencyId) out.push(sql`d.sender_agency_id = ${f.senderAgencyId}`);
  if (f.sender)
    out.push(sql`f_unaccent(d.sender_name) ilike ${`%${f.sender.replace(/[%_\\]/g, '\\$&')}%`} `);
  if (f.docType) out.push(sql`d.doc_type = ${f.docType}`);
  if (f.urgency) out.push(sql`d.urgency = ${f.urgency}`);
  if (f.state) out.push(sql`d.state = ${f.state}`);
  if (f.assigneeUserId)
    out.push(
      sql`exists (select 1 from assignments s where s.document_id = d.id and s.active and s.user_id = ${f.assigneeUserId})`,
    );
  if (f.assigneeUnitId)
    out.push(
      sql`exists (select 1 from assignments s where s.document_id = d.id and s.active and s.unit_id = ${f.assigneeUnitId})`,
    );
  return out;
}

/** Keyset orderings: the cursor holds the sort key of the last row, so paging never skips. */
const sorts = {
  urgency: {
    order: sql`d.urgency_rank desc, d.received_at desc, d.id desc`,
    after: (c: unknown[]) =>
      sql`(d.urgency_rank, d.received_at, d.id) < (${Number(c[0])}, ${String(c[1])}::timestamptz, ${String(c[2])}::uuid)`,
    width: 3,
    key: (r: SummaryRow) => [r.urgency_rank, r.received_at, r.id],
  },
  newest: {
    order: sql`d.received_at desc, d.id desc`,
    after: (c: unknown[]) =>
      sql`(d.received_at, d.id) < (${String(c[0])}::timestamptz, ${String(c[1])}::uuid)`,
    width: 2,
    key: (r: SummaryRow) => [r.received_at, r.id],
  },
  oldest: {
    order: sql`d.received_at asc, d.id asc`,
    after: (c: unknown[]) =>
      sql`(d.received_at, d.id) > (${String(c[0])}::timestamptz, ${String(c[1])}::uuid)`,
    width: 2,
    key: (r: SummaryRow) => [r.received_at, r.id],
  },
  due: {
    order: sql`coalesce(d.due_date, '9999-12-31'::date) asc, d.id asc`,
    after: (c: unknown[]) =>
      sql`(coalesce(d.due_date, '9999-12-31'::date), d.id) > (${String(c[0])}::date, ${String(c[1])}::uuid)`,
    width: 2,
    key: (r: SummaryRow) => [r.due_date ?? '9999-12-31', r.id],
  },
} as const;

function decodeCursor(cursor: string, length: number): unknown[] {
  try {
    const value: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (Array.isArray(value) && value.length === length) return value;
  } catch {
    // fall through
  }
  throw incomingErrors.cursorInvalid();
}

export async function listSummaries(
  db: Db,
  scope: ActorScope,
  query: IncomingListQuery,
  today: string,
  soon: string,
): Promise<{ rows: SummaryRow[]; nextCursor: string | null }> {
  const sort = sorts[query.sort];
  const conditions = [
    visibleTo(scope),
    viewPredicate(query.view, scope, today),
    ...filterPredicates(query),
  ];
  if (query.cursor) conditions.push(sort.after(decodeCursor(query.cursor, sort.width)));
  const rows = await queryRows<SummaryRow>(
    db,
    sql`select ${summaryColumns(today, soon)} from incoming_documents d
        where ${sql.join(conditions, sql` and `)}
        order by ${sort.order} limit ${query.limit + 1}`,
  );
  const page = rows.slice(0, query.limit);
  const last = page[page.length - 1];
  return {
    rows: page,
    nextCursor:
      rows.length > query.limit && last
        ? Buffer.from(JSON.stringify(sort.key(last))).toString('base64url')
        : null,
  };
}

/** Every inbox count in one pass over the visible documents. */
export async function countViews(
  db: Db,
  scope: ActorScope,
  today: string,
): Promise<Record<IncomingView, number>> {
  const columns = incomingViewValues.map(
    (view) =>
      sql`count(*) filter (where ${viewPredicate(view, scope, today)})::int as ${sql.identifier(view)}`,
  );
  const [row] = await queryRows<Record<IncomingView, number>>(
    db,
    sql`select ${sql.join(columns, sql`, `)} from incoming_documents d where ${visibleTo(scope)}`,
  );
  return (
    row ??
    (Object.fromEntries(incomingViewValues.map((v) => [v, 0])) as Record<IncomingView, number>)
  );
}

export interface SearchRow extends SummaryRow {
  rank: number;
  total: number;
  sender_name: string;
  content_text: string | null;
}

/**
 * Full-text search over metadata and extracted text, folded (`quyet dinh` finds `Quyết định`),
 * plus a trigram match on the number/notation (`12/UBND`), permission-filtered in SQL.
 */
export async function searchSummaries(
  db: Db,
  scope: ActorScope,
  q: { q: string; limit: number; offset: number } & ListFilters,
  today: string,
  soon: string,
): Promise<SearchRow[]> {
  const like = `%${q.q.toLowerCase().replace(/[%_\\]/g, '\\$&')}%`;
  const notationLike = q.q.length >= 3 && /[\p{N}/-]/u.test(q.q);
  const match = notationLike
    ? sql`(d.search @@ tq.q or lower(f_unaccent(d.reference)) like lower(f_unaccent(${like})))`
    : sql`d.search @@ tq.q`;
  const conditions = [visibleTo(scope), match, ...filterPredicates(q)];
  return queryRows<SearchRow>(
    db,
    sql`with tq as (select websearch_to_tsquery('simple', f_unaccent(${q.q})) as q)
        select ${summaryColumns(today, soon)}, d.content_text,
          ts_rank(d.search, tq.q)
            + ${notationLike ? sql`case when lower(f_unaccent(d.reference)) like lower(f_unaccent(${like})) then 1 else 0 end` : sql`0`} as rank,
          count(*) over () as total
        from incoming_documents d, tq
        where ${sql.join(conditions, sql` and `)}
        order by rank desc, d.received_at desc, d.id desc
        limit ${q.limit} offset ${q.offset}`,
  );
}
