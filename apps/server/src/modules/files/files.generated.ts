import { Readable } from 'node:stream';
import type { Clock } from '../../platform/clock/clock.js';
import type { Db } from '../../platform/db/database.js';
import { newId } from '../../platform/db/ids.js';
import { readAll, type FileStorage } from '../../platform/storage/storage.js';
import { hasExtractableText } from './files.extract.js';
import { enqueueTextExtraction } from './files.jobs.js';
import * as repo from './files.repository.js';

export interface GeneratedFile {
  bytes: Uint8Array;
  name: string;
  mediaType: string;
  pageCount: number | null;
  /** Who caused it (the signer, the clerk): the file's owner for access checks. */
  createdBy: string;
  agencyId: string;
}

/**
 * Keeps a file the system produced (a signed or stamped PDF, a rendered draft). The bytes go to
 * storage first — content-addressed, so an orphan after a rollback is harmless — and the rows
 * in the caller's transaction, so they appear together with the state change they belong to.
 */
export async function storeGeneratedFile(
  deps: { storage: FileStorage; clock: Clock },
  tx: Db,
  file: GeneratedFile,
): Promise<{ id: string; sha256: string }> {
  const stored = await deps.storage.put(Readable.from([Buffer.from(file.bytes)]));
  const now = deps.clock.now();
  const blob = await repo.ensureBlob(tx, {
    sha256: stored.sha256,
    size: stored.size,
    mediaType: file.mediaType,
    pageCount: file.pageCount,
    textState: hasExtractableText(file.mediaType) ? 'pending' : 'none',
    createdAt: now,
  });
  const id = newId();
  await repo.insertFile(tx, {
    id,
    sha256: stored.sha256,
    name: file.name,
    mediaType: file.mediaType,
    size: stored.size,
    uploadedBy: file.createdBy,
    agencyId: file.agencyId,
    createdAt: now,
  });
  if (blob.textState === 'pending') await enqueueTextExtraction(tx, blob.sha256, deps.clock);
  return { id, sha256: stored.sha256 };
}

/** The bytes of a stored file (bounded by the upload limit). */
export async function readFileBytes(storage: FileStorage, sha256: string): Promise<Buffer> {
  return readAll(await storage.open(sha256));
}

export { findFiles as findFilesByIds } from './files.repository.js';
