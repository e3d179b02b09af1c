import { and, asc, eq, sql } from 'drizzle-orm';
import { queryRows, type Db } from '../../platform/db/database.js';
import { newId } from '../../platform/db/ids.js';
import { recordCatalogueEntries, recordCatalogues, recordHeadings } from './records.tables.js';

export type CatalogueRow = typeof recordCatalogues.$inferSelect;
export type HeadingRow = typeof recordHeadings.$inferSelect;

export async function findCatalogue(
  db: Db,
  agencyId: string,
  year: number,
  options: { lock?: boolean } = {},
): Promise<CatalogueRow | null> {
  const query = db
    .select()
    .from(recordCatalogues)
    .where(and(eq(recordCatalogues.agencyId, agencyId), eq(recordCatalogues.year, year)));
  const [row] = options.lock ? await query.for('update') : await query;
  return row ?? null;
}

export async function insertCatalogue(tx: Db, row: typeof recordCatalogues.$inferInsert) {
  const rows = await tx
    .insert(recordCatalogues)
    .values(row)
    .onConflictDoNothing()
    .returning({ id: recordCatalogues.id });
  return rows.length > 0;
}

export async function headingsOf(db: Db, catalogueId: string): Promise<HeadingRow[]> {
  return db
    .select()
    .from(recordHeadings)
    .where(eq(recordHeadings.catalogueId, catalogueId))
    .orderBy(asc(recordHeadings.position), asc(recordHeadings.createdAt));
}

export async function insertHeading(tx: Db, row: typeof recordHeadings.$inferInsert) {
  await tx.insert(recordHeadings).values(row);
}

/** Makes room at `position` among the siblings (same parent) of one catalogue. */
export async function shiftHeadings(
  tx: Db,
  catalogueId: string,
  parentId: string | null,
  from: number,
) {
  await tx.execute(sql`update record_headings set position = position + 1
    where catalogue_id = ${catalogueId} and position >= ${from}
      and parent_id is not distinct from ${parentId}::uuid`);
}

export interface EntryView {
  id: string;
  heading_id: string;
  number: number;
  notation: string;
  title: string;
  retention_years: number | null;
  creator_unit_id: string | null;
  creator_user_id: string | null;
  notes: string | null;
  unit_code: string | null;
  unit_name: string | null;
  user_name: string | null;
  record_id: string | null;
}

/** The entries with their creator's names and the record opened from each. */
export async function entriesOf(db: Db, catalogueId: string): Promise<EntryView[]> {
  return queryRows<EntryView>(
    db,
    sql`select e.id, e.heading_id, e.number, e.notation, e.title, e.retention_years,
          e.creator_unit_id, e.creator_user_id, e.notes, un.code as unit_code,
          un.name as unit_name, us.full_name as user_name, r.id as record_id
        from record_catalogue_entries e
        left join units un on un.id = e.creator_unit_id
        left join users us on us.id = e.creator_user_id
        left join work_records r on r.catalogue_entry_id = e.id
        where e.catalogue_id = ${catalogueId}
        order by e.number, e.notation`,
  );
}

export async function findEntry(db: Db, id: string) {
  const [row] = await queryRows<{
    id: string;
    catalogue_id: string;
    agency_id: string;
    year: number;
    notation: string;
    title: string;
    retention_years: number | null;
    heading_title: string;
  }>(
    db,
    sql`select e.id, e.catalogue_id, c.agency_id, c.year, e.notation, e.title, e.retention_years,
          h.title as heading_title
        from record_catalogue_entries e join record_catalogues c on c.id = e.catalogue_id
        join record_headings h on h.id = e.heading_id
        where e.id = ${id}`,
  );
  return row ?? null;
}

/** Numbers already used in scope: one top heading (with its sub-headings) or the catalogue. */
export async function takenNumbers(
  db: Db,
  catalogueId: string,
  topHeadingId: string | null,
): Promise<number[]> {
  const rows = await queryRows<{ number: number }>(
    db,
    topHeadingId
      ? sql`select e.number from record_catalogue_entries e join record_headings h on h.id = e.heading_id
            where e.catalogue_id = ${catalogueId} and (h.id = ${topHeadingId} or h.parent_id = ${topHeadingId})`
      : sql`select number from record_catalogue_entries where catalogue_id = ${catalogueId}`,
  );
  return rows.map((r) => r.number);
}

export async function insertEntry(tx: Db, row: typeof recordCatalogueEntries.$inferInsert) {
  const rows = await tx
    .insert(recordCatalogueEntries)
    .values(row)
    .onConflictDoNothing()
    .returning({ id: recordCatalogueEntries.id });
  return rows.length > 0;
}

/** Copies an earlier catalogue's headings (keeping the tree) and entries into a new one. */
export async function copyCatalogue(
  tx: Db,
  from: string,
  to: string,
  by: string,
  now: Date,
): Promise<{ headings: number; entries: number }> {
  const headings = await headingsOf(tx, from);
  const ids = new Map(headings.map((h) => [h.id, newId()]));
  // Parents first, so the self-reference is always to a row that exists.
  const ordered = [...headings].sort(
    (a, b) => Number(a.parentId !== null) - Number(b.parentId !== null),
  );
  for (const h of ordered)
    await insertHeading(tx, {
      id: ids.get(h.id)!,
      catalogueId: to,
      parentId: h.parentId ? (ids.get(h.parentId) ?? null) : null,
      position: h.position,
      abbreviation: h.abbreviation,
      title: h.title,
      createdAt: now,
    });
  const entries = await tx
    .select()
    .from(recordCatalogueEntries)
    .where(eq(recordCatalogueEntries.catalogueId, from));
  if (entries.length > 0)
    await tx.insert(recordCatalogueEntries).values(
      entries.map((e) => ({
        ...e,
        id: newId(),
        catalogueId: to,
        headingId: ids.get(e.headingId)!,
        createdBy: by,
        createdAt: now,
      })),
    );
  return { headings: headings.length, entries: entries.length };
}

/** A catalogue entry's creator unit must be one of the agency's. */
export async function isUnitOf(db: Db, unitId: string, agencyId: string): Promise<boolean> {
  const rows = await queryRows<{ ok: number }>(
    db,
    sql`select 1 as ok from units where id = ${unitId} and agency_id = ${agencyId}`,
  );
  return rows.length > 0;
}

/** A catalogue entry's creator must be an active person of the agency (home or a role). */
export async function isActiveMemberOf(db: Db, userId: string, agencyId: string): Promise<boolean> {
  const rows = await queryRows<{ ok: number }>(
    db,
    sql`select 1 as ok from users u where u.id = ${userId} and not u.disabled
        and (u.agency_id = ${agencyId}
             or exists (select 1 from user_roles r where r.user_id = u.id and r.agency_id = ${agencyId}))`,
  );
  return rows.length > 0;
}
