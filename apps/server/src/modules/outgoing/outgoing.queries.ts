import { outgoingViewValues, type OutgoingListQuery, type OutgoingView } from '@vanban/contracts';
import { sql, type SQL } from 'drizzle-orm';
import { queryRows, type Db } from '../../platform/db/database.js';
import { uuidArray } from '../../platform/db/sql.js';
import { outgoingErrors } from './outgoing.errors.js';
import { visibleTo, type OutgoingScope } from './outgoing.visibility.js';

export interface OutgoingSummaryRow {
  id: string;
  state: string;
  reference: string | null;
  doc_type: string;
  subject: string;
  urgency: string;
  secrecy: string;
  drafter_id: string;
  drafter_name: string;
  signer_id: string;
  signer_name: string;
  issue_date: string | null;
  recipient_count: number;
  updated_at: string;
}

/** What each list means, on top of visibility. */
export function viewPredicate(view: OutgoingView, scope: OutgoingScope): SQL {
  const me = uuidArray(scope.userIds);
  const clerkOf = sql`d.agency_id = any(${uuidArray(scope.clerkAgencyIds)})`;
  switch (view) {
    case 'drafts':
      return sql`d.drafter_id = any(${me}) and d.state not in ('issued', 'revoked')`;
    case 'to_review':
      return sql`d.state = 'in_review' and exists (select 1 from outgoing_review_steps s
        where s.document_id = d.id and s.round = d.review_round and s.state = 'pending'
          and s.reviewer_id = any(${me}))`;
    case 'to_sign':
      return sql`d.state = 'approved' and d.signer_id = any(${me})`;
    case 'to_number':
      return sql`d.state = 'signed' and ${clerkOf}`;
    case 'to_seal':
      return sql`d.state = 'numbered' and ${clerkOf}`;
    case 'to_issue':
      return sql`d.state = 'sealed' and ${clerkOf}`;
    case 'issued':
      return sql`d.state in ('issued', 'revoked')`;
    case 'all':
      return sql`true`;
  }
}

const columns = sql`d.id, d.state, d.reference, d.doc_type, d.subject, d.urgency, d.secrecy,
  d.drafter_id, dr.full_name as drafter_name, d.signer_id, sg.full_name as signer_name,
  d.issue_date, d.updated_at,
  (select count(*)::int from outgoing_recipients r where r.document_id = d.id) as recipient_count`;

function decodeCursor(cursor: string): [string, string] {
  try {
    const value: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (Array.isArray(value) && value.length === 2) return [String(value[0]), String(value[1])];
  } catch {
    // fall through
  }
  throw outgoingErrors.cursorInvalid();
}

/** Newest activity first, keyset-paged on (updated_at, id). */
export async function listOutgoing(db: Db, scope: OutgoingScope, query: OutgoingListQuery) {
  const conditions = [visibleTo(scope), viewPredicate(query.view, scope)];
  if (query.q)
    conditions.push(sql`(f_unaccent(d.subject) ilike f_unaccent(${`%${query.q}%`})
      or d.reference ilike ${`%${query.q}%`})`);
  if (query.cursor) {
    const [at, id] = decodeCursor(query.cursor);
    conditions.push(sql`(d.updated_at, d.id) < (${at}::timestamptz, ${id}::uuid)`);
  }
  const rows = await queryRows<OutgoingSummaryRow>(
    db,
    sql`select ${columns} from outgoing_documents d
        join users dr on dr.id = d.drafter_id join users sg on sg.id = d.signer_id
        where ${sql.join(conditions, sql` and `)}
        order by d.updated_at desc, d.id desc limit ${query.limit + 1}`,
  );
  const page = rows.slice(0, query.limit);
  const last = page.at(-1);
  const nextCursor =
    rows.length > query.limit && last
      ? Buffer.from(JSON.stringify([new Date(last.updated_at).toISOString(), last.id])).toString(
          'base64url',
        )
      : null;
  return { rows: page, nextCursor };
}

export async function summaryOf(db: Db, id: string): Promise<OutgoingSummaryRow | null> {
  const [row] = await queryRows<OutgoingSummaryRow>(
    db,
    sql`select ${columns} from outgoing_documents d
        join users dr on dr.id = d.drafter_id join users sg on sg.id = d.signer_id
        where d.id = ${id}`,
  );
  return row ?? null;
}

/** Every list count in one pass over the visible documents. */
export async function countOutgoing(db: Db, scope: OutgoingScope) {
  const cols = outgoingViewValues.map(
    (view) =>
      sql`count(*) filter (where ${viewPredicate(view, scope)})::int as ${sql.identifier(view)}`,
  );
  const [row] = await queryRows<Record<OutgoingView, number>>(
    db,
    sql`select ${sql.join(cols, sql`, `)} from outgoing_documents d where ${visibleTo(scope)}`,
  );
  return row!;
}
