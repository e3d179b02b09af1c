import type { Secrecy, Urgency } from '@vanban/contracts';
import { sql } from 'drizzle-orm';
import type { Clock } from '../../platform/clock/clock.js';
import { vietnamDate } from '../../platform/clock/clock.js';
import { queryRows, type Db } from '../../platform/db/database.js';
import { newId } from '../../platform/db/ids.js';
import { recordAuditEvent } from '../audit/index.js';
import { enqueueSignatureCheck } from '../signatures/index.js';
import type { MetadataInput } from './incoming.metadata.js';
import { canTransition, nextDocumentState, urgencyRank } from './incoming.models.js';
import * as repo from './incoming.repository.js';
import { notifyAbout } from './incoming.usecase-kit.js';

export interface IntakeInput {
  agencyId: string;
  source: 'internal' | 'hub' | 'email';
  sourceRef: string;
  metadata: Partial<MetadataInput> & {
    secrecy?: Secrecy;
    senderName: string;
    senderAgencyId?: string | null;
    senderCode?: string | null;
    /**
     * Our check of the exchange packet's XML signature (QCVN 102 §1.7); kept with the rest of the
     * intake metadata and shown on the document. Informative: the PDFs' signatures are the legal ones.
     */
    packetSignature?: {
      status: 'valid' | 'untrusted' | 'invalid' | 'none';
      reason: string;
      signer: string | null;
    };
  };
  fileIds: string[];
  uploadedBy: string;
}

/**
 * Another agency's document arrives (issued inside this instance, or from the exchange hub): it
 * waits in the clerks' "to register" list with its metadata prefilled. No arrival number yet —
 * documents the clerk has not registered impose no duty to act (Decree 30 Art. 21).
 */
export async function receiveDocument(tx: Db, input: IntakeInput, now: Date): Promise<string> {
  const id = newId();
  const md = input.metadata;
  await repo.insertDocument(tx, {
    id,
    agencyId: input.agencyId,
    state: 'received',
    source: input.source,
    sourceRef: input.sourceRef,
    senderAgencyId: md.senderAgencyId ?? null,
    senderCode: md.senderCode ?? null,
    senderName: md.senderName,
    number: '',
    notation: '',
    reference: md.reference ?? '',
    referenceKey: '',
    issueDate: md.issueDate ?? vietnamDate(now),
    docType: md.docType ?? 'official_letter',
    subject: md.subject ?? '',
    signerName: md.signerName ?? null,
    signerPosition: md.signerPosition ?? null,
    urgency: md.urgency ?? 'normal',
    secrecy: md.secrecy ?? 'normal',
    pageCount: md.pageCount ?? null,
    intake: md,
    receivedAt: now,
    createdAt: now,
    updatedAt: now,
  });
  await repo.attachFiles(
    tx,
    id,
    input.fileIds.map((f) => ({ id: f })),
    { role: 'main', addedBy: input.uploadedBy, assignmentId: null },
    now,
  );
  await repo.refreshContentText(tx, [id]);
  await checkSignaturesOf(tx, input.fileIds, { now: () => now });
  const clerks = await queryRows<{ user_id: string }>(
    tx,
    sql`select distinct r.user_id from user_roles r join users u on u.id = r.user_id
        where r.agency_id = ${input.agencyId} and r.role = 'clerk' and not u.disabled`,
  );
  await notifyAbout(
    { tx, now },
    {
      id,
      urgency: md.urgency ?? 'normal',
      reference: md.reference ?? '',
      subject: md.subject ?? '',
    },
    clerks.map((c) => c.user_id),
    'incoming.received',
  );
  return id;
}

/** People who must hear about a change to a delivered document: its clerks and everyone on it. */
async function peopleOn(tx: Db, doc: { id: string; agencyId: string }) {
  const rows = await queryRows<{ user_id: string }>(
    tx,
    sql`select r.user_id from user_roles r join users u on u.id = r.user_id
        where r.agency_id = ${doc.agencyId} and r.role = 'clerk' and not u.disabled
        union select a.principal_id from incoming_access a join users u on u.id = a.principal_id
        where a.document_id = ${doc.id}`,
  );
  return rows.map((r) => r.user_id);
}

async function auditSystem(
  tx: Db,
  doc: { id: string; agencyId: string },
  type: string,
  data: Record<string, unknown>,
  now: Date,
) {
  await recordAuditEvent(tx, {
    type,
    actor: null,
    agencyId: doc.agencyId,
    subject: { type: 'incoming_document', id: doc.id },
    data,
    occurredAt: now,
  });
}

/**
 * The issuer revoked the document (edXML business type revoke, Decree 30 App. VI §III.8): it
 * leaves every active list and stays in history, even when it was already handled.
 */
export async function revokeDelivered(tx: Db, id: string, reason: string, now: Date) {
  const doc = await repo.lockDocument(tx, id);
  if (!doc || !canTransition(doc.state, 'revoke')) return false;
  await repo.updateDocument(tx, id, {
    state: nextDocumentState(doc.state, 'revoke'),
    returnReason: reason,
    updatedAt: now,
  });
  await auditSystem(tx, doc, 'incoming.revoked_by_sender', { reason }, now);
  await notifyAbout({ tx, now }, doc, await peopleOn(tx, doc), 'incoming.revoked');
  return true;
}

/** The issuer corrected the document's information (edXML business type update). */
export async function correctDelivered(
  tx: Db,
  id: string,
  change: { subject?: string | undefined; urgency?: Urgency | undefined; reason: string },
  now: Date,
) {
  const doc = await repo.lockDocument(tx, id);
  if (!doc || doc.state === 'revoked') return false;
  await repo.updateDocument(tx, id, {
    ...(change.subject ? { subject: change.subject } : {}),
    ...(change.urgency
      ? { urgency: change.urgency, urgencyRank: urgencyRank[change.urgency] }
      : {}),
    updatedAt: now,
  });
  await auditSystem(tx, doc, 'incoming.corrected_by_sender', change, now);
  const updated = { ...doc, subject: change.subject ?? doc.subject };
  await notifyAbout({ tx, now }, updated, await peopleOn(tx, doc), 'incoming.corrected');
  return true;
}

/** Verify the signatures of every PDF delivered with a document, in the background. */
export async function checkSignaturesOf(tx: Db, fileIds: string[], clock: Clock) {
  for (const fileId of fileIds) await enqueueSignatureCheck(tx, fileId, clock);
}
