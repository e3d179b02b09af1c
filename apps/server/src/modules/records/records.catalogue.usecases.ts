import type { Catalogue, CatalogueResponse } from '@vanban/contracts';
import type { z } from 'zod';
import type {
  createCatalogueBodySchema,
  createEntryBodySchema,
  createHeadingBodySchema,
} from '@vanban/contracts';
import { vietnamDate } from '../../platform/clock/clock.js';
import type { Db } from '../../platform/db/database.js';
import { newId } from '../../platform/db/ids.js';
import { actorScope } from '../incoming/index.js';
import { usersAdmin, type Actor, type RequestMeta } from '../identity/index.js';
import * as cat from './records.catalogue.repository.js';
import { recordsErrors } from './records.errors.js';
import {
  entryNotation,
  maintenanceOf,
  nextEntryNumber,
  retentionFromYears,
  romanNumeral,
  yearsOf,
} from './records.models.js';
import { agencyCodeAsOf } from './records.repository.js';
import { auditRecord, memberAgencyIds, type RecordsDeps } from './records.usecase-kit.js';

/**
 * The yearly records catalogue (Danh mục hồ sơ, Decree 30 Art. 28, Appendix V): everyone in the
 * agency reads it (it is sent to every unit); clerks, leaders and the agency's administrators
 * keep it.
 */
async function catalogueAccess(
  deps: Pick<RecordsDeps, 'db' | 'clock'>,
  actor: Actor,
  agencyId: string | undefined,
) {
  const target = agencyId ?? actor.agencyId;
  const today = vietnamDate(deps.clock.now());
  const administered = await usersAdmin.administeredAgencyIds(deps, actor);
  const canManage =
    actorScope(actor).agencyWideIds.includes(target) || administered.includes(target);
  const canRead = canManage || memberAgencyIds(actor).includes(target);
  // Existence of another agency's catalogue is not revealed.
  if (!canRead) throw recordsErrors.catalogueNotFound();
  return { agencyId: target, canManage, today };
}

type CatalogueAccess = Awaited<ReturnType<typeof catalogueAccess>>;

function requireManage(access: { canManage: boolean }) {
  if (!access.canManage)
    throw recordsErrors.forbidden('Only clerks, leaders and administrators keep the catalogue');
}

async function presentCatalogue(db: Db, row: cat.CatalogueRow, today: string): Promise<Catalogue> {
  const agency = await agencyCodeAsOf(db, row.agencyId, today);
  const headings = await cat.headingsOf(db, row.id);
  const numerals = new Map<string, string>();
  const tops = headings.filter((h) => h.parentId === null);
  tops.forEach((h, i) => numerals.set(h.id, romanNumeral(i + 1)));
  for (const top of tops)
    headings
      .filter((h) => h.parentId === top.id)
      .forEach((h, i) => numerals.set(h.id, String(i + 1)));
  const entries = await cat.entriesOf(db, row.id);
  const permanent = entries.filter((e) => e.retention_years === null).length;
  return {
    id: row.id,
    agency: { id: row.agencyId, code: agency?.code ?? '', name: agency?.name ?? '' },
    year: row.year,
    numbering: row.numbering,
    approvalRef: row.approvalRef,
    headings: headings.map((h) => ({
      id: h.id,
      parentId: h.parentId,
      numeral: numerals.get(h.id) ?? '',
      abbreviation: h.abbreviation,
      title: h.title,
      position: h.position,
    })),
    entries: entries.map((e) => {
      const retention = retentionFromYears(e.retention_years);
      return {
        id: e.id,
        headingId: e.heading_id,
        number: e.number,
        notation: e.notation,
        title: e.title,
        retention,
        maintenance: maintenanceOf(retention),
        creatorUnit: e.creator_unit_id
          ? { id: e.creator_unit_id, code: e.unit_code ?? '', name: e.unit_name ?? '' }
          : null,
        creatorUser: e.creator_user_id
          ? { id: e.creator_user_id, fullName: e.user_name ?? '' }
          : null,
        notes: e.notes,
        recordId: e.record_id,
      };
    }),
    counts: { total: entries.length, permanent, limited: entries.length - permanent },
  };
}

/** The catalogue of the year as the actor may see it (the access already checked). */
async function catalogueResponse(
  db: Db,
  access: CatalogueAccess,
  year: number,
): Promise<CatalogueResponse> {
  const row = await cat.findCatalogue(db, access.agencyId, year);
  return {
    year,
    agencyId: access.agencyId,
    canManage: access.canManage,
    catalogue: row ? await presentCatalogue(db, row, access.today) : null,
  };
}

export async function getCatalogue(
  deps: Pick<RecordsDeps, 'db' | 'clock'>,
  actor: Actor,
  query: { year?: number | undefined; agencyId?: string | undefined },
): Promise<CatalogueResponse> {
  const access = await catalogueAccess(deps, actor, query.agencyId);
  return catalogueResponse(deps.db, access, query.year ?? Number(access.today.slice(0, 4)));
}

export async function createCatalogue(
  deps: Pick<RecordsDeps, 'db' | 'clock'>,
  actor: Actor,
  meta: RequestMeta,
  body: z.infer<typeof createCatalogueBodySchema>,
  agencyId?: string,
): Promise<CatalogueResponse> {
  const access = await catalogueAccess(deps, actor, agencyId);
  requireManage(access);
  const now = deps.clock.now();
  await deps.db.transaction(async (tx) => {
    const id = newId();
    const created = await cat.insertCatalogue(tx, {
      id,
      agencyId: access.agencyId,
      year: body.year,
      numbering: body.numbering,
      approvalRef: body.approvalRef ?? null,
      createdBy: actor.userId,
      createdAt: now,
      updatedAt: now,
    });
    if (!created) throw recordsErrors.catalogueExists(`The ${body.year} catalogue exists`);
    let copied = null;
    if (body.copyFromYear !== undefined) {
      const source = await cat.findCatalogue(tx, access.agencyId, body.copyFromYear);
      if (!source)
        throw recordsErrors.catalogueNotFound(`No catalogue for ${body.copyFromYear} to copy`);
      copied = await cat.copyCatalogue(tx, source.id, id, actor.userId, now);
    }
    await auditRecord(
      { tx, actor, now, meta },
      { id, agencyId: access.agencyId },
      'records.catalogue_created',
      { year: body.year, numbering: body.numbering, copyFromYear: body.copyFromYear, copied },
      'record_catalogue',
    );
  });
  return catalogueResponse(deps.db, access, body.year);
}

interface CatalogueChange {
  tx: Db;
  catalogue: cat.CatalogueRow;
  headings: cat.HeadingRow[];
  agencyId: string;
  now: Date;
}

/**
 * One change to the catalogue of a year, by those who keep it, in one transaction with its audit
 * event: the catalogue row is locked, so headings and entries of one catalogue change one by one.
 * `change` returns the audit data; the answer is the catalogue as it is now.
 */
async function changeCatalogue(
  deps: Pick<RecordsDeps, 'db' | 'clock'>,
  actor: Actor,
  meta: RequestMeta,
  target: { year: number; agencyId: string | undefined },
  auditType: string,
  change: (ctx: CatalogueChange) => Promise<Record<string, unknown>>,
): Promise<CatalogueResponse> {
  const access = await catalogueAccess(deps, actor, target.agencyId);
  requireManage(access);
  const now = deps.clock.now();
  await deps.db.transaction(async (tx) => {
    const catalogue = await cat.findCatalogue(tx, access.agencyId, target.year, { lock: true });
    if (!catalogue) throw recordsErrors.catalogueNotFound(`No catalogue for ${target.year} yet`);
    const headings = await cat.headingsOf(tx, catalogue.id);
    const data = await change({ tx, catalogue, headings, agencyId: access.agencyId, now });
    await auditRecord(
      { tx, actor, now, meta },
      { id: catalogue.id, agencyId: access.agencyId },
      auditType,
      data,
      'record_catalogue',
    );
  });
  return catalogueResponse(deps.db, access, target.year);
}

export async function addHeading(
  deps: Pick<RecordsDeps, 'db' | 'clock'>,
  actor: Actor,
  meta: RequestMeta,
  body: z.infer<typeof createHeadingBodySchema>,
  agencyId?: string,
): Promise<CatalogueResponse> {
  const target = { year: body.year, agencyId };
  return changeCatalogue(deps, actor, meta, target, 'records.heading_added', async (ctx) => {
    const { tx, catalogue, headings } = ctx;
    const parent = body.parentId ? headings.find((h) => h.id === body.parentId) : null;
    if (body.parentId && !parent) throw recordsErrors.headingInvalid('Unknown parent heading');
    // Appendix V §I.1: two levels, top headings by Roman numeral and sub-headings within them.
    if (parent && parent.parentId !== null)
      throw recordsErrors.headingInvalid('A sub-heading goes under a top heading');
    if (!parent && !body.abbreviation)
      throw recordsErrors.headingInvalid('A top heading needs its abbreviation (e.g. TCCB)');
    const abbreviation = parent ? null : body.abbreviation!;
    if (
      abbreviation &&
      headings.some((h) => h.parentId === null && h.abbreviation === abbreviation)
    )
      throw recordsErrors.headingInvalid(`The abbreviation ${abbreviation} is already used`);
    const siblings = headings.filter((h) => h.parentId === (parent?.id ?? null));
    const last = siblings.reduce((max, h) => Math.max(max, h.position), 0);
    const position = Math.min(body.position ?? last + 1, last + 1);
    if (position <= last) await cat.shiftHeadings(tx, catalogue.id, parent?.id ?? null, position);
    const id = newId();
    await cat.insertHeading(tx, {
      id,
      catalogueId: catalogue.id,
      parentId: parent?.id ?? null,
      position,
      abbreviation,
      title: body.title,
      createdAt: ctx.now,
    });
    return { headingId: id, title: body.title, abbreviation, parentId: parent?.id ?? null };
  });
}

async function checkCreator(db: Db, agencyId: string, unitId?: string, userId?: string) {
  if (unitId && !(await cat.isUnitOf(db, unitId, agencyId)))
    throw recordsErrors.entryInvalid('The unit is not of this agency');
  if (userId && !(await cat.isActiveMemberOf(db, userId, agencyId)))
    throw recordsErrors.entryInvalid('The person is not of this agency');
}

export async function addEntry(
  deps: Pick<RecordsDeps, 'db' | 'clock'>,
  actor: Actor,
  meta: RequestMeta,
  body: z.infer<typeof createEntryBodySchema>,
  agencyId?: string,
): Promise<CatalogueResponse> {
  const target = { year: body.year, agencyId };
  return changeCatalogue(deps, actor, meta, target, 'records.entry_added', async (ctx) => {
    const { tx, catalogue, headings } = ctx;
    const heading = headings.find((h) => h.id === body.headingId);
    if (!heading) throw recordsErrors.entryInvalid('Unknown heading');
    const top = heading.parentId ? headings.find((h) => h.id === heading.parentId)! : heading;
    await checkCreator(tx, ctx.agencyId, body.creatorUnitId, body.creatorUserId);
    // Appendix V §I.2: numbered through the catalogue, or from 01 under each top heading.
    const taken = await cat.takenNumbers(
      tx,
      catalogue.id,
      catalogue.numbering === 'per_heading' ? top.id : null,
    );
    const number = body.number ?? nextEntryNumber(taken);
    const notation = entryNotation(number, top.abbreviation!);
    const id = newId();
    const inserted = await cat.insertEntry(tx, {
      id,
      catalogueId: catalogue.id,
      headingId: heading.id,
      number,
      notation,
      title: body.title,
      retentionYears: yearsOf(body.retention),
      creatorUnitId: body.creatorUnitId ?? null,
      creatorUserId: body.creatorUserId ?? null,
      notes: body.notes ?? null,
      createdBy: actor.userId,
      createdAt: ctx.now,
    });
    if (!inserted) throw recordsErrors.entryInvalid(`The notation ${notation} is already used`);
    return { entryId: id, notation, title: body.title, retention: body.retention };
  });
}
