import { and, asc, eq, ne, sql } from 'drizzle-orm';
import { queryRows, type Db } from '../../platform/db/database.js';
import { uuidArray } from '../../platform/db/sql.js';
import type { ActorScope } from '../incoming/index.js';
import { recordItems, workRecords } from './records.tables.js';
import { recordVisibleTo } from './records.visibility.js';

export type RecordRow = typeof workRecords.$inferSelect;
export type RecordItemRow = typeof recordItems.$inferSelect;

/** Locks the record row: item changes and state steps of one record run one after another. */
export async function lockRecord(tx: Db, id: string): Promise<RecordRow | null> {
  const [row] = await tx.select().from(workRecords).where(eq(workRecords.id, id)).for('update');
  return row ?? null;
}

export async function findRecord(db: Db, id: string): Promise<RecordRow | null> {
  const [row] = await db.select().from(workRecords).where(eq(workRecords.id, id));
  return row ?? null;
}

export async function isVisible(db: Db, scope: ActorScope, id: string): Promise<boolean> {
  const rows = await queryRows<{ ok: number }>(
    db,
    sql`select 1 as ok from work_records r where r.id = ${id} and ${recordVisibleTo(scope)}`,
  );
  return rows.length > 0;
}

export async function codeTaken(db: Db, code: string, exceptId?: string): Promise<boolean> {
  const rows = await db
    .select({ id: workRecords.id })
    .from(workRecords)
    .where(and(eq(workRecords.code, code), exceptId ? ne(workRecords.id, exceptId) : undefined));
  return rows.length > 0;
}

export async function insertRecord(tx: Db, row: typeof workRecords.$inferInsert): Promise<void> {
  await tx.insert(workRecords).values(row);
}

export async function updateRecord(
  tx: Db,
  id: string,
  patch: Partial<typeof workRecords.$inferInsert>,
): Promise<void> {
  await tx.update(workRecords).set(patch).where(eq(workRecords.id, id));
}

export async function listItems(db: Db, recordId: string): Promise<RecordItemRow[]> {
  return db
    .select()
    .from(recordItems)
    .where(eq(recordItems.recordId, recordId))
    .orderBy(asc(recordItems.ordinal), asc(recordItems.addedAt));
}

export async function insertItem(tx: Db, row: typeof recordItems.$inferInsert): Promise<void> {
  await tx.insert(recordItems).values(row);
}

export async function deleteItem(tx: Db, recordId: string, itemId: string): Promise<boolean> {
  const rows = await tx
    .delete(recordItems)
    .where(and(eq(recordItems.id, itemId), eq(recordItems.recordId, recordId)))
    .returning({ id: recordItems.id });
  return rows.length > 0;
}

/** Sets DocOrdinal 1…n in the given order (the record row is locked by the caller). */
export async function renumberItems(tx: Db, orderedIds: readonly string[]): Promise<void> {
  if (orderedIds.length === 0) return;
  await tx.execute(sql`update record_items i set ordinal = o.ord
    from unnest(${uuidArray(orderedIds)}) with ordinality as o(id, ord)
    where i.id = o.id`);
}

/** Item ids in chronological order: document date, then arrival/issue, then when added. */
export async function chronologicalItemIds(db: Db, recordId: string): Promise<string[]> {
  const rows = await queryRows<{ id: string }>(
    db,
    sql`select i.id from record_items i
        left join incoming_documents d on d.id = i.incoming_document_id
        left join outgoing_documents o on o.id = i.outgoing_document_id
        where i.record_id = ${recordId}
        order by coalesce(d.issue_date, o.issue_date, (i.added_at at time zone 'Asia/Ho_Chi_Minh')::date),
          coalesce(d.received_at, o.issued_at, i.added_at), i.added_at, i.id`,
  );
  return rows.map((r) => r.id);
}

export interface ItemFacts {
  id: string;
  ordinal: number;
  kind: 'incoming' | 'outgoing';
  reference: string | null;
  state: string;
  source: string | null;
  signed_pdf: boolean;
}

/**
 * What closing and the online verdict look at, per item: the document's state and reference, how
 * an incoming one arrived, whether an outgoing one was signed in the system on a PDF.
 */
export async function itemFacts(db: Db, recordId: string): Promise<ItemFacts[]> {
  return queryRows<ItemFacts>(
    db,
    sql`select i.id, i.ordinal, i.kind,
          coalesce(nullif(d.reference, ''), o.reference) as reference,
          coalesce(d.state::text, o.state::text) as state,
          d.source::text as source,
          (o.id is not null
            and exists (select 1 from outgoing_versions v where v.document_id = o.id and v.kind = 'signed')
            and exists (select 1 from outgoing_version_files vf join files f on f.id = vf.file_id
                        where vf.document_id = o.id and vf.version = o.current_version
                          and vf.role = 'main' and f.media_type = 'application/pdf')) as signed_pdf
        from record_items i
        left join incoming_documents d on d.id = i.incoming_document_id
        left join outgoing_documents o on o.id = i.outgoing_document_id
        where i.record_id = ${recordId}
        order by i.ordinal, i.added_at`,
  );
}

/** Agency clerks (the agency archive is kept by them) who are told about due transfers. */
export async function agencyClerkIds(db: Db, agencyId: string): Promise<string[]> {
  const rows = await queryRows<{ user_id: string }>(
    db,
    sql`select distinct r.user_id from user_roles r join users u on u.id = r.user_id
        where r.agency_id = ${agencyId} and r.role = 'clerk' and not u.disabled`,
  );
  return rows.map((r) => r.user_id);
}

/** The agency's electronic code (OrganId) as of a date, for the record code. */
export async function agencyCodeAsOf(db: Db, agencyId: string, asOf: string) {
  const [row] = await queryRows<{ code: string; name: string }>(
    db,
    sql`select code, name from agency_versions
        where agency_id = ${agencyId} and valid_from <= ${asOf}
          and (valid_to is null or valid_to > ${asOf})
        order by valid_from desc limit 1`,
  );
  return row ?? null;
}
