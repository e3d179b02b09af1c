import type { IncomingState, OutgoingState, RecipientStatus, Secrecy } from '@vanban/contracts';
import { formatReference, getDocumentType, isDocumentTypeCode } from '@vanban/edxml';
import type { RegisterScope } from '../registers/index.js';
import { outgoingErrors } from './outgoing.errors.js';

/**
 * Life cycle of an outgoing document (Decree 30 Art. 10–16). Every state change goes through
 * `nextOutgoingState`, so the allowed transitions live in this one table.
 */
export const outgoingTransitions = {
  /** Drafter sends the draft into the review chain. */
  submit: { from: ['draft', 'returned'], to: 'in_review' },
  /** No review steps, or the last step approved: the signer may sign. */
  approve: { from: ['draft', 'returned', 'in_review'], to: 'approved' },
  /** A reviewer or the signer sends it back to the drafter with a comment. */
  return: { from: ['in_review', 'approved'], to: 'returned' },
  /** Competent person's digital signature (Art. 13). */
  sign: { from: ['approved'], to: 'signed' },
  /** Numbered after signing (Art. 15). */
  number: { from: ['signed'], to: 'numbered' },
  /** Agency signature by the clerk (Art. 16 §1, App. I). */
  seal: { from: ['numbered'], to: 'sealed' },
  /** Issued to every recipient the same day (Art. 16 §2). */
  issue: { from: ['sealed'], to: 'issued' },
  revoke: { from: ['issued'], to: 'revoked' },
} as const satisfies Record<string, { from: readonly OutgoingState[]; to: OutgoingState }>;

export type OutgoingAction = keyof typeof outgoingTransitions;

export function canTransitionOutgoing(state: OutgoingState, action: OutgoingAction): boolean {
  return (outgoingTransitions[action].from as readonly OutgoingState[]).includes(state);
}

export function nextOutgoingState(state: OutgoingState, action: OutgoingAction): OutgoingState {
  if (!canTransitionOutgoing(state, action))
    throw outgoingErrors.invalidTransition(`Cannot ${action} a document that is ${state}`);
  return outgoingTransitions[action].to;
}

export const EDITABLE_STATES: readonly OutgoingState[] = ['draft', 'returned'];

export function isSecret(secrecy: Secrecy): boolean {
  return secrecy !== 'normal';
}

export function documentTypeOf(code: string) {
  if (!isDocumentTypeCode(code)) throw outgoingErrors.docTypeUnknown(`Unknown type "${code}"`);
  return getDocumentType(code);
}

/**
 * The register a document is numbered in (Decree 30 Art. 15 §1): confidential documents in their
 * own series; each legal-document type in its own series; every other administrative document in
 * the agency's one outgoing series.
 */
export function seriesFor(
  doc: { agencyId: string; docType: string; secrecy: Secrecy },
  year: number,
): RegisterScope {
  if (isSecret(doc.secrecy)) return { agencyId: doc.agencyId, year, series: 'outgoing_secret' };
  const type = documentTypeOf(doc.docType);
  if (type.legal)
    return { agencyId: doc.agencyId, year, series: 'outgoing_legal', typeCode: type.code };
  return { agencyId: doc.agencyId, year, series: 'outgoing' };
}

/**
 * Number and notation (Decree 30 App. I §II.3, App. III): `15/QĐ-UBND` — type abbreviation, then
 * the issuing agency's short name; a công văn (no abbreviation) carries the agency and the drafting
 * unit, `12/UBND-VX`; a legal document has the year after the number, `24/2025/QĐ-UBND`.
 */
export function referenceFor(input: {
  docType: string;
  agencyShortName: string | null;
  unitCode: string | null;
  number: number;
  year: number;
}): { notation: string; reference: string } {
  const agency = input.agencyShortName?.trim();
  if (!agency) throw outgoingErrors.notationMissing();
  const type = documentTypeOf(input.docType);
  const notation = type.abbreviation
    ? `${type.abbreviation}-${agency}`
    : [agency, input.unitCode?.trim()].filter(Boolean).join('-');
  const reference = formatReference({
    number: input.number,
    notation,
    ...(type.legal ? { year: input.year } : {}),
  });
  return { notation: reference.slice(reference.indexOf('/') + 1), reference };
}

/** What the sender sees for a recipient inside the instance: the state of its incoming copy. */
export function recipientStatusOf(state: IncomingState): RecipientStatus {
  switch (state) {
    case 'received':
      return 'delivered';
    case 'registered':
    case 'submitted':
      return 'registered';
    case 'assigned':
      return 'assigned';
    case 'in_progress':
      return 'processing';
    case 'completed':
      return 'done';
    case 'returned':
      return 'returned';
    case 'revoked':
      return 'revoked';
  }
}

export interface ActionContext {
  state: OutgoingState;
  isDrafter: boolean;
  isSigner: boolean;
  /** The viewer holds a pending step of the current review round. */
  isPendingReviewer: boolean;
  /** The viewer is a clerk of the issuing agency. */
  isClerk: boolean;
  replaced: boolean;
}

/** The buttons the document page shows: exactly what the use cases would allow. */
export function actionsFor(c: ActionContext): string[] {
  const actions: string[] = [];
  const editable = EDITABLE_STATES.includes(c.state);
  if (editable && c.isDrafter) actions.push('edit', 'new_version', 'submit');
  if (c.state === 'in_review' && c.isPendingReviewer) actions.push('approve', 'return');
  if (c.state === 'approved' && c.isSigner) actions.push('sign', 'return');
  if (c.isClerk) {
    if (c.state === 'signed') actions.push('number');
    if (c.state === 'numbered') actions.push('seal');
    if (c.state === 'sealed') actions.push('issue');
    if (c.state === 'issued') actions.push('correct', 'revoke');
    if (c.state === 'issued' && !c.replaced) actions.push('replace');
  }
  return actions;
}
