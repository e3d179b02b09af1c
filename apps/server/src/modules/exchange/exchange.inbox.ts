import type { HubClient } from '@vanban/hub/client';
import {
  parsePacket,
  safeFileName,
  type ParsedDocumentPacket,
  type ParsedStatusPacket,
} from '@vanban/edxml';
import { sql } from 'drizzle-orm';
import { queryRows, type Db } from '../../platform/db/database.js';
import { newId } from '../../platform/db/ids.js';
import { textArray } from '../../platform/db/sql.js';
import { storeGeneratedFile } from '../files/index.js';
import { correctDelivered, receiveDocument, revokeDelivered } from '../incoming/index.js';
import {
  intakeMetadataOf,
  recipientStatusForCode,
  type PacketSignatureVerdict,
} from './exchange.models.js';
import { packetVerifier, type ExchangeDeps, type Log } from './exchange.packets.js';

type Deps = Pick<ExchangeDeps, 'db' | 'storage' | 'clock'>;

/** Local agencies among the packet's recipients: those with an active clerk here. */
async function localRecipients(db: Db, codes: string[]) {
  if (codes.length === 0) return [];
  return queryRows<{ agency_id: string; code: string; clerk_id: string }>(
    db,
    sql`select distinct on (v.agency_id) v.agency_id, v.code, r.user_id as clerk_id
        from agency_versions v join user_roles r on r.agency_id = v.agency_id and r.role = 'clerk'
        join users u on u.id = r.user_id and not u.disabled
        where v.valid_to is null and v.code = any(${textArray(codes)})
        order by v.agency_id, r.user_id`,
  );
}

/** The copy an earlier packet created for this agency (by sender and reference). */
async function earlierCopy(tx: Db, agencyId: string, sender: string, reference: string) {
  const [row] = await queryRows<{ incoming_document_id: string }>(
    tx,
    sql`select incoming_document_id from exchange_received where agency_id = ${agencyId}
        and sender_code = ${sender} and reference = ${reference} and kind = 'document'
        and incoming_document_id is not null
        order by received_at desc limit 1`,
  );
  return row?.incoming_document_id ?? null;
}

/**
 * One document packet, for every local recipient, in one transaction: remembered by hub id first
 * (a redelivered packet changes nothing), then — by business type — a new copy in the clerks'
 * "to register" list, the earlier copy revoked or corrected, or both for a replacement.
 */
async function takeDocument(
  deps: Deps,
  hubDocId: string,
  packet: ParsedDocumentPacket,
  signature: PacketSignatureVerdict,
) {
  const h = packet.header;
  const metadata = intakeMetadataOf(packet);
  const targets = await localRecipients(
    deps.db,
    h.to.map((t) => t.organId),
  );
  const files = packet.attachments.map((a) => a.extract());
  const now = deps.clock.now();
  const business = packet.business?.docType ?? 'new';
  await deps.db.transaction(async (tx) => {
    for (const target of targets) {
      const [fresh] = await queryRows<{ id: string }>(
        tx,
        sql`insert into exchange_received (id, hub_doc_id, kind, agency_id, sender_code, reference,
              issue_date, document_id, packet_signature, packet_signature_reason, packet_signer,
              received_at)
            values (${newId()}, ${hubDocId}, 'document', ${target.agency_id}, ${h.from.organId},
              ${metadata.reference}, ${metadata.issueDate}, ${h.documentId ?? null},
              ${signature.status}, ${signature.reason}, ${signature.signer}, ${now.toISOString()})
            on conflict do nothing returning id`,
      );
      if (!fresh) continue;
      const earlier = await earlierCopy(tx, target.agency_id, h.from.organId, metadata.reference);
      const reason = packet.business?.reason ?? '';
      if (business === 'revoke' || business === 'update') {
        if (earlier && business === 'revoke') await revokeDelivered(tx, earlier, reason, now);
        if (earlier && business === 'update')
          await correctDelivered(tx, earlier, { subject: h.subject, reason }, now);
        await tx.execute(sql`update exchange_received set kind = ${business},
          incoming_document_id = ${earlier} where id = ${fresh.id}`);
        continue;
      }
      const fileIds = [];
      for (const f of files)
        fileIds.push(
          (
            await storeGeneratedFile(deps, tx, {
              bytes: f.data,
              name: safeFileName(f.name),
              mediaType: f.contentType,
              pageCount: null,
              createdBy: target.clerk_id,
              agencyId: target.agency_id,
            })
          ).id,
        );
      const incomingId = await receiveDocument(
        tx,
        {
          agencyId: target.agency_id,
          source: 'hub',
          sourceRef: hubDocId,
          metadata: { ...metadata, packetSignature: signature },
          fileIds,
          uploadedBy: target.clerk_id,
        },
        now,
      );
      await tx.execute(
        sql`update exchange_received set incoming_document_id = ${incomingId} where id = ${fresh.id}`,
      );
    }
  });
}

/**
 * A status packet from a recipient: the sender's per-recipient status follows it, with the
 * reason of a return (02). A recipient whose copy the sender revoked stays revoked: a status sent
 * before the revocation reached it must not bring the copy back to life.
 */
async function takeStatus(
  deps: Deps,
  hubDocId: string,
  packet: ParsedStatusPacket,
  signature: PacketSignatureVerdict,
) {
  const s = packet.status;
  const status = recipientStatusForCode(s.statusCode);
  const now = deps.clock.now();
  await deps.db.transaction(async (tx) => {
    const [fresh] = await queryRows<{ id: string }>(
      tx,
      sql`insert into exchange_received (id, hub_doc_id, kind, sender_code, reference,
            packet_signature, packet_signature_reason, packet_signer, received_at)
          values (${newId()}, ${hubDocId}, 'status', ${s.from.organId}, ${s.responseFor.code},
            ${signature.status}, ${signature.reason}, ${signature.signer}, ${now.toISOString()})
          on conflict do nothing returning id`,
    );
    if (!fresh || !status) return;
    const note = status === 'returned' ? (s.description ?? null) : null;
    await tx.execute(sql`update outgoing_recipients r set status = ${status},
        status_at = ${now.toISOString()}, status_note = ${note}
      from outgoing_documents d join agency_versions v on v.agency_id = d.agency_id and v.valid_to is null
      where r.document_id = d.id and r.channel = 'hub' and r.agency_code = ${s.from.organId}
        and v.code = ${s.responseFor.organId} and d.reference = ${s.responseFor.code}
        and r.status <> 'revoked'`);
  });
}

/**
 * Fetches everything the hub holds for this system, takes it, and only then acknowledges it
 * (`updateStatus done`): a crash in between means the hub delivers it again and the remembered
 * hub id makes the second take a no-op — nothing lost, nothing registered twice. A packet that
 * cannot be read is acknowledged as `fail` so it does not block the queue.
 */
export async function receiveFromHub(
  deps: Deps & Pick<ExchangeDeps, 'config'>,
  client: HubClient,
  log: Log = () => {},
): Promise<{ documents: number; statuses: number; rejected: number }> {
  const counts = { documents: 0, statuses: 0, rejected: 0 };
  const verify = packetVerifier(deps);
  for (const messageType of ['edoc', 'status'] as const) {
    for (const item of await client.getReceivedEdocList({ messageType })) {
      const { data } = await client.getEdoc(item.docId);
      let packet;
      try {
        packet = parsePacket(data);
      } catch (error) {
        log(`hub packet ${item.docId} rejected`, error);
        await client.updateStatus(item.docId, 'fail');
        counts.rejected++;
        continue;
      }
      // Recorded, never a reason to refuse the packet (QCVN 102 §1.7; decision 0009).
      const signature = await verify(data);
      if (packet.kind === 'document') {
        await takeDocument(deps, item.docId, packet, signature);
        counts.documents++;
      } else {
        await takeStatus(deps, item.docId, packet, signature);
        counts.statuses++;
      }
      await client.updateStatus(item.docId, 'done');
    }
  }
  return counts;
}
