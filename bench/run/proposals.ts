import type { Scope } from './actors.js';
import { Params, summaryColumns } from './raw-sql.js';

/**
 * Query shapes proposed in docs/performance.md, runnable against the same users and data as the
 * current ones (`bench/run/explain.ts --proposals`). They return the same rows; the app's code is
 * not changed here.
 */

const ORDER = 'd.urgency_rank desc, d.received_at desc, d.id desc';

/**
 * Visibility as two index-friendly branches instead of `A or exists (…)`. The agency-wide branch
 * reads `incoming_agency_inbox_idx` (agency_id, urgency_rank, received_at, id) backwards, one
 * agency at a time (`= any(array)` cannot give index order in PostgreSQL 15), and stops after a
 * page; the participant branch starts from the actor's `incoming_access` rows.
 */
export function listAllUnion(s: Scope, today: string, soon: string, limit: number) {
  const p = new Params();
  const columns = summaryColumns(p, today, soon);
  const n = p.add(limit + 1);
  const text = `select ${columns} from incoming_documents d
    where d.id in (
      (select x.id from unnest(${p.uuids(s.agencyWideIds)}) ag(id)
         cross join lateral (select x.id from incoming_documents x
           where x.agency_id = ag.id and x.secrecy = 'normal'
           order by x.urgency_rank desc, x.received_at desc, x.id desc limit ${n}) x)
      union all
      (select x.id from incoming_access a join incoming_documents x on x.id = a.document_id
        where a.principal_id = any(${p.uuids([...s.userIds, ...s.unitIds])})
          and (a.named or x.secrecy = 'normal')
        order by x.urgency_rank desc, x.received_at desc, x.id desc limit ${n}))
    order by ${ORDER} limit ${n}`;
  return { text, values: p.values };
}

/**
 * Search over the visible matches only (the same two branches), the query folded inline (no
 * CTE: the planner then sees the constant tsquery and its selectivity), ranking only the `cap`
 * most recent visible matches and counting up to `cap` ("1000+").
 */
export function searchUnion(
  q: string,
  s: Scope,
  today: string,
  soon: string,
  limit: number,
  cap = 1000,
) {
  const p = new Params();
  const query = `websearch_to_tsquery('simple', f_unaccent(${p.add(q)}))`;
  const columns = summaryColumns(p, today, soon);
  const text = `with hits as (
      (select x.id from incoming_documents x
        where x.secrecy = 'normal' and x.agency_id = any(${p.uuids(s.agencyWideIds)}) and x.search @@ ${query}
        order by x.received_at desc limit ${p.add(cap)})
      union
      (select x.id from incoming_access a join incoming_documents x on x.id = a.document_id
        where a.principal_id = any(${p.uuids([...s.userIds, ...s.unitIds])})
          and (a.named or x.secrecy = 'normal') and x.search @@ ${query}
        order by x.received_at desc limit ${p.add(cap)}))
    select ${columns}, d.content_text, ts_rank(d.search, ${query}) as rank, count(*) over () as total
      from hits h join incoming_documents d on d.id = h.id
     order by rank desc, d.received_at desc, d.id desc limit ${p.add(limit)}`;
  return { text, values: p.values };
}

/** The trigram index the notation search can use (its expression is the query's). */
export const REFERENCE_INDEX = `create index if not exists bench_reference_folded_trgm_idx
  on incoming_documents using gin (lower(f_unaccent(reference)) gin_trgm_ops)`;
