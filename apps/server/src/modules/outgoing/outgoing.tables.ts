import { outgoingStateValues, recipientStatusValues, versionKindValues } from '@vanban/contracts';
import {
  date,
  index,
  integer,
  jsonb,
  pgEnum,
  pgTable,
  primaryKey,
  smallint,
  text,
  timestamp,
  unique,
  uuid,
} from 'drizzle-orm/pg-core';
import { files } from '../files/files.tables.js';
import { users } from '../identity/identity.tables.js';
import { incomingDocuments, secrecy, urgency } from '../incoming/incoming.tables.js';
import { agencies, units } from '../organizations/organizations.tables.js';
import { registers } from '../registers/registers.tables.js';

export const outgoingState = pgEnum('outgoing_state', outgoingStateValues);

/** Văn bản đi: metadata per Decree 30 App. VI Part I; numbered after signing (Art. 15). */
export const outgoingDocuments = pgTable(
  'outgoing_documents',
  {
    id: uuid('id').primaryKey(),
    agencyId: uuid('agency_id')
      .notNull()
      .references(() => agencies.id),
    state: outgoingState('state').notNull(),
    docType: text('doc_type').notNull(),
    subject: text('subject').notNull(),
    urgency: urgency('urgency').notNull().default('normal'),
    urgencyRank: smallint('urgency_rank').notNull().default(0),
    secrecy: secrecy('secrecy').notNull().default('normal'),
    drafterId: uuid('drafter_id')
      .notNull()
      .references(() => users.id),
    drafterUnitId: uuid('drafter_unit_id').references(() => units.id),
    signerId: uuid('signer_id')
      .notNull()
      .references(() => users.id),
    /** The signer's position when signed, as printed under the signature. */
    signerPosition: text('signer_position'),
    /** Unit code after the agency's in a công văn notation (`UBND-VX`). */
    notationUnit: text('notation_unit'),
    signatureBox: jsonb('signature_box'),
    currentVersion: integer('current_version').notNull().default(0),
    reviewRound: integer('review_round').notNull().default(0),
    registerId: uuid('register_id').references(() => registers.id),
    number: integer('number'),
    notation: text('notation'),
    reference: text('reference'),
    issueDate: date('issue_date', { mode: 'string' }),
    signedAt: timestamp('signed_at', { withTimezone: true }),
    numberedAt: timestamp('numbered_at', { withTimezone: true }),
    numberedBy: uuid('numbered_by').references(() => users.id),
    sealedAt: timestamp('sealed_at', { withTimezone: true }),
    sealedBy: uuid('sealed_by').references(() => users.id),
    issuedAt: timestamp('issued_at', { withTimezone: true }),
    issuedBy: uuid('issued_by').references(() => users.id),
    /** The issued document this one replaces (edXML business type "replace"). */
    replacesId: uuid('replaces_id'),
    revokedAt: timestamp('revoked_at', { withTimezone: true }),
    revokedBy: uuid('revoked_by').references(() => users.id),
    revokeReason: text('revoke_reason'),
    notes: text('notes'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    unique('outgoing_register_number_uq').on(t.registerId, t.number),
    index('outgoing_agency_state_idx').on(t.agencyId, t.state, t.updatedAt, t.id),
    index('outgoing_drafter_idx').on(t.drafterId, t.state),
    index('outgoing_signer_idx').on(t.signerId, t.state),
    index('outgoing_replaces_idx').on(t.replacesId),
  ],
);

export const versionKind = pgEnum('outgoing_version_kind', versionKindValues);

/** Every upload is a version; signing, numbering and sealing each add one (older stay viewable). */
export const outgoingVersions = pgTable(
  'outgoing_versions',
  {
    documentId: uuid('document_id')
      .notNull()
      .references(() => outgoingDocuments.id),
    version: integer('version').notNull(),
    kind: versionKind('kind').notNull(),
    note: text('note'),
    createdBy: uuid('created_by')
      .notNull()
      .references(() => users.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.documentId, t.version] })],
);

export const outgoingFileRole = pgEnum('outgoing_file_role', ['main', 'attachment']);

export const outgoingVersionFiles = pgTable(
  'outgoing_version_files',
  {
    documentId: uuid('document_id').notNull(),
    version: integer('version').notNull(),
    fileId: uuid('file_id')
      .notNull()
      .references(() => files.id),
    role: outgoingFileRole('role').notNull(),
    position: integer('position').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.documentId, t.version, t.position] }),
    index('outgoing_version_files_file_idx').on(t.fileId),
  ],
);

export const reviewStepState = pgEnum('review_step_state', [
  'waiting',
  'pending',
  'approved',
  'returned',
  'cancelled',
]);

/** One reviewer in one step of one review round; the steps of a round run in `position` order. */
export const outgoingReviewSteps = pgTable(
  'outgoing_review_steps',
  {
    id: uuid('id').primaryKey(),
    documentId: uuid('document_id')
      .notNull()
      .references(() => outgoingDocuments.id),
    round: integer('round').notNull(),
    position: integer('position').notNull(),
    reviewerId: uuid('reviewer_id')
      .notNull()
      .references(() => users.id),
    state: reviewStepState('state').notNull(),
    comment: text('comment'),
    decidedAt: timestamp('decided_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    index('outgoing_review_reviewer_idx').on(t.reviewerId, t.state),
    index('outgoing_review_document_idx').on(t.documentId, t.round, t.position),
  ],
);

export const recipientKind = pgEnum('outgoing_recipient_kind', ['agency', 'unit', 'text']);
export const recipientChannel = pgEnum('outgoing_recipient_channel', ['internal', 'hub', 'paper']);
export const recipientStatus = pgEnum('outgoing_recipient_status', recipientStatusValues);

/** Nơi nhận. For internal deliveries the live status comes from the recipient's incoming copy. */
export const outgoingRecipients = pgTable(
  'outgoing_recipients',
  {
    id: uuid('id').primaryKey(),
    documentId: uuid('document_id')
      .notNull()
      .references(() => outgoingDocuments.id),
    position: integer('position').notNull(),
    kind: recipientKind('kind').notNull(),
    agencyId: uuid('agency_id').references(() => agencies.id),
    agencyCode: text('agency_code'),
    unitId: uuid('unit_id').references(() => units.id),
    name: text('name').notNull(),
    channel: recipientChannel('channel'),
    status: recipientStatus('status').notNull().default('pending'),
    incomingDocumentId: uuid('incoming_document_id').references(() => incomingDocuments.id),
    statusAt: timestamp('status_at', { withTimezone: true }),
    /** What a hub recipient said with its last status: the reason of a return (02, QCVN 102 §1.6). */
    statusNote: text('status_note'),
  },
  (t) => [
    index('outgoing_recipients_document_idx').on(t.documentId, t.position),
    index('outgoing_recipients_incoming_idx').on(t.incomingDocumentId),
  ],
);

/** The incoming documents an outgoing one answers. */
export const outgoingAnswers = pgTable(
  'outgoing_answers',
  {
    documentId: uuid('document_id')
      .notNull()
      .references(() => outgoingDocuments.id),
    incomingDocumentId: uuid('incoming_document_id')
      .notNull()
      .references(() => incomingDocuments.id),
  },
  (t) => [
    primaryKey({ columns: [t.documentId, t.incomingDocumentId] }),
    index('outgoing_answers_incoming_idx').on(t.incomingDocumentId),
  ],
);

export const hubBusinessType = pgEnum('hub_business_type', ['new', 'revoke', 'update', 'replace']);
export const hubOutboxState = pgEnum('hub_outbox_state', ['queued', 'sent', 'failed']);

/**
 * Packets waiting for the exchange hub (edXML, QCVN 102). Secret documents never get a row here:
 * confidential documents are not sent over the network (Decree 30 Art. 17; Law on State Secrets).
 */
export const hubOutbox = pgTable(
  'hub_outbox',
  {
    id: uuid('id').primaryKey(),
    outgoingId: uuid('outgoing_id')
      .notNull()
      .references(() => outgoingDocuments.id),
    recipientId: uuid('recipient_id')
      .notNull()
      .references(() => outgoingRecipients.id),
    toAgencyCode: text('to_agency_code').notNull(),
    businessType: hubBusinessType('business_type').notNull(),
    state: hubOutboxState('state').notNull().default('queued'),
    attempts: integer('attempts').notNull().default(0),
    lastError: text('last_error'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    sentAt: timestamp('sent_at', { withTimezone: true }),
  },
  (t) => [index('hub_outbox_state_idx').on(t.state, t.createdAt)],
);
