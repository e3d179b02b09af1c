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
import * as catalogue from './records.catalogue.usecases.js';

const tags = ['work records'];
const agencyQuery = z.strictObject({ agencyId: uuidSchema.optional() });

/** The yearly records catalogue (Danh mục hồ sơ, Decree 30 Art. 28, Appendix V). */
export function registerCatalogueRoutes(api: Api, deps: AppDependencies) {
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
  api.post(
    '/records/catalogue',
    {
      schema: {
        tags,
        summary: 'Create the catalogue of a year, optionally copying an earlier one',
        querystring: agencyQuery,
        body: createCatalogueBodySchema,
        response: { 201: catalogueResponseSchema },
      },
    },
    async (request, reply) =>
      reply
        .code(201)
        .send(
          await catalogue.createCatalogue(
            deps,
            requireActor(request),
            requestMeta(request),
            request.body,
            request.query.agencyId,
          ),
        ),
  );
  api.post(
    '/records/catalogue/headings',
    {
      schema: {
        tags,
        summary: 'Add a heading (top: Roman numeral and abbreviation; or a sub-heading)',
        querystring: agencyQuery,
        body: createHeadingBodySchema,
        response: { 201: catalogueResponseSchema },
      },
    },
    async (request, reply) =>
      reply
        .code(201)
        .send(
          await catalogue.addHeading(
            deps,
            requireActor(request),
            requestMeta(request),
            request.body,
            request.query.agencyId,
          ),
        ),
  );
  api.post(
    '/records/catalogue/entries',
    {
      schema: {
        tags,
        summary: 'Add a planned record (number and notation such as 01.TCCB, retention, creator)',
        querystring: agencyQuery,
        body: createEntryBodySchema,
        response: { 201: catalogueResponseSchema },
      },
    },
    async (request, reply) =>
      reply
        .code(201)
        .send(
          await catalogue.addEntry(
            deps,
            requireActor(request),
            requestMeta(request),
            request.body,
            request.query.agencyId,
          ),
        ),
  );
}
