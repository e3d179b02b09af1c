import { scheduleEntrySchema, scheduleResponseSchema, scheduleWeekSchema } from '@vanban/contracts';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { queryString, request } from '../../app/api';
import { useApiAction } from '../work/useApiAction';

export const scheduleKeys = {
  all: ['schedule'] as const,
  week: (week: string) => ['schedule', 'week', week] as const,
};

export function useSchedule(week: string) {
  return useQuery({
    queryKey: scheduleKeys.week(week),
    queryFn: ({ signal }) =>
      request(`/api/schedule${queryString({ week })}`, scheduleResponseSchema, { signal }),
    placeholderData: keepPreviousData,
  });
}

export function useSaveEntry() {
  return useApiAction(scheduleEntrySchema, [scheduleKeys.all]);
}

export function useDeleteEntry() {
  return useApiAction(null, [scheduleKeys.all]);
}

export function usePublishWeek() {
  return useApiAction(scheduleWeekSchema, [scheduleKeys.all]);
}
