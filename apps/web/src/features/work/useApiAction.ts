import { useQueryClient } from '@tanstack/react-query';
import type { QueryKey } from '@tanstack/react-query';
import type { z } from 'zod';
import { request, requestVoid } from '../../app/api';
import { useSingleMutation } from '../../app/useSingleMutation';

export interface ApiCall {
  method: 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  path: string;
  body?: unknown;
}

/**
 * One write to the API (at most one in flight), validated against `schema` when the answer is
 * needed; on success the queries under `invalidate` are fetched again.
 */
export function useApiAction<S extends z.ZodType>(
  schema: S | null,
  invalidate: readonly QueryKey[],
) {
  const queryClient = useQueryClient();
  return useSingleMutation<z.infer<S> | null, ApiCall>({
    mutationFn: async ({ method, path, body }) => {
      if (schema === null) {
        await requestVoid(path, { method, body });
        return null;
      }
      return request(path, schema, { method, body });
    },
    onSuccess: () => {
      for (const queryKey of invalidate) void queryClient.invalidateQueries({ queryKey });
    },
  });
}
