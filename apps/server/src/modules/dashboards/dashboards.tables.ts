import { pgTable, smallint, timestamp, uuid } from 'drizzle-orm/pg-core';
import { users } from '../identity/identity.tables.js';
import { agencyTier } from '../organizations/organizations.tables.js';

/**
 * Online-share targets for work records per agency tier, set by the city's administrators. A tier
 * without a row uses the default of the city's plan (dashboards.models.ts); a row with a null
 * percent means "no target". Whole percents keep the comparison exact (online × 100 ≥ p × closed).
 */
export const dashboardTargets = pgTable('dashboard_targets', {
  tier: agencyTier('tier').primaryKey(),
  onlineSharePercent: smallint('online_share_percent'),
  updatedBy: uuid('updated_by').references(() => users.id),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
});
