import {
  integer,
  pgEnum,
  pgTable,
  smallint,
  text,
  timestamp,
  unique,
  uuid,
} from 'drizzle-orm/pg-core';
import { agencies } from '../organizations/organizations.tables.js';

/**
 * Series of a register (sổ văn bản), Decree 30 Art. 15 and 22: one incoming series shared by paper
 * and electronic documents; confidential documents numbered separately; outgoing administrative
 * documents in one series (or per type, by the head's decision); each legal type its own series.
 */
export const registerSeries = pgEnum('register_series', [
  'incoming',
  'incoming_secret',
  'outgoing',
  'outgoing_legal',
  'outgoing_secret',
  'copies',
]);

/**
 * A register per agency, year (Asia/Ho_Chi_Minh) and series. `last_number` is bumped in the
 * registering transaction: the row lock serialises concurrent registrations and a rollback
 * returns the number, so numbers are unique and gap-free.
 */
export const registers = pgTable(
  'registers',
  {
    id: uuid('id').primaryKey(),
    agencyId: uuid('agency_id')
      .notNull()
      .references(() => agencies.id),
    year: smallint('year').notNull(),
    series: registerSeries('series').notNull(),
    /** Document type code for per-type series (legal types); '' for a series over all types. */
    typeCode: text('type_code').notNull().default(''),
    name: text('name').notNull(),
    lastNumber: integer('last_number').notNull().default(0),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  },
  (t) => [unique('registers_scope_uq').on(t.agencyId, t.year, t.series, t.typeCode)],
);
