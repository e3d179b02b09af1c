import {
  bigint,
  customType,
  index,
  integer,
  pgEnum,
  pgTable,
  text,
  timestamp,
  uuid,
} from 'drizzle-orm/pg-core';
import { agencies } from '../organizations/organizations.tables.js';
import { users } from '../identity/identity.tables.js';

export const tsvector = customType<{ data: string }>({ dataType: () => 'tsvector' });

export const textState = pgEnum('text_state', ['pending', 'done', 'none', 'failed']);

/** Content-addressed bytes: one row per distinct SHA-256, however many files point at it. */
export const blobs = pgTable('blobs', {
  sha256: text('sha256').primaryKey(),
  size: bigint('size', { mode: 'number' }).notNull(),
  mediaType: text('media_type').notNull(),
  pageCount: integer('page_count'),
  textState: textState('text_state').notNull().default('pending'),
  /** Text layer of a PDF or the body of a DOCX, for full-text search. */
  text: text('text'),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
});

/** One upload: a name and an owner for a blob. Attaching to documents happens in their modules. */
export const files = pgTable(
  'files',
  {
    id: uuid('id').primaryKey(),
    sha256: text('sha256')
      .notNull()
      .references(() => blobs.sha256),
    name: text('name').notNull(),
    mediaType: text('media_type').notNull(),
    size: bigint('size', { mode: 'number' }).notNull(),
    uploadedBy: uuid('uploaded_by')
      .notNull()
      .references(() => users.id),
    agencyId: uuid('agency_id')
      .notNull()
      .references(() => agencies.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    index('files_sha256_idx').on(t.sha256),
    index('files_uploader_idx').on(t.uploadedBy, t.createdAt),
  ],
);
