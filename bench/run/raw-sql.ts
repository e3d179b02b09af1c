import type { Scope } from './actors.js';

/**
 * The app's list and search statements, as plain SQL text with numbered parameters — the same
 * text drizzle sends for incoming.queries.ts / incoming.visibility.ts, so the raw baseline reads
 * the same rows with the same plan and the ratio shows what the API adds around the query.
 * Keep in step with those files (a changed shape shows up as a changed ratio).
 */
export class Params {
  readonly values: unknown[] = [];

  add(v: unknown): string {
    this.values.push(v);
    return `$${this.values.length}`;
  }

  uuids(ids: readonly string[]): string {
    return `${this.add(`{${ids.join(',')}}`)}::uuid[]`;
  }
}

const OPEN = `d.state in ('registered', 'submitted', 'assigned', 'in_progress')`;

export function summaryColumns(p: Params, today: string, soon: string): string {
  return `d.id, d.state, d.source, d.sender_name, d.reference, d.issue_date, d.doc_type,
    d.subject, d.urgency, d.secrecy, d.arrival_number, d.arrival_date, d.received_at,
    d.due_date, d.urgency_rank,
    coalesce(${OPEN} and d.due_date < ${p.add(today)}::date, false) as overdue,
    coalesce(${OPEN} and d.due_date >= ${p.add(today)}::date and d.due_date <= ${p.add(soon)}::date, false) as due_soon`;
}

export function visibleTo(p: Params, s: Scope): string {
  return `((d.secrecy = 'normal' and d.agency_id = any(${p.uuids(s.agencyWideIds)}))
    or exists (select 1 from incoming_access a
               where a.document_id = d.id
                 and a.principal_id = any(${p.uuids([...s.userIds, ...s.unitIds])})
                 and (a.named or d.secrecy = 'normal')))`;
}

function assignmentExists(p: Params, s: Scope, role: string, states: string[]): string {
  return `exists (select 1 from assignments s where s.document_id = d.id and s.active
    and s.role = ${p.add(role)} and s.state = any(${p.add(`{${states.join(',')}}`)}::assignment_state[])
    and (s.user_id = any(${p.uuids(s.userIds)})
         or (s.user_id is null and s.unit_id = any(${p.uuids(s.headUnitIds)}))))`;
}

function toHandle(p: Params, s: Scope): string {
  return assignmentExists(p, s, 'lead', ['assigned', 'in_progress']);
}

/** `GET /api/incoming/counts`: every inbox count in one pass over the visible documents. */
export function countSql(s: Scope, today: string) {
  const p = new Params();
  const views: [string, string][] = [
    ['to_register', `d.state = 'received' and d.agency_id = any(${p.uuids(s.clerkAgencyIds)})`],
    ['to_direct', `d.state = 'submitted' and d.submitted_to_user_id = any(${p.uuids(s.userIds)})`],
    ['to_handle', assignmentExists(p, s, 'lead', ['assigned', 'in_progress'])],
    ['co_handling', assignmentExists(p, s, 'co_handler', ['assigned', 'in_progress'])],
    ['for_information', assignmentExists(p, s, 'for_information', ['assigned'])],
    ['overdue', `${OPEN} and d.due_date < ${p.add(today)}::date`],
    ['all', 'true'],
  ];
  const columns = views.map(
    ([name, where]) => `count(*) filter (where ${where})::int as "${name}"`,
  );
  const text = `select ${columns.join(', ')} from incoming_documents d where ${visibleTo(p, s)}`;
  return { text, values: p.values };
}

/** `GET /api/incoming?view=…` with the default sort (urgency) and no cursor. */
export function listSql(
  view: 'to_handle' | 'all',
  s: Scope,
  today: string,
  soon: string,
  limit: number,
) {
  const p = new Params();
  const columns = summaryColumns(p, today, soon);
  const where = [visibleTo(p, s), view === 'to_handle' ? toHandle(p, s) : 'true'];
  const text = `select ${columns} from incoming_documents d
        where ${where.join(' and ')}
        order by d.urgency_rank desc, d.received_at desc, d.id desc limit ${p.add(limit + 1)}`;
  return { text, values: p.values };
}

/** `GET /api/incoming/search?q=…` (first page). */
export function searchSql(q: string, s: Scope, today: string, soon: string, limit: number) {
  const p = new Params();
  const like = `%${q.toLowerCase().replace(/[%_\\]/g, '\\$&')}%`;
  const notationLike = q.length >= 3 && /[\p{N}/-]/u.test(q);
  const tq = p.add(q);
  const columns = summaryColumns(p, today, soon);
  const rankExtra = notationLike
    ? `case when lower(f_unaccent(d.reference)) like lower(f_unaccent(${p.add(like)})) then 1 else 0 end`
    : '0';
  const visible = visibleTo(p, s);
  const match = notationLike
    ? `(d.search @@ tq.q or lower(f_unaccent(d.reference)) like lower(f_unaccent(${p.add(like)})))`
    : 'd.search @@ tq.q';
  const text = `with tq as (select websearch_to_tsquery('simple', f_unaccent(${tq})) as q)
        select ${columns}, d.content_text,
          ts_rank(d.search, tq.q)
            + ${rankExtra} as rank,
          count(*) over () as total
        from incoming_documents d, tq
        where ${visible} and ${match}
        order by rank desc, d.received_at desc, d.id desc
        limit ${p.add(limit)} offset ${p.add(0)}`;
  return { text, values: p.values };
}
