import { loginResponseSchema, meResponseSchema } from '@vanban/contracts';
import type { LoginBody, MeResponse, Role } from '@vanban/contracts';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { request, requestVoid, setCsrfToken } from './api';

export const meQueryKey = ['auth', 'me'] as const;

export async function fetchMe(signal?: AbortSignal): Promise<MeResponse> {
  const me = await request('/api/auth/me', meResponseSchema, { signal });
  setCsrfToken(me.auth.csrfToken);
  return me;
}

export function useMe() {
  return useQuery({
    queryKey: meQueryKey,
    queryFn: ({ signal }) => fetchMe(signal),
    staleTime: 60_000,
  });
}

export function useLogin() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (body: LoginBody) => {
      const me = await request('/api/auth/login', loginResponseSchema, {
        method: 'POST',
        body,
        silentAuth: true,
      });
      setCsrfToken(me.auth.csrfToken);
      return me;
    },
    onSuccess: (me) => {
      // Nothing cached for a previous user may survive into this session.
      queryClient.clear();
      queryClient.setQueryData(meQueryKey, me);
    },
  });
}

export function useLogout() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => requestVoid('/api/auth/logout', { method: 'POST', silentAuth: true }),
    onSettled: () => {
      setCsrfToken(null);
      queryClient.clear();
    },
  });
}

/** Distinct roles the user holds, in any agency or unit. */
export function userRoles(me: MeResponse): Set<Role> {
  return new Set(me.roles.map((assignment) => assignment.role));
}

/**
 * Where to go after login: only same-site paths, never back to the login page itself
 * (guards against open redirects through `?next=`).
 */
export function safeNextPath(next: string | null): string {
  if (!next || !next.startsWith('/') || next.startsWith('//') || next.startsWith('/\\')) {
    return '/';
  }
  if (next === '/login' || next.startsWith('/login?') || next.startsWith('/login/')) {
    return '/';
  }
  return next;
}
