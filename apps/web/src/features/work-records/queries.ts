import {
  catalogueResponseSchema,
  dueForArchiveResponseSchema,
  incomingSearchResponseSchema,
  outgoingListResponseSchema,
  recordDetailSchema,
  recordListResponseSchema,
} from '@vanban/contracts';
import type { RecordState } from '@vanban/contracts';
import { keepPreviousData, useInfiniteQuery, useQuery } from '@tanstack/react-query';
import { queryString, request } from '../../app/api';
import { useApiAction } from '../work/useApiAction';

export const recordKeys = {
  all: ['records'] as const,
  list: (params: RecordListParams) => ['records', 'list', params] as const,
  due: ['records', 'due'] as const,
  detail: (id: string) => ['records', 'detail', id] as const,
  catalogue: (year: number) => ['records', 'catalogue', year] as const,
  // Not under `list`: that key holds the list page's infinite query, whose cache entry differs.
  openPicker: ['records', 'open-picker'] as const,
};

export interface RecordListParams {
  year?: number | undefined;
  state?: RecordState | undefined;
  q?: string | undefined;
}

const pageSize = 50;

export function useRecordList(params: RecordListParams) {
  return useInfiniteQuery({
    queryKey: recordKeys.list(params),
    queryFn: ({ pageParam, signal }) =>
      request(
        `/api/records${queryString({ ...params, limit: pageSize, offset: pageParam })}`,
        recordListResponseSchema,
        { signal },
      ),
    initialPageParam: 0,
    getNextPageParam: (last, pages) => {
      const loaded = pages.reduce((sum, page) => sum + page.items.length, 0);
      return loaded < last.total && last.items.length > 0 ? loaded : undefined;
    },
    placeholderData: keepPreviousData,
  });
}

export function useDueForArchive() {
  return useQuery({
    queryKey: recordKeys.due,
    queryFn: ({ signal }) =>
      request('/api/records/due-for-archive', dueForArchiveResponseSchema, { signal }),
  });
}

export function useRecord(id: string) {
  return useQuery({
    queryKey: recordKeys.detail(id),
    queryFn: ({ signal }) => request(`/api/records/${id}`, recordDetailSchema, { signal }),
  });
}

export function useCatalogue(year: number) {
  return useQuery({
    queryKey: recordKeys.catalogue(year),
    queryFn: ({ signal }) =>
      request(`/api/records/catalogue${queryString({ year })}`, catalogueResponseSchema, {
        signal,
      }),
    placeholderData: keepPreviousData,
  });
}

/** Open records the user can put a document in (the "Add to record" dialog). */
export function useOpenRecords(enabled: boolean) {
  return useQuery({
    queryKey: recordKeys.openPicker,
    queryFn: ({ signal }) =>
      request(
        `/api/records${queryString({ state: 'open', limit: 200 })}`,
        recordListResponseSchema,
        {
          signal,
        },
      ),
    enabled,
  });
}

export function useRecordAction() {
  return useApiAction(recordDetailSchema, [recordKeys.all]);
}

export function useCatalogueAction() {
  return useApiAction(catalogueResponseSchema, [recordKeys.all]);
}

export function useRemoveItem() {
  return useApiAction(null, [recordKeys.all]);
}

/** Documents the user can see, to put in a record: incoming by full-text search, outgoing by `q`. */
export function useIncomingCandidates(q: string) {
  return useQuery({
    queryKey: ['records', 'candidates', 'incoming', q],
    queryFn: ({ signal }) =>
      request(
        `/api/incoming/search${queryString({ q, limit: 20 })}`,
        incomingSearchResponseSchema,
        {
          signal,
        },
      ),
    enabled: q.length >= 2,
    placeholderData: keepPreviousData,
  });
}

export function useOutgoingCandidates(q: string) {
  return useQuery({
    queryKey: ['records', 'candidates', 'outgoing', q],
    queryFn: ({ signal }) =>
      request(
        `/api/outgoing${queryString({ view: 'all', q, limit: 20 })}`,
        outgoingListResponseSchema,
        {
          signal,
        },
      ),
    enabled: q.length >= 2,
    placeholderData: keepPreviousData,
  });
}
