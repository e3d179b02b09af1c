import type { CopyWriter } from '../lib/copy.js';
import { uuidv7At, type Rng } from '../lib/random.js';
import { planDocument, type PlanContext } from './lifecycle.js';
import type { Agency } from './model.js';
import type { Delivery, OutgoingDoc, OutgoingRegister } from './outgoing.js';
import { writeOutgoingAgency, type OutgoingWriters } from './outgoing.rows.js';
import type { DocPlan } from './plan.js';
import { vietnamDate } from './timeline.js';
import { writeAudit } from './audit-chain.js';

export { AUDIT_COLUMNS } from './audit-chain.js';

export interface Writers extends OutgoingWriters {
  documents: CopyWriter;
  assignments: CopyWriter;
  access: CopyWriter;
  files: CopyWriter;
  documentFiles: CopyWriter;
  comments: CopyWriter;
  audit: CopyWriter;
  heads: CopyWriter;
}

const columns = (names: string): readonly string[] => names.split(' ');

export const DOCUMENT_COLUMNS = columns(
  'id agency_id state source source_ref sender_agency_id sender_code sender_name number ' +
    'notation reference reference_key issue_date doc_type subject signer_name ' +
    'signer_position urgency urgency_rank secrecy page_count due_date register_id ' +
    'arrival_number arrival_date received_at registered_at registered_by ' +
    'submitted_to_user_id submitted_to_unit_id submitted_at direction directed_by ' +
    'directed_at completed_at completed_by result return_reason notes content_text intake ' +
    'created_at updated_at',
);

export const ASSIGNMENT_COLUMNS = columns(
  'id document_id agency_id parent_id role unit_id user_id state direction due_date ' +
    'assigned_by assigned_at read_at started_at result reported_at completed_at active',
);

const iso = (ms: number | null) => (ms === null ? null : new Date(ms).toISOString());
const URGENCY_RANK = { normal: 0, urgent: 1, top_urgent: 2, flash: 3 } as const;
const SERIES_NAME = {
  incoming: 'Sổ đăng ký văn bản đến',
  incoming_secret: 'Sổ đăng ký văn bản đến mật',
};

/** Arrival numbers in registration order, per year (Vietnam time) and series; the registers. */
function numberRegisters(w: Writers, agency: Agency, docs: DocPlan[], rng: Rng): void {
  const registered = docs.filter((d) => d.registeredAt !== null);
  registered.sort((a, b) => (a.registeredAt as number) - (b.registeredAt as number));
  const registers = new Map<
    string,
    { id: string; year: number; series: keyof typeof SERIES_NAME; last: number; at: number }
  >();
  for (const d of registered) {
    const at = d.registeredAt as number;
    const date = vietnamDate(at);
    const year = Number(date.slice(0, 4));
    const series = d.secrecy === 'normal' ? 'incoming' : 'incoming_secret';
    const key = `${year}/${series}`;
    let r = registers.get(key);
    if (!r) registers.set(key, (r = { id: uuidv7At(at, rng), year, series, last: 0, at }));
    r.last++;
    d.arrival = { registerId: r.id, number: r.last, date };
    if (d.registeredEvent) d.registeredEvent.data.arrivalNumber = r.last;
  }
  for (const r of registers.values())
    w.registers.add([
      r.id,
      agency.id,
      r.year,
      r.series,
      '',
      `${SERIES_NAME[r.series]} năm ${r.year}`,
      r.last,
      iso(r.at),
    ]);
}

function writeDocument(w: Writers, d: DocPlan): void {
  const intake =
    d.source === 'internal' || d.source === 'hub'
      ? JSON.stringify({
          senderName: d.sender.name,
          ...(d.sender.agency
            ? { senderAgencyId: d.sender.agency.id, senderCode: d.sender.code }
            : {}),
          reference: d.reference,
          issueDate: d.issueDate,
          docType: d.docType,
          subject: d.subject,
          signerName: d.signer.name,
          signerPosition: d.signer.position,
          urgency: d.urgency,
          pageCount: d.pageCount,
        })
      : null;
  const updated = Math.max(d.receivedAt, ...d.events.map((e) => e.at));
  w.documents.add([
    d.id,
    d.agency.id,
    d.state,
    d.source,
    d.sourceRef,
    d.sender.agency?.id ?? null,
    d.sender.code,
    d.sender.name,
    d.number,
    d.notation,
    d.reference,
    d.referenceKey,
    d.issueDate,
    d.docType,
    d.subject,
    d.signer.name,
    d.signer.position,
    d.urgency,
    URGENCY_RANK[d.urgency],
    d.secrecy,
    d.pageCount,
    d.dueDate,
    d.arrival?.registerId ?? null,
    d.arrival?.number ?? null,
    d.arrival?.date ?? null,
    iso(d.receivedAt),
    iso(d.registeredAt),
    d.registeredBy?.id ?? null,
    d.submittedTo?.id ?? null,
    null,
    iso(d.submittedAt),
    d.direction,
    d.directedBy?.id ?? null,
    iso(d.directedAt),
    iso(d.completedAt),
    d.completedBy?.id ?? null,
    d.result,
    d.returnReason,
    null,
    d.content,
    intake,
    iso(d.receivedAt),
    iso(updated),
  ]);
  for (const a of d.assignments)
    w.assignments.add([
      a.id,
      d.id,
      d.agency.id,
      a.parentId,
      a.role,
      a.unit?.id ?? null,
      a.user?.id ?? null,
      a.state,
      a.direction,
      a.dueDate,
      a.assignedBy.id,
      iso(a.assignedAt),
      iso(a.readAt),
      iso(a.startedAt),
      a.result,
      iso(a.reportedAt),
      iso(a.completedAt),
      a.active,
    ]);
  for (const g of d.access.values()) w.access.add([d.id, g.principal, g.named, g.reason]);
  for (const c of d.comments)
    w.comments.add([c.id, d.id, c.assignmentId, c.author.id, null, c.body, iso(c.createdAt)]);
}

export interface BatchStats {
  documents: number;
  events: number;
  outgoing: number;
}

/** What one agency received (deliveries of outgoing documents, documents from outside) and sent. */
export interface AgencyWork {
  deliveries: readonly Delivery[];
  external: number;
  outgoing: readonly OutgoingDoc[];
  registers: readonly OutgoingRegister[];
}

/**
 * Every document an agency received, with its files, assignments, access, registers, and every
 * document it sent; both in one audit chain.
 */
export async function writeAgency(
  ctx: PlanContext,
  w: Writers,
  agency: Agency,
  work: AgencyWork,
  rng: Rng,
  outgoingRng: Rng,
): Promise<BatchStats> {
  const docs = [
    ...work.deliveries.map((delivery) =>
      planDocument(ctx, agency, rng, { kind: 'delivery', delivery }),
    ),
    ...Array.from({ length: work.external }, () =>
      planDocument(ctx, agency, rng, { kind: 'external' }),
    ),
  ];
  docs.sort((a, b) => a.receivedAt - b.receivedAt);
  numberRegisters(w, agency, docs, rng);
  for (const [i, d] of docs.entries()) {
    if (i % 2000 === 1999) for (const writer of Object.values(w)) await writer.drain();
    writeDocument(w, d);
    for (const f of d.files) {
      const blob = ctx.blobs[f.blob];
      if (!blob) throw new Error(`blob ${f.blob} missing`);
      if (!f.shared)
        w.files.add([
          f.id,
          blob.sha256,
          f.name,
          'application/pdf',
          blob.size,
          f.uploadedBy.id,
          f.uploaderAgencyId,
          iso(f.createdAt),
        ]);
      w.documentFiles.add([d.id, f.id, f.role, f.position, null, f.addedBy.id, iso(f.addedAt)]);
    }
  }
  const sent = await writeOutgoingAgency(
    w,
    agency,
    work.outgoing,
    work.registers,
    ctx.blobs,
    outgoingRng,
  );
  const events = docs.flatMap((d) => d.events).concat(sent);
  await writeAudit(w, agency, events, rng);
  for (const writer of Object.values(w)) await writer.drain();
  return { documents: docs.length, events: events.length, outgoing: work.outgoing.length };
}
