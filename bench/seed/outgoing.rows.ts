import { createHash } from 'node:crypto';
import type { CopyWriter } from '../lib/copy.js';
import { uuidv7At, type Rng } from '../lib/random.js';
import type { Agency, Person } from './model.js';
import {
  documentTypeName,
  outgoingRegisterName,
  type OutgoingDoc,
  type OutgoingRegister,
} from './outgoing.js';
import type { EventPlan } from './plan.js';

export interface OutgoingWriters {
  outgoing: CopyWriter;
  versions: CopyWriter;
  versionFiles: CopyWriter;
  reviewSteps: CopyWriter;
  recipients: CopyWriter;
  files: CopyWriter;
  registers: CopyWriter;
}

const columns = (names: string): readonly string[] => names.split(' ');

export const OUTGOING_COLUMNS = columns(
  'id agency_id state doc_type subject urgency urgency_rank secrecy drafter_id drafter_unit_id ' +
    'signer_id signer_position notation_unit signature_box current_version review_round ' +
    'register_id number notation reference issue_date signed_at numbered_at numbered_by ' +
    'sealed_at sealed_by issued_at issued_by replaces_id revoked_at revoked_by revoke_reason ' +
    'notes created_at updated_at',
);
export const VERSION_COLUMNS = columns('document_id version kind note created_by created_at');
export const VERSION_FILE_COLUMNS = columns('document_id version file_id role position');
export const REVIEW_COLUMNS = columns(
  'id document_id round position reviewer_id state comment decided_at created_at',
);
export const RECIPIENT_COLUMNS = columns(
  'id document_id position kind agency_id agency_code unit_id name channel status ' +
    'incoming_document_id status_at',
);

const iso = (ms: number | null) => (ms === null ? null : new Date(ms).toISOString());
const URGENCY_RANK = { normal: 0, urgent: 1, top_urgent: 2, flash: 3 } as const;
/** Where the layout puts the signature (page 1, between position and name), in points. */
const SIGNATURE_BOX = JSON.stringify({ page: 1, x: 330, y: 170, width: 170, height: 70 });

/** A certificate serial as the demo CA would print it (stable per signer). */
const serialOf = (p: Person | Agency) =>
  createHash('sha256').update(p.id).digest('hex').slice(0, 16).toUpperCase();

interface Ctx {
  w: OutgoingWriters;
  blobs: readonly { sha256: string; size: number }[];
  rng: Rng;
  events: EventPlan[];
}

function event(
  ctx: Ctx,
  d: OutgoingDoc,
  at: number,
  type: string,
  actor: Person,
  data: Record<string, unknown>,
) {
  ctx.events.push({ at, type, actor, subjectType: 'outgoing_document', subjectId: d.id, data });
}

/** One version and its files (main first); the current version's files are the planned ones. */
function version(
  ctx: Ctx,
  d: OutgoingDoc,
  v: { number: number; kind: string; by: Person; at: number; current: boolean },
): void {
  ctx.w.versions.add([d.id, v.number, v.kind, null, v.by.id, iso(v.at)]);
  const name = `${documentTypeName(d.docType)} - ${d.subject}`.slice(0, 120);
  d.files.forEach((f, position) => {
    const id = v.current ? f.id : uuidv7At(v.at, ctx.rng);
    const blob = ctx.blobs[f.blob];
    if (!blob) throw new Error(`blob ${f.blob} missing`);
    ctx.w.files.add([
      id,
      blob.sha256,
      f.role === 'main' ? `${name}.pdf` : `Phụ lục ${position}.pdf`,
      'application/pdf',
      blob.size,
      v.by.id,
      d.agency.id,
      iso(v.at),
    ]);
    ctx.w.versionFiles.add([d.id, v.number, id, f.role, position]);
    if (v.kind === 'draft')
      ctx.events.push({
        at: v.at - 60_000 + position,
        type: 'file.uploaded',
        actor: v.by,
        subjectType: 'file',
        subjectId: id,
        data: {
          name: `${name}.pdf`,
          mediaType: 'application/pdf',
          size: blob.size,
          sha256: blob.sha256,
        },
      });
  });
}

function recipients(ctx: Ctx, d: OutgoingDoc): string[] {
  const issued = d.schedule.issued;
  const revoked = d.state === 'revoked';
  const rows: unknown[][] = [];
  const status = (delivered: string) =>
    issued === null ? 'pending' : revoked ? 'revoked' : delivered;
  const add = (
    kind: 'agency' | 'unit' | 'text',
    target: { agency?: Agency; unitId?: string },
    name: string,
    channel: 'internal' | 'paper',
    delivered: string,
    incomingId: string | null,
  ) =>
    rows.push([
      uuidv7At(d.schedule.created, ctx.rng),
      d.id,
      rows.length,
      kind,
      target.agency?.id ?? null,
      target.agency?.code ?? null,
      target.unitId ?? null,
      name,
      issued === null ? null : channel,
      status(delivered),
      issued === null ? null : incomingId,
      iso(issued),
    ]);
  for (const x of d.deliveries) {
    if (x.channel === 'internal')
      add('agency', { agency: x.receiver }, x.receiver.name, 'internal', 'delivered', x.incomingId);
    else add('text', {}, x.receiver.name, 'paper', 'paper', null);
  }
  for (const name of d.external) add('text', {}, name, 'paper', 'paper', null);
  for (const u of d.units) add('unit', { unitId: u.id }, u.name, 'internal', 'delivered', null);
  add('text', {}, `Lưu: VT, ${d.unit.code}`, 'paper', 'paper', null);
  for (const r of rows) ctx.w.recipients.add(r as Parameters<CopyWriter['add']>[0]);
  return rows.map((r) => r[7] as string);
}

/**
 * The rows of one outgoing document as its use cases would have written them (draft version
 * uploaded by the drafter; review steps; signed, numbered and sealed versions; recipients with
 * their incoming copies) and its events for the agency's audit chain.
 */
function writeDocument(ctx: Ctx, d: OutgoingDoc): void {
  const s = d.schedule;
  const n = d.numbering;
  const updated = Math.max(
    ...[
      s.created,
      s.submitted,
      ...s.reviews,
      s.signed,
      s.numbered,
      s.sealed,
      s.issued,
      s.revoked,
    ].filter((x): x is number => x !== null),
  );
  let current = 1;
  version(ctx, d, {
    number: 1,
    kind: 'draft',
    by: d.drafter,
    at: s.created,
    current: s.signed === null,
  });
  const names = recipients(ctx, d);
  event(ctx, d, s.created, 'outgoing.created', d.drafter, {
    docType: d.docType,
    subject: d.subject,
    signerId: d.signer.id,
    recipients: names,
    version: 1,
  });
  if (s.submitted !== null) {
    event(ctx, d, s.submitted, 'outgoing.submitted', d.drafter, {
      round: 1,
      steps: d.reviewers.map((r) => ({ reviewerIds: [r.id] })),
    });
    d.reviewers.forEach((reviewer, i) => {
      const decided = s.reviews[i] ?? null;
      const state = decided !== null ? 'approved' : i === s.reviews.length ? 'pending' : 'waiting';
      ctx.w.reviewSteps.add([
        uuidv7At(s.submitted as number, ctx.rng),
        d.id,
        1,
        i + 1,
        reviewer.id,
        state,
        null,
        iso(decided),
        iso(s.submitted),
      ]);
      if (decided !== null) event(ctx, d, decided, 'outgoing.approved', reviewer, { step: i + 1 });
    });
  }
  if (s.signed !== null) {
    current = 2;
    version(ctx, d, {
      number: 2,
      kind: 'signed',
      by: d.signer,
      at: s.signed,
      current: s.numbered === null,
    });
    event(ctx, d, s.signed, 'outgoing.signed', d.signer, {
      version: 2,
      serialNumber: serialOf(d.signer),
      field: 'Signature1',
    });
  }
  if (s.numbered !== null && n) {
    current = 3;
    version(ctx, d, {
      number: 3,
      kind: 'numbered',
      by: d.clerk,
      at: s.numbered,
      current: s.sealed === null,
    });
    event(ctx, d, s.numbered, 'outgoing.numbered', d.clerk, {
      registerId: n.registerId,
      number: n.number,
      reference: n.reference,
      version: 3,
    });
  }
  if (s.sealed !== null) {
    current = 4;
    version(ctx, d, { number: 4, kind: 'sealed', by: d.clerk, at: s.sealed, current: true });
    event(ctx, d, s.sealed, 'outgoing.sealed', d.clerk, {
      version: 4,
      serialNumber: serialOf(d.agency),
    });
  }
  const internal = d.deliveries.filter((x) => x.channel === 'internal').length;
  if (s.issued !== null)
    event(ctx, d, s.issued, 'outgoing.issued', d.clerk, {
      reference: n?.reference,
      internal,
      hub: 0,
    });
  const reason = 'Văn bản ban hành không đúng thẩm quyền, thu hồi để ban hành lại.';
  if (s.revoked !== null) event(ctx, d, s.revoked, 'outgoing.revoked', d.clerk, { reason });
  ctx.w.outgoing.add([
    d.id,
    d.agency.id,
    d.state,
    d.docType,
    d.subject,
    d.urgency,
    URGENCY_RANK[d.urgency],
    d.secrecy,
    d.drafter.id,
    d.unit.id,
    d.signer.id,
    d.signer.title,
    null,
    s.signed !== null ? SIGNATURE_BOX : null,
    current,
    s.submitted !== null ? 1 : 0,
    n?.registerId ?? null,
    n?.number ?? null,
    n?.notation ?? null,
    n?.reference ?? null,
    n?.issueDate ?? null,
    iso(s.signed),
    iso(s.numbered),
    s.numbered !== null ? d.clerk.id : null,
    iso(s.sealed),
    s.sealed !== null ? d.clerk.id : null,
    iso(s.issued),
    s.issued !== null ? d.clerk.id : null,
    null,
    iso(s.revoked),
    s.revoked !== null ? d.clerk.id : null,
    s.revoked !== null ? reason : null,
    null,
    iso(s.created),
    iso(updated),
  ]);
}

/** Every outgoing document of one agency and its registers; returns the events to chain. */
export async function writeOutgoingAgency(
  w: OutgoingWriters,
  agency: Agency,
  docs: readonly OutgoingDoc[],
  registers: readonly OutgoingRegister[],
  blobs: readonly { sha256: string; size: number }[],
  rng: Rng,
): Promise<EventPlan[]> {
  const ctx: Ctx = { w, blobs, rng, events: [] };
  for (const [i, d] of docs.entries()) {
    if (i % 2000 === 1999) for (const writer of Object.values(w)) await writer.drain();
    writeDocument(ctx, d);
  }
  for (const r of registers)
    w.registers.add([
      r.id,
      agency.id,
      r.year,
      r.series,
      r.typeCode,
      outgoingRegisterName(r),
      r.last,
      iso(r.createdAt),
    ]);
  return ctx.events;
}
