import type { AgencyTier } from '@vanban/contracts';
import type { Db } from '../../platform/db/database.js';
import { dashboardTargets } from './dashboards.tables.js';

export type TargetRow = typeof dashboardTargets.$inferSelect;

export async function findTargets(db: Db): Promise<TargetRow[]> {
  return db.select().from(dashboardTargets);
}

export async function upsertTarget(
  db: Db,
  row: { tier: AgencyTier; onlineSharePercent: number | null; updatedBy: string; updatedAt: Date },
): Promise<void> {
  await db
    .insert(dashboardTargets)
    .values(row)
    .onConflictDoUpdate({
      target: dashboardTargets.tier,
      set: {
        onlineSharePercent: row.onlineSharePercent,
        updatedBy: row.updatedBy,
        updatedAt: row.updatedAt,
      },
    });
}
