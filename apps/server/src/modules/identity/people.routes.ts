import { peopleQuerySchema, peopleResponseSchema, type Role } from '@vanban/contracts';
import { sql } from 'drizzle-orm';
import { requireActor } from '../../app/hooks/authenticate.js';
import type { RouteModule } from '../../app/routes.js';
import { queryRows } from '../../platform/db/database.js';
import { uuidArray } from '../../platform/db/sql.js';

/**
 * Colleagues to present a document to, assign or re-assign it: active people of the agencies
 * the signed-in user works in (never of others — assignments stay inside the agency).
 */
export const registerPeopleRoutes: RouteModule = (api, deps) => {
  api.get(
    '/people',
    {
      schema: {
        tags: ['people'],
        summary: 'Active colleagues in my agencies, by unit and role',
        querystring: peopleQuerySchema,
        response: { 200: peopleResponseSchema },
      },
    },
    async (request) => {
      const actor = requireActor(request);
      const mine = [...new Set([actor.agencyId, ...actor.roles.map((r) => r.agencyId)])];
      const q = request.query;
      const agencies = q.agencyId ? mine.filter((a) => a === q.agencyId) : mine;
      const rows = await queryRows<{
        id: string;
        full_name: string;
        agency_id: string;
        positions: string[] | null;
        roles: { role: Role; unitId: string | null }[] | null;
      }>(
        deps.db,
        sql`select u.id, u.full_name, u.agency_id,
              (select array_agg(p.title order by p.title) from user_positions p where p.user_id = u.id) as positions,
              (select json_agg(json_build_object('role', r.role, 'unitId', r.unit_id))
                 from user_roles r where r.user_id = u.id and r.agency_id = u.agency_id) as roles
            from users u
            where not u.disabled and u.agency_id = any(${uuidArray(agencies)})
              ${q.unitId ? sql`and exists (select 1 from user_roles r where r.user_id = u.id and r.unit_id = ${q.unitId})` : sql``}
              ${q.roles ? sql`and exists (select 1 from user_roles r where r.user_id = u.id and r.role::text = any(${`{${q.roles.join(',')}}`}::text[]) and r.agency_id = u.agency_id)` : sql``}
              ${q.q ? sql`and f_unaccent(u.full_name) ilike f_unaccent(${`%${q.q.replace(/[%_\\]/g, '\\$&')}%`})` : sql``}
            order by u.full_name limit ${q.limit}`,
      );
      return {
        items: rows.map((r) => ({
          id: r.id,
          fullName: r.full_name,
          agencyId: r.agency_id,
          positions: r.positions ?? [],
          roles: r.roles ?? [],
        })),
      };
    },
  );
};
