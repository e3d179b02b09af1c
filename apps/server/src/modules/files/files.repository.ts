import { and, eq, inArray } from 'drizzle-orm';
import type { Db } from '../../platform/db/database.js';
import { blobs, files } from './files.tables.js';

export type BlobRow = typeof blobs.$inferSelect;
export type FileRow = typeof files.$inferSelect;

/** A file with what its blob knows (pages, text), as most readers want it. */
export interface FileWithBlob extends FileRow {
  pageCount: number | null;
  textState: BlobRow['textState'];
  text: string | null;
}

const fileWithBlob = {
  id: files.id,
  sha256: files.sha256,
  name: files.name,
  mediaType: files.mediaType,
  size: files.size,
  uploadedBy: files.uploadedBy,
  agencyId: files.agencyId,
  createdAt: files.createdAt,
  pageCount: blobs.pageCount,
  textState: blobs.textState,
  text: blobs.text,
};

/** Inserts the blob row unless those bytes are already known; returns the row either way. */
export async function ensureBlob(
  tx: Db,
  blob: Pick<BlobRow, 'sha256' | 'size' | 'mediaType' | 'pageCount' | 'textState' | 'createdAt'>,
): Promise<BlobRow> {
  await tx.insert(blobs).values(blob).onConflictDoNothing({ target: blobs.sha256 });
  const [row] = await tx.select().from(blobs).where(eq(blobs.sha256, blob.sha256));
  return row!;
}

export async function findBlob(db: Db, sha256: string): Promise<BlobRow | undefined> {
  const [row] = await db.select().from(blobs).where(eq(blobs.sha256, sha256));
  return row;
}

export async function insertFile(tx: Db, file: FileRow): Promise<void> {
  await tx.insert(files).values(file);
}

export async function findFiles(db: Db, ids: string[]): Promise<FileWithBlob[]> {
  if (ids.length === 0) return [];
  return db
    .select(fileWithBlob)
    .from(files)
    .innerJoin(blobs, eq(blobs.sha256, files.sha256))
    .where(inArray(files.id, ids));
}

/** Stores extracted text once: false when another run already settled this blob. */
export async function settleBlobText(
  tx: Db,
  sha256: string,
  result: { textState: 'done' | 'none' | 'failed'; text: string | null },
): Promise<boolean> {
  const rows = await tx
    .update(blobs)
    .set(result)
    .where(and(eq(blobs.sha256, sha256), eq(blobs.textState, 'pending')))
    .returning({ sha256: blobs.sha256 });
  return rows.length > 0;
}
