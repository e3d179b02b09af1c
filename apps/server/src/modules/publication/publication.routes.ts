import rateLimit from '@fastify/rate-limit';
import {
  publicAgenciesResponseSchema,
  publicAgencyParamsSchema,
  publicAgencySchema,
  publicationSettingsQuerySchema,
  publicationSettingsSchema,
  publicOnTimeQuerySchema,
  publicOnTimeResponseSchema,
  publicScheduleIcalQuerySchema,
  publicScheduleQuerySchema,
  publicScheduleResponseSchema,
  publicTasksQuerySchema,
  publicTasksResponseSchema,
  updatePublicationSettingsBodySchema,
} from '@vanban/contracts';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { requestMeta, requireActor } from '../../app/hooks/authenticate.js';
import type { RouteModule } from '../../app/routes.js';
import { ICAL_CONTENT_TYPE } from '../schedule/index.js';
import { publicationErrors } from './publication.errors.js';
import {
  getPublicAgency,
  getPublicOnTime,
  getPublicSchedule,
  getPublicScheduleIcal,
  getPublicTasks,
  listPublicAgencies,
} from './publication.public.usecases.js';
import {
  getPublicationSettings,
  updatePublicationSettings,
} from './publication.settings.usecases.js';

const tags = ['public transparency page'];
const publicRoute = { auth: 'public' as const };

/**
 * Requests per client address and minute on the public (no sign-in) endpoints. Generous for a
 * person or a calendar client refreshing a feed; a scraper looping on them gets 429s.
 */
const PUBLIC_RATE_LIMIT = { max: 120, timeWindow: 60_000 };

/** Public answers may be cached briefly by browsers and proxies: they are the same for everyone. */
const PUBLIC_CACHE = 'public, max-age=60';

export const registerPublicationRoutes: RouteModule = async (api, deps) => {
  api.get(
    '/publication/settings',
    {
      schema: {
        tags,
        summary: 'What an agency shows on the public page (the own agency by default)',
        querystring: publicationSettingsQuerySchema,
        response: { 200: publicationSettingsSchema },
      },
    },
    async (request) => getPublicationSettings(deps, requireActor(request), request.query.agencyId),
  );
  api.put(
    '/publication/settings',
    {
      schema: {
        tags,
        summary: "Turn the public page's sections on or off (the agency's leader or an admin)",
        body: updatePublicationSettingsBodySchema,
        response: { 200: publicationSettingsSchema },
      },
    },
    async (request) =>
      updatePublicationSettings(deps, requireActor(request), request.body, requestMeta(request)),
  );

  // The public endpoints live in their own context so the rate limiter applies to them alone.
  await api.register(async (scope) => {
    await scope.register(rateLimit, {
      ...PUBLIC_RATE_LIMIT,
      errorResponseBuilder: (_request, context) =>
        publicationErrors.rateLimited(
          `At most ${context.max} requests a minute; retry in ${context.after}`,
        ),
    });
    const pub = scope.withTypeProvider<ZodTypeProvider>();
    pub.addHook('onSend', async (_request, reply) => {
      if (reply.statusCode === 200) void reply.header('cache-control', PUBLIC_CACHE);
    });

    pub.get(
      '/public/agencies',
      {
        config: publicRoute,
        schema: {
          tags,
          summary: 'Agencies that publish something, for the landing list (no sign-in)',
          security: [],
          response: { 200: publicAgenciesResponseSchema },
        },
      },
      async () => ({ items: await listPublicAgencies(deps) }),
    );
    pub.get(
      '/public/agencies/:code',
      {
        config: publicRoute,
        schema: {
          tags,
          summary: 'An agency and the sections it publishes (no sign-in)',
          security: [],
          params: publicAgencyParamsSchema,
          response: { 200: publicAgencySchema },
        },
      },
      async (request) => getPublicAgency(deps, request.params.code),
    );
    pub.get(
      '/public/agencies/:code/tasks',
      {
        config: publicRoute,
        schema: {
          tags,
          summary: 'Public city tasks the agency carries out: owner, due date, progress, status',
          security: [],
          params: publicAgencyParamsSchema,
          querystring: publicTasksQuerySchema,
          response: { 200: publicTasksResponseSchema },
        },
      },
      async (request) => getPublicTasks(deps, request.params.code, request.query),
    );
    pub.get(
      '/public/agencies/:code/schedule',
      {
        config: publicRoute,
        schema: {
          tags,
          summary: 'On-duty leaders and public events of a published week (no sign-in)',
          security: [],
          params: publicAgencyParamsSchema,
          querystring: publicScheduleQuerySchema,
          response: { 200: publicScheduleResponseSchema },
        },
      },
      async (request) => getPublicSchedule(deps, request.params.code, request.query),
    );
    pub.get(
      '/public/agencies/:code/schedule.ics',
      {
        config: publicRoute,
        schema: {
          tags,
          summary: 'Published public schedule as an iCalendar feed to subscribe to (no sign-in)',
          security: [],
          params: publicAgencyParamsSchema,
          querystring: publicScheduleIcalQuerySchema,
        },
      },
      async (request, reply) => {
        const { filename, body } = await getPublicScheduleIcal(
          deps,
          request.params.code,
          request.query,
        );
        return reply
          .type(ICAL_CONTENT_TYPE)
          .header('content-disposition', `inline; filename="${filename}"`)
          .send(body);
      },
    );
    pub.get(
      '/public/agencies/:code/on-time',
      {
        config: publicRoute,
        schema: {
          tags,
          summary: 'Incoming documents handled on time per month (non-confidential only)',
          security: [],
          params: publicAgencyParamsSchema,
          querystring: publicOnTimeQuerySchema,
          response: { 200: publicOnTimeResponseSchema },
        },
      },
      async (request) => getPublicOnTime(deps, request.params.code, request.query),
    );
  });
};
