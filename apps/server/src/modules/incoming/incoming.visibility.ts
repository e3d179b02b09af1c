import { sql, type SQL } from 'drizzle-orm';
import { uuidArray } from '../../platform/db/sql.js';
import type { ActorScope } from './incoming.models.js';

/**
 * Who sees an incoming document (design §4), as one SQL predicate every query reuses:
 * clerks and leaders of the receiving agency see its non-confidential documents; everyone who
 * takes part (registered, was presented it, directed, is assigned, or is in an assigned unit)
 * sees it through `incoming_access`. Confidential documents are seen only by named people.
 * `d` must alias `incoming_documents`.
 */
export function visibleTo(scope: ActorScope): SQL {
  const principals = [...scope.userIds, ...scope.unitIds];
  return sql`((d.secrecy = 'normal' and d.agency_id = any(${uuidArray(scope.agencyWideIds)}))
    or exists (select 1 from incoming_access a
               where a.document_id = d.id
                 and a.principal_id = any(${uuidArray(principals)})
                 and (a.named or d.secrecy = 'normal')))`;
}
