import type { Due, TaskCoOwnerInput, TaskOwnerInput } from '@vanban/contracts';
import type { Db } from '../../platform/db/database.js';
import { loadWorkingCalendar } from '../calendar/index.js';
import { agencySubtreeIds, findUnits } from '../organizations/index.js';
import { tasksErrors } from './tasks.errors.js';
import { checkDueDate, dueDateFrom } from './tasks.models.js';
import * as repo from './tasks.repository.js';

export interface ResolvedOwner {
  ownerAgencyId: string;
  ownerUnitId: string | null;
  ownerUserId: string | null;
}

/**
 * Agencies that may own a task issued by `issuerAgencyId`: the issuer and the agencies below it in
 * the directory on `today` (effective-dated parent links). For a sub-task, also the agencies below
 * the issuer of the parent task: a department that owns a city task hands parts of it to communes of
 * the city (docs/decisions/0011-tasks.md).
 */
export async function allowedOwnerAgencies(
  db: Db,
  roots: string[],
  today: string,
): Promise<Set<string>> {
  return new Set(await agencySubtreeIds(db, [...new Set(roots)], today));
}

const invalid = (path: string, message: string, code = 'not_allowed') =>
  tasksErrors.ownerInvalid(message, { errors: [{ path, message, code }] });

/**
 * Resolve an owner: a current unit, an active person (of the unit when one is given), and the
 * agency they belong to, which must be one the issuer may give work to.
 */
export async function resolveOwner(
  db: Db,
  input: TaskOwnerInput,
  issuerAgencyId: string,
  allowed: Set<string>,
  path = 'body.owner',
): Promise<ResolvedOwner> {
  let agencyId = input.agencyId ?? null;
  if (input.unitId) {
    const [unit] = await findUnits(db, [input.unitId]);
    if (!unit || unit.validTo !== null)
      throw invalid(`${path}.unitId`, 'The unit is not a current unit', 'unknown');
    if (agencyId !== null && unit.agencyId !== agencyId)
      throw invalid(`${path}.unitId`, 'The unit is not a unit of the owner agency');
    agencyId = unit.agencyId;
  }
  if (input.userId) {
    const [user] = await repo.findActiveUsers(db, [input.userId]);
    if (!user) throw invalid(`${path}.userId`, 'The person is not an active user', 'unknown');
    if (input.unitId && !user.unit_ids.includes(input.unitId))
      throw invalid(`${path}.userId`, 'The person is not a member of the owner unit');
    if (agencyId === null)
      agencyId = user.agency_ids.includes(issuerAgencyId)
        ? issuerAgencyId
        : (user.agency_ids.find((a) => allowed.has(a)) ?? user.agency_ids[0] ?? null);
    if (agencyId === null || !user.agency_ids.includes(agencyId))
      throw invalid(`${path}.userId`, 'The person does not belong to the owner agency');
  }
  if (agencyId === null) agencyId = issuerAgencyId;
  if (!allowed.has(agencyId))
    throw invalid(
      `${path}.agencyId`,
      'The owner agency is neither the issuing agency nor an agency under it in the directory',
    );
  return {
    ownerAgencyId: agencyId,
    ownerUnitId: input.unitId ?? null,
    ownerUserId: input.userId ?? null,
  };
}

/** Co-owners: agencies the issuer may give work to, current units and active people of them. */
export async function resolveCoOwners(
  db: Db,
  inputs: TaskCoOwnerInput[],
  allowed: Set<string>,
  owner: ResolvedOwner,
  path = 'body.coOwners',
): Promise<repo.CoOwner[]> {
  const ownerIds = new Set([owner.ownerAgencyId, owner.ownerUnitId, owner.ownerUserId]);
  const idsOf = (kind: TaskCoOwnerInput['kind']) =>
    inputs.filter((c) => c.kind === kind).map((c) => c.id);
  const units = new Map((await findUnits(db, idsOf('unit'))).map((u) => [u.id, u]));
  const users = new Map((await repo.findActiveUsers(db, idsOf('user'))).map((u) => [u.id, u]));
  const seen = new Set<string>();
  const out: repo.CoOwner[] = [];
  for (const [i, c] of inputs.entries()) {
    if (seen.has(c.id) || ownerIds.has(c.id)) continue;
    seen.add(c.id);
    const p = `${path}.${i}.id`;
    if (c.kind === 'agency' && !allowed.has(c.id))
      throw invalid(p, 'The co-owner agency is not one the issuer may give work to');
    if (c.kind === 'unit') {
      const unit = units.get(c.id);
      if (!unit || unit.validTo !== null || !allowed.has(unit.agencyId))
        throw invalid(p, 'The co-owner unit is not a current unit of an allowed agency');
    }
    if (c.kind === 'user') {
      const user = users.get(c.id);
      if (!user || !user.agency_ids.some((a) => allowed.has(a)))
        throw invalid(p, 'The co-owner is not an active user of an allowed agency');
    }
    out.push({ kind: c.kind, principalId: c.id });
  }
  return out;
}

/** The leader in whose name a task is given must lead (or deputise in) the issuing agency. */
export async function checkAssigningLeader(db: Db, userId: string, agencyId: string) {
  if (!(await repo.isLeaderOf(db, userId, agencyId)))
    throw tasksErrors.ownerInvalid('The assigning leader must lead the issuing agency', {
      errors: [{ path: 'body.assigningLeaderId', message: userId, code: 'not_leader' }],
    });
}

/** A due date from the body (a date or working days after the start), checked against today. */
export async function resolveDue(
  db: Db,
  due: Due | undefined,
  startDate: string,
  today: string,
  path = 'body.due',
): Promise<string | null> {
  if (due === undefined) return null;
  const year = Number(startDate.slice(0, 4));
  // 365 working days at most (the contract's cap) end within two calendar years of the start.
  const calendar = await loadWorkingCalendar(db, [year, year + 1, year + 2]);
  const date = dueDateFrom(due, startDate, calendar);
  checkDueDate(date, startDate, today, path);
  return date;
}
