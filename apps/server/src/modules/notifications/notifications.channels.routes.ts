import {
  notificationPreferencesSchema,
  updateNotificationPreferencesBodySchema,
} from '@vanban/contracts';
import { requestMeta, requireActor } from '../../app/hooks/authenticate.js';
import type { RouteModule } from '../../app/routes.js';
import {
  getNotificationPreferences,
  updateNotificationPreferences,
} from './notifications.channels.usecases.js';

const tags = ['notifications'];

export const registerNotificationPreferenceRoutes: RouteModule = (api, deps) => {
  api.get(
    '/account/notification-preferences',
    {
      schema: {
        tags,
        summary: 'Your notification channels (in-app, e-mail, SMS) and quiet hours',
        response: { 200: notificationPreferencesSchema },
      },
    },
    async (request) => getNotificationPreferences(deps, requireActor(request)),
  );
  api.put(
    '/account/notification-preferences',
    {
      schema: {
        tags,
        summary: 'Choose notification channels and quiet hours',
        description:
          'E-mail and SMS need an address on the account (422 `reminders.email_missing` / ' +
          '`reminders.phone_missing`) and a configured server (422 `reminders.channel_unavailable`). ' +
          'Messages that fall in quiet hours (Vietnam time) are sent when they end; with ' +
          '`urgentBreaksQuietHours`, top-urgent and flash documents are sent at once.',
        body: updateNotificationPreferencesBodySchema,
        response: { 200: notificationPreferencesSchema },
      },
    },
    async (request) =>
      updateNotificationPreferences(
        deps,
        requireActor(request),
        request.body,
        requestMeta(request),
      ),
  );
};
