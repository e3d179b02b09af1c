import {
  dashboardTargetsSchema,
  notificationPreferencesSchema,
  publicationSettingsSchema,
  reminderSettingsSchema,
} from '@vanban/contracts';
import type {
  ReminderSettingsBody,
  UpdateDashboardTargetsBody,
  UpdateNotificationPreferencesBody,
  UpdatePublicationSettingsBody,
} from '@vanban/contracts';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { queryString, request } from '../../app/api';
import { useSingleMutation } from '../../app/useSingleMutation';

export const settingsKeys = {
  preferences: ['notification-preferences'] as const,
  reminders: ['reminder-settings'] as const,
  publication: (agencyId: string | null) => ['publication-settings', agencyId] as const,
  targets: ['dashboards', 'targets'] as const,
};

export function useNotificationPreferences() {
  return useQuery({
    queryKey: settingsKeys.preferences,
    queryFn: ({ signal }) =>
      request('/api/account/notification-preferences', notificationPreferencesSchema, { signal }),
  });
}

export function useSaveNotificationPreferences() {
  const queryClient = useQueryClient();
  return useSingleMutation({
    mutationFn: (body: UpdateNotificationPreferencesBody) =>
      request('/api/account/notification-preferences', notificationPreferencesSchema, {
        method: 'PUT',
        body,
      }),
    onSuccess: (answer) => {
      queryClient.setQueryData(settingsKeys.preferences, answer);
    },
  });
}

export function useReminderSettings() {
  return useQuery({
    queryKey: settingsKeys.reminders,
    queryFn: ({ signal }) => request('/api/reminder-settings', reminderSettingsSchema, { signal }),
  });
}

export function useSaveReminderSettings() {
  const queryClient = useQueryClient();
  return useSingleMutation({
    mutationFn: (body: ReminderSettingsBody) =>
      request('/api/reminder-settings', reminderSettingsSchema, { method: 'PUT', body }),
    onSuccess: (answer) => {
      queryClient.setQueryData(settingsKeys.reminders, answer);
    },
  });
}

/** The settings of `agencyId`, or of the user's own agency when null. */
export function usePublicationSettings(agencyId: string | null) {
  return useQuery({
    queryKey: settingsKeys.publication(agencyId),
    queryFn: ({ signal }) =>
      request(
        `/api/publication/settings${queryString({ agencyId: agencyId ?? undefined })}`,
        publicationSettingsSchema,
        { signal },
      ),
  });
}

export function useSavePublicationSettings(agencyId: string | null) {
  const queryClient = useQueryClient();
  return useSingleMutation({
    mutationFn: (body: UpdatePublicationSettingsBody) =>
      request('/api/publication/settings', publicationSettingsSchema, { method: 'PUT', body }),
    onSuccess: (answer) => {
      queryClient.setQueryData(settingsKeys.publication(agencyId), answer);
      // The public pages read the same flags.
      void queryClient.invalidateQueries({ queryKey: ['public'] });
    },
  });
}

export function useDashboardTargets() {
  return useQuery({
    queryKey: settingsKeys.targets,
    queryFn: ({ signal }) => request('/api/dashboards/targets', dashboardTargetsSchema, { signal }),
  });
}

export function useSaveDashboardTargets() {
  const queryClient = useQueryClient();
  return useSingleMutation({
    mutationFn: (body: UpdateDashboardTargetsBody) =>
      request('/api/dashboards/targets', dashboardTargetsSchema, { method: 'PUT', body }),
    onSuccess: (answer) => {
      queryClient.setQueryData(settingsKeys.targets, answer);
      // Summaries and rankings compare against the targets.
      void queryClient.invalidateQueries({ queryKey: ['dashboards'] });
    },
  });
}
