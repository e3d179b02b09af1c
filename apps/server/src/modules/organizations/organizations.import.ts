import type { AgencyImportReport } from '@vanban/contracts';
import type { Db } from '../../platform/db/database.js';
import { newId } from '../../platform/db/ids.js';
import type { FieldProblem } from '../../platform/errors/app-error.js';
import { vietnamDate, type Clock } from '../../platform/clock/clock.js';
import { recordAuditEvent, type AuditActor } from '../audit/index.js';
import { parseDirectoryFile, type DirectoryRow } from './organizations.models.js';
import * as repo from './organizations.repository.js';
import { organizationErrors } from './organizations.errors.js';

class RollbackForReport extends Error {}

interface ImportDeps {
  db: Db;
  clock: Clock;
  actor: AuditActor | null;
  requestId?: string | null;
  ip?: string | null;
}

/**
 * Imports the agency directory idempotently: a row matches an existing version by code and date;
 * identical rows change nothing, contact data is updated in place, and a new name, level or parent
 * opens a new version (history is never overwritten). All or nothing: any bad row rejects the file.
 */
export async function importDirectory(
  deps: ImportDeps,
  input: { format: 'csv' | 'json'; content: string; dryRun: boolean },
): Promise<AgencyImportReport> {
  const { rows, problems } = parseDirectoryFile(input.format, input.content);
  if (problems.length > 0)
    throw organizationErrors.importInvalid(summarise(problems), { errors: problems });
  const today = vietnamDate(deps.clock.now());
  const report: AgencyImportReport = {
    dryRun: input.dryRun,
    rows: rows.length,
    created: 0,
    newVersions: 0,
    updated: 0,
    unchanged: 0,
    successionsAdded: 0,
  };
  try {
    await deps.db.transaction(async (tx) => {
      const applyProblems = await applyRows(tx, rows, today, report);
      if (applyProblems.length > 0)
        throw organizationErrors.importInvalid(summarise(applyProblems), { errors: applyProblems });
      const changed =
        report.created + report.newVersions + report.updated + report.successionsAdded;
      if (changed > 0) {
        await recordAuditEvent(tx, {
          type: 'agencies.imported',
          actor: deps.actor,
          agencyId: null,
          subject: { type: 'agency_directory', id: 'directory' },
          data: { format: input.format, ...report },
          occurredAt: deps.clock.now(),
          ip: deps.ip ?? null,
          requestId: deps.requestId ?? null,
        });
      }
      if (input.dryRun) throw new RollbackForReport();
    });
  } catch (error) {
    if (!(error instanceof RollbackForReport)) throw error;
  }
  return report;
}

function summarise(problems: FieldProblem[]): string {
  const first = problems[0];
  return `${problems.length} problem(s); first: ${first?.path}: ${first?.message}`;
}

async function applyRows(
  tx: Db,
  rows: DirectoryRow[],
  today: string,
  report: AgencyImportReport,
): Promise<FieldProblem[]> {
  const problems: FieldProblem[] = [];
  // Parents may come later in the file: keep applying rows whose parent resolves until none is left.
  let pending = [...rows];
  while (pending.length > 0) {
    const next: DirectoryRow[] = [];
    for (const row of pending) {
      const parentId = row.parent_code
        ? await resolveParent(tx, row.parent_code, row.valid_from ?? today)
        : null;
      if (parentId === undefined) {
        next.push(row);
        continue;
      }
      await applyRow(tx, row, parentId, today, report);
    }
    if (next.length === pending.length) {
      for (const row of next) {
        problems.push({
          path: `rows[${row.index}].parent_code`,
          message: `parent agency ${row.parent_code} of ${row.code} is neither in the directory nor in the file`,
          code: 'agencies.parent_not_found',
        });
      }
      return problems;
    }
    pending = next;
  }
  for (const row of rows) {
    for (const ref of row.successorRefs) {
      const effectiveDate = ref.effectiveDate ?? row.valid_to ?? today;
      const successor =
        (await repo.findVersionByCode(tx, ref.code, effectiveDate)) ??
        (await repo.findLatestVersionByCode(tx, ref.code));
      const self = await repo.findLatestVersionByCode(tx, row.code);
      if (!successor || !self) {
        problems.push({
          path: `rows[${row.index}].successors`,
          message: `successor agency ${ref.code} not found`,
        });
        continue;
      }
      const added = await repo.insertSuccession(tx, {
        id: newId(),
        predecessorId: self.agencyId,
        successorId: successor.agencyId,
        kind: ref.kind,
        effectiveDate,
      });
      if (added) report.successionsAdded++;
    }
  }
  return problems;
}

async function resolveParent(
  tx: Db,
  parentCode: string,
  on: string,
): Promise<string | null | undefined> {
  const version =
    (await repo.findVersionByCode(tx, parentCode, on)) ??
    (await repo.findVersionByCode(tx, parentCode, null));
  return version?.agencyId;
}

async function applyRow(
  tx: Db,
  row: DirectoryRow,
  parentId: string | null,
  today: string,
  report: AgencyImportReport,
): Promise<void> {
  const identity = {
    name: row.name,
    shortName: row.short_name ?? null,
    level: row.level,
    tier: row.tier,
    parentAgencyId: parentId,
  };
  const contact = {
    address: row.address ?? null,
    email: row.email ?? null,
    phone: row.phone ?? null,
    website: row.website ?? null,
  };
  const existing = row.valid_from
    ? ((await repo.findVersionByCode(tx, row.code, row.valid_from)) ??
      (await repo.findLatestVersionByCode(tx, row.code)))
    : await repo.findLatestVersionByCode(tx, row.code);
  if (!existing) {
    const agencyId = newId();
    await repo.insertAgency(tx, agencyId);
    await repo.insertVersion(tx, {
      id: newId(),
      agencyId,
      code: row.code,
      ...identity,
      ...contact,
      validFrom: row.valid_from ?? today,
      validTo: row.valid_to ?? null,
    });
    report.created++;
    return;
  }
  if (row.valid_from && row.valid_from < existing.validFrom) {
    // An earlier period of an agency we already know: add it to the history before the known one.
    await repo.insertVersion(tx, {
      id: newId(),
      agencyId: existing.agencyId,
      code: row.code,
      ...identity,
      ...contact,
      validFrom: row.valid_from,
      validTo: row.valid_to ?? existing.validFrom,
    });
    report.newVersions++;
    return;
  }
  const sameIdentity =
    existing.name === identity.name &&
    existing.shortName === identity.shortName &&
    existing.level === identity.level &&
    existing.tier === identity.tier &&
    existing.parentAgencyId === identity.parentAgencyId;
  const effective = row.valid_from ?? today;
  if (!sameIdentity && effective > existing.validFrom) {
    // A rename, re-levelling, new tier or move: close the old version and open a new one from the effective date.
    await repo.updateVersion(tx, existing.id, { validTo: effective });
    await repo.insertVersion(tx, {
      id: newId(),
      agencyId: existing.agencyId,
      code: row.code,
      ...identity,
      ...contact,
      validFrom: effective,
      validTo: row.valid_to ?? null,
    });
    report.newVersions++;
    return;
  }
  const validTo = row.valid_to ?? (row.valid_from ? null : existing.validTo);
  const patch = { ...(sameIdentity ? {} : identity), ...contact, validTo };
  const changed = Object.entries(patch).some(
    ([k, v]) => existing[k as keyof typeof existing] !== v,
  );
  if (!changed) {
    report.unchanged++;
    return;
  }
  // Same period: contact data and closing date are corrected in place; an identity change on the
  // version's first day is a correction of a typo, not a new period.
  await repo.updateVersion(tx, existing.id, patch);
  report.updated++;
}
