/**
 * The hub's own schema (decision 0009). Packets are immutable once stored; deliveries carry the
 * per-recipient-system state; events are the trace of every hop.
 */
import {
  bigint,
  bigserial,
  boolean,
  customType,
  index,
  integer,
  pgTable,
  primaryKey,
  text,
  timestamp,
  unique,
  uuid,
} from 'drizzle-orm/pg-core';

const bytea = customType<{ data: Buffer; driverData: Buffer | Uint8Array }>({
  dataType: () => 'bytea',
  fromDriver: (value) =>
    Buffer.isBuffer(value) ? value : Buffer.from(value.buffer, value.byteOffset, value.byteLength),
});

const at = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });

/** A client system: one `XroadVnpt-systemid` with its HMAC secret (sealed with HUB_SECRET_KEY). */
export const systems = pgTable('hub_systems', {
  id: text('id').primaryKey(),
  secretSealed: text('secret_sealed').notNull(),
  /** Strict: every request must carry a signed nonce and a fresh timestamp. */
  strict: boolean('strict').notNull().default(false),
  createdAt: at('created_at').notNull(),
  updatedAt: at('updated_at').notNull(),
});

/** The agency directory: each code is received (and may be sent from) by exactly one system. */
export const agencies = pgTable(
  'hub_agencies',
  {
    code: text('code').primaryKey(),
    systemId: text('system_id')
      .notNull()
      .references(() => systems.id, { onDelete: 'cascade' }),
    name: text('name').notNull(),
    parentCode: text('parent_code'),
    mail: text('mail'),
    createdAt: at('created_at').notNull(),
  },
  (t) => [index('hub_agencies_system_idx').on(t.systemId)],
);

/** One accepted sendEdoc: the packet bytes live in `hub_packet_chunks`. */
export const packets = pgTable(
  'hub_packets',
  {
    id: uuid('id').primaryKey(),
    senderSystemId: text('sender_system_id').notNull(),
    messageType: text('message_type').notNull(),
    serviceType: text('service_type').notNull(),
    fromCode: text('from_code').notNull(),
    toCodes: text('to_codes').array().notNull(),
    /** edXML DocumentId (document packets) or ResponseFor/DocumentId (status packets). */
    documentId: text('document_id'),
    notation: text('notation'),
    title: text('title'),
    statusCode: text('status_code'),
    sha256: text('sha256').notNull(),
    size: bigint('size', { mode: 'number' }).notNull(),
    chunkCount: integer('chunk_count').notNull(),
    receivedAt: at('received_at').notNull(),
  },
  (t) => [
    // A resend of the same bytes by the same system is the same packet (idempotent sendEdoc).
    unique('hub_packets_sender_sha256_uq').on(t.senderSystemId, t.sha256),
    index('hub_packets_sender_idx').on(t.senderSystemId, t.messageType, t.receivedAt),
  ],
);

export const packetChunks = pgTable(
  'hub_packet_chunks',
  {
    packetId: uuid('packet_id')
      .notNull()
      .references(() => packets.id, { onDelete: 'cascade' }),
    seq: integer('seq').notNull(),
    data: bytea('data').notNull(),
  },
  (t) => [primaryKey({ columns: [t.packetId, t.seq] })],
);

/**
 * A packet routed to one receiving system (once per system, whatever number of its agencies the
 * packet names). `id` is the receiver's docId. State: pending → done | fail.
 */
export const deliveries = pgTable(
  'hub_deliveries',
  {
    id: uuid('id').primaryKey(),
    packetId: uuid('packet_id')
      .notNull()
      .references(() => packets.id, { onDelete: 'cascade' }),
    systemId: text('system_id').notNull(),
    toCodes: text('to_codes').array().notNull(),
    messageType: text('message_type').notNull(),
    state: text('state').notNull(),
    createdAt: at('created_at').notNull(),
    firstFetchedAt: at('first_fetched_at'),
    lastFetchedAt: at('last_fetched_at'),
    fetchCount: integer('fetch_count').notNull().default(0),
    acknowledgedAt: at('acknowledged_at'),
    updatedAt: at('updated_at').notNull(),
  },
  (t) => [
    unique('hub_deliveries_packet_system_uq').on(t.packetId, t.systemId),
    index('hub_deliveries_inbox_idx').on(t.systemId, t.messageType, t.state, t.createdAt),
  ],
);

/** Trace: received (by the hub, from a system), fetched, acknowledged (done/fail). */
export const events = pgTable(
  'hub_events',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    packetId: uuid('packet_id')
      .notNull()
      .references(() => packets.id, { onDelete: 'cascade' }),
    deliveryId: uuid('delivery_id'),
    event: text('event').notNull(),
    systemId: text('system_id').notNull(),
    at: at('at').notNull(),
    detail: text('detail'),
  },
  (t) => [index('hub_events_packet_idx').on(t.packetId, t.id)],
);

/** Signed nonces already seen (replay guard), kept for twice the timestamp window. */
export const requestNonces = pgTable(
  'hub_request_nonces',
  {
    systemId: text('system_id').notNull(),
    nonce: text('nonce').notNull(),
    seenAt: at('seen_at').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.systemId, t.nonce] }),
    index('hub_request_nonces_seen_idx').on(t.seenAt),
  ],
);
