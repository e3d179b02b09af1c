import {
  markNotificationsReadBodySchema,
  notificationListQuerySchema,
  notificationListResponseSchema,
  okSchema,
} from '@vanban/contracts';
import { requireActor } from '../../app/hooks/authenticate.js';
import type { RouteModule } from '../../app/routes.js';
import { countUnread, listNotifications, markRead } from './notifications.repository.js';

const tags = ['notifications'];

export const registerNotificationRoutes: RouteModule = (api, deps) => {
  api.get(
    '/notifications',
    {
      schema: {
        tags,
        summary: "The signed-in user's notifications, newest first",
        querystring: notificationListQuerySchema,
        response: { 200: notificationListResponseSchema },
      },
    },
    async (request) => {
      const actor = requireActor(request);
      const rows = await listNotifications(deps.db, actor.userId, {
        unreadOnly: request.query.unread,
        before: request.query.before,
        limit: request.query.limit,
      });
      return {
        items: rows.map((n) => ({
          id: n.id,
          kind: n.kind,
          title: n.title,
          subject: n.subject as { type: string; id: string },
          urgency: n.urgency,
          createdAt: n.createdAt.toISOString(),
          readAt: n.readAt?.toISOString() ?? null,
        })),
        unread: await countUnread(deps.db, actor.userId),
      };
    },
  );
  api.post(
    '/notifications/read',
    {
      schema: {
        tags,
        summary: 'Mark notifications as read (all when no ids are given)',
        body: markNotificationsReadBodySchema,
        response: { 200: okSchema },
      },
    },
    async (request) => {
      const actor = requireActor(request);
      await markRead(deps.db, actor.userId, request.body.ids ?? 'all', deps.clock.now());
      return { ok: true as const };
    },
  );
  api.get(
    '/notifications/stream',
    {
      schema: {
        tags,
        summary: 'Live notifications (server-sent events)',
        description:
          '`text/event-stream`: a `notification` event (`{unread, latest: {id, kind, title, ' +
          'urgency}}`) within a few seconds of each new notification, a comment line every 25 s. ' +
          'The stream ends after 15 minutes; the browser reconnects and signs in again.',
      },
    },
    async (request, reply) => {
      const actor = requireActor(request);
      reply.hijack();
      reply.raw.writeHead(200, {
        'content-type': 'text/event-stream; charset=utf-8',
        'cache-control': 'no-cache, no-transform',
        connection: 'keep-alive',
        // nginx and friends must pass each event on at once, not buffer the response.
        'x-accel-buffering': 'no',
        'x-request-id': request.id,
      });
      reply.raw.write(': connected\nretry: 5000\n\n');
      deps.notificationStreams.attach(actor.userId, reply.raw);
    },
  );
};
