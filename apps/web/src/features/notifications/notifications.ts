import {
  notificationListResponseSchema,
  notificationStreamEventSchema,
  okSchema,
  type Notification,
  type NotificationStreamEvent,
} from '@vanban/contracts';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef, useState } from 'react';
import { request } from '../../app/api';
import { incomingKeys } from '../incoming/queries';
import { outgoingKeys } from '../outgoing/queries';

export type { Notification, NotificationStreamEvent };

export const notificationsKey = ['notifications'] as const;

export const streamPath = '/api/notifications/stream';
/** Polling while the live stream is down; the stream itself needs none. */
export const fallbackPollMs = 60_000;

/** The bell's list: refreshed by the live stream, polled only while the stream is down. */
export function useNotifications(live = false) {
  return useQuery({
    queryKey: notificationsKey,
    queryFn: ({ signal }) =>
      request('/api/notifications?limit=20', notificationListResponseSchema, { signal }),
    refetchInterval: live ? false : fallbackPollMs,
    refetchIntervalInBackground: false,
    retry: false,
  });
}

/** The data of one `notification` event, or null when it does not match the contract. */
export function parseStreamEvent(data: unknown): NotificationStreamEvent | null {
  if (typeof data !== 'string') return null;
  try {
    const parsed = notificationStreamEventSchema.safeParse(JSON.parse(data));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

/**
 * Keeps `GET /api/notifications/stream` (server-sent events) open while mounted: each event
 * refreshes the bell and the inbox counts and is handed to `onEvent`. Answers whether the stream
 * is up; when it fails the browser retries by itself, and when it gives up (401, server gone) a
 * new stream is tried after a minute. Closed on unmount (sign-out leaves the layout).
 */
export function useNotificationStream(onEvent: (event: NotificationStreamEvent) => void): boolean {
  const queryClient = useQueryClient();
  const [live, setLive] = useState(false);
  const onEventRef = useRef(onEvent);
  useEffect(() => {
    onEventRef.current = onEvent;
  });

  useEffect(() => {
    if (typeof EventSource === 'undefined') return undefined;
    let source: EventSource | null = null;
    let retry: number | undefined;
    let opened = false;
    const refresh = () => {
      void queryClient.invalidateQueries({ queryKey: notificationsKey });
      void queryClient.invalidateQueries({ queryKey: incomingKeys.counts() });
      void queryClient.invalidateQueries({ queryKey: outgoingKeys.counts() });
    };
    const connect = () => {
      const current = new EventSource(streamPath);
      source = current;
      current.onopen = () => {
        setLive(true);
        // Whatever came while the stream was down; the first opening follows the first fetch.
        if (opened) void queryClient.invalidateQueries({ queryKey: notificationsKey });
        opened = true;
      };
      current.addEventListener('notification', (message: MessageEvent<unknown>) => {
        const event = parseStreamEvent(message.data);
        if (event) onEventRef.current(event);
        refresh();
      });
      current.onerror = () => {
        setLive(false);
        if (current.readyState === EventSource.CLOSED) {
          current.close();
          retry = window.setTimeout(connect, fallbackPollMs);
        }
      };
    };
    connect();
    return () => {
      window.clearTimeout(retry);
      source?.close();
    };
  }, [queryClient]);

  return live;
}

export function useMarkRead() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (ids?: string[]) =>
      request('/api/notifications/read', okSchema, {
        method: 'POST',
        body: ids ? { ids } : {},
      }),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: notificationsKey });
    },
  });
}

/** Where a notification leads in the app, if anywhere. */
export function notificationPath(notification: Pick<Notification, 'subject'>): string | null {
  if (notification.subject.type === 'incoming_document') {
    return `/incoming/${notification.subject.id}`;
  }
  if (notification.subject.type === 'outgoing_document') {
    return `/outgoing/${notification.subject.id}`;
  }
  if (notification.subject.type === 'task') {
    return `/tasks/${notification.subject.id}`;
  }
  if (notification.subject.type === 'work_record') {
    return `/work-records/${notification.subject.id}`;
  }
  if (notification.subject.type === 'schedule_week') {
    // The id is `<agencyId>:<ISO week>`; the schedule page shows the user's own agency.
    const week = /:(\d{4}-W\d{2})$/.exec(notification.subject.id)?.[1];
    return week ? `/schedule?week=${week}` : '/schedule';
  }
  return null;
}
