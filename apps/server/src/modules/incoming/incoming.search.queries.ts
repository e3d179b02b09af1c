import { sql, type SQL } from 'drizzle-orm';
import { queryRows, type Db } from '../../platform/db/database.js';
import type { ActorScope } from './incoming.models.js';
import {
  filterPredicates,
  summaryColumns,
  type ListFilters,
  type SummaryRow,
} from './incoming.queries.js';
import { agencyBranch, participantDocs, participantFilter } from './incoming.visibility.js';

/**
 * How many matches are ranked: the most recent ones the actor may see. A broad term ("kế
 * hoạch") matches a third of a city's documents; ranking and counting all of them took seconds
 * (docs/performance.md, finding 2), and nobody pages past the first few hundred results. The
 * total is counted up to this cap and reported as "at least" beyond it.
 */
export const SEARCH_CAP = 1000;

export interface SearchRow extends SummaryRow {
  rank: number;
  /** Visible matches, counted up to `SEARCH_CAP + 1`. */
  total: number;
  sender_name: string;
  content_text: string | null;
}

/**
 * Full-text search over metadata and extracted text, folded (`quyet dinh` finds `Quyết định`),
 * plus a trigram match on the number/notation (`12/UBND`), permission-filtered in SQL.
 *
 * Each visibility branch is combined with the match (the agency branch intersects the agency
 * index with `incoming_search_idx`, the participant branch starts from `incoming_access`) and
 * keeps its `SEARCH_CAP + 1` most recent matches; the most recent `SEARCH_CAP` of both are ranked.
 * The tsquery is written inline, not in a CTE, so the planner sees the constant and its
 * selectivity; the notation match uses `incoming_reference_folded_trgm_idx`, an index on the
 * very expression `lower(f_unaccent(reference))`.
 */
export async function searchSummaries(
  db: Db,
  scope: ActorScope,
  q: { q: string; limit: number; offset: number } & ListFilters,
  today: string,
  soon: string,
): Promise<SearchRow[]> {
  return queryRows<SearchRow>(db, searchSummariesSql(scope, q, today, soon));
}

/** The statement of `searchSummaries` (also the benchmark's raw baseline, bench/run/raw-sql.ts). */
export function searchSummariesSql(
  scope: ActorScope,
  q: { q: string; limit: number; offset: number } & ListFilters,
  today: string,
  soon: string,
): SQL {
  const tsquery = sql`websearch_to_tsquery('simple', f_unaccent(${q.q}))`;
  const like = `%${q.q.toLowerCase().replace(/[%_\\]/g, '\\$&')}%`;
  const notationLike = q.q.length >= 3 && /[\p{N}/-]/u.test(q.q);
  const referenceMatch = sql`lower(f_unaccent(d.reference)) like lower(f_unaccent(${like}))`;
  const match = notationLike
    ? sql`(d.search @@ ${tsquery} or ${referenceMatch})`
    : sql`d.search @@ ${tsquery}`;
  const where: SQL = sql.join([match, ...filterPredicates(q)], sql` and `);
  const recent = sql`order by d.received_at desc, d.id desc limit ${SEARCH_CAP + 1}`;
  return sql`with recent as (
          select h.id, row_number() over (order by h.received_at desc, h.id desc) as n
          from ((select d.id, d.received_at from incoming_documents d
                  where ${agencyBranch(scope)} and ${where} ${recent})
                union all
                (select d.id, d.received_at from ${participantDocs(scope)}
                   join incoming_documents d on d.id = p.document_id
                  where ${participantFilter(scope)} and ${where} ${recent})) h
          order by h.received_at desc, h.id desc limit ${SEARCH_CAP + 1})
        select ${summaryColumns(today, soon)}, d.content_text,
          ts_rank(d.search, ${tsquery})
            + ${notationLike ? sql`case when ${referenceMatch} then 1 else 0 end` : sql`0`} as rank,
          (select count(*) from recent)::int as total
        from recent r join incoming_documents d on d.id = r.id
        where r.n <= ${SEARCH_CAP}
        order by rank desc, d.received_at desc, d.id desc
        limit ${q.limit} offset ${q.offset}`;
}
