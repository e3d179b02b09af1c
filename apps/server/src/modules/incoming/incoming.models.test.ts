import { incomingStateValues, type IncomingState } from '@vanban/contracts';
import { describe, expect, it } from 'vitest';
import type { Actor } from '../identity/index.js';
import {
  actorScope,
  canAssignmentTransition,
  canTransition,
  documentTransitions,
  nextAssignmentState,
  nextDocumentState,
  registeringAgency,
  type DocumentAction,
} from './incoming.models.js';

describe('document state machine (design §3)', () => {
  it('allows exactly the transitions of the table', () => {
    const allowed: Record<DocumentAction, IncomingState[]> = {
      register: ['received'],
      submit: ['registered'],
      submitToUnit: ['registered'],
      direct: ['submitted'],
      returnToSender: ['received', 'registered'],
      start: ['assigned'],
      leadReturned: ['assigned', 'in_progress'],
      complete: ['assigned', 'in_progress'],
      revoke: ['received', 'registered', 'submitted', 'assigned', 'in_progress', 'completed'],
    };
    for (const action of Object.keys(documentTransitions) as DocumentAction[])
      for (const state of incomingStateValues)
        expect(canTransition(state, action), `${action} from ${state}`).toBe(
          allowed[action].includes(state),
        );
  });

  it('walks the main path; a completed document only leaves when its issuer revokes it', () => {
    let s: IncomingState = 'received';
    for (const a of ['register', 'submit', 'direct', 'start', 'complete'] as const)
      s = nextDocumentState(s, a);
    expect(s).toBe('completed');
    for (const a of Object.keys(documentTransitions) as DocumentAction[])
      if (a !== 'revoke')
        expect(() => nextDocumentState('completed', a)).toThrow(
          expect.objectContaining({ code: 'incoming.invalid_transition', status: 409 }),
        );
    expect(nextDocumentState('completed', 'revoke')).toBe('revoked');
    for (const a of Object.keys(documentTransitions) as DocumentAction[])
      expect(() => nextDocumentState('revoked', a)).toThrow();
  });
});

describe('assignment state machine', () => {
  const a = (role: 'lead' | 'co_handler' | 'for_information', state = 'assigned' as const) => ({
    role,
    state,
    active: true,
  });

  it('lets each role do only its own steps', () => {
    expect(canAssignmentTransition(a('lead'), 'complete')).toBe(true);
    expect(canAssignmentTransition(a('co_handler'), 'complete')).toBe(false);
    expect(canAssignmentTransition(a('co_handler'), 'report')).toBe(true);
    expect(canAssignmentTransition(a('lead'), 'report')).toBe(false);
    expect(canAssignmentTransition(a('for_information'), 'acknowledge')).toBe(true);
    expect(canAssignmentTransition(a('for_information'), 'requestExtension')).toBe(false);
  });

  it('ignores inactive assignments except to reopen them', () => {
    expect(canAssignmentTransition({ ...a('lead'), active: false }, 'start')).toBe(false);
    expect(
      nextAssignmentState({ role: 'lead', state: 'reassigned', active: false }, 'reopen'),
    ).toBe('assigned');
    expect(() =>
      nextAssignmentState({ role: 'lead', state: 'completed', active: true }, 'return'),
    ).toThrow(expect.objectContaining({ code: 'incoming.invalid_transition' }));
  });
});

describe('actor scope', () => {
  const actor = (roles: Actor['roles'], onBehalfOf: Actor['onBehalfOf'] = null): Actor => ({
    userId: 'u1',
    username: 'x',
    fullName: 'X',
    agencyId: 'a1',
    roles,
    onBehalfOf,
    auth: {
      method: 'session',
      scopes: null,
      csrfToken: null,
      expiresAt: null,
      sessionIdHash: null,
    },
  });

  it('derives users, units and agency-wide agencies from role grants', () => {
    const scope = actorScope(
      actor(
        [
          { role: 'clerk', agencyId: 'a1', unitId: 'unit-vp' },
          { role: 'unit_head', agencyId: 'a1', unitId: 'unit-th' },
          { role: 'deputy', agencyId: 'a2', unitId: null },
        ],
        { userId: 'u9', fullName: 'Leader', delegationId: 'd1' },
      ),
    );
    expect(scope).toEqual({
      userIds: ['u1', 'u9'],
      unitIds: ['unit-vp', 'unit-th'],
      headUnitIds: ['unit-th'],
      clerkAgencyIds: ['a1'],
      leaderAgencyIds: ['a2'],
      headAgencyIds: [],
      agencyWideIds: ['a1', 'a2'],
    });
  });

  it('registers for the own agency when clerk there, else the first clerk agency', () => {
    const own = actor([{ role: 'clerk', agencyId: 'a1', unitId: null }]);
    expect(registeringAgency(own, actorScope(own))).toBe('a1');
    const other = actor([{ role: 'clerk', agencyId: 'a3', unitId: null }]);
    expect(registeringAgency(other, actorScope(other))).toBe('a3');
    const none = actor([{ role: 'specialist', agencyId: 'a1', unitId: null }]);
    expect(registeringAgency(none, actorScope(none))).toBeNull();
  });
});
