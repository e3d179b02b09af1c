import { sql, type SQL } from 'drizzle-orm';
import { uuidArray } from '../../platform/db/sql.js';
import type { ActorScope } from './incoming.models.js';

/**
 * Who sees an incoming document (design §4): clerks and leaders of the receiving agency see its
 * non-confidential documents (the agency branch); everyone who takes part (registered, was
 * presented it, directed, is assigned, or is in an assigned unit) sees it through
 * `incoming_access` (the participant branch). Confidential documents are seen only by named
 * people.
 *
 * Two forms of the same rule:
 * - `visibleTo`, one predicate, for checks of known documents (a page, a download, a history,
 *   per-agency reports): `d.id = $1 and …` reads one row and probes its access rows.
 * - `agencyBranch` / `participantDocs` + `notInAgencyBranch`, two disjoint sets, for lists,
 *   counts and search over many documents: `A or exists (…)` cannot use an index, so PostgreSQL
 *   scanned every document of the city (docs/performance.md, finding 1); each branch on its own
 *   reads an index (`incoming_agency_inbox_idx`, `incoming_access_principal_idx`).
 *
 * `d` must alias `incoming_documents`.
 */
export function visibleTo(scope: ActorScope): SQL {
  return sql`(${agencyBranch(scope)}
    or exists (select 1 from incoming_access a
               where a.document_id = d.id
                 and a.principal_id = any(${uuidArray(principals(scope))})
                 and (a.named or d.secrecy = 'normal')))`;
}

function principals(scope: ActorScope): string[] {
  return [...scope.userIds, ...scope.unitIds];
}

/** Non-confidential documents of the agencies where the actor is a clerk or a leader. */
export function agencyBranch(scope: ActorScope): SQL {
  return sql`(d.secrecy = 'normal' and d.agency_id = any(${uuidArray(scope.agencyWideIds)}))`;
}

/**
 * The agencies of the agency branch, one row each as `ag(id)`: a lateral subquery per agency
 * reads `incoming_agency_inbox_idx` in index order and stops after a page, which
 * `agency_id = any(array)` cannot do in PostgreSQL 15 (it sorts every row of the agencies).
 */
export function agencyWideAgencies(scope: ActorScope): SQL {
  return sql`unnest(${uuidArray(scope.agencyWideIds)}) as ag(id)`;
}

/**
 * The documents the actor takes part in, one row per document as `p(document_id, named)` —
 * a person or unit can hold several access rows for one document (registered, then directed…),
 * and a page limit must count documents, not rows. Join it to `d` and add `participantFilter`.
 */
export function participantDocs(scope: ActorScope): SQL {
  return sql`(select a.document_id, bool_or(a.named) as named from incoming_access a
     where a.principal_id = any(${uuidArray(principals(scope))})
     group by a.document_id) p`;
}

/**
 * What the participant branch keeps: named access, or the document is not confidential; and not
 * a document the agency branch already has, so the two branches are disjoint (counts add up,
 * no document is listed twice).
 */
export function participantFilter(scope: ActorScope): SQL {
  return sql`(p.named or d.secrecy = 'normal') and not ${agencyBranch(scope)}`;
}
