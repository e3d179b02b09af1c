import {
  assignmentRoleValues,
  assignmentStateValues,
  incomingStateValues,
  secrecyValues,
  urgencyValues,
} from '@vanban/contracts';
import { sql } from 'drizzle-orm';
import {
  boolean,
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
import { tsvector } from '../files/files.tables.js';
import { files } from '../files/files.tables.js';
import { users } from '../identity/identity.tables.js';
import { agencies, units } from '../organizations/organizations.tables.js';
import { registers } from '../registers/registers.tables.js';

export const incomingState = pgEnum('incoming_state', incomingStateValues);
export const incomingSource = pgEnum('incoming_source', ['paper', 'internal', 'hub', 'email']);
export const urgency = pgEnum('urgency', urgencyValues);
export const secrecy = pgEnum('secrecy', secrecyValues);

/** Văn bản đến. Metadata fields follow Decree 30 Appendix VI Part II §II. */
export const incomingDocuments = pgTable(
  'incoming_documents',
  {
    id: uuid('id').primaryKey(),
    /** The receiving agency. */
    agencyId: uuid('agency_id')
      .notNull()
      .references(() => agencies.id),
    state: incomingState('state').notNull(),
    source: incomingSource('source').notNull(),
    /** Where an internal or hub delivery came from (outgoing document id, packet id). */
    sourceRef: text('source_ref'),
    senderAgencyId: uuid('sender_agency_id').references(() => agencies.id),
    senderCode: text('sender_code'),
    senderName: text('sender_name').notNull(),
    number: text('number').notNull(),
    notation: text('notation').notNull(),
    /** `number/notation` as printed, e.g. `24/2025/QĐ-UBND`. */
    reference: text('reference').notNull(),
    /** Normalised reference for duplicate detection (case and spacing folded). */
    referenceKey: text('reference_key').notNull(),
    issueDate: date('issue_date', { mode: 'string' }).notNull(),
    docType: text('doc_type').notNull(),
    subject: text('subject').notNull(),
    signerName: text('signer_name'),
    signerPosition: text('signer_position'),
    urgency: urgency('urgency').notNull().default('normal'),
    /** 0 normal … 3 flash; sorts urgent documents to the top of every inbox. */
    urgencyRank: smallint('urgency_rank').notNull().default(0),
    secrecy: secrecy('secrecy').notNull().default('normal'),
    pageCount: integer('page_count'),
    dueDate: date('due_date', { mode: 'string' }),
    registerId: uuid('register_id').references(() => registers.id),
    arrivalNumber: integer('arrival_number'),
    arrivalDate: date('arrival_date', { mode: 'string' }),
    receivedAt: timestamp('received_at', { withTimezone: true }).notNull(),
    registeredAt: timestamp('registered_at', { withTimezone: true }),
    registeredBy: uuid('registered_by').references(() => users.id),
    submittedToUserId: uuid('submitted_to_user_id').references(() => users.id),
    submittedToUnitId: uuid('submitted_to_unit_id').references(() => units.id),
    submittedAt: timestamp('submitted_at', { withTimezone: true }),
    direction: text('direction'),
    directedBy: uuid('directed_by').references(() => users.id),
    directedAt: timestamp('directed_at', { withTimezone: true }),
    completedAt: timestamp('completed_at', { withTimezone: true }),
    completedBy: uuid('completed_by').references(() => users.id),
    result: text('result'),
    returnReason: text('return_reason'),
    notes: text('notes'),
    /** Text extracted from the attached files, filled by the extraction job. */
    contentText: text('content_text'),
    /** Prefilled data for documents delivered by other agencies (edXML header, internal issue). */
    intake: jsonb('intake'),
    search: tsvector('search').generatedAlwaysAs(
      sql`setweight(to_tsvector('simple', f_unaccent(coalesce(subject, '') || ' ' || coalesce(reference, '') || ' ' || coalesce(sender_name, ''))), 'A') || setweight(to_tsvector('simple', f_unaccent(coalesce(signer_name, '') || ' ' || coalesce(direction, '') || ' ' || coalesce(notes, ''))), 'B') || setweight(to_tsvector('simple', f_unaccent(left(coalesce(content_text, ''), 500000))), 'C')`,
    ),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    unique('incoming_register_number_uq').on(t.registerId, t.arrivalNumber),
    index('incoming_agency_inbox_idx').on(t.agencyId, t.urgencyRank, t.receivedAt, t.id),
    index('incoming_agency_state_idx').on(t.agencyId, t.state, t.urgencyRank, t.receivedAt, t.id),
    index('incoming_agency_arrival_idx').on(t.agencyId, t.arrivalDate, t.arrivalNumber),
    index('incoming_duplicate_idx').on(t.agencyId, t.referenceKey, t.issueDate),
    index('incoming_submitted_to_idx').on(t.submittedToUserId, t.state),
    index('incoming_search_idx').using('gin', t.search),
    // The expression the number/notation search matches (`lower(f_unaccent(reference)) like
    // …`), so the planner can use it; f_unaccent is IMMUTABLE (migration 0000).
    index('incoming_reference_folded_trgm_idx').using(
      'gin',
      sql`lower(f_unaccent(${t.reference})) gin_trgm_ops`,
    ),
  ],
);

export const incomingFileRole = pgEnum('incoming_file_role', ['main', 'attachment', 'handling']);

export const incomingDocumentFiles = pgTable(
  'incoming_document_files',
  {
    documentId: uuid('document_id')
      .notNull()
      .references(() => incomingDocuments.id),
    fileId: uuid('file_id')
      .notNull()
      .references(() => files.id),
    role: incomingFileRole('role').notNull(),
    position: integer('position').notNull(),
    /** Set when an assignee attached the file while handling. */
    assignmentId: uuid('assignment_id'),
    addedBy: uuid('added_by')
      .notNull()
      .references(() => users.id),
    addedAt: timestamp('added_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.documentId, t.fileId] }),
    index('incoming_document_files_file_idx').on(t.fileId),
  ],
);

export const assignmentRole = pgEnum('assignment_role', assignmentRoleValues);
export const assignmentState = pgEnum('assignment_state', assignmentStateValues);

/** Phân công: who handles the document, in which role, by when, with what result. */
export const assignments = pgTable(
  'assignments',
  {
    id: uuid('id').primaryKey(),
    documentId: uuid('document_id')
      .notNull()
      .references(() => incomingDocuments.id),
    agencyId: uuid('agency_id')
      .notNull()
      .references(() => agencies.id),
    /** Set when a unit head re-assigned inside the unit: the unit's assignment this came from. */
    parentId: uuid('parent_id'),
    role: assignmentRole('role').notNull(),
    unitId: uuid('unit_id').references(() => units.id),
    userId: uuid('user_id').references(() => users.id),
    state: assignmentState('state').notNull(),
    direction: text('direction'),
    dueDate: date('due_date', { mode: 'string' }),
    assignedBy: uuid('assigned_by')
      .notNull()
      .references(() => users.id),
    assignedAt: timestamp('assigned_at', { withTimezone: true }).notNull(),
    readAt: timestamp('read_at', { withTimezone: true }),
    startedAt: timestamp('started_at', { withTimezone: true }),
    result: text('result'),
    reportedAt: timestamp('reported_at', { withTimezone: true }),
    completedAt: timestamp('completed_at', { withTimezone: true }),
    returnReason: text('return_reason'),
    extensionRequestedUntil: date('extension_requested_until', { mode: 'string' }),
    extensionReason: text('extension_reason'),
    /** Active assignments count for inboxes; re-assigned and returned ones stay as history. */
    active: boolean('active').notNull().default(true),
  },
  (t) => [
    index('assignments_document_idx').on(t.documentId),
    index('assignments_user_idx').on(t.userId, t.role, t.state),
    index('assignments_unit_idx').on(t.unitId, t.role, t.state),
  ],
);

/** Comments and handling notes on a document (the audit trail keeps the state changes). */
export const incomingComments = pgTable(
  'incoming_comments',
  {
    id: uuid('id').primaryKey(),
    documentId: uuid('document_id')
      .notNull()
      .references(() => incomingDocuments.id),
    assignmentId: uuid('assignment_id').references(() => assignments.id),
    authorId: uuid('author_id')
      .notNull()
      .references(() => users.id),
    onBehalfOfId: uuid('on_behalf_of_id').references(() => users.id),
    body: text('body').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  },
  (t) => [index('incoming_comments_document_idx').on(t.documentId, t.createdAt)],
);

/**
 * Who participates in a document (design §4), kept in one table so every list can filter by
 * visibility with one indexed `exists`. Principals are users or units; `named` marks a person
 * named on the document, the only kind that still sees it when it is confidential.
 */
export const incomingAccess = pgTable(
  'incoming_access',
  {
    documentId: uuid('document_id')
      .notNull()
      .references(() => incomingDocuments.id),
    principalId: uuid('principal_id').notNull(),
    named: boolean('named').notNull(),
    reason: text('reason').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.documentId, t.principalId, t.reason] }),
    index('incoming_access_principal_idx').on(t.principalId, t.documentId),
  ],
);

/** Per-agency handling settings: submit new documents to a leader or straight to a unit. */
export const incomingSettings = pgTable('incoming_settings', {
  agencyId: uuid('agency_id')
    .primaryKey()
    .references(() => agencies.id),
  submitTo: text('submit_to').notNull().default('leader'),
  dueSoonWorkingDays: smallint('due_soon_working_days').notNull().default(2),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
});
