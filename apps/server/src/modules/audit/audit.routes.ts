import { auditListQuerySchema, auditListResponseSchema } from '@vanban/contracts';
import { z } from 'zod';
import { requireActor } from '../../app/hooks/authenticate.js';
import type { RouteModule } from '../../app/routes.js';
import { identityErrors, usersAdmin } from '../identity/index.js';
import { presentAuditEvent } from './audit.presenters.js';
import { listAuditEvents, verifyAuditChains } from './audit.repository.js';

const tags = ['audit'];

export const registerAuditRoutes: RouteModule = (api, deps) => {
  api.get(
    '/audit/events',
    {
      config: { admin: true },
      schema: {
        tags,
        summary: 'Audit events of the agencies you administer, newest first',
        querystring: auditListQuerySchema,
        response: { 200: auditListResponseSchema },
      },
    },
    async (request) => {
      const scope = await usersAdmin.administeredAgencyIds(deps, requireActor(request));
      if (scope.length === 0) throw identityErrors.forbidden();
      const rows = await listAuditEvents(deps.db, { agencyIds: scope, ...request.query });
      return {
        items: rows.map(presentAuditEvent),
      };
    },
  );
  api.get(
    '/audit/verify',
    {
      config: { admin: true },
      schema: {
        tags,
        summary: 'Verify every hash chain of the audit trail',
        response: {
          200: z.object({
            ok: z.boolean(),
            chains: z.number(),
            events: z.number(),
            problems: z.array(
              z.object({
                id: z.number().nullable(),
                chain: z.string(),
                seq: z.number(),
                problem: z.string(),
                message: z.string(),
              }),
            ),
          }),
        },
      },
    },
    async (request) => {
      await usersAdmin.requireDirectoryAdmin(deps, requireActor(request));
      const result = await verifyAuditChains(deps.db);
      return { ok: result.problems.length === 0, ...result };
    },
  );
};
