import { buildPacketBuffer } from '@vanban/edxml';
import { HubError, HubTransportError, type HubClient } from '@vanban/hub/client';
import { sql } from 'drizzle-orm';
import { queryRows, type Db } from '../../platform/db/database.js';
import type { FileStorage } from '../../platform/storage/storage.js';
import { findFilesByIds, readFileBytes } from '../files/index.js';
import { documentPacketSpec } from './exchange.models.js';
import {
  insertSentPacket,
  markPacketSent,
  readPacketBytes,
  agencySigner,
  storePacketBytes,
  type ExchangeDeps,
  type Log,
} from './exchange.packets.js';

const MAX_ATTEMPTS = 10;

interface OutboxRow {
  id: string;
  outgoing_id: string;
  to_agency_code: string;
  to_name: string;
  business_type: 'new' | 'revoke' | 'update' | 'replace';
  created_at: string;
  attempts: number;
  /** The packet kept from an earlier attempt, if any (`exchange_sent`). */
  kept_id: string | null;
  kept_sha256: string | null;
}

/** The sender's side of a packet: the issuing agency and the document as issued. */
async function packetFor(db: Db, storage: FileStorage, row: OutboxRow) {
  const [doc] = await queryRows<{
    agency_id: string;
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
    sql`select d.agency_id, v.code as agency_code, v.name as agency_name, v.address, d.reference,
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
  return {
    agencyId: doc.agency_id,
    bytes: buildPacketBuffer(spec, { now: new Date(row.created_at) }),
  };
}

/** A hub that cannot be reached or answers "try later" (5xx): the next round tries again. */
export function isRetryable(error: unknown): boolean {
  return error instanceof HubTransportError || (error instanceof HubError && error.retryable);
}

/**
 * The packet of an outbox row: the one kept from an earlier attempt, or built, signed and kept
 * now — before it is sent for the first time (see `exchange_sent`). Rebuilding on a retry could
 * give other bytes (a correction of the subject in between, a new agency certificate, an ECDSA
 * signature, random each time), which the hub would take for a second packet and the recipient register twice.
 */
async function documentPacket(
  deps: ExchangeDeps,
  row: OutboxRow,
  sign: ReturnType<typeof agencySigner>,
) {
  if (row.kept_id && row.kept_sha256)
    return { id: row.kept_id, bytes: await readPacketBytes(deps.storage, row.kept_sha256) };
  const now = deps.clock.now();
  const built = await packetFor(deps.db, deps.storage, row);
  const signed = await sign(built.agencyId, built.bytes);
  const stored = await storePacketBytes(deps.storage, signed.bytes);
  const id = await insertSentPacket(deps.db, {
    kind: 'document',
    outboxId: row.id,
    sha256: stored.sha256,
    size: stored.size,
    signed,
    builtAt: now,
  });
  if (id) return { id, bytes: signed.bytes };
  // Another process kept one first: send that one.
  const [other] = await queryRows<{ id: string; packet_sha256: string }>(
    deps.db,
    sql`select id, packet_sha256 from exchange_sent where outbox_id = ${row.id}`,
  );
  return { id: other!.id, bytes: await readPacketBytes(deps.storage, other!.packet_sha256) };
}

/**
 * Sends what issuing queued (`hub_outbox`), oldest first, one packet per recipient agency
 * (decision 0009). A refusal by the hub leaves the row queued with its error and a growing attempt
 * count (the next round retries); after ten it is `failed`. An unreachable hub counts no attempt
 * and ends the round (thrown): it is retried every poll until it answers, so no document is given
 * up because the hub was down.
 */
export async function sendQueuedDocuments(
  deps: ExchangeDeps,
  client: HubClient,
  log: Log = () => {},
): Promise<number> {
  const rows = await queryRows<OutboxRow>(
    deps.db,
    sql`select o.id, o.outgoing_id, o.to_agency_code, r.name as to_name, o.business_type,
          o.created_at, o.attempts, k.id as kept_id, k.packet_sha256 as kept_sha256
        from hub_outbox o join outgoing_recipients r on r.id = o.recipient_id
        left join exchange_sent k on k.outbox_id = o.id
        where o.state = 'queued' order by o.created_at, o.id limit 50`,
  );
  const sign = agencySigner(deps, deps.clock.now(), log);
  let sent = 0;
  for (const row of rows) {
    try {
      const packet = await documentPacket(deps, row, sign);
      const { docId } = await client.sendEdoc(packet.bytes, { to: [row.to_agency_code] });
      // A crash here (sent, not yet marked) makes the next round send the kept bytes again; the
      // hub answers with the same DocId and stores nothing new.
      const now = deps.clock.now().toISOString();
      await deps.db.transaction(async (tx) => {
        await tx.execute(sql`update hub_outbox set state = 'sent', sent_at = ${now},
          attempts = attempts + 1, last_error = null where id = ${row.id} and state = 'queued'`);
        await tx.execute(sql`update outgoing_recipients set status = 'sent', status_at = ${now}
          where id = (select recipient_id from hub_outbox where id = ${row.id})
            and status = 'queued'`);
        await markPacketSent(tx, packet.id, docId, deps.clock.now());
      });
      sent++;
    } catch (error) {
      const retryable = isRetryable(error);
      const failed = !retryable && row.attempts + 1 >= MAX_ATTEMPTS;
      await deps.db.execute(sql`update hub_outbox
        set attempts = attempts + ${retryable ? 0 : 1}::int,
          last_error = ${String((error as Error).message).slice(0, 1000)},
          state = ${failed ? 'failed' : 'queued'} where id = ${row.id} and state = 'queued'`);
      // The hub is down or overloaded: end the round here (the caller logs it once).
      if (retryable) throw error;
      log(`hub outbox ${row.id} not sent`, error);
    }
  }
  return sent;
}
