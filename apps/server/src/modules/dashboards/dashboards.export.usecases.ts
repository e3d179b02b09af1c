import type { DashboardQuery } from '@vanban/contracts';
import type { Actor } from '../identity/index.js';
import { buildDashboardPdf, buildDashboardXlsx, onlineShareChart } from './dashboards.export.js';
import { agencyTable, rankingTable, reportMeta, tierTable } from './dashboards.export.models.js';
import {
  computeSummary,
  rankingOf,
  resolveScope,
  type DashboardDeps,
} from './dashboards.usecases.js';

const VN_DATE_TIME = new Intl.DateTimeFormat('vi-VN', {
  timeZone: 'Asia/Ho_Chi_Minh',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
});

export const exportMediaTypes = {
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  pdf: 'application/pdf',
} as const;

/**
 * The dashboard of a scope and period as a report file: the figures per agency and per tier and
 * the ranking, the same numbers as GET /api/dashboards/summary and /ranking.
 */
export async function exportDashboard(
  deps: DashboardDeps,
  actor: Actor,
  query: DashboardQuery & { format: 'xlsx' | 'pdf' },
): Promise<{ body: Buffer; mediaType: string; filename: string }> {
  const resolved = await resolveScope(deps, actor, query);
  const summary = await computeSummary(deps, query.scope, resolved);
  const tables = [
    agencyTable(summary),
    tierTable(summary),
    rankingTable(rankingOf(summary, 'online_share'), rankingOf(summary, 'on_time_rate')),
  ];
  const generatedAt = deps.clock.now();
  const meta = reportMeta(summary, resolved.root, query.tier, VN_DATE_TIME.format(generatedAt));
  const body =
    query.format === 'xlsx'
      ? await buildDashboardXlsx(tables, meta, generatedAt)
      : await buildDashboardPdf(
          tables,
          meta,
          onlineShareChart(
            summary.tiers.map((t) => ({
              tier: t.tier,
              share: t.metrics.records.onlineShare,
              targetPercent: t.metrics.records.targetPercent,
            })),
          ),
        );
  return {
    body,
    mediaType: exportMediaTypes[query.format],
    filename: `bao-cao-dieu-hanh_${summary.from}_${summary.to}.${query.format}`,
  };
}
