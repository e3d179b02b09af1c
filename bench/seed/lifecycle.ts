import { getDocumentType, parseReference, referenceKey, toEdxmlCode } from '@vanban/edxml';
import type { DocumentTypeCode } from '@vanban/edxml';
import { asciiFold } from '../lib/pdf.js';
import { uuidv7At, type Rng } from '../lib/random.js';
import { planDirection } from './direction.js';
import type { Agency, Person } from './model.js';
import { grant, type DocPlan, type DocState, type EventPlan } from './plan.js';
import type { SenderCatalogue } from './senders.js';
import { contentFor, subjectFor } from './subjects.js';
import type { Timeline, WorkTime } from './timeline.js';

export interface PlanContext {
  timeline: Timeline;
  senders: SenderCatalogue;
  blobs: readonly { sha256: string; size: number }[];
}

const DOC_TYPES: readonly (readonly [DocumentTypeCode, number])[] = [
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

export function planDocument(ctx: PlanContext, agency: Agency, rng: Rng): DocPlan {
  const tl = ctx.timeline;
  const salt = rng.int(0, 50);
  const ms = (t: WorkTime, step: number) => tl.ms(t, salt + step);
  const recv = tl.sample(rng);
  const sender = ctx.senders.pick(rng, agency);
  const source = sender.agency
    ? rng.weighted([
        ['internal', 75],
        ['paper', 20],
        ['email', 5],
      ] as const)
    : rng.weighted([
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
  const receivedAt = ms(recv, 0);
  const doc: DocPlan = {
    id: uuidv7At(receivedAt, rng),
    agency,
    state: 'received',
    source,
    sourceRef:
      source === 'internal' || source === 'hub' ? uuidv7At(receivedAt - 3600_000, rng) : null,
    sender,
    ...ref,
    issueDate,
    docType,
    subject,
    content: contentFor(rng, subject),
    signer: rng.pick(sender.signers),
    urgency: rng.weighted(URGENCY),
    secrecy,
    pageCount: rng.int(1, 12),
    dueDate: rng.chance(0.2) ? tl.date(recv.day + rng.int(7, 25)) : null,
    receivedAt,
    registeredAt: null,
    registeredBy: null,
    submittedTo: null,
    submittedAt: null,
    direction: null,
    directedBy: null,
    directedAt: null,
    completedAt: null,
    completedBy: null,
    result: null,
    returnReason: null,
    assignments: [],
    access: new Map(),
    files: [],
    comments: [],
    events: [],
    arrival: null,
    registeredEvent: null,
  };
  const clerk = rng.pick(agency.clerks);
  const event = (at: number, type: string, actor: Person, data: Record<string, unknown>) => {
    const e: EventPlan = {
      at,
      type,
      actor,
      subjectType: 'incoming_document',
      subjectId: doc.id,
      data,
    };
    doc.events.push(e);
    return e;
  };
  // The main file (and sometimes an attachment): uploaded by the clerk, or by the sender's clerk.
  const uploader = source === 'internal' && sender.clerk ? sender.clerk : clerk;
  const uploaderAgency = source === 'internal' && sender.agency ? sender.agency.id : agency.id;
  const fileCount = rng.chance(0.2) ? 2 : 1;
  const registerTime =
    source === 'paper' || source === 'email' ? recv : tl.add(recv, rng.int(5, 900));
  const old = recv.day < tl.pastDays - 32;
  for (let i = 0; i < fileCount; i++) {
    const createdAt = receivedAt - 60_000 * (fileCount - i);
    const fileId = uuidv7At(createdAt, rng);
    doc.files.push({
      id: fileId,
      blob: rng.int(0, ctx.blobs.length - 1),
      name: `${asciiFold(doc.reference).replace(/[/\s]/g, '_')}${i === 0 ? '' : `_PL${i}`}.pdf`,
      role: i === 0 ? 'main' : 'attachment',
      position: i,
      uploadedBy: uploader,
      uploaderAgencyId: uploaderAgency,
      createdAt,
      addedBy: uploader,
      addedAt: receivedAt,
    });
  }

  // Where the document stops: the clock (recent ones are still moving) or a stuck case.
  const stuck: DocState | null =
    old && rng.chance(0.06)
      ? rng.weighted([
          ['registered', 10],
          ['submitted', 12],
          ['assigned', 33],
          ['in_progress', 45],
        ] as const)
      : null;
  if (source !== 'paper' && source !== 'email' && rng.chance(0.01)) {
    const at = tl.add(registerTime, 5);
    if (tl.isPast(at)) {
      doc.state = 'returned';
      doc.returnReason = 'Văn bản gửi không đúng thẩm quyền giải quyết.';
      event(ms(at, 1), 'incoming.returned_to_sender', clerk, { reason: doc.returnReason });
    }
    return doc;
  }
  if (!tl.isPast(registerTime)) return doc;

  // Registered by the clerk: the arrival number is given later, in registration order.
  doc.state = 'registered';
  doc.registeredAt = ms(registerTime, 1);
  doc.registeredBy = clerk;
  grant(doc, clerk.id, true, 'registered');
  if (source === 'paper' || source === 'email') {
    for (const f of doc.files)
      doc.events.push({
        at: f.createdAt,
        type: 'file.uploaded',
        actor: clerk,
        subjectType: 'file',
        subjectId: f.id,
        data: {
          name: f.name,
          mediaType: 'application/pdf',
          size: ctx.blobs[f.blob]?.size ?? 0,
          sha256: ctx.blobs[f.blob]?.sha256 ?? '',
        },
      });
  }
  doc.registeredEvent = event(doc.registeredAt, 'incoming.registered', clerk, {
    arrivalNumber: 0,
    reference: doc.reference,
    sender: sender.name,
    ...(source === 'paper' || source === 'email'
      ? { files: doc.files.map((f) => f.id) }
      : { source }),
    duplicateConfirmed: false,
  });
  if (stuck === 'registered') return doc;

  const submitTime = tl.add(registerTime, rng.int(3, 480));
  if (!tl.isPast(submitTime)) return doc;
  const leader =
    rng.chance(0.75) || agency.deputies.length === 0 ? agency.leader : rng.pick(agency.deputies);
  doc.state = 'submitted';
  doc.submittedTo = leader;
  doc.submittedAt = ms(submitTime, 2);
  grant(doc, leader.id, true, 'submitted');
  event(doc.submittedAt, 'incoming.submitted', clerk, { toUserId: leader.id });
  if (stuck === 'submitted') return doc;

  const directTime = tl.add(submitTime, rng.int(20, 1500));
  if (!tl.isPast(directTime)) return doc;
  planDirection(ctx, doc, rng, { leader, directTime, stuck, ms });
  return doc;
}
