import { and, desc, eq, isNull, or, sql } from 'drizzle-orm';
import type { Db } from '../../platform/db/database.js';
import { uuidArray } from '../../platform/db/sql.js';
import {
  certificates,
  fileSignatureChecks,
  signatureImages,
  trustAnchors,
} from './signatures.tables.js';

export type CertificateRow = typeof certificates.$inferSelect;
export type SignatureImageRow = typeof signatureImages.$inferSelect;
export type Owner =
  { kind: 'user'; userId: string; agencyId: string } | { kind: 'agency'; agencyId: string };

const ownerIs = (table: typeof certificates | typeof signatureImages, owner: Owner) =>
  owner.kind === 'user'
    ? and(eq(table.ownerKind, 'user'), eq(table.userId, owner.userId))
    : and(eq(table.ownerKind, 'agency'), eq(table.agencyId, owner.agencyId), isNull(table.userId));

export async function activeCertificate(db: Db, owner: Owner): Promise<CertificateRow | null> {
  const [row] = await db
    .select()
    .from(certificates)
    .where(and(ownerIs(certificates, owner), eq(certificates.active, true)))
    .orderBy(desc(certificates.createdAt))
    .limit(1);
  return row ?? null;
}

/** Only one certificate per owner is in use: importing a new one retires the old. */
export async function insertCertificate(
  tx: Db,
  row: typeof certificates.$inferInsert,
  owner: Owner,
) {
  await tx
    .update(certificates)
    .set({ active: false })
    .where(and(ownerIs(certificates, owner), eq(certificates.active, true)));
  await tx.insert(certificates).values(row);
}

export async function findCertificate(db: Db, id: string): Promise<CertificateRow | null> {
  const [row] = await db.select().from(certificates).where(eq(certificates.id, id));
  return row ?? null;
}

export async function setCertificateActive(tx: Db, id: string, active: boolean) {
  await tx.update(certificates).set({ active }).where(eq(certificates.id, id));
}

/** Certificates of the user and of the agencies given, newest first (all of them when null). */
export async function listCertificates(
  db: Db,
  filter: { userId: string; agencyIds: string[] } | null,
) {
  const where = filter
    ? or(
        eq(certificates.userId, filter.userId),
        and(
          eq(certificates.ownerKind, 'agency'),
          sql`${certificates.agencyId} = any(${uuidArray(filter.agencyIds)})`,
        ),
      )
    : undefined;
  return db
    .select()
    .from(certificates)
    .where(where)
    .orderBy(desc(certificates.createdAt))
    .limit(500);
}

export async function activeImage(
  db: Db,
  owner: Owner,
  kind: 'signature' | 'seal',
): Promise<SignatureImageRow | null> {
  const [row] = await db
    .select()
    .from(signatureImages)
    .where(
      and(
        ownerIs(signatureImages, owner),
        eq(signatureImages.kind, kind),
        eq(signatureImages.active, true),
      ),
    )
    .orderBy(desc(signatureImages.createdAt))
    .limit(1);
  return row ?? null;
}

export async function insertImage(tx: Db, row: typeof signatureImages.$inferInsert, owner: Owner) {
  await tx
    .update(signatureImages)
    .set({ active: false })
    .where(
      and(
        ownerIs(signatureImages, owner),
        eq(signatureImages.kind, row.kind),
        eq(signatureImages.active, true),
      ),
    );
  await tx.insert(signatureImages).values(row);
}

export async function findImage(db: Db, id: string): Promise<SignatureImageRow | null> {
  const [row] = await db.select().from(signatureImages).where(eq(signatureImages.id, id));
  return row ?? null;
}

export async function listImages(db: Db, filter: { userId: string; agencyIds: string[] } | null) {
  const rows = await db
    .select()
    .from(signatureImages)
    .where(eq(signatureImages.active, true))
    .orderBy(desc(signatureImages.createdAt))
    .limit(1000);
  return filter
    ? rows.filter(
        (r) =>
          r.userId === filter.userId ||
          (r.ownerKind === 'agency' && filter.agencyIds.includes(r.agencyId)),
      )
    : rows;
}

export async function trustAnchorPems(db: Db): Promise<string[]> {
  const rows = await db.select({ pem: trustAnchors.certificatePem }).from(trustAnchors);
  return rows.map((r) => r.pem);
}

export async function insertTrustAnchor(tx: Db, row: typeof trustAnchors.$inferInsert) {
  await tx.insert(trustAnchors).values(row);
}

export async function saveFileCheck(db: Db, row: typeof fileSignatureChecks.$inferInsert) {
  await db
    .insert(fileSignatureChecks)
    .values(row)
    .onConflictDoUpdate({
      target: fileSignatureChecks.fileId,
      set: { status: row.status, checks: row.checks, checkedAt: row.checkedAt },
    });
}

export async function fileChecks(db: Db, fileIds: string[]) {
  if (fileIds.length === 0) return [];
  return db
    .select()
    .from(fileSignatureChecks)
    .where(sql`${fileSignatureChecks.fileId} = any(${uuidArray(fileIds)})`);
}
