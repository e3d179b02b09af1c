import type { Agency, AgencyTier } from '@vanban/contracts';
import { stringify } from 'csv-stringify/sync';
import { vietnamDate, type Clock } from '../../platform/clock/clock.js';
import type { Db } from '../../platform/db/database.js';
import { newId } from '../../platform/db/ids.js';
import { recordAuditEvent, type AuditActor } from '../audit/index.js';
import { directoryColumns, formatSuccessors } from './organizations.models.js';
import { organizationErrors } from './organizations.errors.js';
import { presentAgency, presentVersion, type SuccessionView } from './organizations.presenters.js';
import * as repo from './organizations.repository.js';

async function withLinks(
  db: Db,
  versions: repo.AgencyVersionRow[],
  asOf: string,
): Promise<Agency[]> {
  const ids = versions.map((v) => v.agencyId);
  const successions = await repo.listSuccessions(db, ids);
  const related = [
    ...versions.map((v) => v.parentAgencyId),
    ...successions.flatMap((s) => [s.predecessorId, s.successorId]),
  ].filter((x): x is string => x !== null);
  const display = await repo.findDisplayVersions(db, related, asOf);
  const view = (
    agencyId: string,
    kind: SuccessionView['kind'],
    effectiveDate: string,
  ): SuccessionView => {
    const v = display.get(agencyId);
    return { kind, agencyId, code: v?.code ?? '', name: v?.name ?? '', effectiveDate };
  };
  return versions.map((v) =>
    presentAgency(v, v.parentAgencyId ? (display.get(v.parentAgencyId)?.code ?? null) : null, {
      successors: successions
        .filter((s) => s.predecessorId === v.agencyId)
        .map((s) => view(s.successorId, s.kind, s.effectiveDate)),
      predecessors: successions
        .filter((s) => s.successorId === v.agencyId)
        .map((s) => view(s.predecessorId, s.kind, s.effectiveDate)),
    }),
  );
}

export async function listAgencies(
  deps: { db: Db; clock: Clock },
  query: {
    asOf?: string;
    q?: string;
    parentId?: string;
    level?: number;
    tier?: AgencyTier;
    includeClosed?: boolean;
    limit: number;
  },
) {
  const asOf = query.asOf ?? vietnamDate(deps.clock.now());
  const versions = await repo.searchAgencies(deps.db, { ...query, asOf });
  return { asOf, items: await withLinks(deps.db, versions, asOf) };
}

export async function getAgency(
  deps: { db: Db; clock: Clock },
  agencyId: string,
  asOfInput?: string,
) {
  const asOf = asOfInput ?? vietnamDate(deps.clock.now());
  const history = await repo.listVersionsOf(deps.db, agencyId);
  if (history.length === 0) throw organizationErrors.agencyNotFound();
  const current =
    (await repo.findDisplayVersions(deps.db, [agencyId], asOf)).get(agencyId) ??
    history[history.length - 1]!;
  const [agency] = await withLinks(deps.db, [current], asOf);
  const units = await repo.listUnits(deps.db, agencyId);
  return {
    ...agency!,
    history: history.map(presentVersion),
    units: units.map((u) => ({
      id: u.id,
      code: u.code,
      name: u.name,
      parentUnitId: u.parentUnitId,
      validFrom: u.validFrom,
      validTo: u.validTo,
    })),
  };
}

/** Every version (or those valid on `asOf`) as rows of the exchange format. */
export async function exportDirectory(
  deps: { db: Db },
  options: { format: 'csv' | 'json'; asOf?: string },
): Promise<string> {
  const versions = await repo.listAllVersions(deps.db, options.asOf ?? null);
  const successions = await repo.listSuccessions(deps.db, [
    ...new Set(versions.map((v) => v.agencyId)),
  ]);
  const related = [
    ...versions.map((v) => v.parentAgencyId),
    ...successions.map((s) => s.successorId),
  ].filter((x): x is string => x !== null);
  const rows = [];
  for (const v of versions) {
    const display = await repo.findDisplayVersions(deps.db, related, v.validFrom);
    const succ = await repo.findDisplayVersions(
      deps.db,
      successions.map((s) => s.successorId),
      v.validTo ?? vietnamDate(new Date()),
    );
    const isLast =
      v.validTo === null ||
      !versions.some((o) => o.agencyId === v.agencyId && o.validFrom > v.validFrom);
    rows.push({
      code: v.code,
      name: v.name,
      short_name: v.shortName ?? '',
      level: v.level,
      tier: v.tier,
      parent_code: v.parentAgencyId ? (display.get(v.parentAgencyId)?.code ?? '') : '',
      address: v.address ?? '',
      email: v.email ?? '',
      phone: v.phone ?? '',
      website: v.website ?? '',
      valid_from: v.validFrom,
      valid_to: v.validTo ?? '',
      // Reorganisation links belong to the agency's last period.
      successors: isLast
        ? formatSuccessors(
            successions
              .filter((s) => s.predecessorId === v.agencyId)
              .map((s) => ({
                kind: s.kind,
                code: succ.get(s.successorId)?.code ?? '',
                effectiveDate: s.effectiveDate,
              })),
          )
        : '',
    });
  }
  if (options.format === 'json') {
    const compact = rows.map((r) =>
      Object.fromEntries(Object.entries(r).filter(([, val]) => val !== '')),
    );
    return `${JSON.stringify(compact, null, 2)}\n`;
  }
  return stringify(rows, { header: true, columns: [...directoryColumns] });
}

export async function createUnit(
  deps: {
    db: Db;
    clock: Clock;
    actor: AuditActor | null;
    requestId?: string | null;
    ip?: string | null;
  },
  agencyId: string,
  input: { code: string; name: string; parentUnitId?: string; validFrom?: string },
) {
  return deps.db.transaction(async (tx) => {
    const history = await repo.listVersionsOf(tx, agencyId);
    if (history.length === 0) throw organizationErrors.agencyNotFound();
    if (await repo.findCurrentUnitByCode(tx, agencyId, input.code))
      throw organizationErrors.unitCodeTaken(input.code);
    if (input.parentUnitId) {
      const [parent] = await repo.findUnits(tx, [input.parentUnitId]);
      if (!parent || parent.agencyId !== agencyId)
        throw organizationErrors.unitNotFound('The parent unit is not in this agency');
    }
    const unit = {
      id: newId(),
      agencyId,
      code: input.code,
      name: input.name,
      parentUnitId: input.parentUnitId ?? null,
      validFrom: input.validFrom ?? vietnamDate(deps.clock.now()),
      validTo: null,
    };
    await repo.insertUnit(tx, unit);
    await recordAuditEvent(tx, {
      type: 'units.created',
      actor: deps.actor,
      agencyId,
      subject: { type: 'unit', id: unit.id },
      data: { code: unit.code, name: unit.name },
      occurredAt: deps.clock.now(),
      requestId: deps.requestId ?? null,
      ip: deps.ip ?? null,
    });
    return unit;
  });
}
