import {
  agencyAsOfQuerySchema,
  agencyDetailSchema,
  agencyImportBodySchema,
  agencyImportReportSchema,
  agencyListQuerySchema,
  agencyListResponseSchema,
  createUnitBodySchema,
  isoDateSchema,
  unitSchema,
  uuidSchema,
} from '@vanban/contracts';
import { z } from 'zod';
import { requestMeta, requireActor } from '../../app/hooks/authenticate.js';
import type { RouteModule } from '../../app/routes.js';
import { auditActorOf, usersAdmin } from '../identity/index.js';
import { importDirectory } from './organizations.import.js';
import { createUnit, exportDirectory, getAgency, listAgencies } from './organizations.usecases.js';

const tags = ['agency directory'];

export const registerOrganizationsRoutes: RouteModule = (api, deps) => {
  api.get(
    '/agencies',
    {
      schema: {
        tags,
        summary: 'Search the agency directory as of a date (default today)',
        querystring: agencyListQuerySchema,
        response: { 200: agencyListResponseSchema },
      },
    },
    async (request) => listAgencies(deps, request.query),
  );
  api.get(
    '/agencies/export',
    {
      schema: {
        tags,
        summary: 'Export the directory (every version, or those valid on asOf) as CSV or JSON',
        querystring: z.strictObject({
          format: z.enum(['csv', 'json']).default('csv'),
          asOf: isoDateSchema.optional(),
        }),
      },
    },
    async (request, reply) => {
      const body = await exportDirectory(deps, request.query);
      return reply
        .type(
          request.query.format === 'csv'
            ? 'text/csv; charset=utf-8'
            : 'application/json; charset=utf-8',
        )
        .header('content-disposition', `attachment; filename="agencies.${request.query.format}"`)
        .send(body);
    },
  );
  api.get(
    '/agencies/:id',
    {
      schema: {
        tags,
        summary: 'One agency with its history, successors and units',
        params: z.object({ id: uuidSchema }),
        querystring: agencyAsOfQuerySchema,
        response: { 200: agencyDetailSchema },
      },
    },
    async (request) => getAgency(deps, request.params.id, request.query.asOf),
  );
  api.post(
    '/agencies/import',
    {
      config: { admin: true },
      bodyLimit: 50 * 1024 * 1024,
      schema: {
        tags,
        summary: 'Import the directory from CSV or JSON (idempotent; all or nothing)',
        body: agencyImportBodySchema,
        response: { 200: agencyImportReportSchema },
      },
    },
    async (request) => {
      const actor = requireActor(request);
      await usersAdmin.requireDirectoryAdmin(deps, actor);
      return importDirectory(
        { ...deps, actor: auditActorOf(actor), ...requestMeta(request) },
        request.body,
      );
    },
  );
  api.post(
    '/agencies/:id/units',
    {
      config: { admin: true },
      schema: {
        tags,
        summary: 'Create a unit (phòng ban) inside an agency',
        params: z.object({ id: uuidSchema }),
        body: createUnitBodySchema,
        response: { 201: unitSchema },
      },
    },
    async (request, reply) => {
      const actor = requireActor(request);
      await usersAdmin.requireAgencyAdmin(deps, actor, request.params.id);
      const unit = await createUnit(
        { ...deps, actor: auditActorOf(actor), ...requestMeta(request) },
        request.params.id,
        request.body,
      );
      return reply.status(201).send(unit);
    },
  );
};
