import type { AssignmentRole, Secrecy } from '@vanban/contracts';
import { and, asc, eq, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import { queryRows, type Db } from '../../platform/db/database.js';
import { uuidArray } from '../../platform/db/sql.js';
import {
  assignments,
  incomingAccess,
  incomingComments,
  incomingDocumentFiles,
  incomingDocuments,
} from './incoming.tables.js';
import type { ActorScope } from './incoming.models.js';
import { visibleTo } from './incoming.visibility.js';

export type DocumentRow = typeof incomingDocuments.$inferSelect;
export type AssignmentRow = typeof assignments.$inferSelect;

export async function insertDocument(tx: Db, row: typeof incomingDocuments.$inferInsert) {
  await tx.insert(incomingDocuments).values(row);
}

export async function updateDocument(
  tx: Db,
  id: string,
  patch: Partial<typeof incomingDocuments.$inferInsert>,
) {
  await tx.update(incomingDocuments).set(patch).where(eq(incomingDocuments.id, id));
}

export async function findDocument(db: Db, id: string): Promise<DocumentRow | null> {
  const [row] = await db.select().from(incomingDocuments).where(eq(incomingDocuments.id, id));
  return row ?? null;
}

/** `incoming_documents` as `d`, the alias the visibility predicate expects. */
const d = alias(incomingDocuments, 'd');

/**
 * The document if the actor may see it, in one statement; `null` when missing or not visible.
 * With `lock`, the row is locked for the rest of the transaction (a double submit waits, then sees
 * the new state); only the document row is locked — the access rows are read in a subquery, which
 * `for update` does not lock — and visibility is checked again on the row once the lock is granted.
 */
export async function findVisibleDocument(
  db: Db,
  scope: ActorScope,
  id: string,
  options: { lock?: boolean } = {},
): Promise<DocumentRow | null> {
  const query = db
    .select()
    .from(d)
    .where(and(eq(d.id, id), visibleTo(scope)));
  const [row] = await (options.lock ? query.for('update') : query);
  return row ?? null;
}

/** Lock the row for the rest of the transaction: a double submit waits, then sees the new state. */
export async function lockDocument(tx: Db, id: string): Promise<DocumentRow | null> {
  const [row] = await tx
    .select()
    .from(incomingDocuments)
    .where(eq(incomingDocuments.id, id))
    .for('update');
  return row ?? null;
}

/** The actor's unread active assignments on the document become read; their ids. */
export async function markAssignmentsRead(
  db: Db,
  documentId: string,
  userIds: string[],
  at: Date,
): Promise<string[]> {
  const rows = await queryRows<{ id: string }>(
    db,
    sql`update assignments set read_at = ${at.toISOString()}
        where document_id = ${documentId} and read_at is null and active
          and user_id = any(${uuidArray(userIds)})
        returning id`,
  );
  return rows.map((r) => r.id);
}

export interface AccessGrant {
  principalId: string;
  named: boolean;
  reason: string;
}

export async function grantAccess(tx: Db, documentId: string, grants: AccessGrant[]) {
  if (grants.length === 0) return;
  await tx
    .insert(incomingAccess)
    .values(grants.map((g) => ({ documentId, ...g })))
    .onConflictDoNothing();
}

/** Same sender, same number/notation, same year, not revoked (Decree 30 App. VI §III.1). */
export async function findDuplicates(
  db: Db,
  q: {
    agencyId: string;
    referenceKey: string;
    year: number;
    senderAgencyId: string | null;
    senderName: string;
    excludeId?: string;
  },
) {
  const sender =
    q.senderAgencyId !== null
      ? sql`d.sender_agency_id = ${q.senderAgencyId}`
      : sql`d.sender_agency_id is null and lower(f_unaccent(d.sender_name)) = lower(f_unaccent(${q.senderName}))`;
  return queryRows<{ id: string; reference: string; arrival_number: number | null }>(
    db,
    sql`select d.id, d.reference, d.arrival_number from incoming_documents d
        where d.agency_id = ${q.agencyId} and d.reference_key = ${q.referenceKey}
          and d.issue_date >= ${`${q.year}-01-01`} and d.issue_date <= ${`${q.year}-12-31`}
          and d.state not in ('revoked', 'returned') and d.id <> ${q.excludeId ?? '00000000-0000-0000-0000-000000000000'}
          and ${sender}
        order by d.received_at limit 5`,
  );
}

export async function insertAssignment(tx: Db, row: typeof assignments.$inferInsert) {
  await tx.insert(assignments).values(row);
}

export async function updateAssignment(
  tx: Db,
  id: string,
  patch: Partial<typeof assignments.$inferInsert>,
) {
  await tx.update(assignments).set(patch).where(eq(assignments.id, id));
}

export async function listAssignments(db: Db, documentId: string): Promise<AssignmentRow[]> {
  return db
    .select()
    .from(assignments)
    .where(eq(assignments.documentId, documentId))
    .orderBy(asc(assignments.assignedAt), asc(assignments.id));
}

export async function findAssignment(
  db: Db,
  documentId: string,
  id: string,
): Promise<AssignmentRow | null> {
  const [row] = await db
    .select()
    .from(assignments)
    .where(and(eq(assignments.id, id), eq(assignments.documentId, documentId)));
  return row ?? null;
}

export async function activeAssignments(
  db: Db,
  documentId: string,
  role?: AssignmentRole,
): Promise<AssignmentRow[]> {
  const rows = await listAssignments(db, documentId);
  return rows.filter((a) => a.active && (role === undefined || a.role === role));
}

export async function attachFiles(
  tx: Db,
  documentId: string,
  files: { id: string }[],
  opts: { role: 'main' | 'attachment' | 'handling'; addedBy: string; assignmentId: string | null },
  now: Date,
) {
  if (files.length === 0) return;
  const [pos] = await queryRows<{ n: number }>(
    tx,
    sql`select count(*)::int as n from incoming_document_files where document_id = ${documentId}`,
  );
  await tx
    .insert(incomingDocumentFiles)
    .values(
      files.map((f, i) => ({
        documentId,
        fileId: f.id,
        role: opts.role === 'main' && i > 0 ? ('attachment' as const) : opts.role,
        position: (pos?.n ?? 0) + i,
        assignmentId: opts.assignmentId,
        addedBy: opts.addedBy,
        addedAt: now,
      })),
    )
    .onConflictDoNothing();
}

/** Copy the extracted text of the document's files into its search column. */
export async function refreshContentText(tx: Db, documentIds: string[]) {
  if (documentIds.length === 0) return;
  await tx.execute(sql`
    update incoming_documents d set content_text = (
      select string_agg(b.text, E'\n' order by f.position)
      from incoming_document_files f
      join files fl on fl.id = f.file_id
      join blobs b on b.sha256 = fl.sha256
      where f.document_id = d.id and b.text is not null)
    where d.id = any(${uuidArray(documentIds)})`);
}

export async function documentsWithBlob(tx: Db, sha256: string): Promise<string[]> {
  const rows = await queryRows<{ document_id: string }>(
    tx,
    sql`select distinct f.document_id from incoming_document_files f
        join files fl on fl.id = f.file_id where fl.sha256 = ${sha256}`,
  );
  return rows.map((r) => r.document_id);
}

export async function listDocumentFiles(db: Db, documentId: string) {
  return queryRows<{
    id: string;
    name: string;
    media_type: string;
    size: number;
    page_count: number | null;
    role: 'main' | 'attachment' | 'handling';
    added_by: string;
    added_by_name: string;
    added_at: string;
  }>(
    db,
    sql`select fl.id, fl.name, fl.media_type, fl.size, b.page_count, f.role, f.added_by,
               u.full_name as added_by_name, f.added_at
        from incoming_document_files f
        join files fl on fl.id = f.file_id
        join blobs b on b.sha256 = fl.sha256
        join users u on u.id = f.added_by
        where f.document_id = ${documentId}
        order by f.position`,
  );
}

/** Files attached to a document the actor may see (the download rule of this module). */
export async function fileVisibleThroughDocument(
  db: Db,
  scope: ActorScope,
  fileId: string,
): Promise<boolean> {
  const rows = await queryRows<{ ok: number }>(
    db,
    sql`select 1 as ok from incoming_document_files f
        join incoming_documents d on d.id = f.document_id
        where f.file_id = ${fileId} and ${visibleTo(scope)} limit 1`,
  );
  return rows.length > 0;
}

export async function insertComment(tx: Db, row: typeof incomingComments.$inferInsert) {
  await tx.insert(incomingComments).values(row);
}

export async function listComments(db: Db, documentId: string) {
  return db
    .select()
    .from(incomingComments)
    .where(eq(incomingComments.documentId, documentId))
    .orderBy(asc(incomingComments.createdAt), asc(incomingComments.id));
}

/** Heads of a unit: they are named on a confidential document assigned to their unit. */
export async function unitHeadIds(db: Db, unitId: string): Promise<string[]> {
  const rows = await queryRows<{ user_id: string }>(
    db,
    sql`select distinct r.user_id from user_roles r join users u on u.id = r.user_id
        where r.unit_id = ${unitId} and r.role = 'unit_head' and not u.disabled`,
  );
  return rows.map((r) => r.user_id);
}

/** Grants for an assignee: the person by name, the unit as a group (named heads if confidential). */
export async function assigneeGrants(
  db: Db,
  a: { unitId: string | null; userId: string | null },
  secrecy: Secrecy,
  reason: string,
): Promise<AccessGrant[]> {
  const grants: AccessGrant[] = [];
  if (a.userId) grants.push({ principalId: a.userId, named: true, reason });
  if (a.unitId) {
    grants.push({ principalId: a.unitId, named: false, reason });
    if (secrecy !== 'normal' && !a.userId)
      for (const head of await unitHeadIds(db, a.unitId))
        grants.push({ principalId: head, named: true, reason });
  }
  return grants;
}
