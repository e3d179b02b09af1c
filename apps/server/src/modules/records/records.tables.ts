import {
  catalogueNumberingValues,
  recordItemKindValues,
  recordStateValues,
} from '@vanban/contracts';
import { sql } from 'drizzle-orm';
import {
  boolean,
  check,
  date,
  index,
  integer,
  jsonb,
  pgEnum,
  pgTable,
  smallint,
  text,
  timestamp,
  unique,
  uniqueIndex,
  uuid,
  varchar,
} from 'drizzle-orm/pg-core';
import { users } from '../identity/identity.tables.js';
import { incomingDocuments, secrecy } from '../incoming/incoming.tables.js';
import { agencies, units } from '../organizations/organizations.tables.js';
import { outgoingDocuments } from '../outgoing/outgoing.tables.js';

export const catalogueNumbering = pgEnum('record_catalogue_numbering', catalogueNumberingValues);

/**
 * Danh mục hồ sơ: one per agency and year, approved by the head at the start of the year
 * (Decree 30 Art. 28, Appendix V §I–II).
 */
export const recordCatalogues = pgTable(
  'record_catalogues',
  {
    id: uuid('id').primaryKey(),
    agencyId: uuid('agency_id')
      .notNull()
      .references(() => agencies.id),
    year: smallint('year').notNull(),
    numbering: catalogueNumbering('numbering').notNull().default('per_heading'),
    approvalRef: text('approval_ref'),
    createdBy: uuid('created_by')
      .notNull()
      .references(() => users.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
  },
  (t) => [unique('record_catalogues_agency_year_uq').on(t.agencyId, t.year)],
);

/** Đề mục: top headings (Roman numerals, with the abbreviation of notations) and sub-headings. */
export const recordHeadings = pgTable(
  'record_headings',
  {
    id: uuid('id').primaryKey(),
    catalogueId: uuid('catalogue_id')
      .notNull()
      .references(() => recordCatalogues.id),
    parentId: uuid('parent_id'),
    position: integer('position').notNull(),
    abbreviation: text('abbreviation'),
    title: text('title').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    index('record_headings_catalogue_idx').on(t.catalogueId, t.parentId, t.position),
    uniqueIndex('record_headings_abbreviation_uq')
      .on(t.catalogueId, t.abbreviation)
      .where(sql`${t.parentId} is null`),
    check(
      'record_headings_top_abbreviation_ck',
      sql`${t.parentId} is not null or ${t.abbreviation} is not null`,
    ),
  ],
);

/** A planned record of the catalogue: number and notation (`01.TCCB`), title, retention, creator. */
export const recordCatalogueEntries = pgTable(
  'record_catalogue_entries',
  {
    id: uuid('id').primaryKey(),
    catalogueId: uuid('catalogue_id')
      .notNull()
      .references(() => recordCatalogues.id),
    headingId: uuid('heading_id')
      .notNull()
      .references(() => recordHeadings.id),
    number: integer('number').notNull(),
    notation: varchar('notation', { length: 20 }).notNull(),
    title: text('title').notNull(),
    /** Null: permanent (vĩnh viễn). */
    retentionYears: smallint('retention_years'),
    creatorUnitId: uuid('creator_unit_id').references(() => units.id),
    creatorUserId: uuid('creator_user_id').references(() => users.id),
    notes: text('notes'),
    createdBy: uuid('created_by')
      .notNull()
      .references(() => users.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    unique('record_catalogue_entries_notation_uq').on(t.catalogueId, t.notation),
    index('record_catalogue_entries_heading_idx').on(t.headingId, t.number),
  ],
);

export const recordState = pgEnum('record_state', recordStateValues);

/**
 * Hồ sơ công việc with the record metadata of Decree 30 App. VI Part II §III. `organ_id`,
 * `year` and `notation` make the record code (FileCode) and are kept as they were at opening, so
 * a later rename of the agency does not change the code of its records.
 */
export const workRecords = pgTable(
  'work_records',
  {
    id: uuid('id').primaryKey(),
    agencyId: uuid('agency_id')
      .notNull()
      .references(() => agencies.id),
    /** OrganId: the agency's electronic code when the record was opened. */
    organId: varchar('organ_id', { length: 35 }).notNull(),
    /** FileCatalog. */
    year: smallint('year').notNull(),
    /** FileNotation. */
    notation: varchar('notation', { length: 20 }).notNull(),
    /** `OrganId.FileCatalog.FileNotation`. */
    code: text('code').notNull(),
    catalogueEntryId: uuid('catalogue_entry_id').references(() => recordCatalogueEntries.id),
    title: text('title').notNull(),
    /** Maintenance: `Vĩnh viễn` or `N năm`; null until the creator decides (checked at closing). */
    maintenance: varchar('maintenance', { length: 30 }),
    rights: varchar('rights', { length: 30 }),
    language: varchar('language', { length: 50 }).notNull().default('Tiếng Việt'),
    startDate: date('start_date', { mode: 'string' }),
    endDate: date('end_date', { mode: 'string' }),
    description: varchar('description', { length: 500 }),
    construction: boolean('construction').notNull().default(false),
    secrecy: secrecy('secrecy').notNull().default('normal'),
    state: recordState('state').notNull(),
    creatorId: uuid('creator_id')
      .notNull()
      .references(() => users.id),
    creatorUnitId: uuid('creator_unit_id').references(() => units.id),
    openedAt: timestamp('opened_at', { withTimezone: true }).notNull(),
    closedAt: timestamp('closed_at', { withTimezone: true }),
    closedBy: uuid('closed_by').references(() => users.id),
    /** Decided at closing (issue 8): every document received, handled and issued in the system. */
    processedOnline: boolean('processed_online'),
    onlineBasis: jsonb('online_basis'),
    reopenReason: text('reopen_reason'),
    /** Art. 30 §2: within 1 year after the work ends (3 months after settlement for construction). */
    archiveDueDate: date('archive_due_date', { mode: 'string' }),
    /** The due date the 30-day notice was sent for: one notice per record and due date. */
    archiveNoticeFor: date('archive_notice_for', { mode: 'string' }),
    archivedAt: timestamp('archived_at', { withTimezone: true }),
    archivedBy: uuid('archived_by').references(() => users.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    unique('work_records_code_uq').on(t.code),
    uniqueIndex('work_records_entry_uq')
      .on(t.catalogueEntryId)
      .where(sql`${t.catalogueEntryId} is not null`),
    index('work_records_agency_year_idx').on(t.agencyId, t.year, t.state),
    index('work_records_creator_idx').on(t.creatorId, t.state),
    index('work_records_unit_idx').on(t.creatorUnitId, t.state),
    index('work_records_archive_due_idx')
      .on(t.archiveDueDate)
      .where(sql`${t.state} = 'closed'`),
  ],
);

export const recordItemKind = pgEnum('record_item_kind', recordItemKindValues);

/**
 * A document in a record, by reference: one document may sit in several records (of different
 * people) without being copied (App. VI Part I §III.4). `ordinal` is DocOrdinal.
 */
export const recordItems = pgTable(
  'record_items',
  {
    id: uuid('id').primaryKey(),
    recordId: uuid('record_id')
      .notNull()
      .references(() => workRecords.id),
    kind: recordItemKind('kind').notNull(),
    incomingDocumentId: uuid('incoming_document_id').references(() => incomingDocuments.id),
    outgoingDocumentId: uuid('outgoing_document_id').references(() => outgoingDocuments.id),
    ordinal: integer('ordinal').notNull(),
    addedBy: uuid('added_by')
      .notNull()
      .references(() => users.id),
    addedAt: timestamp('added_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    unique('record_items_incoming_uq').on(t.recordId, t.incomingDocumentId),
    unique('record_items_outgoing_uq').on(t.recordId, t.outgoingDocumentId),
    index('record_items_record_idx').on(t.recordId, t.ordinal),
    index('record_items_incoming_idx').on(t.incomingDocumentId),
    index('record_items_outgoing_idx').on(t.outgoingDocumentId),
    check(
      'record_items_one_document_ck',
      sql`(${t.kind} = 'incoming' and ${t.incomingDocumentId} is not null and ${t.outgoingDocumentId} is null)
        or (${t.kind} = 'outgoing' and ${t.outgoingDocumentId} is not null and ${t.incomingDocumentId} is null)`,
    ),
  ],
);
