import {
  agencyListResponseSchema,
  taskCountsSchema,
  taskDetailSchema,
  taskListResponseSchema,
} from '@vanban/contracts';
import type { TaskView } from '@vanban/contracts';
import { keepPreviousData, useInfiniteQuery, useQuery } from '@tanstack/react-query';
import { queryString, request } from '../../app/api';
import { useApiAction } from '../work/useApiAction';

export const taskKeys = {
  all: ['tasks'] as const,
  list: (view: TaskView, q: string) => ['tasks', 'list', view, q] as const,
  counts: ['tasks', 'counts'] as const,
  detail: (id: string) => ['tasks', 'detail', id] as const,
};

export function useTaskList(view: TaskView, q: string) {
  return useInfiniteQuery({
    queryKey: taskKeys.list(view, q),
    queryFn: ({ pageParam, signal }) =>
      request(
        `/api/tasks${queryString({ view, q: q || undefined, limit: 50, cursor: pageParam })}`,
        taskListResponseSchema,
        { signal },
      ),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    placeholderData: keepPreviousData,
  });
}

export function useTaskCounts() {
  return useQuery({
    queryKey: taskKeys.counts,
    queryFn: ({ signal }) => request('/api/tasks/counts', taskCountsSchema, { signal }),
  });
}

export function useTask(id: string) {
  return useQuery({
    queryKey: taskKeys.detail(id),
    queryFn: ({ signal }) => request(`/api/tasks/${id}`, taskDetailSchema, { signal }),
  });
}

export function useTaskAction() {
  return useApiAction(taskDetailSchema, [taskKeys.all]);
}

/** Agencies directly under `parentId` (a department's wards, the city's departments). */
export function useChildAgencies(parentId: string | null) {
  return useQuery({
    queryKey: ['agencies', 'children', parentId],
    queryFn: ({ signal }) =>
      request(`/api/agencies${queryString({ parentId, limit: 500 })}`, agencyListResponseSchema, {
        signal,
      }),
    enabled: parentId !== null,
    staleTime: 5 * 60_000,
  });
}
