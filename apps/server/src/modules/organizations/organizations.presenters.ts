import type { Agency } from '@vanban/contracts';
import type { AgencyVersionRow } from './organizations.repository.js';

export function presentVersion(v: AgencyVersionRow) {
  return {
    code: v.code,
    name: v.name,
    shortName: v.shortName,
    level: v.level,
    tier: v.tier,
    parentId: v.parentAgencyId,
    address: v.address,
    email: v.email,
    phone: v.phone,
    website: v.website,
    validFrom: v.validFrom,
    validTo: v.validTo,
  };
}

export type SuccessionView = Agency['successors'][number];

export function presentAgency(
  v: AgencyVersionRow,
  parentCode: string | null,
  links: { successors: SuccessionView[]; predecessors: SuccessionView[] },
): Agency {
  return { id: v.agencyId, ...presentVersion(v), parentCode, ...links };
}

export function presentAgencyRef(v: AgencyVersionRow) {
  return { id: v.agencyId, code: v.code, name: v.name };
}
