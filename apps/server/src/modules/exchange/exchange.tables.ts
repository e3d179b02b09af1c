import { index, pgTable, text, timestamp, unique, uuid } from 'drizzle-orm/pg-core';
import { agencies } from '../organizations/organizations.tables.js';

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
    receivedAt: timestamp('received_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    unique('exchange_received_packet_uq').on(t.hubDocId, t.agencyId).nullsNotDistinct(),
    index('exchange_received_incoming_idx').on(t.incomingDocumentId),
  ],
);
