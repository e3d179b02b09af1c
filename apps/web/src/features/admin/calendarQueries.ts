import { calendarYearSchema } from '@vanban/contracts';
import type { ReplaceCalendarYearBody } from '@vanban/contracts';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useSingleMutation } from '../../app/useSingleMutation';
import { request } from '../../app/api';

const calendarKey = (year: number) => ['calendar', year] as const;

export function useCalendarYear(year: number) {
  return useQuery({
    queryKey: calendarKey(year),
    queryFn: ({ signal }) =>
      request(`/api/calendar/${String(year)}`, calendarYearSchema, { signal }),
  });
}

/** Replaces the year's exceptions; an empty list restores the built-in holidays. */
export function useSaveCalendarYear(year: number) {
  const queryClient = useQueryClient();
  return useSingleMutation({
    mutationFn: (body: ReplaceCalendarYearBody) =>
      request(`/api/calendar/${String(year)}`, calendarYearSchema, { method: 'PUT', body }),
    onSuccess: (answer) => {
      queryClient.setQueryData(calendarKey(year), answer);
    },
  });
}
