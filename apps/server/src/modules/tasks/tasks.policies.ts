import type { TaskState } from '@vanban/contracts';
import type { ActorScope } from '../incoming/index.js';
import { canTaskTransition, MAX_TASK_DEPTH } from './tasks.models.js';

export interface TaskFacts {
  agencyId: string;
  state: TaskState;
  depth: number;
  assignedBy: string;
  assigningLeaderId: string | null;
  ownerAgencyId: string;
  ownerUnitId: string | null;
  ownerUserId: string | null;
}

/**
 * The issuer side: whoever gave the task, the leader in whose name it was given, and the leaders
 * (and deputies) of the issuing agency. They change, re-assign and cancel it.
 */
export function isIssuerSide(scope: ActorScope, t: TaskFacts): boolean {
  return (
    scope.userIds.includes(t.assignedBy) ||
    (t.assigningLeaderId !== null && scope.userIds.includes(t.assigningLeaderId)) ||
    scope.leaderAgencyIds.includes(t.agencyId)
  );
}

/** Leaders and deputies of the owner agency answer for every task their agency owns. */
export function isOwnerAgencyLeader(scope: ActorScope, t: TaskFacts): boolean {
  return scope.leaderAgencyIds.includes(t.ownerAgencyId);
}

/** Heads of the owner unit act for the unit. */
export function isOwnerUnitHead(scope: ActorScope, t: TaskFacts): boolean {
  return t.ownerUnitId !== null && scope.headUnitIds.includes(t.ownerUnitId);
}

/**
 * The owner side carries the task out: the owner person, the heads of the owner unit and the
 * leaders of the owner agency. They start it, report progress, complete it and split it.
 */
export function isOwnerSide(scope: ActorScope, t: TaskFacts): boolean {
  return (
    (t.ownerUserId !== null && scope.userIds.includes(t.ownerUserId)) ||
    isOwnerUnitHead(scope, t) ||
    isOwnerAgencyLeader(scope, t)
  );
}

/** Actions the viewer may take now, for the task page (the web shows only these). */
export function availableTaskActions(
  scope: ActorScope,
  t: TaskFacts,
  facts: { hasOpenSubtasks: boolean },
): string[] {
  const actions: string[] = [];
  const issuer = isIssuerSide(scope, t);
  const owner = isOwnerSide(scope, t);
  const open = canTaskTransition(t.state, 'edit');
  if (issuer && open) actions.push('update');
  if (open && (issuer || isOwnerAgencyLeader(scope, t) || isOwnerUnitHead(scope, t)))
    actions.push('assign');
  if (owner && canTaskTransition(t.state, 'start')) actions.push('start');
  if (owner && canTaskTransition(t.state, 'report')) actions.push('report');
  if (owner && canTaskTransition(t.state, 'complete') && !facts.hasOpenSubtasks)
    actions.push('complete');
  if (issuer && canTaskTransition(t.state, 'cancel')) actions.push('cancel');
  if (owner && open && t.depth < MAX_TASK_DEPTH) actions.push('create_subtask');
  if (issuer && open) actions.push('set_parent');
  return actions;
}
