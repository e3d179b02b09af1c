import { index, integer, pgTable, text, timestamp, unique, uuid } from 'drizzle-orm/pg-core';
import { agencies } from '../organizations/organizations.tables.js';
import { hubOutbox } from '../outgoing/outgoing.tables.js';

/**
 * Packets fetched from the exchange hub, one row per hub document id and local recipient agency: a packet delivered again
 * (the hub redelivers until acknowledged) is recognised and only acknowledged, never registered
 * twice. For document packets, the copy's last reported status code is kept here so status
 * packets (01, 03, 04, 05, 06, 02) go back exactly once per change.
 */
export const exchangeReceived = pgTable(
  'exchange_received',
  {
    id: uuid('id').primaryKey(),
    hubDocId: text('hub_doc_id').notNull(),
    kind: text('kind').notNull(),
    /** The copy created for a local agency (document packets). */
    incomingDocumentId: uuid('incoming_document_id'),
    agencyId: uuid('agency_id').references(() => agencies.id),
    /** Sender agency code, reference and issue date: what status packets answer (ResponseFor). */
    senderCode: text('sender_code'),
    reference: text('reference'),
    issueDate: text('issue_date'),
    documentId: text('document_id'),
    lastStatusCode: text('last_status_code'),
    /**
     * A status packet built for this copy and not yet confirmed sent: resent byte for byte, so a
     * crash between sending and recording it leaves one packet at the hub, not two.
     */
    pendingStatusPacketId: uuid('pending_status_packet_id'),
    /**
     * Our check of the packet's XML signature (QCVN 102 §1.7): `valid`, `untrusted` (intact, the
     * certificate does not reach a trust anchor), `invalid` (broken) or `none` (unsigned or a
     * dummy block). Informative only: the PAdES signatures in the PDFs are the legal ones.
     */
    packetSignature: text('packet_signature'),
    /** The library's reason (`ok`, `dummy_signature`, `invalid_signature`, …) and the signer. */
    packetSignatureReason: text('packet_signature_reason'),
    packetSigner: text('packet_signer'),
    receivedAt: timestamp('received_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    unique('exchange_received_packet_uq').on(t.hubDocId, t.agencyId).nullsNotDistinct(),
    index('exchange_received_incoming_idx').on(t.incomingDocumentId),
  ],
);

/**
 * Every packet this instance built for the hub, kept (bytes in file storage, by SHA-256) from
 * before the first attempt: a retry sends the very same bytes, so the hub — which treats the same
 * bytes from the same system as the same packet — stores it once whatever crashes in between.
 * Also the record of what left the agency and whether it carried the agency's XML signature.
 */
export const exchangeSent = pgTable(
  'exchange_sent',
  {
    id: uuid('id').primaryKey(),
    kind: text('kind').notNull(),
    /** The outbox row (document packets). */
    outboxId: uuid('outbox_id').references(() => hubOutbox.id),
    /** The received copy whose status this reports (status packets), and the code. */
    receivedId: uuid('received_id').references(() => exchangeReceived.id),
    statusCode: text('status_code'),
    packetSha256: text('packet_sha256').notNull(),
    size: integer('size').notNull(),
    /** `signed` with the agency certificate, or `unsigned` with the reason (never blocks). */
    signature: text('signature').notNull(),
    certificateId: uuid('certificate_id'),
    unsignedReason: text('unsigned_reason'),
    builtAt: timestamp('built_at', { withTimezone: true }).notNull(),
    sentAt: timestamp('sent_at', { withTimezone: true }),
    hubDocId: text('hub_doc_id'),
  },
  (t) => [
    unique('exchange_sent_outbox_uq').on(t.outboxId),
    index('exchange_sent_received_idx').on(t.receivedId),
  ],
);
