import type { Readable } from 'node:stream';
import type { Clock } from '../../platform/clock/clock.js';
import type { Db } from '../../platform/db/database.js';
import { newId } from '../../platform/db/ids.js';
import type { JobSignal } from '../../platform/jobs/jobs.js';
import {
  BlobTooLargeError,
  type FileStorage,
  type StagedBlob,
} from '../../platform/storage/storage.js';
import { recordAuditEvent } from '../audit/index.js';
import { auditActorOf, type Actor, type RequestMeta } from '../identity/index.js';
import { filesErrors } from './files.errors.js';
import { hasExtractableText } from './files.extract.js';
import { inspectStaged } from './files.inspect.js';
import { enqueueTextExtraction } from './files.jobs.js';
import { cleanFileName, judgeName, type Verdict } from './files.models.js';
import { canReadFile, type FileAccessRule } from './files.policies.js';
import { presentFile } from './files.presenters.js';
import * as repo from './files.repository.js';

export interface FilesDeps {
  db: Db;
  clock: Clock;
  storage: FileStorage;
  jobs: Pick<JobSignal, 'nudge'>;
  config: { upload: { maxBytes: number } };
}

export interface IncomingUpload {
  filename: string;
  /** The media type the client declared for the part. */
  mimetype: string;
  stream: Readable;
  /** True when the multipart parser cut the stream at the size limit. */
  truncated: () => boolean;
}

function refuse(verdict: Exclude<Verdict, { ok: true }>): never {
  throw verdict.problem === 'forbidden'
    ? filesErrors.typeForbidden(verdict.detail)
    : filesErrors.typeMismatch(verdict.detail);
}

/** Reads the rest of a refused upload so the request completes (and the parser is not stuck). */
async function drain(stream: Readable): Promise<void> {
  stream.resume();
  await new Promise<void>((resolve) => {
    stream
      .once('end', resolve)
      .once('close', resolve)
      .once('error', () => resolve());
  });
}

/** Streams the bytes to staging, checks what they are, and keeps them only if acceptable. */
async function receive(deps: FilesDeps, upload: IncomingUpload, name: string) {
  const byName = judgeName(name, upload.mimetype);
  if (!byName.ok) {
    await drain(upload.stream);
    refuse(byName);
  }
  const maxBytes = deps.config.upload.maxBytes;
  let staged: StagedBlob;
  try {
    staged = await deps.storage.stage(upload.stream, { maxBytes });
  } catch (error) {
    if (error instanceof BlobTooLargeError) throw filesErrors.tooLarge(`At most ${maxBytes} bytes`);
    throw error;
  }
  try {
    if (upload.truncated()) throw filesErrors.tooLarge(`At most ${maxBytes} bytes`);
    const { verdict, pageCount } = await inspectStaged(staged, byName.kind);
    if (!verdict.ok) refuse(verdict);
    await staged.commit();
    return { sha256: staged.sha256, size: staged.size, kind: verdict.kind, pageCount };
  } finally {
    // Refused or failed: nothing stays behind. After commit this does nothing.
    await staged.discard();
  }
}

/**
 * One upload: bytes first (content-addressed, so a blob without a row is harmless and a row
 * never lacks its bytes), then in one transaction the rows, the audit event and the text job.
 */
export async function uploadFile(
  deps: FilesDeps,
  actor: Actor,
  meta: RequestMeta,
  upload: IncomingUpload,
) {
  const name = cleanFileName(upload.filename);
  const received = await receive(deps, upload, name);
  const now = deps.clock.now();
  const mediaType = received.kind.mediaType;
  const file = await deps.db.transaction(async (tx) => {
    const blob = await repo.ensureBlob(tx, {
      sha256: received.sha256,
      size: received.size,
      mediaType,
      pageCount: received.pageCount,
      textState: hasExtractableText(mediaType) ? 'pending' : 'none',
      createdAt: now,
    });
    const row = {
      id: newId(),
      sha256: received.sha256,
      name,
      mediaType,
      size: received.size,
      uploadedBy: actor.userId,
      agencyId: actor.agencyId,
      createdAt: now,
    };
    await repo.insertFile(tx, row);
    await recordAuditEvent(tx, {
      type: 'file.uploaded',
      actor: auditActorOf(actor),
      agencyId: actor.agencyId,
      subject: { type: 'file', id: row.id },
      data: { name, mediaType, size: received.size, sha256: received.sha256 },
      occurredAt: now,
      ip: meta.ip,
      requestId: meta.requestId,
    });
    if (blob.textState === 'pending') await enqueueTextExtraction(tx, blob.sha256, deps.clock);
    return { ...row, pageCount: blob.pageCount, textState: blob.textState };
  });
  deps.jobs.nudge();
  return presentFile(file);
}

/** A file the actor may read; otherwise not found, whether or not it exists. */
export async function findReadableFile(
  deps: { db: Db; fileAccessRules: readonly FileAccessRule[] },
  actor: Actor,
  fileId: string,
) {
  const [file] = await repo.findFiles(deps.db, [fileId]);
  if (!file || !(await canReadFile(deps.db, actor, file, deps.fileAccessRules)))
    throw filesErrors.notFound();
  return file;
}

/**
 * For modules attaching uploads to their records, inside their transaction: every id must exist
 * and have been uploaded by one of `actorUserIds` (the actor, or the leader they act for).
 */
export async function loadFilesForAttach(tx: Db, actorUserIds: string[], fileIds: string[]) {
  const wanted = [...new Set(fileIds)];
  const rows = await repo.findFiles(tx, wanted);
  const missing = wanted.filter(
    (id) => !rows.some((r) => r.id === id && actorUserIds.includes(r.uploadedBy)),
  );
  if (missing.length > 0)
    throw filesErrors.notFound(`Unknown files, or not uploaded by you: ${missing.join(', ')}`);
  return wanted.map((id) => {
    const r = rows.find((row) => row.id === id)!;
    return {
      id: r.id,
      name: r.name,
      mediaType: r.mediaType,
      size: r.size,
      sha256: r.sha256,
      pageCount: r.pageCount,
      textState: r.textState,
      text: r.text,
      uploadedBy: r.uploadedBy,
    };
  });
}
