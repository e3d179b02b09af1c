import type { HubClient } from '@vanban/hub/client';
import { buildPacketBuffer, dateToVietnamIso, StatusCode } from '@vanban/edxml';
import { sql } from 'drizzle-orm';
import { queryRows, type Db } from '../../platform/db/database.js';
import type { FileStorage } from '../../platform/storage/storage.js';
import { findFilesByIds, readFileBytes } from '../files/index.js';
import { documentPacketSpec, statusCodeForIncoming } from './exchange.models.js';

const MAX_ATTEMPTS = 10;

interface OutboxRow {
  id: string;
  outgoing_id: string;
  to_agency_code: string;
  to_name: string;
  business_type: 'new' | 'revoke' | 'update' | 'replace';
  created_at: string;
  attempts: number;
}

/** The sender's side of a packet: the issuing agency and the document as issued. */
async function packetFor(db: Db, storage: FileStorage, row: OutboxRow) {
  const [doc] = await queryRows<{
    agency_code: string;
    agency_name: string;
    address: string | null;
    reference: string;
    issue_date: string;
    doc_type: string;
    subject: string;
    signer: string;
    signer_position: string | null;
    urgency: 'normal' | 'urgent' | 'top_urgent' | 'flash';
    secrecy: string;
    current_version: number;
    revoke_reason: string | null;
    replaces_reference: string | null;
  }>(
    db,
    sql`select v.code as agency_code, v.name as agency_name, v.address, d.reference,
          d.issue_date::text as issue_date, d.doc_type, d.subject, u.full_name as signer,
          d.signer_position, d.urgency, d.secrecy, d.current_version, d.revoke_reason,
          (select r.reference from outgoing_documents r where r.id = d.replaces_id) as replaces_reference
        from outgoing_documents d join users u on u.id = d.signer_id
        join agency_versions v on v.agency_id = d.agency_id and v.valid_to is null
        where d.id = ${row.outgoing_id}`,
  );
  if (!doc) throw new Error(`outgoing ${row.outgoing_id} vanished`);
  // Confidential documents never leave over the network (Decree 30 Art. 17), whatever queued them.
  if (doc.secrecy !== 'normal') throw new Error('confidential document in the hub outbox');
  const fileRows = await queryRows<{ file_id: string }>(
    db,
    sql`select file_id from outgoing_version_files where document_id = ${row.outgoing_id}
        and version = ${doc.current_version} order by position`,
  );
  const files = await findFilesByIds(
    db,
    fileRows.map((f) => f.file_id),
  );
  const spec = documentPacketSpec({
    from: { code: doc.agency_code, name: doc.agency_name, address: doc.address },
    to: [{ code: row.to_agency_code, name: row.to_name }],
    reference: doc.reference,
    issueDate: doc.issue_date,
    place: doc.address?.split(',').at(-1)?.trim() ?? null,
    docType: doc.doc_type,
    subject: doc.subject,
    signer: { name: doc.signer, position: doc.signer_position },
    urgency: doc.urgency,
    pageCount: null,
    business: {
      type: row.business_type,
      ...(row.business_type === 'revoke' && doc.revoke_reason ? { reason: doc.revoke_reason } : {}),
    },
    files: await Promise.all(
      fileRows.map(async (f) => {
        const file = files.find((x) => x.id === f.file_id)!;
        return {
          name: file.name,
          data: await readFileBytes(storage, file.sha256),
          contentType: file.mediaType,
        };
      }),
    ),
  });
  // The same row always builds the same bytes: a resend after a crash is recognised by the hub.
  return buildPacketBuffer(spec, { now: new Date(row.created_at) });
}

/**
 * Sends what issuing queued (`hub_outbox`), oldest first. A failure leaves the row queued with
 * its error and a growing attempt count (the next tick retries); after ten it is `failed`.
 */
export async function sendQueuedDocuments(
  deps: { db: Db; storage: FileStorage; now: () => Date },
  client: HubClient,
): Promise<number> {
  const rows = await queryRows<OutboxRow>(
    deps.db,
    sql`select o.id, o.outgoing_id, o.to_agency_code, r.name as to_name, o.business_type,
          o.created_at, o.attempts
        from hub_outbox o join outgoing_recipients r on r.id = o.recipient_id
        where o.state = 'queued' order by o.created_at, o.id limit 50`,
  );
  let sent = 0;
  for (const row of rows) {
    try {
      const packet = await packetFor(deps.db, deps.storage, row);
      await client.sendEdoc(packet, { to: [row.to_agency_code] });
      await deps.db
        .execute(sql`update hub_outbox set state = 'sent', sent_at = ${deps.now().toISOString()},
        attempts = attempts + 1, last_error = null where id = ${row.id}`);
      await deps.db.execute(sql`update outgoing_recipients set status = 'sent',
        status_at = ${deps.now().toISOString()}
        where id = (select recipient_id from hub_outbox where id = ${row.id}) and status = 'queued'`);
      sent++;
    } catch (error) {
      const failed = row.attempts + 1 >= MAX_ATTEMPTS;
      await deps.db.execute(sql`update hub_outbox set attempts = attempts + 1,
        last_error = ${String((error as Error).message).slice(0, 1000)},
        state = ${failed ? 'failed' : 'queued'} where id = ${row.id}`);
    }
  }
  return sent;
}

/**
 * Status packets for copies received through the hub, once per change of state (QCVN 102 §1.6):
 * 01 on arrival, 03 registered, 04 assigned, 05 in progress, 06 done, 02 returned with its reason.
 */
export async function sendStatusChanges(
  deps: { db: Db; now: () => Date },
  client: HubClient,
): Promise<number> {
  const rows = await queryRows<{
    id: string;
    state: Parameters<typeof statusCodeForIncoming>[0];
    return_reason: string | null;
    last_status_code: string | null;
    sender_code: string;
    reference: string;
    issue_date: string;
    document_id: string | null;
    agency_code: string;
    agency_name: string;
  }>(
    deps.db,
    sql`select x.id, i.state, i.return_reason, x.last_status_code, x.sender_code, x.reference,
          x.issue_date, x.document_id, v.code as agency_code, v.name as agency_name
        from exchange_received x join incoming_documents i on i.id = x.incoming_document_id
        join agency_versions v on v.agency_id = x.agency_id and v.valid_to is null
        where x.kind = 'document' limit 500`,
  );
  let sent = 0;
  for (const row of rows) {
    const code = statusCodeForIncoming(row.state);
    if (!code || code === row.last_status_code) continue;
    const packet = buildPacketBuffer({
      kind: 'status',
      status: {
        from: { organId: row.agency_code, organName: row.agency_name },
        responseFor: {
          organId: row.sender_code,
          code: row.reference,
          promulgationDate: row.issue_date,
          ...(row.document_id ? { documentId: row.document_id } : {}),
        },
        statusCode: code,
        ...(code === StatusCode.Rejected && row.return_reason
          ? { description: row.return_reason }
          : {}),
        timestamp: dateToVietnamIso(deps.now())!,
      },
    });
    try {
      await client.sendEdoc(packet, { messageType: 'status', to: [row.sender_code] });
      await deps.db.execute(
        sql`update exchange_received set last_status_code = ${code} where id = ${row.id}`,
      );
      sent++;
    } catch {
      // Retried on the next tick: the row still differs from the copy's state.
    }
  }
  return sent;
}
