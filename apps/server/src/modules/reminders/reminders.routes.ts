import { reminderSettingsBodySchema, reminderSettingsSchema } from '@vanban/contracts';
import { requestMeta, requireActor } from '../../app/hooks/authenticate.js';
import type { RouteModule } from '../../app/routes.js';
import { getReminderSettings, updateReminderSettings } from './reminders.settings.usecases.js';

const tags = ['reminders'];

export const registerReminderRoutes: RouteModule = (api, deps) => {
  api.get(
    '/reminder-settings',
    {
      schema: {
        tags,
        summary: "Your agency's deadline reminder rules",
        response: { 200: reminderSettingsSchema },
      },
    },
    async (request) => getReminderSettings(deps, requireActor(request)),
  );
  api.put(
    '/reminder-settings',
    {
      schema: {
        tags,
        summary: "Change your agency's deadline reminder rules (administrator, clerk, leader)",
        description:
          'Offsets are working days before the due date; reminders also go out on the due date ' +
          'and every working day while overdue, and the assigning leader is told once after ' +
          '`escalateAfterDays` working days overdue.',
        body: reminderSettingsBodySchema,
        response: { 200: reminderSettingsSchema },
      },
    },
    async (request) =>
      updateReminderSettings(deps, requireActor(request), request.body, requestMeta(request)),
  );
};
