import type { OpenRecordBody, RecordItemKind, Secrecy, UpdateRecordBody } from '@vanban/contracts';
import type { z } from 'zod';
import type { reorderRecordItemsBodySchema } from '@vanban/contracts';
import { sql } from 'drizzle-orm';
import { vietnamDate } from '../../platform/clock/clock.js';
import { queryRows, type Db } from '../../platform/db/database.js';
import { newId } from '../../platform/db/ids.js';
import { incomingVisibleTo, type ActorScope } from '../incoming/index.js';
import type { Actor, RequestMeta } from '../identity/index.js';
import { outgoingScope, outgoingVisibleTo } from '../outgoing/index.js';
import { findEntry } from './records.catalogue.repository.js';
import { recordsErrors } from './records.errors.js';
import {
  assertOpen,
  higherSecrecy,
  maintenanceOf,
  recordCode,
  retentionFromYears,
} from './records.models.js';
import * as repo from './records.repository.js';
import {
  auditRecord,
  inRecordStep,
  memberAgencyIds,
  unitOf,
  type RecordsDeps,
  type RecordStep,
} from './records.usecase-kit.js';

/** Chế độ sử dụng of a confidential record: its secrecy level, as stamped on the documents. */
const SECRECY_RIGHTS: Record<Exclude<Secrecy, 'normal'>, string> = {
  confidential: 'Mật',
  secret: 'Tối mật',
  top_secret: 'Tuyệt mật',
};

/**
 * Opens a record (Decree 30 Art. 29 §2): from an entry of the catalogue, taking its notation,
 * title and retention; or ad hoc, the creator giving title and notation (retention may follow,
 * closing requires it). The creator is the person who opens it; the start date defaults to today.
 */
export async function openRecord(
  deps: Pick<RecordsDeps, 'db' | 'clock'>,
  actor: Actor,
  meta: RequestMeta,
  body: OpenRecordBody,
): Promise<string> {
  const now = deps.clock.now();
  const today = vietnamDate(now);
  const startDate = body.startDate ?? today;
  return deps.db.transaction(async (tx) => {
    let fields: { agencyId: string; year: number; notation: string; title: string };
    let maintenance: string | null;
    let entryId: string | null = null;
    if ('entryId' in body) {
      const entry = await findEntry(tx, body.entryId);
      if (!entry || !memberAgencyIds(actor).includes(entry.agency_id))
        throw recordsErrors.entryInvalid('Unknown catalogue entry');
      const opened = await queryRows<{ id: string }>(
        tx,
        sql`select id from work_records where catalogue_entry_id = ${entry.id}`,
      );
      if (opened.length > 0) throw recordsErrors.entryOpened(`Record ${entry.notation} is open`);
      entryId = entry.id;
      fields = {
        agencyId: entry.agency_id,
        year: entry.year,
        notation: entry.notation,
        title: entry.title,
      };
      maintenance = maintenanceOf(retentionFromYears(entry.retention_years));
    } else {
      fields = {
        agencyId: actor.agencyId,
        year: body.year ?? Number(startDate.slice(0, 4)),
        notation: body.notation,
        title: body.title,
      };
      maintenance = body.retention !== undefined ? maintenanceOf(body.retention) : null;
    }
    const agency = await repo.agencyCodeAsOf(tx, fields.agencyId, today);
    if (!agency) throw recordsErrors.entryInvalid('The agency has no electronic code');
    const code = recordCode(agency.code, fields.year, fields.notation);
    if (await repo.codeTaken(tx, code)) throw recordsErrors.codeTaken(`${code} exists`);
    const secrecy = body.secrecy ?? 'normal';
    const id = newId();
    await repo.insertRecord(tx, {
      id,
      ...fields,
      organId: agency.code,
      code,
      catalogueEntryId: entryId,
      maintenance,
      rights: body.rights ?? (secrecy === 'normal' ? null : SECRECY_RIGHTS[secrecy]),
      language: body.language ?? 'Tiếng Việt',
      startDate,
      endDate: null,
      description: body.description ?? null,
      construction: body.construction ?? false,
      secrecy,
      state: 'open',
      creatorId: actor.userId,
      creatorUnitId: unitOf(actor, fields.agencyId),
      openedAt: now,
      createdAt: now,
      updatedAt: now,
    });
    await auditRecord(
      { tx, actor, now, meta },
      { id, agencyId: fields.agencyId },
      'records.opened',
      {
        code,
        title: fields.title,
        catalogueEntryId: entryId,
      },
    );
    return id;
  });
}

/** Fills in or corrects metadata while the record is open (Art. 29 §4b: title, notation…). */
export async function updateRecord(
  deps: Pick<RecordsDeps, 'db' | 'clock'>,
  actor: Actor,
  id: string,
  meta: RequestMeta,
  body: UpdateRecordBody,
) {
  await inRecordStep(deps, actor, id, meta, async (ctx) => {
    const r = ctx.record;
    assertOpen(r.state);
    const patch: Partial<repo.RecordRow> = {};
    if (body.title !== undefined) patch.title = body.title;
    if (body.retention !== undefined) patch.maintenance = maintenanceOf(body.retention);
    if (body.rights !== undefined) patch.rights = body.rights;
    if (body.language !== undefined) patch.language = body.language;
    if (body.startDate !== undefined) patch.startDate = body.startDate;
    if (body.endDate !== undefined) patch.endDate = body.endDate;
    if (body.description !== undefined) patch.description = body.description;
    if (body.construction !== undefined) patch.construction = body.construction;
    if (body.notation !== undefined && body.notation !== r.notation) {
      const code = recordCode(r.organId, r.year, body.notation);
      if (await repo.codeTaken(ctx.tx, code, r.id)) throw recordsErrors.codeTaken(`${code} exists`);
      Object.assign(patch, { notation: body.notation, code });
    }
    const start = patch.startDate ?? r.startDate;
    const end = patch.endDate === undefined ? r.endDate : patch.endDate;
    if (start && end && end < start)
      throw recordsErrors.datesInvalid('The end date is before the start date');
    if (Object.keys(patch).length === 0) return;
    await repo.updateRecord(ctx.tx, r.id, { ...patch, updatedAt: ctx.now });
    await auditRecord(ctx, r, 'records.updated', { fields: Object.keys(patch), ...patch });
  });
}

interface DocumentFacts {
  id: string;
  agency_id: string;
  state: string;
  secrecy: Secrecy;
}

/** The document, if the actor may see it: records never widen what a person can reach. */
async function visibleDocument(
  tx: Db,
  actor: Actor,
  scope: ActorScope,
  kind: RecordItemKind,
  documentId: string,
): Promise<DocumentFacts | null> {
  const [row] = await queryRows<DocumentFacts>(
    tx,
    kind === 'incoming'
      ? sql`select d.id, d.agency_id, d.state::text as state, d.secrecy::text as secrecy
            from incoming_documents d where d.id = ${documentId} and ${incomingVisibleTo(scope)}`
      : sql`select d.id, d.agency_id, d.state::text as state, d.secrecy::text as secrecy
            from outgoing_documents d where d.id = ${documentId}
              and ${outgoingVisibleTo(outgoingScope(actor))}`,
  );
  return row ?? null;
}

/** Not yet registered, returned to its sender or revoked: not part of the agency's work. */
const INELIGIBLE: Record<RecordItemKind, readonly string[]> = {
  incoming: ['received', 'returned', 'revoked'],
  outgoing: ['revoked'],
};

/**
 * Puts a document in a record by reference (App. VI Part I §III.4: one document in several
 * records, of different people, without a copy). The actor must see the document; it must be
 * the record's agency's; a confidential document goes only into a record of the actor's own,
 * which becomes at least as confidential.
 */
export async function addItem(
  deps: Pick<RecordsDeps, 'db' | 'clock'>,
  actor: Actor,
  id: string,
  meta: RequestMeta,
  body: { kind: RecordItemKind; documentId: string },
): Promise<string> {
  return inRecordStep(deps, actor, id, meta, async (ctx) => {
    const r = ctx.record;
    assertOpen(r.state);
    const doc = await visibleDocument(ctx.tx, actor, ctx.scope, body.kind, body.documentId);
    if (!doc) throw recordsErrors.documentNotFound();
    if (doc.agency_id !== r.agencyId)
      throw recordsErrors.documentNotEligible("The document is not of the record's agency");
    if (INELIGIBLE[body.kind].includes(doc.state))
      throw recordsErrors.documentNotEligible(`A ${doc.state} document cannot be filed`);
    if (doc.secrecy !== 'normal' && !ctx.scope.userIds.includes(r.creatorId))
      throw recordsErrors.secretNeedsOwner();
    const items = await repo.listItems(ctx.tx, r.id);
    const column = body.kind === 'incoming' ? 'incomingDocumentId' : 'outgoingDocumentId';
    if (items.some((i) => i[column] === doc.id)) throw recordsErrors.documentAlreadyInRecord();
    const itemId = newId();
    await repo.insertItem(ctx.tx, {
      id: itemId,
      recordId: r.id,
      kind: body.kind,
      incomingDocumentId: body.kind === 'incoming' ? doc.id : null,
      outgoingDocumentId: body.kind === 'outgoing' ? doc.id : null,
      ordinal: items.reduce((max, i) => Math.max(max, i.ordinal), 0) + 1,
      addedBy: actor.userId,
      addedAt: ctx.now,
    });
    const secrecy = higherSecrecy(r.secrecy, doc.secrecy);
    const raised = secrecy !== r.secrecy && secrecy !== 'normal';
    // The usage regime follows the level unless the creator wrote another one.
    const labelled = !r.rights || Object.values(SECRECY_RIGHTS).includes(r.rights);
    await repo.updateRecord(ctx.tx, r.id, {
      secrecy,
      ...(raised && labelled ? { rights: SECRECY_RIGHTS[secrecy] } : {}),
      updatedAt: ctx.now,
    });
    await auditRecord(ctx, r, 'records.item_added', {
      itemId,
      kind: body.kind,
      documentId: doc.id,
      ...(secrecy !== r.secrecy ? { secrecy } : {}),
    });
    return itemId;
  });
}

export async function removeItem(
  deps: Pick<RecordsDeps, 'db' | 'clock'>,
  actor: Actor,
  id: string,
  itemId: string,
  meta: RequestMeta,
) {
  await inRecordStep(deps, actor, id, meta, async (ctx) => {
    assertOpen(ctx.record.state);
    const item = (await repo.listItems(ctx.tx, id)).find((i) => i.id === itemId);
    if (!item || !(await repo.deleteItem(ctx.tx, id, itemId))) throw recordsErrors.itemNotFound();
    // DocOrdinal stays 1…n without gaps.
    await repo.renumberItems(
      ctx.tx,
      (await repo.listItems(ctx.tx, id)).map((i) => i.id),
    );
    await touch(ctx);
    await auditRecord(ctx, ctx.record, 'records.item_removed', {
      itemId,
      kind: item.kind,
      documentId: item.incomingDocumentId ?? item.outgoingDocumentId,
    });
  });
}

export async function reorderItems(
  deps: Pick<RecordsDeps, 'db' | 'clock'>,
  actor: Actor,
  id: string,
  meta: RequestMeta,
  body: z.infer<typeof reorderRecordItemsBodySchema>,
) {
  await inRecordStep(deps, actor, id, meta, async (ctx) => {
    assertOpen(ctx.record.state);
    const current = (await repo.listItems(ctx.tx, id)).map((i) => i.id);
    let order: string[];
    if ('by' in body) order = await repo.chronologicalItemIds(ctx.tx, id);
    else {
      order = body.itemIds;
      const same =
        new Set(order).size === order.length &&
        order.length === current.length &&
        order.every((x) => current.includes(x));
      if (!same) throw recordsErrors.reorderInvalid();
    }
    await repo.renumberItems(ctx.tx, order);
    await touch(ctx);
    await auditRecord(ctx, ctx.record, 'records.items_reordered', {
      by: 'by' in body ? body.by : 'hand',
      order,
    });
  });
}

async function touch(ctx: RecordStep) {
  await repo.updateRecord(ctx.tx, ctx.record.id, { updatedAt: ctx.now });
}
