import { sql, type SQL } from 'drizzle-orm';
import { uuidArray } from '../../platform/db/sql.js';
import type { ActorScope } from '../incoming/index.js';

/**
 * Who sees (and keeps) a work record, as one SQL predicate every query reuses (`r` aliases
 * `work_records`): its creator; the members of the creator's unit (Art. 31 §3a: the unit answers
 * for its records); the agency's clerks and leaders. A confidential record — one holding a
 * confidential document — is seen by its creator only, as confidential documents are seen only
 * by the people named on them (design §4).
 */
export function recordVisibleTo(scope: ActorScope): SQL {
  return sql`(r.creator_id = any(${uuidArray(scope.userIds)})
    or (r.secrecy = 'normal'
        and (r.agency_id = any(${uuidArray(scope.agencyWideIds)})
             or r.creator_unit_id = any(${uuidArray(scope.unitIds)}))))`;
}
