import { sql } from 'drizzle-orm';
import { agencyTierValues } from '@vanban/contracts';
import {
  date,
  index,
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

/** Dashboard tier (city, department, district, commune, other): see `deriveAgencyTier`. */
export const agencyTier = pgEnum('agency_tier', agencyTierValues);

/** Identity of an agency across its whole life; everything that can change lives in versions. */
export const agencies = pgTable('agencies', {
  id: uuid('id').primaryKey(),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
});

/**
 * One period of an agency: code, name, level and parent never change in place, so documents keep
 * the issuer they had (the 2025 reorganisation closed districts and merged communes).
 * `valid_to` is exclusive and null while the version is current.
 */
export const agencyVersions = pgTable(
  'agency_versions',
  {
    id: uuid('id').primaryKey(),
    agencyId: uuid('agency_id')
      .notNull()
      .references(() => agencies.id),
    code: varchar('code', { length: 35 }).notNull(),
    name: text('name').notNull(),
    shortName: text('short_name'),
    level: smallint('level').notNull(),
    /**
     * Effective-dated like the level: a district's versions stay `district` after 1 July 2025, so
     * dashboards of earlier periods still group it as one. The default only serves bulk loaders
     * that predate the column; the import always sets it.
     */
    tier: agencyTier('tier').notNull().default('other'),
    parentAgencyId: uuid('parent_agency_id').references(() => agencies.id),
    address: text('address'),
    email: text('email'),
    phone: text('phone'),
    website: text('website'),
    validFrom: date('valid_from', { mode: 'string' }).notNull(),
    validTo: date('valid_to', { mode: 'string' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    unique('agency_versions_agency_from_uq').on(t.agencyId, t.validFrom),
    uniqueIndex('agency_versions_current_code_uq')
      .on(t.code)
      .where(sql`${t.validTo} is null`),
    index('agency_versions_code_idx').on(t.code, t.validFrom),
    index('agency_versions_parent_idx').on(t.parentAgencyId),
    index('agency_versions_name_trgm_idx').using('gin', sql`f_unaccent(${t.name}) gin_trgm_ops`),
  ],
);

export const successionKind = pgEnum('succession_kind', [
  'merged_into',
  'split_into',
  'part_transferred_to',
]);

/** Reorganisation links: old documents keep their issuer, new work goes to the successors. */
export const agencySuccessions = pgTable(
  'agency_successions',
  {
    id: uuid('id').primaryKey(),
    predecessorId: uuid('predecessor_id')
      .notNull()
      .references(() => agencies.id),
    successorId: uuid('successor_id')
      .notNull()
      .references(() => agencies.id),
    kind: successionKind('kind').notNull(),
    effectiveDate: date('effective_date', { mode: 'string' }).notNull(),
    note: text('note'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    unique('agency_successions_uq').on(t.predecessorId, t.successorId, t.kind),
    index('agency_successions_successor_idx').on(t.successorId),
  ],
);

/** Units (phòng ban) inside an agency. */
export const units = pgTable(
  'units',
  {
    id: uuid('id').primaryKey(),
    agencyId: uuid('agency_id')
      .notNull()
      .references(() => agencies.id),
    code: varchar('code', { length: 20 }).notNull(),
    name: text('name').notNull(),
    parentUnitId: uuid('parent_unit_id'),
    validFrom: date('valid_from', { mode: 'string' }).notNull(),
    validTo: date('valid_to', { mode: 'string' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('units_current_code_uq')
      .on(t.agencyId, t.code)
      .where(sql`${t.validTo} is null`),
  ],
);
