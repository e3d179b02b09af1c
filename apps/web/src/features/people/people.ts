import { peopleResponseSchema, type Person, type Role } from '@vanban/contracts';
import { useQuery } from '@tanstack/react-query';
import { queryString, request } from '../../app/api';

export interface PeopleFilter {
  /** Only people of this agency (default: all the caller's agencies). */
  agencyId?: string | undefined;
  /** Only members of this unit (a role in it). */
  unitId?: string | undefined;
  /** Only holders of any of these roles. */
  roles?: readonly Role[] | undefined;
}

/** People for a picker, filtered by the server (any of the roles). */
export function usePeople(filter: PeopleFilter, enabled = true) {
  const roles = [...(filter.roles ?? [])].sort();
  return useQuery({
    queryKey: ['people', filter.agencyId ?? null, filter.unitId ?? null, roles],
    queryFn: async ({ signal }) => {
      const answer = await request(
        `/api/people${queryString({
          agencyId: filter.agencyId,
          unitId: filter.unitId,
          roles: roles.length > 0 ? roles.join(',') : undefined,
          limit: 500,
        })}`,
        peopleResponseSchema,
        { signal },
      );
      return answer.items;
    },
    enabled,
    staleTime: 5 * 60_000,
  });
}

/** `Nguyễn Văn A — Trưởng phòng` for select options. */
export function personLabel(person: Pick<Person, 'fullName' | 'positions'>): string {
  const title = person.positions[0];
  return title ? `${person.fullName} — ${title}` : person.fullName;
}
