import {
  dashboardOverdueSchema,
  dashboardRankingSchema,
  dashboardSummarySchema,
} from '@vanban/contracts';
import type { AgencyTier, DashboardScope } from '@vanban/contracts';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { queryString, request } from '../../app/api';

export interface DashboardParams {
  scope: DashboardScope;
  agency?: string | undefined;
  tier?: AgencyTier | undefined;
  subtree?: boolean | undefined;
  from?: string | undefined;
  to?: string | undefined;
}

/** The query string the summary, ranking and export share. */
export function dashboardQuery(params: DashboardParams, extra: Record<string, string> = {}) {
  return queryString({
    scope: params.scope,
    agency: params.scope === 'agency' ? params.agency : undefined,
    tier: params.scope === 'tier' ? params.tier : undefined,
    subtree: params.scope === 'agency' && params.subtree ? 'true' : undefined,
    from: params.from,
    to: params.to,
    ...extra,
  });
}

export function useDashboardSummary(params: DashboardParams) {
  return useQuery({
    queryKey: ['dashboards', 'summary', params],
    queryFn: ({ signal }) =>
      request(`/api/dashboards/summary${dashboardQuery(params)}`, dashboardSummarySchema, {
        signal,
      }),
    placeholderData: keepPreviousData,
    retry: false,
  });
}

export function useDashboardRanking(params: DashboardParams, by: 'online_share' | 'on_time_rate') {
  return useQuery({
    queryKey: ['dashboards', 'ranking', params, by],
    queryFn: ({ signal }) =>
      request(`/api/dashboards/ranking${dashboardQuery(params, { by })}`, dashboardRankingSchema, {
        signal,
      }),
    placeholderData: keepPreviousData,
    retry: false,
  });
}

export function useDashboardOverdue(agency: string | null, to: string | undefined) {
  return useQuery({
    queryKey: ['dashboards', 'overdue', agency, to],
    queryFn: ({ signal }) =>
      request(
        `/api/dashboards/overdue${queryString({ agency, to, limit: 100 })}`,
        dashboardOverdueSchema,
        {
          signal,
        },
      ),
    enabled: agency !== null,
  });
}
