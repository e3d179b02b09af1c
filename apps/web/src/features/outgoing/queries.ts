import { useSingleMutation } from '../../app/useSingleMutation';
import {
  batchSignResponseSchema,
  incomingDetailSchema,
  incomingSearchResponseSchema,
  outgoingCountsSchema,
  outgoingDetailSchema,
  outgoingListResponseSchema,
} from '@vanban/contracts';
import type {
  CreateOutgoingBody,
  OutgoingDetail,
  OutgoingView,
  UpdateOutgoingBody,
} from '@vanban/contracts';
import {
  keepPreviousData,
  useInfiniteQuery,
  useMutation,
  useQuery,
  useQueryClient,
} from '@tanstack/react-query';
import type { QueryClient } from '@tanstack/react-query';
import { z } from 'zod';
import { queryString, request } from '../../app/api';
import { signaturesPending } from './model';

export const outgoingKeys = {
  all: ['outgoing'] as const,
  lists: () => [...outgoingKeys.all, 'list'] as const,
  list: (params: OutgoingListParams) => [...outgoingKeys.lists(), params] as const,
  counts: () => [...outgoingKeys.all, 'counts'] as const,
  detail: (id: string) => [...outgoingKeys.all, 'detail', id] as const,
};

export interface OutgoingListParams {
  view: OutgoingView;
  q?: string | undefined;
}

export const pageSize = 25;

export function useOutgoingList(params: OutgoingListParams) {
  return useInfiniteQuery({
    queryKey: outgoingKeys.list(params),
    queryFn: ({ pageParam, signal }) =>
      request(
        `/api/outgoing${queryString({ ...params, limit: pageSize, cursor: pageParam })}`,
        outgoingListResponseSchema,
        { signal },
      ),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    placeholderData: keepPreviousData,
  });
}

export function useOutgoingCounts(enabled = true) {
  return useQuery({
    queryKey: outgoingKeys.counts(),
    queryFn: ({ signal }) => request('/api/outgoing/counts', outgoingCountsSchema, { signal }),
    enabled,
    staleTime: 15_000,
  });
}

/** Poll while the signatures of a new PDF are being verified, for at most two minutes. */
const verifyPollMs = 2_000;
const verifyPollLimit = 60;

export function useOutgoingDetail(id: string) {
  return useQuery({
    queryKey: outgoingKeys.detail(id),
    queryFn: ({ signal }) => request(`/api/outgoing/${id}`, outgoingDetailSchema, { signal }),
    refetchInterval: (query) =>
      query.state.data &&
      signaturesPending(query.state.data) &&
      query.state.dataUpdateCount < verifyPollLimit
        ? verifyPollMs
        : false,
  });
}

/** After any change: the lists, the counts and the bell are out of date. */
function refreshAround(queryClient: QueryClient) {
  void queryClient.invalidateQueries({ queryKey: outgoingKeys.lists() });
  void queryClient.invalidateQueries({ queryKey: outgoingKeys.counts() });
  void queryClient.invalidateQueries({ queryKey: ['notifications'] });
}

const createdSchema = z.object({ id: z.uuid() });

export function useCreateOutgoing() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: CreateOutgoingBody) =>
      request('/api/outgoing', createdSchema, { method: 'POST', body }),
    onSuccess: () => {
      refreshAround(queryClient);
    },
  });
}

export function useUpdateOutgoing(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: UpdateOutgoingBody) =>
      request(`/api/outgoing/${id}`, outgoingDetailSchema, { method: 'PATCH', body }),
    onSuccess: (detail) => {
      queryClient.setQueryData(outgoingKeys.detail(id), detail);
      refreshAround(queryClient);
    },
  });
}

/**
 * A workflow action (`POST /api/outgoing/:id/<path>`); the answer is the updated document page,
 * which replaces the cached one.
 */
export function useOutgoingAction(id: string) {
  const queryClient = useQueryClient();
  return useSingleMutation({
    mutationFn: ({ path, body }: { path: string; body: unknown }) =>
      request(`/api/outgoing/${id}/${path}`, outgoingDetailSchema, { method: 'POST', body }),
    onSuccess: (detail: OutgoingDetail) => {
      queryClient.setQueryData(outgoingKeys.detail(id), detail);
      refreshAround(queryClient);
      // Issuing creates incoming documents; revoking removes them from the recipients' lists.
      void queryClient.invalidateQueries({ queryKey: ['incoming'] });
    },
  });
}

/** `POST /api/outgoing/:id/replace` → a new draft replacing the document. */
export function useReplaceOutgoing(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () =>
      request(`/api/outgoing/${id}/replace`, createdSchema, { method: 'POST', body: {} }),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: outgoingKeys.detail(id) });
      refreshAround(queryClient);
    },
  });
}

export function useBatchSign() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (ids: string[]) =>
      request('/api/outgoing/sign-batch', batchSignResponseSchema, {
        method: 'POST',
        body: { ids },
      }),
    onSuccess: (answer) => {
      for (const result of answer.results) {
        if (result.ok)
          void queryClient.invalidateQueries({ queryKey: outgoingKeys.detail(result.id) });
      }
      refreshAround(queryClient);
    },
  });
}

/** Incoming documents to answer (`GET /api/incoming/search`), two characters or more. */
export function useIncomingToAnswer(q: string) {
  const text = q.trim();
  return useQuery({
    queryKey: ['incoming', 'search', 'answers', text],
    queryFn: ({ signal }) =>
      request(
        `/api/incoming/search${queryString({ q: text, limit: 10 })}`,
        incomingSearchResponseSchema,
        { signal },
      ),
    enabled: text.length >= 2,
    staleTime: 30_000,
    placeholderData: keepPreviousData,
  });
}

/** One incoming document (to name the one a reply was started from). */
export function useIncomingRef(id: string | null) {
  return useQuery({
    queryKey: ['incoming', 'detail', id],
    queryFn: ({ signal }) => request(`/api/incoming/${id ?? ''}`, incomingDetailSchema, { signal }),
    enabled: id !== null,
    staleTime: 60_000,
  });
}

export type RegisterSeries = 'outgoing' | 'outgoing_legal' | 'outgoing_secret';

/** Download link of the outgoing register (Decree 30 App. IV). */
export function registerUrl(params: {
  from: string;
  to: string;
  format: 'xlsx' | 'pdf';
  series: RegisterSeries;
}): string {
  return `/api/outgoing/register${queryString({ ...params })}`;
}
