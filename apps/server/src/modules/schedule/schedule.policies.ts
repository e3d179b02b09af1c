import type { Actor } from '../identity/index.js';

/**
 * Who draws up the leaders' schedule: the agency's office (clerks) and its leaders and deputies;
 * administrators of the agency (or of a parent) may too. `administered` is the actor's
 * administered subtree (identity's `administeredAgencyIds`).
 */
export function canEditSchedule(actor: Actor, agencyId: string, administered: string[]): boolean {
  return (
    administered.includes(agencyId) ||
    actor.roles.some(
      (r) =>
        r.agencyId === agencyId &&
        (r.role === 'clerk' || r.role === 'leader' || r.role === 'deputy'),
    )
  );
}

/** Staff of the agency see its whole schedule, internal entries included. */
export function canReadSchedule(actor: Actor, agencyId: string, administered: string[]): boolean {
  return (
    actor.agencyId === agencyId ||
    administered.includes(agencyId) ||
    actor.roles.some((r) => r.agencyId === agencyId)
  );
}
