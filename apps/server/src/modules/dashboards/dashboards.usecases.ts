import {
  agencyTierValues,
  type AgencyTier,
  type DashboardAgency,
  type DashboardQuery,
  type DashboardRanking,
  type DashboardSummary,
} from '@vanban/contracts';
import { vietnamDate } from '../../platform/clock/clock.js';
import { commonErrors } from '../../platform/errors/app-error.js';
import { loadWorkingCalendar } from '../calendar/index.js';
import type { Actor } from '../identity/index.js';
import { dashboardErrors } from './dashboards.errors.js';
import {
  countIncoming,
  countOutgoing,
  countTasks,
  emptyCounts,
  firstRegistrationOfCompleted,
} from './dashboards.metrics.js';
import { countRecords } from './dashboards.records.js';
import {
  rankAgencies,
  resolvePeriod,
  toMetrics,
  workingDayIndex,
  yearsBetween,
  zeroCounts,
  type Period,
  type RankBy,
} from './dashboards.models.js';
import {
  dashboardRoles,
  findAgencyInPeriod,
  findCityOf,
  scopeAgencies,
  type ScopeTarget,
} from './dashboards.scope.js';
import { getTargets, type DashboardDeps } from './dashboards.targets.usecases.js';

export type { DashboardDeps };

/** The agencies where the actor's dashboard roles start (their subtrees are what they see). */
export function dashboardRoleAgencies(actor: Actor): string[] {
  return [
    ...new Set(
      actor.roles
        .filter((r) => (dashboardRoles as readonly string[]).includes(r.role))
        .map((r) => r.agencyId),
    ),
  ];
}

export interface ResolvedScope {
  period: Period;
  /** The agency the scope is about (agency, the city, or the tier's root when given). */
  root: DashboardAgency | null;
  agencies: DashboardAgency[];
}

/**
 * The period and the agencies of a dashboard query. An agency or city the actor may not see is
 * refused as a whole (403) — never answered with an empty or partial dashboard; an unknown code
 * is 404. A tier scope lists the agencies of the tier the actor may see (possibly none).
 */
export async function resolveScope(
  deps: DashboardDeps,
  actor: Actor,
  query: Pick<DashboardQuery, 'scope' | 'agency' | 'tier' | 'subtree' | 'from' | 'to'>,
): Promise<ResolvedScope> {
  const now = deps.clock.now();
  const period = resolvePeriod(query, now, vietnamDate(now));
  if (!period) throw commonErrors.validation('"from" is after "to"');
  const named = query.agency
    ? await findAgencyInPeriod(deps.db, { code: query.agency }, period)
    : null;
  if (query.agency && !named) throw dashboardErrors.agencyNotFound();
  let root: DashboardAgency | null = named;
  let target: ScopeTarget;
  let tier: AgencyTier | null = null;
  if (query.scope === 'tier') {
    if (!query.tier) throw commonErrors.validation('tier is required with scope=tier');
    tier = query.tier;
    target = { rootId: root?.id ?? null, descend: true };
  } else if (query.scope === 'city') {
    root = await findCityOf(deps.db, root?.id ?? actor.agencyId, period);
    if (!root) throw dashboardErrors.agencyNotFound('Your agency has no city in this period');
    target = { rootId: root.id, descend: true };
  } else {
    root ??= await findAgencyInPeriod(deps.db, { id: actor.agencyId }, period);
    if (!root) throw dashboardErrors.agencyNotFound('Your agency did not exist in this period');
    target = { rootId: root.id, descend: query.subtree };
  }
  // One statement for the whole target before the tier filter: the agency asked for (or the
  // city, or the root of a tier) heads it and must itself be on the actor's dashboard — a partial
  // answer would tell what exists beyond it.
  const visible = await scopeAgencies(deps.db, dashboardRoleAgencies(actor), target, period);
  const rootId = root?.id;
  if (rootId && !visible.some((a) => a.id === rootId)) throw dashboardErrors.forbidden();
  const agencies = tier === null ? visible : visible.filter((a) => a.tier === tier);
  return { period, root, agencies };
}

/** Every figure of the dashboard for the resolved scope, per agency, per tier and in total. */
export async function computeSummary(
  deps: DashboardDeps,
  scope: DashboardQuery['scope'],
  resolved: ResolvedScope,
): Promise<DashboardSummary> {
  const { period, agencies } = resolved;
  const ids = agencies.map((a) => a.id);
  const first = await firstRegistrationOfCompleted(deps.db, ids, period);
  const indexFrom = first !== null && first < period.from ? first : period.from;
  const calendar = await loadWorkingCalendar(deps.db, yearsBetween(indexFrom, period.to));
  const counts = emptyCounts();
  await countIncoming(
    deps.db,
    agencies,
    period,
    workingDayIndex(calendar, indexFrom, period.to),
    counts,
  );
  await countOutgoing(deps.db, agencies, period, counts);
  await countTasks(deps.db, agencies, period, counts);
  await countRecords(deps.db, agencies, period, counts);
  const { targets } = await getTargets(deps);
  const tiers = agencyTierValues.filter((t) => agencies.some((a) => a.tier === t));
  const onlyTier: AgencyTier | undefined = tiers.length === 1 ? tiers[0] : undefined;
  return {
    scope,
    from: period.from,
    to: period.to,
    cutDate: period.cutDate,
    generatedAt: deps.clock.now().toISOString(),
    agencies: agencies.map((a) => ({
      ...a,
      metrics: toMetrics(counts.agencies.get(a.id) ?? zeroCounts(), targets[a.tier]),
    })),
    tiers: tiers.map((tier) => ({
      tier,
      agencies: agencies.filter((a) => a.tier === tier).length,
      metrics: toMetrics(counts.tiers.get(tier) ?? zeroCounts(), targets[tier]),
    })),
    total: toMetrics(counts.total, onlyTier ? targets[onlyTier] : null),
  };
}

export async function dashboardSummary(
  deps: DashboardDeps,
  actor: Actor,
  query: DashboardQuery,
): Promise<DashboardSummary> {
  return computeSummary(deps, query.scope, await resolveScope(deps, actor, query));
}

export function rankingOf(summary: DashboardSummary, by: RankBy): DashboardRanking {
  return {
    scope: summary.scope,
    from: summary.from,
    to: summary.to,
    by,
    items: rankAgencies(
      summary.agencies.map(({ metrics, ...agency }) => ({ agency, metrics })),
      by,
    ),
  };
}

export async function dashboardRanking(
  deps: DashboardDeps,
  actor: Actor,
  query: DashboardQuery & { by: RankBy },
): Promise<DashboardRanking> {
  return rankingOf(await dashboardSummary(deps, actor, query), query.by);
}
