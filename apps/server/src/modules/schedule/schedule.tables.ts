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
  uuid,
} from 'drizzle-orm/pg-core';
import { scheduleEntryKindValues, scheduleVisibilityValues } from '@vanban/contracts';
import { users } from '../identity/identity.tables.js';
import { agencies } from '../organizations/organizations.tables.js';

export const scheduleEntryKind = pgEnum('schedule_entry_kind', scheduleEntryKindValues);
export const scheduleVisibility = pgEnum('schedule_visibility', scheduleVisibilityValues);

/**
 * Lịch công tác tuần, the working copy: what clerks and leaders edit. `week_start` (the Monday,
 * Vietnam time) places the entry in exactly one ISO week, the unit of publication. An all-day
 * entry runs from `starts_at` (midnight) to `ends_at` (the midnight after its last day).
 */
export const scheduleEntries = pgTable(
  'schedule_entries',
  {
    id: uuid('id').primaryKey(),
    agencyId: uuid('agency_id')
      .notNull()
      .references(() => agencies.id),
    weekStart: date('week_start', { mode: 'string' }).notNull(),
    kind: scheduleEntryKind('kind').notNull(),
    allDay: boolean('all_day').notNull(),
    startsAt: timestamp('starts_at', { withTimezone: true }).notNull(),
    endsAt: timestamp('ends_at', { withTimezone: true }),
    place: text('place'),
    content: text('content').notNull(),
    participants: text('participants'),
    preparingUnit: text('preparing_unit'),
    visibility: scheduleVisibility('visibility').notNull().default('internal'),
    /** Bumped on every edit: the iCal SEQUENCE, so subscribed calendars take the change. */
    revision: integer('revision').notNull().default(0),
    createdBy: uuid('created_by')
      .notNull()
      .references(() => users.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    updatedBy: uuid('updated_by')
      .notNull()
      .references(() => users.id),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
  },
  (t) => [index('schedule_entries_agency_week_idx').on(t.agencyId, t.weekStart, t.startsAt)],
);

/** The leaders an entry is for (one or more leaders or deputies of the agency), in print order. */
export const scheduleEntryLeaders = pgTable(
  'schedule_entry_leaders',
  {
    entryId: uuid('entry_id')
      .notNull()
      .references(() => scheduleEntries.id, { onDelete: 'cascade' }),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id),
    position: smallint('position').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.entryId, t.userId] }),
    index('schedule_entry_leaders_user_idx').on(t.userId),
  ],
);

/**
 * Publication state of one agency's week. `version` counts publications (0: never published);
 * `changed_at` is set by the first edit after a publication and cleared by the next one. The
 * row is locked by every edit and by publishing, so a publication sees a consistent week.
 */
export const scheduleWeeks = pgTable(
  'schedule_weeks',
  {
    agencyId: uuid('agency_id')
      .notNull()
      .references(() => agencies.id),
    weekStart: date('week_start', { mode: 'string' }).notNull(),
    version: integer('version').notNull().default(0),
    publishedAt: timestamp('published_at', { withTimezone: true }),
    publishedBy: uuid('published_by').references(() => users.id),
    changedAt: timestamp('changed_at', { withTimezone: true }),
  },
  (t) => [primaryKey({ columns: [t.agencyId, t.weekStart] })],
);

export interface PublishedLeader {
  id: string;
  fullName: string;
  title: string | null;
}

/**
 * The published version of each week, copied from the working entries at publication (names and
 * titles of the leaders frozen as published). The public page and the public iCal read only this
 * table, so an edit reaches the public only when the week is published again.
 */
export const schedulePublishedEntries = pgTable(
  'schedule_published_entries',
  {
    agencyId: uuid('agency_id')
      .notNull()
      .references(() => agencies.id),
    weekStart: date('week_start', { mode: 'string' }).notNull(),
    entryId: uuid('entry_id').notNull(),
    version: integer('version').notNull(),
    kind: scheduleEntryKind('kind').notNull(),
    allDay: boolean('all_day').notNull(),
    startsAt: timestamp('starts_at', { withTimezone: true }).notNull(),
    endsAt: timestamp('ends_at', { withTimezone: true }),
    place: text('place'),
    content: text('content').notNull(),
    participants: text('participants'),
    preparingUnit: text('preparing_unit'),
    visibility: scheduleVisibility('visibility').notNull(),
    leaders: jsonb('leaders').$type<PublishedLeader[]>().notNull(),
    revision: integer('revision').notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
    publishedAt: timestamp('published_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.agencyId, t.weekStart, t.entryId] }),
    index('schedule_published_entries_entry_idx').on(t.entryId),
  ],
);
