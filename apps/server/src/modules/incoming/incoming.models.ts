import type {
  AssignmentRole,
  AssignmentState,
  IncomingState,
  Secrecy,
  Urgency,
} from '@vanban/contracts';
import type { Actor } from '../identity/index.js';
import { incomingErrors } from './incoming.errors.js';

/**
 * Document life cycle (design §3, Decree 30 Art. 20–24). Every state change of a document goes
 * through `nextDocumentState`, so the allowed transitions live in this one table.
 */
export const documentTransitions = {
  /** Clerk registers a document delivered by another agency (internal or hub). */
  register: { from: ['received'], to: 'registered' },
  /** Clerk presents the document to a leader (Art. 22: same or next working day). */
  submit: { from: ['registered'], to: 'submitted' },
  /** Agencies set to route straight to units: the unit gets the lead assignment at once. */
  submitToUnit: { from: ['registered'], to: 'assigned' },
  /** Leader records direction: lead, co-handlers, for-information, deadlines. */
  direct: { from: ['submitted'], to: 'assigned' },
  /** Wrongly addressed or invalid: returned to the sender through the system (Art. 20). */
  returnToSender: { from: ['received', 'registered'], to: 'returned' },
  /** The lead starts handling. */
  start: { from: ['assigned'], to: 'in_progress' },
  /** The lead hands the document back: the leader must direct it again. */
  leadReturned: { from: ['assigned', 'in_progress'], to: 'submitted' },
  complete: { from: ['assigned', 'in_progress'], to: 'completed' },
  /** The issuer revoked it (edXML business type revoke; Appendix VI §III.8). */
  revoke: {
    from: ['received', 'registered', 'submitted', 'assigned', 'in_progress', 'completed'],
    to: 'revoked',
  },
} as const satisfies Record<string, { from: readonly IncomingState[]; to: IncomingState }>;

export type DocumentAction = keyof typeof documentTransitions;

export function canTransition(state: IncomingState, action: DocumentAction): boolean {
  return (documentTransitions[action].from as readonly IncomingState[]).includes(state);
}

export function nextDocumentState(state: IncomingState, action: DocumentAction): IncomingState {
  if (!canTransition(state, action))
    throw incomingErrors.invalidTransition(`Cannot ${action} a document that is ${state}`);
  return documentTransitions[action].to;
}

/** Assignment life cycle; `reported` is a co-handler's finished contribution. */
export const assignmentTransitions = {
  start: { from: ['assigned'], to: 'in_progress', roles: ['lead', 'co_handler'] },
  report: { from: ['assigned', 'in_progress'], to: 'reported', roles: ['co_handler'] },
  acknowledge: { from: ['assigned'], to: 'completed', roles: ['for_information'] },
  complete: { from: ['assigned', 'in_progress'], to: 'completed', roles: ['lead'] },
  return: {
    from: ['assigned', 'in_progress'],
    to: 'returned',
    roles: ['lead', 'co_handler', 'for_information'],
  },
  reassign: {
    from: ['assigned', 'in_progress'],
    to: 'reassigned',
    roles: ['lead', 'co_handler', 'for_information'],
  },
  requestExtension: {
    from: ['assigned', 'in_progress'],
    to: null,
    roles: ['lead', 'co_handler'],
  },
  /** A person returned what their unit head passed on: the unit's assignment is open again. */
  reopen: {
    from: ['reassigned'],
    to: 'assigned',
    roles: ['lead', 'co_handler', 'for_information'],
  },
} as const satisfies Record<
  string,
  {
    from: readonly AssignmentState[];
    to: AssignmentState | null;
    roles: readonly AssignmentRole[];
  }
>;

export type AssignmentAction = keyof typeof assignmentTransitions;

export function canAssignmentTransition(
  a: { state: AssignmentState; role: AssignmentRole; active: boolean },
  action: AssignmentAction,
): boolean {
  const t = assignmentTransitions[action];
  return (
    (a.active || action === 'reopen') &&
    (t.from as readonly AssignmentState[]).includes(a.state) &&
    (t.roles as readonly AssignmentRole[]).includes(a.role)
  );
}

export function nextAssignmentState(
  a: { state: AssignmentState; role: AssignmentRole; active: boolean },
  action: AssignmentAction,
): AssignmentState {
  if (!canAssignmentTransition(a, action))
    throw incomingErrors.invalidTransition(
      `Cannot ${action} a ${a.role} assignment that is ${a.active ? a.state : 'no longer active'}`,
    );
  return assignmentTransitions[action].to ?? a.state;
}

export const OPEN_STATES: readonly IncomingState[] = [
  'registered',
  'submitted',
  'assigned',
  'in_progress',
];

/** Sort key: flash (hỏa tốc) first, then top urgent, urgent (Decree 30 Art. 20: at once). */
export const urgencyRank: Record<Urgency, number> = {
  normal: 0,
  urgent: 1,
  top_urgent: 2,
  flash: 3,
};

export function isSecret(secrecy: Secrecy): boolean {
  return secrecy !== 'normal';
}

/**
 * What an actor is, for visibility and inbox queries: the users they act as (themselves and,
 * under a delegation, the delegator), their units and the agencies where they see everything
 * that is not confidential (clerks and leaders — design §4).
 */
export interface ActorScope {
  userIds: string[];
  unitIds: string[];
  headUnitIds: string[];
  clerkAgencyIds: string[];
  leaderAgencyIds: string[];
  /** Heads of agency (role leader, not deputy): may direct any document of the agency. */
  headAgencyIds: string[];
  agencyWideIds: string[];
}

export function actorScope(actor: Actor): ActorScope {
  const uniq = (xs: (string | null)[]) => [...new Set(xs.filter((x): x is string => x !== null))];
  const agenciesWith = (...roles: string[]) =>
    uniq(actor.roles.filter((r) => roles.includes(r.role)).map((r) => r.agencyId));
  return {
    userIds: uniq([actor.userId, actor.onBehalfOf?.userId ?? null]),
    unitIds: uniq(actor.roles.map((r) => r.unitId)),
    headUnitIds: uniq(actor.roles.filter((r) => r.role === 'unit_head').map((r) => r.unitId)),
    clerkAgencyIds: agenciesWith('clerk'),
    leaderAgencyIds: agenciesWith('leader', 'deputy'),
    headAgencyIds: agenciesWith('leader'),
    agencyWideIds: agenciesWith('clerk', 'leader', 'deputy'),
  };
}

/** The agency a clerk registers for: their own when they are its clerk, else the first one. */
export function registeringAgency(actor: Actor, scope: ActorScope): string | null {
  if (scope.clerkAgencyIds.includes(actor.agencyId)) return actor.agencyId;
  return scope.clerkAgencyIds[0] ?? null;
}

/** Vietnam calendar year of a `YYYY-MM-DD` date. */
export function yearOf(date: string): number {
  return Number(date.slice(0, 4));
}
