import { getDocumentType, parseReference, referenceKey, toEdxmlCode } from '@vanban/edxml';
import type { DocumentTypeCode } from '@vanban/edxml';
import { uuidv7At, type Rng } from '../lib/random.js';
import type { DocPlan } from './plan.js';
import type { Delivery } from './outgoing.js';
import type { Sender, SenderCatalogue } from './senders.js';
import { subjectFor } from './subjects.js';
import type { Timeline, WorkTime } from './timeline.js';

/** Where a received document comes from, and what it says when it arrives. */

export interface PlanContext {
  timeline: Timeline;
  senders: SenderCatalogue;
  blobs: readonly { sha256: string; size: number }[];
}

export const DOC_TYPES: readonly (readonly [DocumentTypeCode, number])[] = [
  ['official_letter', 44],
  ['decision', 10],
  ['invitation', 9],
  ['notice', 8],
  ['plan', 7],
  ['report', 7],
  ['guidance', 3],
  ['directive', 2],
  ['submission', 2],
  ['minutes', 2],
  ['legal_decision', 2],
  ['official_telegram', 1],
  ['programme', 1],
  ['resolution', 1],
  ['circular', 1],
];

const LETTER_UNITS = ['VP', 'KT', 'VX', 'ĐT', 'NC', 'TH', 'KGVX', 'TCCB', 'KHTC', 'QLĐT'];

const URGENCY = [
  ['normal', 85],
  ['urgent', 10],
  ['top_urgent', 4],
  ['flash', 1],
] as const;

/** Number as the sender's register would have given it on that day of the year. */
function senderNumber(rng: Rng, perYear: number, issueDate: string): number {
  const dayOfYear =
    (Date.parse(`${issueDate}T00:00:00Z`) -
      Date.parse(`${issueDate.slice(0, 4)}-01-01T00:00:00Z`)) /
    86400_000;
  const rate = perYear / 365;
  return 1 + Math.floor(dayOfYear * rate + rng.next() * Math.max(1, rate));
}

function reference(
  rng: Rng,
  docType: DocumentTypeCode,
  issuer: string,
  issueDate: string,
  perYear: number,
) {
  const type = getDocumentType(docType);
  const year = Number(issueDate.slice(0, 4));
  const n = senderNumber(rng, type.legal ? perYear / 40 : perYear, issueDate);
  const notation = type.abbreviation
    ? `${type.abbreviation}-${issuer}`
    : `${issuer}-${rng.pick(LETTER_UNITS)}`;
  const text = type.legal ? `${n}/${year}/${notation}` : `${n}/${notation}`;
  const parsed = parseReference(text, { maxYear: year + 1 });
  if (!parsed.ok) throw new Error(`generated reference ${text} is invalid: ${parsed.message}`);
  const code = toEdxmlCode(parsed.value);
  return {
    number: code.codeNumber,
    notation: code.codeNotation,
    reference: `${code.codeNumber}/${code.codeNotation}`,
    referenceKey: referenceKey(parsed.value),
  };
}

/** Where a received document comes from: outside the city, or an outgoing document's delivery. */
export type Origin = { kind: 'external' } | { kind: 'delivery'; delivery: Delivery };

export interface Arrival {
  recv: WorkTime;
  receivedAt: number;
  id: string;
  sender: Sender;
  source: DocPlan['source'];
  sourceRef: string | null;
  docType: DocumentTypeCode;
  issueDate: string;
  ref: { number: string; notation: string; reference: string; referenceKey: string };
  subject: string;
  secrecy: DocPlan['secrecy'];
  urgency: DocPlan['urgency'];
  signer: { name: string; position: string };
  pageCount: number;
}

/** A document from a ministry, province or firm: its own number, subject and channel. */
export function fromOutside(ctx: PlanContext, rng: Rng, salt: number): Arrival {
  const tl = ctx.timeline;
  const recv = tl.sample(rng);
  const sender = ctx.senders.pickExternal(rng);
  const source = rng.weighted([
    ['hub', 45],
    ['paper', 45],
    ['email', 10],
  ] as const);
  const docType = rng.weighted(DOC_TYPES);
  const issueDate = tl.date(recv.day - rng.int(0, 3));
  const ref = reference(rng, docType, sender.issuer, issueDate, sender.issuesPerYear);
  const subject = subjectFor(rng, docType, Number(issueDate.slice(0, 4)));
  const secrecy = rng.weighted([
    ['normal', 988],
    ['confidential', 10],
    ['secret', 2],
  ] as const);
  const receivedAt = tl.ms(recv, salt);
  return {
    recv,
    receivedAt,
    id: uuidv7At(receivedAt, rng),
    sender,
    source,
    sourceRef: source === 'hub' ? uuidv7At(receivedAt - 3600_000, rng) : null,
    docType,
    issueDate,
    ref,
    subject,
    secrecy,
    urgency: rng.weighted(URGENCY),
    signer: rng.pick(sender.signers),
    pageCount: rng.int(1, 12),
  };
}

/** A delivery of another city agency's outgoing document: its number, subject and signer. */
export function fromCity(ctx: PlanContext, d: Delivery): Arrival {
  const o = d.outgoing;
  const n = o.numbering;
  if (!n) throw new Error(`delivered outgoing document ${o.id} has no number`);
  return {
    recv: d.arrival,
    receivedAt: d.arrivalMs,
    id: d.incomingId,
    sender: ctx.senders.internal[o.agency.index] as Sender,
    source: d.channel,
    sourceRef: d.channel === 'internal' ? o.id : null,
    docType: o.docType,
    issueDate: n.issueDate,
    ref: {
      number: n.codeNumber,
      notation: n.codeNotation,
      reference: `${n.codeNumber}/${n.codeNotation}`,
      referenceKey: n.referenceKey,
    },
    subject: o.subject,
    secrecy: o.secrecy,
    urgency: o.urgency,
    signer: { name: o.signer.fullName, position: o.signer.title },
    pageCount: o.pageCount,
  };
}
