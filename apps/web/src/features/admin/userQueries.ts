import { okSchema, userListResponseSchema, userSchema } from '@vanban/contracts';
import type { Role, User } from '@vanban/contracts';
import {
  keepPreviousData,
  useInfiniteQuery,
  useQuery,
  useQueryClient,
} from '@tanstack/react-query';
import { useSingleMutation } from '../../app/useSingleMutation';
import { queryString, request } from '../../app/api';

export const userKeys = {
  all: ['admin', 'users'] as const,
  lists: () => [...userKeys.all, 'list'] as const,
  list: (q: string, agencyId: string | null) => [...userKeys.lists(), q, agencyId] as const,
  detail: (id: string) => [...userKeys.all, 'detail', id] as const,
};

export const userPageSize = 50;

export function useUsers(q: string, agencyId: string | null) {
  return useInfiniteQuery({
    queryKey: userKeys.list(q, agencyId),
    queryFn: ({ pageParam, signal }) =>
      request(
        `/api/admin/users${queryString({
          q: q.trim(),
          agencyId,
          limit: userPageSize,
          after: pageParam,
        })}`,
        userListResponseSchema,
        { signal },
      ),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    placeholderData: keepPreviousData,
  });
}

export function useUser(id: string) {
  return useQuery({
    queryKey: userKeys.detail(id),
    queryFn: ({ signal }) => request(`/api/admin/users/${id}`, userSchema, { signal }),
  });
}

export interface CreateUserInput {
  username: string;
  fullName: string;
  email?: string | undefined;
  phone?: string | undefined;
  agencyId: string;
  password: string;
}

export interface RoleInput {
  role: Role;
  agencyId: string;
  unitId?: string | undefined;
}

export interface PositionInput {
  title: string;
  agencyId: string;
  unitId?: string | undefined;
}

export interface UserPatch {
  fullName?: string;
  email?: string | null;
  phone?: string | null;
  disabled?: boolean;
}

/** Every change answers the updated user: it replaces the cached page and refreshes the lists. */
function useUserUpdate<V>(mutationFn: (variables: V) => Promise<User>) {
  const queryClient = useQueryClient();
  return useSingleMutation({
    mutationFn,
    onSuccess: (user: User) => {
      queryClient.setQueryData(userKeys.detail(user.id), user);
      void queryClient.invalidateQueries({ queryKey: userKeys.lists() });
    },
  });
}

export function useCreateUser() {
  return useUserUpdate((body: CreateUserInput) =>
    request('/api/admin/users', userSchema, { method: 'POST', body }),
  );
}

export function useUpdateUser(id: string) {
  return useUserUpdate((body: UserPatch) =>
    request(`/api/admin/users/${id}`, userSchema, { method: 'PATCH', body }),
  );
}

export function useAssignRole(id: string) {
  return useUserUpdate((body: RoleInput) =>
    request(`/api/admin/users/${id}/roles`, userSchema, { method: 'POST', body }),
  );
}

export function useRemoveRole(id: string) {
  return useUserUpdate((roleId: string) =>
    request(`/api/admin/users/${id}/roles/${roleId}`, userSchema, { method: 'DELETE' }),
  );
}

export function useAssignPosition(id: string) {
  return useUserUpdate((body: PositionInput) =>
    request(`/api/admin/users/${id}/positions`, userSchema, { method: 'POST', body }),
  );
}

export function useResetPassword(id: string) {
  return useSingleMutation({
    mutationFn: (password: string) =>
      request(`/api/admin/users/${id}/reset-password`, okSchema, {
        method: 'POST',
        body: { password },
      }),
  });
}

/** The account was created but the role it was given could not be assigned. */
export class RoleNotAssigned extends Error {
  constructor(
    readonly user: User,
    override readonly cause: unknown,
  ) {
    super('role not assigned');
  }
}

/**
 * Creates an account and, when one is chosen, gives it a role in the same step for the admin
 * (two requests: the API has no combined call). A failed role keeps the account: `RoleNotAssigned`.
 */
export function useCreateUserWithRole() {
  const queryClient = useQueryClient();
  return useSingleMutation({
    mutationFn: async ({ user, role }: { user: CreateUserInput; role: RoleInput | null }) => {
      const created = await request('/api/admin/users', userSchema, { method: 'POST', body: user });
      if (!role) return created;
      try {
        return await request(`/api/admin/users/${created.id}/roles`, userSchema, {
          method: 'POST',
          body: role,
        });
      } catch (cause) {
        throw new RoleNotAssigned(created, cause);
      }
    },
    onSettled: () => {
      void queryClient.invalidateQueries({ queryKey: userKeys.lists() });
    },
  });
}
