import { boolean, pgTable, timestamp, uuid } from 'drizzle-orm/pg-core';
import { users } from '../identity/identity.tables.js';
import { agencies } from '../organizations/organizations.tables.js';

/**
 * What an agency shows on the public transparency page (no sign-in). Everything is off until the
 * agency's leader or administrator turns it on; an agency without a row publishes nothing. Even
 * when on, only public, non-secret tasks and public entries of published weeks are shown.
 */
export const publicationSettings = pgTable('publication_settings', {
  agencyId: uuid('agency_id')
    .primaryKey()
    .references(() => agencies.id),
  showTasks: boolean('show_tasks').notNull().default(false),
  showSchedule: boolean('show_schedule').notNull().default(false),
  showOnTimeRates: boolean('show_on_time_rates').notNull().default(false),
  updatedBy: uuid('updated_by')
    .notNull()
    .references(() => users.id),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
});
