import type { SQL } from 'drizzle-orm';
import { PgDialect } from 'drizzle-orm/pg-core';
import type { ActorScope } from '../../apps/server/src/modules/incoming/incoming.models.js';
import {
  countViewsSql,
  listSummariesSql,
} from '../../apps/server/src/modules/incoming/incoming.queries.js';
import { searchSummariesSql } from '../../apps/server/src/modules/incoming/incoming.search.queries.js';
import type { Scope } from './actors.js';

/**
 * Plain-SQL pieces of the app's one-document statements for the raw baselines of the document
 * page and the issue benchmark (raw-ops.ts, raw-issue.ts) and the proposals of explain.ts: the
 * same text drizzle sends for incoming.visibility.ts `visibleTo`. Keep in step with that file.
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

/**
 * The app's own statements, rendered by drizzle's PostgreSQL dialect to the text and parameters
 * it sends — so the raw baseline cannot drift from the server's query shape (the inbox, counts
 * and search statements changed with the performance fixes, docs/performance.md findings 1–3).
 */
const dialect = new PgDialect();

function rendered(statement: SQL) {
  const q = dialect.sqlToQuery(statement);
  return { text: q.sql, values: q.params };
}

function actorScope(s: Scope): ActorScope {
  return { ...s, leaderAgencyIds: [], headAgencyIds: [] };
}

/** `GET /api/incoming/counts`: every inbox count. */
export function countSql(s: Scope, today: string) {
  return rendered(countViewsSql(actorScope(s), today));
}

/** `GET /api/incoming?view=…` with the default sort (urgency) and no cursor. */
export function listSql(
  view: 'to_handle' | 'all',
  s: Scope,
  today: string,
  soon: string,
  limit: number,
) {
  return rendered(listSummariesSql(actorScope(s), { view, sort: 'urgency', limit }, today, soon));
}

/** `GET /api/incoming/search?q=…` (first page). */
export function searchSql(q: string, s: Scope, today: string, soon: string, limit: number) {
  return rendered(searchSummariesSql(actorScope(s), { q, limit, offset: 0 }, today, soon));
}
