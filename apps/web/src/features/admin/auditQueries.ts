import { auditListResponseSchema } from '@vanban/contracts';
import { keepPreviousData, useInfiniteQuery } from '@tanstack/react-query';
import { useSingleMutation } from '../../app/useSingleMutation';
import { z } from 'zod';
import { queryString, request } from '../../app/api';

export const auditPageSize = 50;

/** Audit events of the administered agencies, newest first, paged by `beforeId`. */
export function useAuditEvents(type: string) {
  return useInfiniteQuery({
    queryKey: ['admin', 'audit', type],
    queryFn: ({ pageParam, signal }) =>
      request(
        `/api/audit/events${queryString({ type: type.trim(), limit: auditPageSize, beforeId: pageParam })}`,
        auditListResponseSchema,
        { signal },
      ),
    initialPageParam: undefined as number | undefined,
    getNextPageParam: (last) =>
      last.items.length < auditPageSize ? undefined : last.items.at(-1)?.id,
    placeholderData: keepPreviousData,
  });
}

/** The answer of `GET /api/audit/verify` (declared in the route, not yet in the contracts). */
const verifySchema = z.object({
  ok: z.boolean(),
  chains: z.number(),
  events: z.number(),
  problems: z.array(
    z.object({
      id: z.number().nullable(),
      chain: z.string(),
      seq: z.number(),
      problem: z.string(),
      message: z.string(),
    }),
  ),
});

export function useVerifyAudit() {
  return useSingleMutation({
    mutationFn: () => request('/api/audit/verify', verifySchema),
  });
}
