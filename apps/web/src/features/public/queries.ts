import {
  publicAgenciesResponseSchema,
  publicAgencySchema,
  publicOnTimeResponseSchema,
  publicScheduleResponseSchema,
  publicTasksResponseSchema,
} from '@vanban/contracts';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { queryString, request } from '../../app/api';

/** Public data: no session needed; the server caches for a minute, so do we. */
const staleTime = 60_000;
const base = (code: string) => `/api/public/agencies/${encodeURIComponent(code)}`;

export function usePublicAgencies() {
  return useQuery({
    queryKey: ['public', 'agencies'],
    queryFn: ({ signal }) =>
      request('/api/public/agencies', publicAgenciesResponseSchema, { signal }),
    staleTime,
  });
}

export function usePublicAgency(code: string) {
  return useQuery({
    queryKey: ['public', 'agency', code],
    queryFn: ({ signal }) => request(base(code), publicAgencySchema, { signal }),
    staleTime,
    retry: false,
  });
}

export function usePublicTasks(code: string, status: string | null) {
  return useQuery({
    queryKey: ['public', 'tasks', code, status],
    queryFn: ({ signal }) =>
      request(
        `${base(code)}/tasks${queryString({ status, limit: 200 })}`,
        publicTasksResponseSchema,
        {
          signal,
        },
      ),
    staleTime,
    placeholderData: keepPreviousData,
  });
}

export function usePublicSchedule(code: string, week: string) {
  return useQuery({
    queryKey: ['public', 'schedule', code, week],
    queryFn: ({ signal }) =>
      request(`${base(code)}/schedule${queryString({ week })}`, publicScheduleResponseSchema, {
        signal,
      }),
    staleTime,
    placeholderData: keepPreviousData,
  });
}

export function usePublicOnTime(code: string, months: number) {
  return useQuery({
    queryKey: ['public', 'on-time', code, months],
    queryFn: ({ signal }) =>
      request(`${base(code)}/on-time${queryString({ months })}`, publicOnTimeResponseSchema, {
        signal,
      }),
    staleTime,
  });
}

/** The address of the agency's public iCal feed, to paste into a calendar app. */
export function publicIcalUrl(code: string, origin: string): string {
  return `${origin}${base(code)}/schedule.ics`;
}
