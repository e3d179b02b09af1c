import { incomingViewValues, type IncomingListQuery, type IncomingView } from '@vanban/contracts';
import { sql, type SQL } from 'drizzle-orm';
import { queryRows, type Db } from '../../platform/db/database.js';
import { uuidArray } from '../../platform/db/sql.js';
import { incomingErrors } from './incoming.errors.js';
import type { ActorScope } from './incoming.models.js';
import {
  agencyBranch,
  agencyWideAgencies,
  participantDocs,
  participantFilter,
} from './incoming.visibility.js';

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

/**
 * Documents with an active assignment of the actor (or of a unit they head) in this role and
 * state. Written as an uncorrelated `d.id in (…)`, not `exists (… s.document_id = d.id …)`: in a
 * list it becomes a semi-join that can start from the actor's assignments, in the counts a
 * hashed subplan computed once instead of one probe per visible document.
 */
function assignmentExists(scope: ActorScope, role: string, states: string[]): SQL {
  return sql`d.id in (select s.document_id from assignments s where s.active
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

/**
 * One page of an inbox. Visibility is the union of its two branches (incoming.visibility.ts),
 * each with the view, the filters and the cursor, each ordered and cut at the page size; the
 * page is the first rows of their merge (the first n of A ∪ B are among the first n of A and the
 * first n of B). The agency branch runs once per agency, in index order.
 */
export async function listSummaries(
  db: Db,
  scope: ActorScope,
  query: IncomingListQuery,
  today: string,
  soon: string,
): Promise<{ rows: SummaryRow[]; nextCursor: string | null }> {
  const rows = await queryRows<SummaryRow>(db, listSummariesSql(scope, query, today, soon));
  const page = rows.slice(0, query.limit);
  const last = page[page.length - 1];
  return {
    rows: page,
    nextCursor:
      rows.length > query.limit && last
        ? Buffer.from(JSON.stringify(sorts[query.sort].key(last))).toString('base64url')
        : null,
  };
}

/** The statement of `listSummaries` (also run as the benchmark's raw baseline, bench/run/raw-sql.ts). */
export function listSummariesSql(
  scope: ActorScope,
  query: Pick<IncomingListQuery, 'sort' | 'limit' | 'cursor' | 'view'> & ListFilters,
  today: string,
  soon: string,
): SQL {
  const sort = sorts[query.sort];
  const conditions = [viewPredicate(query.view, scope, today), ...filterPredicates(query)];
  if (query.cursor) conditions.push(sort.after(decodeCursor(query.cursor, sort.width)));
  const where = sql.join(conditions, sql` and `);
  const n = query.limit + 1;
  return sql`select ${summaryColumns(today, soon)} from incoming_documents d
        where d.id in (
          (select v.id from ${agencyWideAgencies(scope)} cross join lateral (
             select d.id from incoming_documents d
              where d.agency_id = ag.id and d.secrecy = 'normal' and ${where}
              order by ${sort.order} limit ${n}) v)
          union all
          (select d.id from ${participantDocs(scope)}
             join incoming_documents d on d.id = p.document_id
            where ${participantFilter(scope)} and ${where}
            order by ${sort.order} limit ${n}))
        order by ${sort.order} limit ${n}`;
}

/** Columns the view predicates read. */
const VIEW_COLUMNS = sql`d.id, d.state, d.agency_id, d.submitted_to_user_id, d.due_date`;

/**
 * Every inbox count in one pass over the visible documents: the two visibility branches are
 * disjoint (the participant branch leaves out what the agency branch has), so their rows are
 * counted once each.
 */
export async function countViews(
  db: Db,
  scope: ActorScope,
  today: string,
): Promise<Record<IncomingView, number>> {
  const [row] = await queryRows<Record<IncomingView, number>>(db, countViewsSql(scope, today));
  return (
    row ??
    (Object.fromEntries(incomingViewValues.map((v) => [v, 0])) as Record<IncomingView, number>)
  );
}

/** The statement of `countViews` (also the benchmark's raw baseline). */
export function countViewsSql(scope: ActorScope, today: string): SQL {
  const columns = incomingViewValues.map(
    (view) =>
      sql`count(*) filter (where ${viewPredicate(view, scope, today)})::int as ${sql.identifier(view)}`,
  );
  return sql`select ${sql.join(columns, sql`, `)} from (
          (select ${VIEW_COLUMNS} from incoming_documents d where ${agencyBranch(scope)})
          union all
          (select ${VIEW_COLUMNS} from ${participantDocs(scope)}
             join incoming_documents d on d.id = p.document_id
            where ${participantFilter(scope)})) d`;
}
