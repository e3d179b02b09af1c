import {
  catalogueQuerySchema,
  catalogueResponseSchema,
  createCatalogueBodySchema,
  createEntryBodySchema,
  createHeadingBodySchema,
  uuidSchema,
} from '@vanban/contracts';
import { z } from 'zod';
import type { AppDependencies } from '../../app/dependencies.js';
import { requestMeta, requireActor } from '../../app/hooks/authenticate.js';
import type { Api } from '../../app/routes.js';
import type { Actor, RequestMeta } from '../identity/index.js';
import * as catalogue from './records.catalogue.usecases.js';

const tags = ['work records'];
const agencyQuery = z.strictObject({ agencyId: uuidSchema.optional() });

/** The yearly records catalogue (Danh mục hồ sơ, Decree 30 Art. 28, Appendix V). */
export function registerCatalogueRoutes(api: Api, deps: AppDependencies) {
  /** A change by those who keep the catalogue (`?agencyId=` for another agency), answered 201. */
  function change<B extends z.ZodType>(
    path: string,
    summary: string,
    body: B,
    run: (
      actor: Actor,
      meta: RequestMeta,
      body: z.infer<B>,
      agencyId: string | undefined,
    ) => Promise<z.infer<typeof catalogueResponseSchema>>,
  ) {
    api.post(
      `/records/catalogue${path}`,
      {
        schema: {
          tags,
          summary,
          querystring: agencyQuery,
          body,
          response: { 201: catalogueResponseSchema },
        },
      },
      async (request, reply) =>
        reply
          .code(201)
          .send(
            await run(
              requireActor(request),
              requestMeta(request),
              request.body as z.infer<B>,
              request.query.agencyId,
            ),
          ),
    );
  }

  api.get(
    '/records/catalogue',
    {
      schema: {
        tags,
        summary: "The agency's records catalogue of a year (Decree 30 Art. 28, Appendix V)",
        querystring: catalogueQuerySchema,
        response: { 200: catalogueResponseSchema },
      },
    },
    async (request) => catalogue.getCatalogue(deps, requireActor(request), request.query),
  );
  change(
    '',
    'Create the catalogue of a year, optionally copying an earlier one',
    createCatalogueBodySchema,
    (actor, meta, body, agencyId) => catalogue.createCatalogue(deps, actor, meta, body, agencyId),
  );
  change(
    '/headings',
    'Add a heading (top: Roman numeral and abbreviation; or a sub-heading)',
    createHeadingBodySchema,
    (actor, meta, body, agencyId) => catalogue.addHeading(deps, actor, meta, body, agencyId),
  );
  change(
    '/entries',
    'Add a planned record (number and notation such as 01.TCCB, retention, creator)',
    createEntryBodySchema,
    (actor, meta, body, agencyId) => catalogue.addEntry(deps, actor, meta, body, agencyId),
  );
}
