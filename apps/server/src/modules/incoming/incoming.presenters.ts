import { fileSignatures } from '../signatures/index.js';
import {
  packetSignatureSchema,
  type IncomingDetail,
  type IncomingSummary,
} from '@vanban/contracts';
import { getDocumentType, isDocumentTypeCode } from '@vanban/edxml';
import { inArray, sql } from 'drizzle-orm';
import { queryRows, type Db } from '../../platform/db/database.js';
import { users } from '../identity/identity.tables.js';
import { findDisplayVersions, findUnits } from '../organizations/index.js';
import type { SummaryRow } from './incoming.queries.js';
import type { AssignmentRow, DocumentRow } from './incoming.repository.js';
import * as repo from './incoming.repository.js';

const iso = (v: string | Date) => new Date(v).toISOString();
const isoOrNull = (v: string | Date | null) => (v === null ? null : iso(v));

export function presentSummary(r: SummaryRow): IncomingSummary {
  return {
    id: r.id,
    state: r.state as IncomingSummary['state'],
    source: r.source as IncomingSummary['source'],
    senderName: r.sender_name,
    reference: r.reference,
    issueDate: r.issue_date,
    docType: r.doc_type,
    subject: r.subject,
    urgency: r.urgency as IncomingSummary['urgency'],
    secrecy: r.secrecy as IncomingSummary['secrecy'],
    arrivalNumber: r.arrival_number,
    arrivalDate: r.arrival_date,
    receivedAt: iso(r.received_at),
    dueDate: r.due_date,
    overdue: r.overdue,
    dueSoon: r.due_soon,
  };
}

export function docTypeName(code: string): string {
  return isDocumentTypeCode(code) ? getDocumentType(code).name : code;
}

async function namesOf(db: Db, ids: (string | null)[]) {
  const wanted = [...new Set(ids.filter((x): x is string => x !== null))];
  const rows = wanted.length
    ? await db
        .select({ id: users.id, fullName: users.fullName })
        .from(users)
        .where(inArray(users.id, wanted))
    : [];
  const map = new Map(rows.map((r) => [r.id, r]));
  return (id: string | null) => (id === null ? null : (map.get(id) ?? { id, fullName: '' }));
}

export async function presentDetail(
  db: Db,
  doc: DocumentRow,
  assignments: AssignmentRow[],
  today: string,
  soon: string,
  actions: string[],
): Promise<IncomingDetail> {
  const [files, comments, register] = await Promise.all([
    repo.listDocumentFiles(db, doc.id),
    repo.listComments(db, doc.id),
    doc.registerId
      ? queryRows<{ name: string }>(
          db,
          sql`select name from registers where id = ${doc.registerId}`,
        )
      : Promise.resolve([]),
  ]);
  const signaturesOf = await fileSignatures(
    db,
    files.map((f) => f.id),
  );
  const person = await namesOf(db, [
    doc.registeredBy,
    doc.submittedToUserId,
    doc.directedBy,
    doc.completedBy,
    ...assignments.flatMap((a) => [a.userId, a.assignedBy]),
    ...comments.flatMap((c) => [c.authorId, c.onBehalfOfId]),
  ]);
  const unitIds = [doc.submittedToUnitId, ...assignments.map((a) => a.unitId)].filter(
    (x): x is string => x !== null,
  );
  const unitRows = await findUnits(db, [...new Set(unitIds)]);
  const unit = (id: string | null) => {
    const u = id === null ? undefined : unitRows.find((x) => x.id === id);
    return u ? { id: u.id, code: u.code, name: u.name } : null;
  };
  const versions = await findDisplayVersions(
    db,
    [doc.agencyId, ...(doc.senderAgencyId ? [doc.senderAgencyId] : [])],
    today,
  );
  const agencyRef = (id: string) => {
    const v = versions.get(id);
    return { id, code: v?.code ?? '', name: v?.name ?? '' };
  };
  const open = ['registered', 'submitted', 'assigned', 'in_progress'].includes(doc.state);
  return {
    id: doc.id,
    state: doc.state,
    source: doc.source,
    senderName: doc.senderName,
    reference: doc.reference,
    issueDate: doc.issueDate,
    docType: doc.docType,
    docTypeName: docTypeName(doc.docType),
    subject: doc.subject,
    urgency: doc.urgency,
    secrecy: doc.secrecy,
    arrivalNumber: doc.arrivalNumber,
    arrivalDate: doc.arrivalDate,
    receivedAt: iso(doc.receivedAt),
    dueDate: doc.dueDate,
    overdue: open && doc.dueDate !== null && doc.dueDate < today,
    dueSoon: open && doc.dueDate !== null && doc.dueDate >= today && doc.dueDate <= soon,
    agency: agencyRef(doc.agencyId),
    senderAgency: doc.senderAgencyId ? agencyRef(doc.senderAgencyId) : null,
    signerName: doc.signerName,
    signerPosition: doc.signerPosition,
    pageCount: doc.pageCount,
    registerName: register[0]?.name ?? null,
    registeredAt: isoOrNull(doc.registeredAt),
    registeredBy: person(doc.registeredBy),
    submittedTo:
      doc.submittedToUserId || doc.submittedToUnitId
        ? { user: person(doc.submittedToUserId), unit: unit(doc.submittedToUnitId) }
        : null,
    submittedAt: isoOrNull(doc.submittedAt),
    direction: doc.direction,
    directedBy: person(doc.directedBy),
    directedAt: isoOrNull(doc.directedAt),
    completedAt: isoOrNull(doc.completedAt),
    completedBy: person(doc.completedBy),
    result: doc.result,
    returnReason: doc.returnReason,
    notes: doc.notes,
    packetSignature: packetSignatureOf(doc.intake),
    files: files.map((f) => ({
      id: f.id,
      name: f.name,
      mediaType: f.media_type,
      size: f.size,
      pageCount: f.page_count,
      role: f.role,
      addedBy: { id: f.added_by, fullName: f.added_by_name },
      addedAt: iso(f.added_at),
      signatures: signaturesOf(f.id),
    })),
    assignments: assignments.map((a) => ({
      id: a.id,
      parentId: a.parentId,
      role: a.role,
      state: a.state,
      active: a.active,
      unit: unit(a.unitId),
      user: person(a.userId),
      direction: a.direction,
      dueDate: a.dueDate,
      overdue:
        a.active &&
        (a.state === 'assigned' || a.state === 'in_progress') &&
        a.dueDate !== null &&
        a.dueDate < today,
      assignedBy: person(a.assignedBy) ?? { id: a.assignedBy, fullName: '' },
      assignedAt: iso(a.assignedAt),
      readAt: isoOrNull(a.readAt),
      startedAt: isoOrNull(a.startedAt),
      result: a.result,
      reportedAt: isoOrNull(a.reportedAt),
      completedAt: isoOrNull(a.completedAt),
      returnReason: a.returnReason,
      extensionRequest:
        a.extensionRequestedUntil !== null
          ? { until: a.extensionRequestedUntil, reason: a.extensionReason ?? '' }
          : null,
    })),
    comments: comments.map((c) => ({
      id: c.id,
      author: person(c.authorId) ?? { id: c.authorId, fullName: '' },
      onBehalfOf: person(c.onBehalfOfId),
      body: c.body,
      assignmentId: c.assignmentId,
      createdAt: iso(c.createdAt),
    })),
    actions,
  };
}

/** The exchange connector keeps its check of the packet's XML signature in the intake metadata. */
function packetSignatureOf(intake: unknown): IncomingDetail['packetSignature'] {
  const parsed = packetSignatureSchema.safeParse(
    (intake as { packetSignature?: unknown } | null)?.packetSignature,
  );
  return parsed.success ? parsed.data : null;
}
