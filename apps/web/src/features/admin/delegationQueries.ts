import { delegationListResponseSchema, delegationSchema } from '@vanban/contracts';
import type { Role } from '@vanban/contracts';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useSingleMutation } from '../../app/useSingleMutation';
import { request } from '../../app/api';
import { meQueryKey } from '../../app/auth';

const delegationKeys = { all: ['delegations'] as const };

/** Delegations the signed-in user gave or received that are not over (`GET /api/delegations`). */
export function useDelegations() {
  return useQuery({
    queryKey: delegationKeys.all,
    queryFn: ({ signal }) => request('/api/delegations', delegationListResponseSchema, { signal }),
  });
}

export interface CreateDelegationInput {
  toUserId: string;
  agencyId?: string | undefined;
  roles?: Role[] | undefined;
  validFrom: string;
  validTo: string;
  note?: string | undefined;
}

function useDelegationChange<V>(mutationFn: (variables: V) => Promise<unknown>) {
  const queryClient = useQueryClient();
  return useSingleMutation({
    mutationFn,
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: delegationKeys.all });
      // The header shows the delegations in force (from /api/auth/me).
      void queryClient.invalidateQueries({ queryKey: meQueryKey });
    },
  });
}

export function useCreateDelegation() {
  return useDelegationChange((body: CreateDelegationInput) =>
    request('/api/delegations', delegationSchema, { method: 'POST', body }),
  );
}

export function useRevokeDelegation() {
  return useDelegationChange((id: string) =>
    request(`/api/delegations/${id}/revoke`, delegationSchema, { method: 'POST' }),
  );
}
