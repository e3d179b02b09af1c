import type { JobModule } from '../../app/jobs.js';
import type { Clock } from '../../platform/clock/clock.js';
import type { Db } from '../../platform/db/database.js';
import { enqueueJob, type JobHandler } from '../../platform/jobs/jobs.js';
import { readAll, type FileStorage } from '../../platform/storage/storage.js';
import { extractText, hasExtractableText } from './files.extract.js';
import * as repo from './files.repository.js';

export const EXTRACT_TEXT_JOB = 'files.extract_text';

/**
 * Told, inside the transaction that stores a blob's text, that `blobs.text` of `sha256` is settled
 * (done, none or failed), so a module can copy it into its own search columns atomically.
 */
export type BlobTextListener = (tx: Db, sha256: string) => Promise<void>;

/** Once per blob: deduplicated by hash while a run is pending. */
export function enqueueTextExtraction(tx: Db, sha256: string, clock: Clock) {
  return enqueueJob(
    tx,
    { kind: EXTRACT_TEXT_JOB, payload: { sha256 }, dedupeKey: `${EXTRACT_TEXT_JOB}:${sha256}` },
    clock,
  );
}

type TextResult = { textState: 'done' | 'none' | 'failed'; text: string | null };

/**
 * Idempotent: a blob whose text is already settled is left alone, and the store is conditional
 * on `text_state = 'pending'`. Parsing happens outside any transaction; the write and the
 * listeners share one short transaction.
 */
export function extractTextHandler(deps: {
  storage: FileStorage;
  blobTextListeners: readonly BlobTextListener[];
}): JobHandler {
  return async ({ db, job, logger }) => {
    const { sha256 } = job.payload as { sha256: string };
    const blob = await repo.findBlob(db, sha256);
    if (!blob || blob.textState !== 'pending') return;
    let result: TextResult = { textState: 'none', text: null };
    if (hasExtractableText(blob.mediaType)) {
      // A storage error is thrown (and retried); a parse error is final, a retry would repeat it.
      const bytes = await readAll(await deps.storage.open(sha256));
      try {
        const text = await extractText(blob.mediaType, bytes);
        if (text) result = { textState: 'done', text };
      } catch (error) {
        logger.warn({ err: error, sha256 }, 'text extraction failed');
        result = { textState: 'failed', text: null };
      }
    }
    await db.transaction(async (tx) => {
      if (!(await repo.settleBlobText(tx, sha256, result))) return;
      for (const listener of deps.blobTextListeners) await listener(tx, sha256);
    });
  };
}

export const filesJobs: JobModule = (deps) => ({ [EXTRACT_TEXT_JOB]: extractTextHandler(deps) });
