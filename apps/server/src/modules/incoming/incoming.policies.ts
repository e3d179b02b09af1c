import type { AssignmentRole, AssignmentState, IncomingState } from '@vanban/contracts';
import {
  canAssignmentTransition,
  canTransition,
  type ActorScope,
  type AssignmentAction,
  type DocumentAction,
} from './incoming.models.js';

export interface DocFacts {
  agencyId: string;
  state: IncomingState;
  submittedToUserId: string | null;
}

export interface AssignmentFacts {
  id: string;
  role: AssignmentRole;
  state: AssignmentState;
  active: boolean;
  unitId: string | null;
  userId: string | null;
  assignedBy: string;
  extensionRequestedUntil: string | null;
}

/** Clerks (văn thư) register, present and return documents of their agency (Art. 20–22). */
export function isClerkOf(scope: ActorScope, doc: { agencyId: string }): boolean {
  return scope.clerkAgencyIds.includes(doc.agencyId);
}

/** The leader it was presented to directs; the head of the agency may direct any document. */
export function mayDirect(scope: ActorScope, doc: DocFacts): boolean {
  if (!scope.leaderAgencyIds.includes(doc.agencyId)) return false;
  if (doc.submittedToUserId !== null && scope.userIds.includes(doc.submittedToUserId)) return true;
  return scope.headAgencyIds.includes(doc.agencyId);
}

/** A person assignment belongs to that person; a unit assignment to the unit's heads. */
export function isAssignee(scope: ActorScope, a: AssignmentFacts): boolean {
  if (a.userId !== null) return scope.userIds.includes(a.userId);
  return a.unitId !== null && scope.headUnitIds.includes(a.unitId);
}

/** Unit heads re-assign inside their unit (design §3). */
export function mayReassign(scope: ActorScope, a: AssignmentFacts): boolean {
  return a.unitId !== null && scope.headUnitIds.includes(a.unitId);
}

/** Whoever gave the assignment, or a leader of the agency, decides on an extension. */
export function mayDecideExtension(scope: ActorScope, doc: DocFacts, a: AssignmentFacts): boolean {
  return scope.userIds.includes(a.assignedBy) || scope.leaderAgencyIds.includes(doc.agencyId);
}

/** Actions the viewer may take now, for the document page (the web shows only these). */
export function availableActions(
  scope: ActorScope,
  doc: DocFacts,
  assignments: AssignmentFacts[],
): string[] {
  const actions = new Set<string>(['comment']);
  const docCan = (a: DocumentAction) => canTransition(doc.state, a);
  if (isClerkOf(scope, doc)) {
    if (docCan('register')) actions.add('register');
    if (docCan('submit')) actions.add('submit');
    if (docCan('returnToSender')) actions.add('return_to_sender');
  }
  if (mayDirect(scope, doc) && docCan('direct')) actions.add('direct');
  const open = doc.state === 'assigned' || doc.state === 'in_progress';
  for (const a of assignments) {
    const can = (action: AssignmentAction) => open && canAssignmentTransition(a, action);
    if (isAssignee(scope, a)) {
      if (can('start')) actions.add(`start:${a.id}`);
      if (can('report')) actions.add(`report:${a.id}`);
      if (can('acknowledge')) actions.add(`acknowledge:${a.id}`);
      if (can('complete') && docCan('complete')) actions.add(`complete:${a.id}`);
      if (can('return')) actions.add(`return:${a.id}`);
      if (can('requestExtension') && a.extensionRequestedUntil === null)
        actions.add(`request_extension:${a.id}`);
      if (can('start') || can('report') || can('complete')) actions.add(`attach:${a.id}`);
    }
    if (mayReassign(scope, a) && can('reassign')) actions.add(`reassign:${a.id}`);
    if (a.extensionRequestedUntil !== null && a.active && mayDecideExtension(scope, doc, a))
      actions.add(`decide_extension:${a.id}`);
  }
  return [...actions];
}
