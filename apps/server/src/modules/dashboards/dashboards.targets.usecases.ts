import {
  agencyTierValues,
  type AgencyTier,
  type DashboardTargets,
  type UpdateDashboardTargetsBody,
} from '@vanban/contracts';
import { vietnamDate, type Clock } from '../../platform/clock/clock.js';
import type { Db } from '../../platform/db/database.js';
import { recordAuditEvent } from '../audit/index.js';
import { adminAgencyIds, auditActorOf, type Actor, type RequestMeta } from '../identity/index.js';
import { findDisplayVersions } from '../organizations/index.js';
import { dashboardErrors } from './dashboards.errors.js';
import { DEFAULT_TARGETS } from './dashboards.models.js';
import * as repo from './dashboards.repository.js';

export interface DashboardDeps {
  db: Db;
  clock: Clock;
}

/** The online-share target of every tier: the configured one, else the city plan's default. */
export async function getTargets(deps: { db: Db }): Promise<DashboardTargets> {
  const rows = await repo.findTargets(deps.db);
  const byTier = new Map(rows.map((r) => [r.tier, r]));
  const targets = {} as DashboardTargets['targets'];
  const sources = {} as DashboardTargets['sources'];
  for (const tier of agencyTierValues) {
    const row = byTier.get(tier);
    targets[tier] = row ? row.onlineSharePercent : DEFAULT_TARGETS[tier];
    sources[tier] = row ? 'configured' : 'default';
  }
  const latest = rows.reduce<Date | null>(
    (max, r) => (max === null || r.updatedAt > max ? r.updatedAt : max),
    null,
  );
  return { targets, sources, updatedAt: latest?.toISOString() ?? null };
}

/**
 * Sets the targets of the tiers given. The targets are the city's (one plan for every agency),
 * so only an administrator of a top-level agency may change them; one audit event records the
 * change with the values before and after.
 */
export async function updateTargets(
  deps: DashboardDeps,
  actor: Actor,
  body: UpdateDashboardTargetsBody,
  meta: RequestMeta,
): Promise<DashboardTargets> {
  const versions = await findDisplayVersions(
    deps.db,
    adminAgencyIds(actor),
    vietnamDate(deps.clock.now()),
  );
  if (![...versions.values()].some((v) => v.parentAgencyId === null))
    throw dashboardErrors.targetsForbidden();
  const changes = Object.entries(body.targets).filter(([, v]) => v !== undefined) as [
    AgencyTier,
    number | null,
  ][];
  return deps.db.transaction(async (tx) => {
    const before = await getTargets({ db: tx });
    const now = deps.clock.now();
    for (const [tier, percent] of changes)
      await repo.upsertTarget(tx, {
        tier,
        onlineSharePercent: percent,
        updatedBy: actor.userId,
        updatedAt: now,
      });
    const after = await getTargets({ db: tx });
    await recordAuditEvent(tx, {
      type: 'dashboards.targets_updated',
      actor: auditActorOf(actor),
      agencyId: null,
      subject: { type: 'dashboard_targets', id: 'online_share' },
      data: { before: before.targets, after: after.targets },
      occurredAt: now,
      ip: meta.ip,
      requestId: meta.requestId,
    });
    return after;
  });
}
