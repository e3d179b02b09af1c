import {
  calendarYearParamsSchema,
  calendarYearSchema,
  replaceCalendarYearBodySchema,
} from '@vanban/contracts';
import { requestMeta, requireActor } from '../../app/hooks/authenticate.js';
import type { RouteModule } from '../../app/routes.js';
import { getCalendarYear, replaceCalendarYear } from './calendar.usecases.js';

const tags = ['working calendar'];

export const registerCalendarRoutes: RouteModule = (api, deps) => {
  api.get(
    '/calendar/:year',
    {
      schema: {
        tags,
        summary: "A year's holidays and worked weekend days, configured or built-in",
        params: calendarYearParamsSchema,
        response: { 200: calendarYearSchema },
      },
    },
    async (request) => getCalendarYear(deps, request.params.year),
  );
  api.put(
    '/calendar/:year',
    {
      config: { admin: true },
      schema: {
        tags,
        summary:
          "Replace a year's holidays and worked weekend days (an empty list restores the built-in ones)",
        params: calendarYearParamsSchema,
        body: replaceCalendarYearBodySchema,
        response: { 200: calendarYearSchema },
      },
    },
    async (request) =>
      replaceCalendarYear(
        deps,
        requireActor(request),
        request.params.year,
        request.body,
        requestMeta(request),
      ),
  );
};
