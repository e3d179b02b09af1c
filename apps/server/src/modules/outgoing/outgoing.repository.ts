import { and, asc, eq, sql } from 'drizzle-orm';
import { queryRows, type Db } from '../../platform/db/database.js';
import { uuidArray } from '../../platform/db/sql.js';
import {
  hubOutbox,
  outgoingAnswers,
  outgoingDocuments,
  outgoingRecipients,
  outgoingReviewSteps,
  outgoingVersionFiles,
  outgoingVersions,
} from './outgoing.tables.js';
import { visibleTo, type OutgoingScope } from './outgoing.visibility.js';

export type OutgoingRow = typeof outgoingDocuments.$inferSelect;
export type RecipientRow = typeof outgoingRecipients.$inferSelect;
export type ReviewStepRow = typeof outgoingReviewSteps.$inferSelect;

export async function insertDocument(tx: Db, row: typeof outgoingDocuments.$inferInsert) {
  await tx.insert(outgoingDocuments).values(row);
}

export async function updateDocument(
  tx: Db,
  id: string,
  set: Partial<typeof outgoingDocuments.$inferInsert>,
) {
  await tx.update(outgoingDocuments).set(set).where(eq(outgoingDocuments.id, id));
}

export async function lockDocument(tx: Db, id: string): Promise<OutgoingRow | null> {
  const [row] = await tx
    .select()
    .from(outgoingDocuments)
    .where(eq(outgoingDocuments.id, id))
    .for('update');
  return row ?? null;
}

export async function findDocument(db: Db, id: string): Promise<OutgoingRow | null> {
  const [row] = await db.select().from(outgoingDocuments).where(eq(outgoingDocuments.id, id));
  return row ?? null;
}

export async function isVisible(db: Db, scope: OutgoingScope, id: string): Promise<boolean> {
  const rows = await queryRows<{ ok: number }>(
    db,
    sql`select 1 as ok from outgoing_documents d where d.id = ${id} and ${visibleTo(scope)}`,
  );
  return rows.length > 0;
}

export interface VersionFile {
  fileId: string;
  role: 'main' | 'attachment';
}

/** A new version with its files, main first. */
export async function insertVersion(
  tx: Db,
  v: { documentId: string; version: number; kind: typeof outgoingVersions.$inferInsert.kind },
  meta: { note: string | null; createdBy: string; createdAt: Date },
  files: VersionFile[],
) {
  await tx.insert(outgoingVersions).values({ ...v, ...meta });
  if (files.length > 0)
    await tx.insert(outgoingVersionFiles).values(
      files.map((f, i) => ({
        documentId: v.documentId,
        version: v.version,
        fileId: f.fileId,
        role: f.role,
        position: i,
      })),
    );
}

export async function versionFiles(db: Db, documentId: string, version: number) {
  return db
    .select({ fileId: outgoingVersionFiles.fileId, role: outgoingVersionFiles.role })
    .from(outgoingVersionFiles)
    .where(
      and(
        eq(outgoingVersionFiles.documentId, documentId),
        eq(outgoingVersionFiles.version, version),
      ),
    )
    .orderBy(asc(outgoingVersionFiles.position));
}

export async function replaceRecipients(
  tx: Db,
  documentId: string,
  rows: Omit<typeof outgoingRecipients.$inferInsert, 'documentId' | 'position'>[],
) {
  await tx.delete(outgoingRecipients).where(eq(outgoingRecipients.documentId, documentId));
  if (rows.length > 0)
    await tx
      .insert(outgoingRecipients)
      .values(rows.map((r, i) => ({ ...r, documentId, position: i })));
}

export async function recipients(db: Db, documentId: string): Promise<RecipientRow[]> {
  return db
    .select()
    .from(outgoingRecipients)
    .where(eq(outgoingRecipients.documentId, documentId))
    .orderBy(asc(outgoingRecipients.position));
}

export async function updateRecipient(
  tx: Db,
  id: string,
  set: Partial<typeof outgoingRecipients.$inferInsert>,
) {
  await tx.update(outgoingRecipients).set(set).where(eq(outgoingRecipients.id, id));
}

export async function replaceAnswers(tx: Db, documentId: string, incomingIds: string[]) {
  await tx.delete(outgoingAnswers).where(eq(outgoingAnswers.documentId, documentId));
  if (incomingIds.length > 0)
    await tx
      .insert(outgoingAnswers)
      .values(incomingIds.map((incomingDocumentId) => ({ documentId, incomingDocumentId })));
}

export async function insertSteps(tx: Db, rows: (typeof outgoingReviewSteps.$inferInsert)[]) {
  if (rows.length > 0) await tx.insert(outgoingReviewSteps).values(rows);
}

export async function stepsOfRound(db: Db, documentId: string, round: number) {
  return db
    .select()
    .from(outgoingReviewSteps)
    .where(
      and(eq(outgoingReviewSteps.documentId, documentId), eq(outgoingReviewSteps.round, round)),
    )
    .orderBy(asc(outgoingReviewSteps.position));
}

export async function updateStep(
  tx: Db,
  id: string,
  set: Partial<typeof outgoingReviewSteps.$inferInsert>,
) {
  await tx.update(outgoingReviewSteps).set(set).where(eq(outgoingReviewSteps.id, id));
}

export async function enqueueHub(tx: Db, row: typeof hubOutbox.$inferInsert) {
  await tx.insert(hubOutbox).values(row);
}

/** The replacement of an issued document, if one was drafted. */
export async function replacementOf(db: Db, id: string) {
  const [row] = await db
    .select({ id: outgoingDocuments.id, reference: outgoingDocuments.reference })
    .from(outgoingDocuments)
    .where(eq(outgoingDocuments.replacesId, id))
    .limit(1);
  return row ?? null;
}

/** Users of the agency holding one of the roles, for pickers' validation and notifications. */
export async function usersWithRole(db: Db, agencyId: string, roles: string[]) {
  const rows = await queryRows<{ user_id: string }>(
    db,
    sql`select distinct r.user_id from user_roles r join users u on u.id = r.user_id
        where r.agency_id = ${agencyId} and r.role::text = any(${`{${roles.join(',')}}`}::text[])
          and not u.disabled`,
  );
  return rows.map((r) => r.user_id);
}

export async function activeUsersOfAgency(db: Db, agencyId: string, ids: string[]) {
  if (ids.length === 0) return [];
  const rows = await queryRows<{ id: string }>(
    db,
    sql`select id from users where agency_id = ${agencyId} and not disabled
        and id = any(${uuidArray(ids)})`,
  );
  return rows.map((r) => r.id);
}
