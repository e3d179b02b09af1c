/**
 * Storage, routing and delivery of packets (decision 0009). Every state change runs in one
 * transaction together with its trace event, so a failed request leaves nothing behind.
 */
import { randomUUID } from 'node:crypto';
import { isEdxmlError, parsePacketDetailed, type ParsedPacket } from '@vanban/edxml';
import { and, asc, count, desc, eq, inArray, sql } from 'drizzle-orm';
import { HubFailure } from './answers.js';
import type { Db } from './db/database.js';
import { agencies, deliveries, events, packetChunks, packets } from './db/schema.js';
import {
  SERVICE_TYPE,
  type MessageType,
  type ReceivedEdocItem,
  type SentEdocItem,
} from './protocol.js';
import { normalizeCode, systemsForCodes } from './systems.js';

/** Bytes per stored chunk: a multiple of 3, so chunk-wise base64 joins into the packet's base64. */
export const CHUNK_SIZE = 768 * 1024;

export type DeliveryState = 'pending' | 'done' | 'fail';

export interface PacketDeps {
  db: Db;
  now: () => Date;
  listLimit: number;
  maxPacketBytes: number;
}

export interface IncomingPacket {
  senderSystemId: string;
  /** The packet bytes (without the SDK's trailing CRLF). */
  bytes: Buffer;
  sha256: string;
  /** `messagetype` parameter, when given. */
  messageType: string | undefined;
  serviceType: string | undefined;
  /** `to` parameter (JSON array text), when given. */
  to: string | undefined;
}

export interface StoredPacket {
  docId: string;
  duplicate: boolean;
  fromCode: string;
  /** A `to` parameter that was not used (it named agencies the packet does not address). */
  ignoredTo: string[] | null;
  deliveries: { docId: string; systemId: string; toCodes: string[] }[];
}

/** Reads the `to` parameter: a JSON array of codes (or of objects with an OrganId/code). */
export function parseToParameter(text: string): string[] {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    // A bare "A,B" list from a non-SDK client.
    return text.split(/[,;]/).map(normalizeCode).filter(Boolean);
  }
  if (typeof value === 'string') value = [value];
  if (!Array.isArray(value))
    throw new HubFailure(
      'hub.bad_request',
      'The "to" parameter must be a JSON array of agency codes',
    );
  return value
    .map((item: unknown) => {
      if (typeof item === 'string') return item;
      if (item && typeof item === 'object') {
        const o = item as Record<string, unknown>;
        const code = o.OrganId ?? o.organId ?? o.code ?? o.Code;
        if (typeof code === 'string') return code;
      }
      throw new HubFailure(
        'hub.bad_request',
        `The "to" parameter holds an entry that is not an agency code: ${JSON.stringify(item)}`,
      );
    })
    .map(normalizeCode)
    .filter(Boolean);
}

function parse(bytes: Buffer, maxPacketBytes: number): ParsedPacket {
  try {
    const { packet, issues } = parsePacketDetailed(bytes, { maxAttachmentBytes: maxPacketBytes });
    const noNamespace = issues.find((i) => i.code === 'no_namespace');
    if (noNamespace)
      throw new HubFailure('hub.invalid_packet', `Not an edXML packet: ${noNamespace.message}`);
    return packet;
  } catch (error) {
    if (isEdxmlError(error))
      throw new HubFailure(
        'hub.invalid_packet',
        `Not a valid edXML packet (${error.code}): ${error.message}`,
      );
    throw error;
  }
}

interface Routing {
  messageType: MessageType;
  fromCode: string;
  recipients: string[];
  documentId: string | null;
  notation: string | null;
  title: string | null;
  statusCode: string | null;
}

function routingOf(packet: ParsedPacket): Routing {
  if (packet.kind === 'document') {
    const h = packet.header;
    return {
      messageType: 'edoc',
      fromCode: normalizeCode(h.from.organId),
      recipients: h.to.map((o) => normalizeCode(o.organId)),
      documentId: h.documentId ?? null,
      notation:
        h.code.codeNumber || h.code.codeNotation
          ? `${h.code.codeNumber}/${h.code.codeNotation}`
          : null,
      title: h.subject || null,
      statusCode: null,
    };
  }
  const s = packet.status;
  return {
    messageType: 'status',
    fromCode: normalizeCode(s.from.organId),
    // A status packet goes back to the sender of the document it answers.
    recipients: [normalizeCode(s.responseFor.organId)],
    documentId: s.responseFor.documentId ?? null,
    notation: s.responseFor.code || null,
    title: s.description ?? null,
    statusCode: s.statusCode,
  };
}

/**
 * The `to` parameter narrows delivery to some of the packet's own recipients (e.g. only the
 * agencies added by an update). It is ignored when it names an agency the packet does not address:
 * the SDK never clears its header map, so a `to` left over from an earlier send must not divert
 * this packet (standards.md §1.8, header leakage).
 */
function chooseRecipients(
  own: string[],
  to: string[] | null,
): { recipients: string[]; ignoredTo: string[] | null } {
  if (to === null || to.length === 0) return { recipients: own, ignoredTo: null };
  return to.every((code) => own.includes(code))
    ? { recipients: to, ignoredTo: null }
    : { recipients: own, ignoredTo: to };
}

/** Validates, routes and stores one packet with its deliveries, all or nothing. */
export async function storePacket(deps: PacketDeps, input: IncomingPacket): Promise<StoredPacket> {
  if (
    input.messageType !== undefined &&
    input.messageType !== 'edoc' &&
    input.messageType !== 'status'
  )
    throw new HubFailure(
      'hub.bad_request',
      `messagetype must be "edoc" or "status", not "${input.messageType}"`,
    );
  const packet = parse(input.bytes, deps.maxPacketBytes);
  const route = routingOf(packet);
  const chosen = chooseRecipients(
    route.recipients,
    input.to === undefined || input.to.trim() === '' ? null : parseToParameter(input.to),
  );
  if (input.messageType !== undefined && input.messageType !== route.messageType)
    throw new HubFailure(
      'hub.invalid_packet',
      `messagetype is "${input.messageType}" but the body is a ${route.messageType === 'edoc' ? 'document' : 'status'} packet`,
    );
  if (!route.fromCode) throw new HubFailure('hub.invalid_packet', 'The packet has no From/OrganId');
  const recipients = [...new Set(chosen.recipients.filter(Boolean))];
  if (recipients.length === 0)
    throw new HubFailure(
      'hub.invalid_packet',
      route.messageType === 'edoc'
        ? 'The packet names no recipient (To/OrganId)'
        : 'The status packet names no recipient (ResponseFor/OrganId)',
    );

  const owners = await systemsForCodes(deps.db, [route.fromCode, ...recipients]);
  if (owners.get(route.fromCode) !== input.senderSystemId)
    throw new HubFailure(
      'hub.forbidden',
      `System ${input.senderSystemId} may not send as agency ${route.fromCode} (not one of its registered codes)`,
      { fromCode: route.fromCode },
    );
  const unknown = recipients.filter((c) => !owners.has(c));
  if (unknown.length > 0)
    throw new HubFailure(
      'hub.unknown_recipient',
      `No system is registered for agency code(s) ${unknown.join(', ')}`,
      { unknown },
    );
  const bySystem = new Map<string, string[]>();
  for (const code of recipients) {
    const systemId = owners.get(code)!;
    bySystem.set(systemId, [...(bySystem.get(systemId) ?? []), code]);
  }

  const now = deps.now();
  const packetId = randomUUID();
  return deps.db.transaction(async (tx) => {
    const inserted = await tx
      .insert(packets)
      .values({
        id: packetId,
        senderSystemId: input.senderSystemId,
        messageType: route.messageType,
        serviceType: input.serviceType || SERVICE_TYPE,
        fromCode: route.fromCode,
        toCodes: recipients,
        documentId: route.documentId,
        notation: route.notation,
        title: route.title,
        statusCode: route.statusCode,
        sha256: input.sha256,
        size: input.bytes.length,
        chunkCount: Math.max(1, Math.ceil(input.bytes.length / CHUNK_SIZE)),
        receivedAt: now,
      })
      .onConflictDoNothing({ target: [packets.senderSystemId, packets.sha256] })
      .returning({ id: packets.id });
    if (inserted.length === 0) {
      // The same bytes from the same system: the same packet (a retried send), not a new one.
      const [existing] = await tx
        .select({ id: packets.id })
        .from(packets)
        .where(
          and(eq(packets.senderSystemId, input.senderSystemId), eq(packets.sha256, input.sha256)),
        );
      const rows = await tx
        .select({ id: deliveries.id, systemId: deliveries.systemId, toCodes: deliveries.toCodes })
        .from(deliveries)
        .where(eq(deliveries.packetId, existing!.id));
      return {
        docId: existing!.id,
        duplicate: true,
        fromCode: route.fromCode,
        ignoredTo: chosen.ignoredTo,
        deliveries: rows.map((r) => ({ docId: r.id, systemId: r.systemId, toCodes: r.toCodes })),
      };
    }
    for (let seq = 0; seq * CHUNK_SIZE < input.bytes.length || seq === 0; seq++) {
      await tx.insert(packetChunks).values({
        packetId,
        seq,
        data: input.bytes.subarray(seq * CHUNK_SIZE, (seq + 1) * CHUNK_SIZE),
      });
    }
    const out: StoredPacket['deliveries'] = [];
    for (const [systemId, toCodes] of bySystem) {
      const id = randomUUID();
      out.push({ docId: id, systemId, toCodes });
      await tx.insert(deliveries).values({
        id,
        packetId,
        systemId,
        toCodes,
        messageType: route.messageType,
        state: 'pending',
        createdAt: now,
        updatedAt: now,
      });
    }
    await tx.insert(events).values([
      {
        packetId,
        event: 'received',
        systemId: input.senderSystemId,
        at: now,
        detail: `${route.messageType} from ${route.fromCode} to ${recipients.join(', ')}; ${input.bytes.length} bytes`,
      },
      ...out.map((d) => ({
        packetId,
        deliveryId: d.docId,
        event: 'routed',
        systemId: d.systemId,
        at: now,
        detail: `for ${d.toCodes.join(', ')}`,
      })),
    ]);
    return {
      docId: packetId,
      duplicate: false,
      fromCode: route.fromCode,
      ignoredTo: chosen.ignoredTo,
      deliveries: out,
    };
  });
}

/** `2026-03-05T09:12:33.123+07:00` (Vietnam time). */
export function formatTime(date: Date | null): string {
  if (!date) return '';
  const local = new Date(date.getTime() + 7 * 3600_000);
  return `${local.toISOString().slice(0, 23)}+07:00`;
}

const STATE_TEXT: Record<string, string> = {
  pending: 'Waiting to be downloaded',
  delivered: 'Downloaded, waiting for updateStatus',
  done: 'Received (updateStatus done)',
  fail: 'Refused by the receiver (updateStatus fail)',
};

function receiveState(d: { state: string; fetchCount: number }): string {
  return d.state === 'pending' ? (d.fetchCount > 0 ? 'delivered' : 'pending') : d.state;
}

function messageTypeFilter(value: string | undefined): MessageType | null {
  if (value === undefined || value === '') return null;
  if (value === 'edoc' || value === 'status') return value;
  throw new HubFailure('hub.bad_request', `messagetype must be "edoc" or "status", not "${value}"`);
}

/** Pending deliveries of a system, oldest first. */
export async function receivedList(
  deps: PacketDeps,
  systemId: string,
  messageType: string | undefined,
): Promise<ReceivedEdocItem[]> {
  const type = messageTypeFilter(messageType);
  const rows = await deps.db
    .select({
      id: deliveries.id,
      messageType: deliveries.messageType,
      toCodes: deliveries.toCodes,
      state: deliveries.state,
      fetchCount: deliveries.fetchCount,
      createdAt: deliveries.createdAt,
      updatedAt: deliveries.updatedAt,
      serviceType: packets.serviceType,
      fromCode: packets.fromCode,
    })
    .from(deliveries)
    .innerJoin(packets, eq(packets.id, deliveries.packetId))
    .where(
      and(
        eq(deliveries.systemId, systemId),
        eq(deliveries.state, 'pending'),
        type ? eq(deliveries.messageType, type) : undefined,
      ),
    )
    .orderBy(asc(deliveries.createdAt), asc(deliveries.id))
    .limit(deps.listLimit);
  return rows.map((r) => {
    const state = receiveState(r);
    return {
      docId: r.id,
      serviceType: r.serviceType,
      messageType: r.messageType,
      from: r.fromCode,
      to: r.toCodes.join(','),
      status: state,
      status_desc: STATE_TEXT[state] ?? state,
      created_time: formatTime(r.createdAt),
      updated_time: formatTime(r.updatedAt),
    };
  });
}

export async function countPending(
  deps: PacketDeps,
  systemId: string,
  messageType: MessageType,
): Promise<number> {
  const [row] = await deps.db
    .select({ n: count() })
    .from(deliveries)
    .where(
      and(
        eq(deliveries.systemId, systemId),
        eq(deliveries.state, 'pending'),
        eq(deliveries.messageType, messageType),
      ),
    );
  return Number(row?.n ?? 0);
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export interface FetchedPacket {
  packetId: string;
  size: number;
  chunkCount: number;
}

/**
 * Records a download of a delivery by its receiver (every download counts: the packet stays listed
 * until updateStatus) and returns where its bytes are.
 */
export async function fetchDelivery(
  deps: PacketDeps,
  systemId: string,
  docId: string | undefined,
): Promise<FetchedPacket> {
  if (docId === undefined || docId === '')
    throw new HubFailure('hub.missing_parameter', 'Missing parameter docId');
  if (!UUID.test(docId))
    throw new HubFailure('hub.not_found', `No packet ${docId} for this system`);
  const now = deps.now();
  return deps.db.transaction(async (tx) => {
    const [row] = await tx
      .update(deliveries)
      .set({
        fetchCount: sql`${deliveries.fetchCount} + 1`,
        firstFetchedAt: sql`coalesce(${deliveries.firstFetchedAt}, ${now.toISOString()}::timestamptz)`,
        lastFetchedAt: now,
        updatedAt: now,
      })
      .where(and(eq(deliveries.id, docId), eq(deliveries.systemId, systemId)))
      .returning({
        packetId: deliveries.packetId,
        fetchCount: deliveries.fetchCount,
        state: deliveries.state,
      });
    if (!row) throw new HubFailure('hub.not_found', `No packet ${docId} for this system`);
    const [packet] = await tx
      .select({ size: packets.size, chunkCount: packets.chunkCount })
      .from(packets)
      .where(eq(packets.id, row.packetId));
    await tx.insert(events).values({
      packetId: row.packetId,
      deliveryId: docId,
      event: 'fetched',
      systemId,
      at: now,
      detail: `download #${row.fetchCount}${row.state === 'pending' ? '' : ` (already ${row.state})`}`,
    });
    return { packetId: row.packetId, size: packet!.size, chunkCount: packet!.chunkCount };
  });
}

export async function readChunk(db: Db, packetId: string, seq: number): Promise<Buffer> {
  const [row] = await db
    .select({ data: packetChunks.data })
    .from(packetChunks)
    .where(and(eq(packetChunks.packetId, packetId), eq(packetChunks.seq, seq)));
  if (!row) throw new Error(`Chunk ${seq} of packet ${packetId} is missing`);
  return row.data;
}

/** The whole packet (operator tools and tests; the HTTP answers stream chunk by chunk). */
export async function readPacket(db: Db, packetId: string): Promise<Buffer> {
  const rows = await db
    .select({ data: packetChunks.data })
    .from(packetChunks)
    .where(eq(packetChunks.packetId, packetId))
    .orderBy(asc(packetChunks.seq));
  return Buffer.concat(rows.map((r) => r.data));
}

/** updateStatus: `done` or `fail` ends the delivery; repeating the same answer is harmless. */
export async function acknowledge(
  deps: PacketDeps,
  systemId: string,
  docId: string | undefined,
  status: string | undefined,
): Promise<{ changed: boolean }> {
  if (docId === undefined || docId === '')
    throw new HubFailure('hub.missing_parameter', 'Missing parameter docid');
  const wanted = status?.trim().toLowerCase();
  if (wanted !== 'done' && wanted !== 'fail')
    throw new HubFailure(
      'hub.bad_request',
      `status must be "done" or "fail", not "${status ?? ''}"`,
    );
  if (!UUID.test(docId))
    throw new HubFailure('hub.not_found', `No packet ${docId} for this system`);
  const now = deps.now();
  return deps.db.transaction(async (tx) => {
    const [row] = await tx
      .select({ packetId: deliveries.packetId, state: deliveries.state })
      .from(deliveries)
      .where(and(eq(deliveries.id, docId), eq(deliveries.systemId, systemId)))
      .for('update');
    if (!row) throw new HubFailure('hub.not_found', `No packet ${docId} for this system`);
    if (row.state === wanted) return { changed: false };
    if (row.state !== 'pending')
      throw new HubFailure(
        'hub.conflict',
        `Packet ${docId} was already acknowledged as "${row.state}"`,
      );
    await tx
      .update(deliveries)
      .set({ state: wanted, acknowledgedAt: now, updatedAt: now })
      .where(eq(deliveries.id, docId));
    await tx.insert(events).values({
      packetId: row.packetId,
      deliveryId: docId,
      event: 'acknowledged',
      systemId,
      at: now,
      detail: wanted,
    });
    return { changed: true };
  });
}

/** Packets a system sent, newest first: one item per recipient agency. */
export async function sentList(
  deps: PacketDeps,
  systemId: string,
  messageType: string | undefined,
): Promise<SentEdocItem[]> {
  const type = messageTypeFilter(messageType);
  const sent = await deps.db
    .select()
    .from(packets)
    .where(
      and(eq(packets.senderSystemId, systemId), type ? eq(packets.messageType, type) : undefined),
    )
    .orderBy(desc(packets.receivedAt), desc(packets.id))
    .limit(deps.listLimit);
  if (sent.length === 0) return [];
  const routed = await deps.db
    .select()
    .from(deliveries)
    .where(
      inArray(
        deliveries.packetId,
        sent.map((p) => p.id),
      ),
    );
  const items: SentEdocItem[] = [];
  for (const p of sent) {
    for (const d of routed.filter((r) => r.packetId === p.id)) {
      const state = receiveState(d);
      for (const code of d.toCodes) {
        items.push({
          senderDocId: p.id,
          receiverDocId: d.id,
          fromCode: p.fromCode,
          toCode: code,
          notation: p.notation ?? '',
          title: p.title ?? '',
          sendStatus: 'done',
          sendStatusDesc: 'Accepted by the hub',
          receiveStatus: state,
          receiveStatusDesc: STATE_TEXT[state] ?? state,
          sentTime: formatTime(p.receivedAt),
          receivedTime: formatTime(d.firstFetchedAt),
          serviceType: p.serviceType,
          messageType: p.messageType,
        });
      }
    }
  }
  return items;
}

export interface PacketTrace {
  packet: typeof packets.$inferSelect;
  deliveries: (typeof deliveries.$inferSelect)[];
  events: (typeof events.$inferSelect)[];
}

/** Trace of a packet, found by its DocId or by one of its receivers' docIds. */
export async function tracePacket(db: Db, id: string): Promise<PacketTrace | null> {
  if (!UUID.test(id)) return null;
  let [packet] = await db.select().from(packets).where(eq(packets.id, id));
  if (!packet) {
    const [delivery] = await db
      .select({ packetId: deliveries.packetId })
      .from(deliveries)
      .where(eq(deliveries.id, id));
    if (!delivery) return null;
    [packet] = await db.select().from(packets).where(eq(packets.id, delivery.packetId));
  }
  if (!packet) return null;
  return {
    packet,
    deliveries: await db
      .select()
      .from(deliveries)
      .where(eq(deliveries.packetId, packet.id))
      .orderBy(asc(deliveries.createdAt)),
    events: await db
      .select()
      .from(events)
      .where(eq(events.packetId, packet.id))
      .orderBy(asc(events.id)),
  };
}

/** Agency directory for getAgenciesList. */
export async function agencyList(db: Db) {
  const rows = await db.select().from(agencies).orderBy(asc(agencies.code));
  return rows.map((r) => ({
    id: r.code,
    pid: r.parentCode ?? '',
    code: r.code,
    name: r.name,
    mail: r.mail ?? '',
  }));
}
