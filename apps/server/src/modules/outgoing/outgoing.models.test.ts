import { describe, expect, it } from 'vitest';
import {
  actionsFor,
  canTransitionOutgoing,
  nextOutgoingState,
  recipientStatusOf,
  referenceFor,
  seriesFor,
} from './outgoing.models.js';

const agencyId = '00000000-0000-0000-0000-000000000001';

describe('outgoing life cycle', () => {
  it('numbers only after signing and agency-signs only after numbering', () => {
    expect(canTransitionOutgoing('approved', 'number')).toBe(false);
    expect(canTransitionOutgoing('signed', 'seal')).toBe(false);
    expect(nextOutgoingState('signed', 'number')).toBe('numbered');
    expect(nextOutgoingState('numbered', 'seal')).toBe('sealed');
    expect(() => nextOutgoingState('draft', 'sign')).toThrow(/Cannot sign/);
    expect(() => nextOutgoingState('numbered', 'number')).toThrow();
  });

  it('lets reviewers and the signer return, never after signing', () => {
    expect(canTransitionOutgoing('in_review', 'return')).toBe(true);
    expect(canTransitionOutgoing('approved', 'return')).toBe(true);
    expect(canTransitionOutgoing('signed', 'return')).toBe(false);
  });
});

describe('registers and references (Decree 30 Art. 15, App. I §II.3)', () => {
  it('puts confidential, legal and other documents in their series', () => {
    expect(seriesFor({ agencyId, docType: 'decision', secrecy: 'normal' }, 2026)).toEqual({
      agencyId,
      year: 2026,
      series: 'outgoing',
    });
    expect(seriesFor({ agencyId, docType: 'legal_decision', secrecy: 'normal' }, 2026)).toEqual({
      agencyId,
      year: 2026,
      series: 'outgoing_legal',
      typeCode: 'legal_decision',
    });
    expect(seriesFor({ agencyId, docType: 'legal_decision', secrecy: 'secret' }, 2026).series).toBe(
      'outgoing_secret',
    );
  });

  it('forms 15/QĐ-UBND, 12/UBND-VX, 24/2025/QĐ-UBND and 05/TB-SNV', () => {
    const base = { agencyShortName: 'UBND', unitCode: 'VX', year: 2025 };
    expect(referenceFor({ ...base, docType: 'decision', number: 15 }).reference).toBe('15/QĐ-UBND');
    expect(referenceFor({ ...base, docType: 'official_letter', number: 12 })).toEqual({
      notation: 'UBND-VX',
      reference: '12/UBND-VX',
    });
    expect(referenceFor({ ...base, docType: 'legal_decision', number: 24 }).reference).toBe(
      '24/2025/QĐ-UBND',
    );
    expect(
      referenceFor({ ...base, agencyShortName: 'SNV', docType: 'notice', number: 5 }).reference,
    ).toBe('05/TB-SNV');
    expect(
      referenceFor({ ...base, unitCode: null, docType: 'official_letter', number: 3 }).reference,
    ).toBe('03/UBND');
  });

  it('refuses an agency without a short name and an unknown type', () => {
    expect(() =>
      referenceFor({
        docType: 'decision',
        agencyShortName: ' ',
        unitCode: null,
        number: 1,
        year: 2026,
      }),
    ).toThrow(/short name/);
    expect(() =>
      referenceFor({
        docType: 'memo',
        agencyShortName: 'UBND',
        unitCode: null,
        number: 1,
        year: 2026,
      }),
    ).toThrow(/Unknown type/);
  });
});

describe('recipient status and actions', () => {
  it('maps the recipient copy to what the sender sees', () => {
    expect(recipientStatusOf('received')).toBe('delivered');
    expect(recipientStatusOf('submitted')).toBe('registered');
    expect(recipientStatusOf('in_progress')).toBe('processing');
    expect(recipientStatusOf('completed')).toBe('done');
    expect(recipientStatusOf('returned')).toBe('returned');
  });

  it('offers each person exactly their next step', () => {
    const none = {
      isDrafter: false,
      isSigner: false,
      isPendingReviewer: false,
      isClerk: false,
      replaced: false,
    };
    expect(actionsFor({ ...none, state: 'returned', isDrafter: true })).toEqual([
      'edit',
      'new_version',
      'submit',
    ]);
    expect(actionsFor({ ...none, state: 'in_review', isPendingReviewer: true })).toEqual([
      'approve',
      'return',
    ]);
    expect(actionsFor({ ...none, state: 'approved', isSigner: true })).toEqual(['sign', 'return']);
    expect(actionsFor({ ...none, state: 'approved', isClerk: true })).toEqual([]);
    expect(actionsFor({ ...none, state: 'signed', isClerk: true })).toEqual(['number']);
    expect(actionsFor({ ...none, state: 'issued', isClerk: true })).toEqual([
      'correct',
      'revoke',
      'replace',
    ]);
    expect(actionsFor({ ...none, state: 'issued', isClerk: true, replaced: true })).toEqual([
      'correct',
      'revoke',
    ]);
    expect(actionsFor({ ...none, state: 'revoked', isClerk: true, isDrafter: true })).toEqual([]);
  });
});
