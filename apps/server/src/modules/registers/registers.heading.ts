import { vietnamDate } from '../../platform/clock/clock.js';
import type { Db } from '../../platform/db/database.js';
import { findDisplayVersions } from '../organizations/index.js';

/** The agency and its parent as a register's title block prints them (names valid today). */
export async function registerAgencyNames(db: Db, agencyId: string, now: Date) {
  const today = vietnamDate(now);
  const agency = (await findDisplayVersions(db, [agencyId], today)).get(agencyId);
  const parent = agency?.parentAgencyId
    ? (await findDisplayVersions(db, [agency.parentAgencyId], today)).get(agency.parentAgencyId)
    : undefined;
  return { agencyName: agency?.name ?? '', parentAgencyName: parent?.name ?? null };
}
