import type { RecordDetail, RecordListQuery } from '@vanban/contracts';
import { inArray } from 'drizzle-orm';
import { vietnamDate } from '../../platform/clock/clock.js';
import type { Db } from '../../platform/db/database.js';
import { recordAuditEvent } from '../audit/index.js';
import { actorScope, type ActorScope } from '../incoming/index.js';
import { auditActorOf, type Actor, type RequestMeta } from '../identity/index.js';
import { users } from '../identity/identity.tables.js';
import { findEntry } from './records.catalogue.repository.js';
import { recordDocuments } from './records.documents.js';
import { recordsErrors } from './records.errors.js';
import { archiveFlags } from './records.models.js';
import { presentDetail, presentSummary } from './records.presenters.js';
import * as q from './records.queries.js';
import * as repo from './records.repository.js';
import type { RecordsDeps } from './records.usecase-kit.js';

export async function listRecords(
  deps: Pick<RecordsDeps, 'db' | 'clock'>,
  actor: Actor,
  query: RecordListQuery,
) {
  const rows = await q.listRecordSummaries(deps.db, actorScope(actor), query);
  const today = vietnamDate(deps.clock.now());
  return { items: rows.map((r) => presentSummary(r, today)), total: rows[0]?.total ?? 0 };
}

/** Closed records due for transfer to the agency archive within 30 days, or late (App. VI §III.5). */
export async function listDueForArchive(deps: Pick<RecordsDeps, 'db' | 'clock'>, actor: Actor) {
  const today = vietnamDate(deps.clock.now());
  const rows = await q.dueForArchive(deps.db, actorScope(actor), today);
  return {
    items: rows.map((r) => ({
      ...presentSummary(r, today),
      daysLeft: archiveFlags({ state: r.state, archiveDueDate: r.archive_due_date }, today)
        .daysLeft!,
    })),
  };
}

/** The record, its documents and what they are, if the actor may see it (else 404). */
export async function loadVisibleRecord(db: Db, scope: ActorScope, id: string) {
  const record = (await repo.isVisible(db, scope, id)) ? await repo.findRecord(db, id) : null;
  if (!record) throw recordsErrors.notFound();
  return { record, items: await recordDocuments(db, id) };
}

/** Full names of the given users (nulls skipped). */
export async function namesOf(db: Db, ids: (string | null)[]) {
  const wanted = [...new Set(ids.filter((x): x is string => x !== null))];
  const rows = wanted.length
    ? await db
        .select({ id: users.id, fullName: users.fullName })
        .from(users)
        .where(inArray(users.id, wanted))
    : [];
  return new Map(rows.map((r) => [r.id, r.fullName]));
}

/** The record page as the actor sees it now (also the answer to every action). */
export async function getRecord(
  deps: Pick<RecordsDeps, 'db' | 'clock'>,
  actor: Actor,
  id: string,
): Promise<RecordDetail> {
  const scope = actorScope(actor);
  const { record, items } = await loadVisibleRecord(deps.db, scope, id);
  const summary = await q.recordSummary(deps.db, id);
  const entry = record.catalogueEntryId ? await findEntry(deps.db, record.catalogueEntryId) : null;
  return presentDetail({
    summary: summary!,
    record,
    items,
    entry: entry
      ? { id: entry.id, notation: entry.notation, headingTitle: entry.heading_title }
      : null,
    names: await namesOf(deps.db, [record.closedBy, record.archivedBy]),
    scope,
    today: vietnamDate(deps.clock.now()),
  });
}

/** Opening the record page; viewing a confidential record is itself audited (design §3). */
export async function viewRecord(
  deps: Pick<RecordsDeps, 'db' | 'clock'>,
  actor: Actor,
  id: string,
  meta: RequestMeta,
): Promise<RecordDetail> {
  const detail = await getRecord(deps, actor, id);
  if (detail.secrecy !== 'normal')
    await deps.db.transaction((tx) =>
      recordAuditEvent(tx, {
        type: 'records.viewed',
        actor: auditActorOf(actor),
        agencyId: detail.agencyId,
        subject: { type: 'work_record', id },
        data: { secrecy: detail.secrecy },
        occurredAt: deps.clock.now(),
        ip: meta.ip,
        requestId: meta.requestId,
      }),
    );
  return detail;
}
