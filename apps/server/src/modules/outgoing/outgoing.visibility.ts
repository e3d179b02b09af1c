import { sql, type SQL } from 'drizzle-orm';
import { uuidArray } from '../../platform/db/sql.js';
import type { ActorScope } from '../incoming/index.js';

export interface OutgoingScope extends ActorScope {
  /** Agencies the actor works in (any role). */
  memberAgencyIds: string[];
}

/**
 * Who sees an outgoing document, as one SQL predicate every query reuses (`d` aliases
 * `outgoing_documents`): its drafter, signer and reviewers; the unit head of the drafting unit;
 * clerks and leaders of the agency once it left the drafter's desk; every member of the agency
 * and of a recipient unit once a non-confidential document is issued.
 */
export function visibleTo(scope: OutgoingScope): SQL {
  const me = uuidArray(scope.userIds);
  return sql`(d.drafter_id = any(${me}) or d.signer_id = any(${me})
    or exists (select 1 from outgoing_review_steps s where s.document_id = d.id and s.reviewer_id = any(${me}))
    or d.drafter_unit_id = any(${uuidArray(scope.headUnitIds)})
    or (d.agency_id = any(${uuidArray(scope.agencyWideIds)}) and d.state not in ('draft', 'returned'))
    or (d.state in ('issued', 'revoked') and d.secrecy = 'normal'
        and (d.agency_id = any(${uuidArray(scope.memberAgencyIds)})
             or exists (select 1 from outgoing_recipients r where r.document_id = d.id
                        and r.unit_id = any(${uuidArray(scope.unitIds)})))))`;
}
