import { useSingleMutation } from '../../app/useSingleMutation';
import {
  agencyDetailSchema,
  agencyListResponseSchema,
  auditEventSchema,
  documentTypeSchema,
  fileSchema,
  incomingCountsSchema,
  incomingDetailSchema,
  incomingListResponseSchema,
  incomingSearchResponseSchema,
} from '@vanban/contracts';
import type {
  IncomingDetail,
  IncomingState,
  IncomingView,
  RegisterIncomingBody,
  Urgency,
} from '@vanban/contracts';
import {
  keepPreviousData,
  useInfiniteQuery,
  useMutation,
  useQuery,
  useQueryClient,
} from '@tanstack/react-query';
import { z } from 'zod';
import { queryString, request, uploadWithProgress } from '../../app/api';

export const incomingKeys = {
  all: ['incoming'] as const,
  lists: () => [...incomingKeys.all, 'list'] as const,
  list: (params: ListParams) => [...incomingKeys.lists(), params] as const,
  counts: () => [...incomingKeys.all, 'counts'] as const,
  search: (params: SearchParams) => [...incomingKeys.all, 'search', params] as const,
  detail: (id: string) => [...incomingKeys.all, 'detail', id] as const,
  history: (id: string) => [...incomingKeys.all, 'history', id] as const,
};

export const incomingSortValues = ['urgency', 'newest', 'oldest', 'due'] as const;
export type IncomingSort = (typeof incomingSortValues)[number];

export interface ListFilters {
  from?: string | undefined;
  to?: string | undefined;
  docType?: string | undefined;
  urgency?: Urgency | undefined;
  state?: IncomingState | undefined;
}

export interface ListParams extends ListFilters {
  view: IncomingView;
  sort: IncomingSort;
}

export const pageSize = 25;

export function useIncomingList(params: ListParams) {
  return useInfiniteQuery({
    queryKey: incomingKeys.list(params),
    queryFn: ({ pageParam, signal }) =>
      request(
        `/api/incoming${queryString({ ...params, limit: pageSize, cursor: pageParam })}`,
        incomingListResponseSchema,
        { signal },
      ),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    placeholderData: keepPreviousData,
  });
}

export function useIncomingCounts(enabled = true) {
  return useQuery({
    queryKey: incomingKeys.counts(),
    queryFn: ({ signal }) => request('/api/incoming/counts', incomingCountsSchema, { signal }),
    enabled,
    staleTime: 15_000,
  });
}

export interface SearchParams extends ListFilters {
  q: string;
  offset: number;
}

export const searchPageSize = 20;

export function useIncomingSearch(params: SearchParams) {
  return useQuery({
    queryKey: incomingKeys.search(params),
    queryFn: ({ signal }) =>
      request(
        `/api/incoming/search${queryString({ ...params, limit: searchPageSize })}`,
        incomingSearchResponseSchema,
        { signal },
      ),
    enabled: params.q.trim() !== '',
    placeholderData: keepPreviousData,
  });
}

export function useIncomingDetail(id: string) {
  return useQuery({
    queryKey: incomingKeys.detail(id),
    queryFn: ({ signal }) => request(`/api/incoming/${id}`, incomingDetailSchema, { signal }),
  });
}

const historySchema = z.object({ items: z.array(auditEventSchema) });
export type HistoryEvent = z.infer<typeof auditEventSchema>;

export function useIncomingHistory(id: string) {
  return useQuery({
    queryKey: incomingKeys.history(id),
    queryFn: ({ signal }) => request(`/api/incoming/${id}/history`, historySchema, { signal }),
  });
}

const documentTypesSchema = z.array(documentTypeSchema);
export type DocumentType = z.infer<typeof documentTypeSchema>;

export function useDocumentTypes() {
  return useQuery({
    queryKey: ['document-types'],
    queryFn: ({ signal }) => request('/api/document-types', documentTypesSchema, { signal }),
    staleTime: Infinity,
  });
}

export function useAgencySearch(q: string) {
  const text = q.trim();
  return useQuery({
    queryKey: ['agencies', 'search', text],
    queryFn: ({ signal }) =>
      request(`/api/agencies${queryString({ q: text, limit: 20 })}`, agencyListResponseSchema, {
        signal,
      }),
    enabled: text.length >= 2,
    staleTime: 60_000,
    placeholderData: keepPreviousData,
  });
}

/** Current units of an agency (`GET /api/agencies/:id`). */
export function useAgencyUnits(agencyId: string) {
  return useQuery({
    queryKey: ['agencies', 'detail', agencyId],
    queryFn: ({ signal }) => request(`/api/agencies/${agencyId}`, agencyDetailSchema, { signal }),
    staleTime: 5 * 60_000,
    select: (agency) => agency.units.filter((unit) => unit.validTo === null),
  });
}

export type UploadedFile = z.infer<typeof fileSchema>;

export function uploadFile(
  file: File,
  onProgress: (fraction: number) => void,
  signal?: AbortSignal,
): Promise<UploadedFile> {
  return uploadWithProgress('/api/files', file, fileSchema, {
    onProgress,
    ...(signal ? { signal } : {}),
  });
}

export function fileContentUrl(fileId: string, disposition: 'inline' | 'attachment'): string {
  return `/api/files/${fileId}/content${queryString({ disposition })}`;
}

export function useRegisterIncoming() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: RegisterIncomingBody) =>
      request('/api/incoming', incomingDetailSchema, { method: 'POST', body }),
    onSuccess: (detail) => {
      queryClient.setQueryData(incomingKeys.detail(detail.id), detail);
      void queryClient.invalidateQueries({ queryKey: incomingKeys.lists() });
      void queryClient.invalidateQueries({ queryKey: incomingKeys.counts() });
    },
  });
}

/**
 * A workflow action (`POST /api/incoming/:id/<path>`); the answer is the updated document page,
 * which replaces the cached one. Lists, counts, history and the bell are refreshed.
 */
export function useIncomingAction(id: string) {
  const queryClient = useQueryClient();
  return useSingleMutation({
    mutationFn: ({ path, body }: { path: string; body: unknown }) =>
      request(`/api/incoming/${id}/${path}`, incomingDetailSchema, { method: 'POST', body }),
    onSuccess: (detail: IncomingDetail) => {
      queryClient.setQueryData(incomingKeys.detail(id), detail);
      void queryClient.invalidateQueries({ queryKey: incomingKeys.history(id) });
      void queryClient.invalidateQueries({ queryKey: incomingKeys.lists() });
      void queryClient.invalidateQueries({ queryKey: incomingKeys.counts() });
      void queryClient.invalidateQueries({ queryKey: ['notifications'] });
    },
  });
}
