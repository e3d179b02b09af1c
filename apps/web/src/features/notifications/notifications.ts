import { notificationListResponseSchema, okSchema, type Notification } from '@vanban/contracts';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { request } from '../../app/api';

export type { Notification };

export const notificationsKey = ['notifications'] as const;

/** Polled every 30 s (and on window focus) for the bell. */
export function useNotifications() {
  return useQuery({
    queryKey: notificationsKey,
    queryFn: ({ signal }) =>
      request('/api/notifications?limit=20', notificationListResponseSchema, { signal }),
    refetchInterval: 30_000,
    refetchIntervalInBackground: false,
    retry: false,
  });
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
  return null;
}
