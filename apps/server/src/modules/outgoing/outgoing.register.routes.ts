import { outgoingRegisterQuerySchema } from '@vanban/contracts';
import { z } from 'zod';
import type { AppDependencies } from '../../app/dependencies.js';
import { requireActor } from '../../app/hooks/authenticate.js';
import type { Api } from '../../app/routes.js';
import { exportOutgoingRegister, outgoingRegisterReport } from './outgoing.register.usecases.js';

const reportJsonSchema = z.object({
  meta: z.object({
    agencyName: z.string(),
    registerName: z.string(),
    from: z.string(),
    to: z.string(),
  }),
  rows: z.array(z.record(z.string(), z.unknown())),
});

/** GET /api/outgoing/register: the outgoing register (Decree 30 App. IV) as XLSX, PDF or JSON. */
export function registerOutgoingRegisterRoute(api: Api, deps: AppDependencies) {
  api.get(
    '/outgoing/register',
    {
      schema: {
        tags: ['outgoing documents'],
        summary: 'The outgoing register (Decree 30 App. IV) for a date range: XLSX, PDF or JSON',
        querystring: outgoingRegisterQuerySchema,
      },
    },
    async (request, reply) => {
      const actor = requireActor(request);
      const q = request.query;
      if (q.format === 'json')
        return reportJsonSchema.parse(await outgoingRegisterReport(deps, actor, q));
      const body = await exportOutgoingRegister(deps, actor, { ...q, format: q.format });
      const name = `so-van-ban-di_${q.from}_${q.to}.${q.format}`;
      return reply
        .type(
          q.format === 'xlsx'
            ? 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'
            : 'application/pdf',
        )
        .header('content-disposition', `attachment; filename="${name}"`)
        .send(body);
    },
  );
}
