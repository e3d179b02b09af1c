import { incomingStateValues } from '@vanban/contracts';
import {
  buildPacketBuffer,
  dateToVietnamIso,
  StatusCode,
  type StatusCodeValue,
} from '@vanban/edxml';
import type { HubClient } from '@vanban/hub/client';
import { sql, type SQL } from 'drizzle-orm';
import { queryRows } from '../../platform/db/database.js';
import { statusCodeForIncoming } from './exchange.models.js';
import { isRetryable } from './exchange.outbox.js';
import {
  insertSentPacket,
  markPacketSent,
  readPacketBytes,
  agencySigner,
  storePacketBytes,
  type ExchangeDeps,
  type Log,
} from './exchange.packets.js';

/** `statusCodeForIncoming` as SQL, so only copies whose code changed are read. */
function statusCodeSql(state: SQL): SQL {
  const arms = incomingStateValues.flatMap((s) => {
    const code = statusCodeForIncoming(s);
    return code ? [sql`when ${s} then ${code}`] : [];
  });
  return sql`(case ${state}::text ${sql.join(arms, sql` `)} else null end)`;
}

interface ChangedCopy {
  id: string;
  agency_id: string;
  code: StatusCodeValue;
  return_reason: string | null;
  pending_id: string | null;
  pending_code: string | null;
  pending_sha256: string | null;
  sender_code: string;
  reference: string;
  issue_date: string;
  document_id: string | null;
  agency_code: string;
  agency_name: string;
}

/**
 * The status packet for a copy's new code: the one kept from an earlier attempt for this same
 * code, or built, signed and kept now (`pending_status_packet_id`). Rebuilding it on a retry would
 * carry a new timestamp — other bytes, which the hub would store as a second packet.
 */
async function statusPacket(
  deps: ExchangeDeps,
  row: ChangedCopy,
  sign: ReturnType<typeof agencySigner>,
) {
  if (row.pending_id && row.pending_code === row.code && row.pending_sha256)
    return { id: row.pending_id, bytes: await readPacketBytes(deps.storage, row.pending_sha256) };
  const now = deps.clock.now();
  const unsigned = buildPacketBuffer({
    kind: 'status',
    status: {
      from: { organId: row.agency_code, organName: row.agency_name },
      responseFor: {
        organId: row.sender_code,
        code: row.reference,
        promulgationDate: row.issue_date,
        ...(row.document_id ? { documentId: row.document_id } : {}),
      },
      statusCode: row.code,
      // 02 must say why (standards.md §1.6): the reason the clerk gave for returning it.
      ...(row.code === StatusCode.Rejected && row.return_reason
        ? { description: row.return_reason }
        : {}),
      timestamp: dateToVietnamIso(now)!,
    },
  });
  const signed = await sign(row.agency_id, unsigned);
  const stored = await storePacketBytes(deps.storage, signed.bytes);
  const id = await deps.db.transaction(async (tx) => {
    const id = await insertSentPacket(tx, {
      kind: 'status',
      receivedId: row.id,
      statusCode: row.code,
      sha256: stored.sha256,
      size: stored.size,
      signed,
      builtAt: now,
    });
    // Only over the pending packet this round read: a second connector (another server process
    // on the same database) that built one meanwhile wins, and this one is not sent.
    const [claimed] = await queryRows<{ id: string }>(
      tx,
      sql`update exchange_received set pending_status_packet_id = ${id} where id = ${row.id}
          and pending_status_packet_id is not distinct from ${row.pending_id}::uuid returning id`,
    );
    if (!claimed) throw new ConcurrentBuild();
    return id!;
  });
  return { id, bytes: signed.bytes };
}

class ConcurrentBuild extends Error {}

/**
 * Status packets for copies received through the hub, once per change of state (QCVN 102 §1.6):
 * 01 on arrival, 03 registered, 04 assigned, 05 in progress, 06 done, 02 returned with its reason.
 */
export async function sendStatusChanges(
  deps: ExchangeDeps,
  client: HubClient,
  log: Log = () => {},
): Promise<number> {
  const code = statusCodeSql(sql`i.state`);
  const rows = await queryRows<ChangedCopy>(
    deps.db,
    sql`select x.id, x.agency_id, ${code} as code, i.return_reason,
          p.id as pending_id, p.status_code as pending_code, p.packet_sha256 as pending_sha256,
          x.sender_code, x.reference, x.issue_date, x.document_id,
          v.code as agency_code, v.name as agency_name
        from exchange_received x join incoming_documents i on i.id = x.incoming_document_id
        join agency_versions v on v.agency_id = x.agency_id and v.valid_to is null
        left join exchange_sent p on p.id = x.pending_status_packet_id
        where x.kind = 'document' and ${code} is not null
          and ${code} is distinct from x.last_status_code
        order by x.received_at, x.id limit 200`,
  );
  const sign = agencySigner(deps, deps.clock.now(), log);
  let sent = 0;
  for (const row of rows) {
    try {
      const packet = await statusPacket(deps, row, sign).catch((error: unknown) => {
        if (error instanceof ConcurrentBuild) return null;
        throw error;
      });
      if (!packet) continue;
      const { docId } = await client.sendEdoc(packet.bytes, {
        messageType: 'status',
        to: [row.sender_code],
      });
      // A crash here resends the kept packet: same bytes, same hub DocId, nothing stored twice.
      await deps.db.transaction(async (tx) => {
        await markPacketSent(tx, packet.id, docId, deps.clock.now());
        await tx.execute(sql`update exchange_received set last_status_code = ${row.code},
          pending_status_packet_id = null where id = ${row.id}`);
      });
      sent++;
    } catch (error) {
      // The hub is down or overloaded: end the round here (the caller logs it once).
      if (isRetryable(error)) throw error;
      // Retried next round: the copy's code still differs from the last one sent.
      log(`status packet for exchange_received ${row.id} not sent`, error);
    }
  }
  return sent;
}
