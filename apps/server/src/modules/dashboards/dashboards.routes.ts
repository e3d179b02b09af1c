import {
  dashboardExportQuerySchema,
  dashboardOverdueQuerySchema,
  dashboardOverdueSchema,
  dashboardQuerySchema,
  dashboardRankingQuerySchema,
  dashboardRankingSchema,
  dashboardSummarySchema,
  dashboardTargetsSchema,
  updateDashboardTargetsBodySchema,
} from '@vanban/contracts';
import { requestMeta, requireActor } from '../../app/hooks/authenticate.js';
import type { RouteModule } from '../../app/routes.js';
import { exportDashboard } from './dashboards.export.usecases.js';
import { dashboardOverdue } from './dashboards.overdue.usecases.js';
import { getTargets, updateTargets } from './dashboards.targets.usecases.js';
import { dashboardRanking, dashboardSummary } from './dashboards.usecases.js';

const tags = ['dashboards'];

export const registerDashboardRoutes: RouteModule = (api, deps) => {
  api.get(
    '/dashboards/summary',
    {
      schema: {
        tags,
        summary: 'Documents, tasks and work records per agency, per tier and in total for a period',
        querystring: dashboardQuerySchema,
        response: { 200: dashboardSummarySchema },
      },
    },
    async (request) => dashboardSummary(deps, requireActor(request), request.query),
  );

  api.get(
    '/dashboards/ranking',
    {
      schema: {
        tags,
        summary: 'Agencies ranked by the online share of closed records or the on-time rate',
        querystring: dashboardRankingQuerySchema,
        response: { 200: dashboardRankingSchema },
      },
    },
    async (request) => dashboardRanking(deps, requireActor(request), request.query),
  );

  api.get(
    '/dashboards/overdue',
    {
      schema: {
        tags,
        summary: "Drill-down: an agency's overdue incoming documents and tasks",
        querystring: dashboardOverdueQuerySchema,
        response: { 200: dashboardOverdueSchema },
      },
    },
    async (request) => dashboardOverdue(deps, requireActor(request), request.query),
  );

  api.get(
    '/dashboards/export',
    {
      schema: {
        tags,
        summary: 'The dashboard as an XLSX workbook or a PDF report',
        querystring: dashboardExportQuerySchema,
      },
    },
    async (request, reply) => {
      const file = await exportDashboard(deps, requireActor(request), request.query);
      return reply
        .type(file.mediaType)
        .header('content-disposition', `attachment; filename="${file.filename}"`)
        .send(file.body);
    },
  );

  api.get(
    '/dashboards/targets',
    {
      schema: {
        tags,
        summary: 'Online-share targets of work records per agency tier',
        response: { 200: dashboardTargetsSchema },
      },
    },
    async (request) => {
      requireActor(request);
      return getTargets(deps);
    },
  );

  api.put(
    '/dashboards/targets',
    {
      config: { admin: true },
      schema: {
        tags,
        summary: 'Set the online-share targets (administrators of the city)',
        body: updateDashboardTargetsBodySchema,
        response: { 200: dashboardTargetsSchema },
      },
    },
    async (request) =>
      updateTargets(deps, requireActor(request), request.body, requestMeta(request)),
  );
};
