import type { Role } from '@vanban/contracts';
import type { Actor } from './identity.models.js';

export function hasRole(actor: Actor, role: Role, agencyId?: string): boolean {
  return actor.roles.some(
    (r) => r.role === role && (agencyId === undefined || r.agencyId === agencyId),
  );
}

/** Agencies where the actor holds `admin`; their subtrees are what the actor may administer. */
export function adminAgencyIds(actor: Actor): string[] {
  return [...new Set(actor.roles.filter((r) => r.role === 'admin').map((r) => r.agencyId))];
}

export function isAdmin(actor: Actor): boolean {
  return adminAgencyIds(actor).length > 0;
}
