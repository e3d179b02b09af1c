import { sql, type SQL } from 'drizzle-orm';
import { uuidArray } from '../../platform/db/sql.js';
import type { ActorScope } from '../incoming/index.js';

/**
 * Who sees a task (design §4), as one SQL predicate every list, count, detail, history and file
 * download reuses. `t` must alias `tasks`.
 *
 * Non-confidential tasks: clerks and leaders of the issuing agency and of the agency at the top of
 * the cascade (the city follows what its departments split), leaders of the owner agency, members
 * of the owner unit, co-owners (a co-owner agency through its leaders, a unit through its members).
 * Everyone named on the task sees it at any secrecy: the owner person, the assigner, the assigning
 * leader, co-owner persons and — when no person is named — the heads of the owner unit, or the head
 * of the owner agency when the task is owned by the agency as a whole.
 */
export function taskVisibleTo(scope: ActorScope): SQL {
  const users = uuidArray(scope.userIds);
  const groups = uuidArray([...scope.userIds, ...scope.unitIds, ...scope.leaderAgencyIds]);
  const agencyWide = uuidArray(scope.agencyWideIds);
  return sql`((t.secrecy = 'normal' and (
        t.agency_id = any(${agencyWide})
        or t.root_agency_id = any(${agencyWide})
        or t.owner_agency_id = any(${uuidArray(scope.leaderAgencyIds)})
        or t.owner_unit_id = any(${uuidArray(scope.unitIds)})
        or exists (select 1 from task_co_owners c where c.task_id = t.id and c.principal_id = any(${groups}))))
    or t.owner_user_id = any(${users})
    or t.assigned_by = any(${users})
    or t.assigning_leader_id = any(${users})
    or (t.owner_user_id is null and t.owner_unit_id = any(${uuidArray(scope.headUnitIds)}))
    or (t.owner_user_id is null and t.owner_unit_id is null
        and t.owner_agency_id = any(${uuidArray(scope.headAgencyIds)}))
    or exists (select 1 from task_co_owners c where c.task_id = t.id and c.kind = 'user'
               and c.principal_id = any(${users})))`;
}
