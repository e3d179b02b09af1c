import { asciiFold } from '../lib/pdf.js';
import { uuidv7At, type Rng } from '../lib/random.js';
import { planDirection } from './direction.js';
import type { Agency, Person } from './model.js';
import { fromCity, fromOutside, type Origin, type PlanContext } from './origins.js';
import { grant, type DocPlan, type DocState, type EventPlan } from './plan.js';
import { contentFor } from './subjects.js';
import type { WorkTime } from './timeline.js';

export type { Origin, PlanContext } from './origins.js';

export function planDocument(ctx: PlanContext, agency: Agency, rng: Rng, origin: Origin): DocPlan {
  const tl = ctx.timeline;
  const salt = rng.int(0, 50);
  const ms = (t: WorkTime, step: number) => tl.ms(t, salt + step);
  const a =
    origin.kind === 'delivery' ? fromCity(ctx, origin.delivery) : fromOutside(ctx, rng, salt);
  const { recv, sender, source, receivedAt } = a;
  const doc: DocPlan = {
    id: a.id,
    agency,
    state: 'received',
    source,
    sourceRef: a.sourceRef,
    sender,
    ...a.ref,
    issueDate: a.issueDate,
    docType: a.docType,
    subject: a.subject,
    content: contentFor(rng, a.subject),
    signer: a.signer,
    urgency: a.urgency,
    secrecy: a.secrecy,
    pageCount: a.pageCount,
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
  // Inside the instance the copy links the sender's sealed files (added by its clerk at issue);
  // paper and e-mail copies are scanned or saved and uploaded by the receiving clerk.
  const registerTime =
    source === 'paper' || source === 'email' ? recv : tl.add(recv, rng.int(5, 900));
  const old = recv.day < tl.pastDays - 32;
  const outgoing =
    origin.kind === 'delivery' && source === 'internal' ? origin.delivery.outgoing : null;
  if (outgoing)
    outgoing.files.forEach((f, i) =>
      doc.files.push({
        id: f.id,
        shared: true,
        blob: f.blob,
        name: '',
        role: f.role,
        position: i,
        uploadedBy: outgoing.clerk,
        uploaderAgencyId: outgoing.agency.id,
        createdAt: outgoing.schedule.sealed ?? receivedAt,
        addedBy: outgoing.clerk,
        addedAt: receivedAt,
      }),
    );
  else {
    const fileCount = rng.chance(0.2) ? 2 : 1;
    for (let i = 0; i < fileCount; i++) {
      const createdAt = receivedAt - 60_000 * (fileCount - i);
      doc.files.push({
        id: uuidv7At(createdAt, rng),
        shared: false,
        blob: rng.int(0, ctx.blobs.length - 1),
        name: `${asciiFold(doc.reference).replace(/[/\s]/g, '_')}${i === 0 ? '' : `_PL${i}`}.pdf`,
        role: i === 0 ? 'main' : 'attachment',
        position: i,
        uploadedBy: clerk,
        uploaderAgencyId: agency.id,
        createdAt,
        addedBy: clerk,
        addedAt: receivedAt,
      });
    }
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
