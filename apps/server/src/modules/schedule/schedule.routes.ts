import {
  createScheduleEntryBodySchema,
  okSchema,
  scheduleAgencyQuerySchema,
  scheduleEntryParamsSchema,
  scheduleEntrySchema,
  scheduleQuerySchema,
  scheduleResponseSchema,
  scheduleWeekParamsSchema,
  scheduleWeekSchema,
  updateScheduleEntryBodySchema,
} from '@vanban/contracts';
import { requestMeta, requireActor } from '../../app/hooks/authenticate.js';
import type { RouteModule } from '../../app/routes.js';
import { ICAL_CONTENT_TYPE } from './schedule.ical.models.js';
import { publishScheduleWeek } from './schedule.publish.usecases.js';
import {
  createScheduleEntry,
  deleteScheduleEntry,
  updateScheduleEntry,
} from './schedule.usecases.js';
import { exportScheduleIcal, getSchedule } from './schedule.views.usecases.js';

const tags = ['weekly schedule'];

export const registerScheduleRoutes: RouteModule = (api, deps) => {
  api.get(
    '/schedule',
    {
      schema: {
        tags,
        summary:
          "The leaders' weekly schedule of an agency for its staff (a week, a range, or this week)",
        querystring: scheduleQuerySchema,
        response: { 200: scheduleResponseSchema },
      },
    },
    async (request) => getSchedule(deps, requireActor(request), request.query),
  );

  api.get(
    '/schedule.ics',
    {
      schema: {
        tags,
        summary:
          'The working schedule as iCalendar (RFC 5545); without a range, 4 weeks back to 8 ahead',
        querystring: scheduleQuerySchema,
      },
    },
    async (request, reply) => {
      const { filename, body } = await exportScheduleIcal(
        deps,
        requireActor(request),
        request.query,
      );
      return reply
        .type(ICAL_CONTENT_TYPE)
        .header('content-disposition', `inline; filename="${filename}"`)
        .header('cache-control', 'private, no-store')
        .send(body);
    },
  );

  api.post(
    '/schedule/entries',
    {
      schema: {
        tags,
        summary: 'Add an entry (event or leader on duty) to an agency schedule',
        body: createScheduleEntryBodySchema,
        response: { 201: scheduleEntrySchema },
      },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(
          await createScheduleEntry(
            deps,
            requireActor(request),
            request.body,
            requestMeta(request),
          ),
        ),
  );

  api.patch(
    '/schedule/entries/:id',
    {
      schema: {
        tags,
        summary: 'Edit an entry; a published week becomes "changed" until published again',
        params: scheduleEntryParamsSchema,
        body: updateScheduleEntryBodySchema,
        response: { 200: scheduleEntrySchema },
      },
    },
    async (request) =>
      updateScheduleEntry(
        deps,
        requireActor(request),
        request.params.id,
        request.body,
        requestMeta(request),
      ),
  );

  api.delete(
    '/schedule/entries/:id',
    {
      schema: {
        tags,
        summary: 'Remove an entry; a published week becomes "changed" until published again',
        params: scheduleEntryParamsSchema,
        response: { 200: okSchema },
      },
    },
    async (request) => {
      await deleteScheduleEntry(
        deps,
        requireActor(request),
        request.params.id,
        requestMeta(request),
      );
      return { ok: true as const };
    },
  );

  api.post(
    '/schedule/weeks/:week/publish',
    {
      schema: {
        tags,
        summary: 'Publish (or publish again) an agency week: the version the public sees',
        params: scheduleWeekParamsSchema,
        querystring: scheduleAgencyQuerySchema,
        response: { 200: scheduleWeekSchema },
      },
    },
    async (request) =>
      publishScheduleWeek(
        deps,
        requireActor(request),
        request.params.week,
        request.query.agencyId,
        requestMeta(request),
      ),
  );
};
