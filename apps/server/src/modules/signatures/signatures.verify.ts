import fs from 'node:fs/promises';
import type { FileSignatures, SignatureStatus } from '@vanban/contracts';
import type { JobModule } from '../../app/jobs.js';
import type { Clock } from '../../platform/clock/clock.js';
import type { Db } from '../../platform/db/database.js';
import { enqueueJob, type JobHandler } from '../../platform/jobs/jobs.js';
import { verifyPdfSignatures, type SignatureCheck } from '../../platform/signing/index.js';
import { readAll, type FileStorage } from '../../platform/storage/storage.js';
import { findFilesByIds as findFiles } from '../files/index.js';
import * as repo from './signatures.repository.js';

export const VERIFY_FILE_JOB = 'signatures.verify_file';

type CheckView = FileSignatures['signatures'][number];

/** Check a received file's signatures in the background (a PDF may take a second to parse). */
export function enqueueSignatureCheck(tx: Db, fileId: string, clock: Clock) {
  return enqueueJob(
    tx,
    { kind: VERIFY_FILE_JOB, payload: { fileId }, dedupeKey: `${VERIFY_FILE_JOB}:${fileId}` },
    clock,
  );
}

/** The configured trust list (file, read each time so a replaced file applies) plus the DB's. */
export async function trustAnchors(db: Db, trustAnchorFile: string | null): Promise<string[]> {
  const stored = await repo.trustAnchorPems(db);
  if (!trustAnchorFile) return stored;
  const bundle = await fs.readFile(trustAnchorFile, 'utf8');
  const pems = bundle.match(/-----BEGIN CERTIFICATE-----[\s\S]+?-----END CERTIFICATE-----/g) ?? [];
  return [...stored, ...pems];
}

/**
 * One verdict for a file: a broken signature makes it `invalid` (a tampered PDF is flagged, never
 * accepted silently); bytes appended after the last signature, an untrusted issuer or a
 * certificate outside its validity at signing time make it `untrusted`.
 */
export function signatureStatusOf(checks: readonly SignatureCheck[]): SignatureStatus {
  if (checks.length === 0) return 'none';
  if (checks.some((c) => !c.intact)) return 'invalid';
  const last = checks.at(-1)!;
  const doubtful =
    !last.coversWholeDocument ||
    checks.some((c) => c.trusted !== true || !c.certificateValidAtSigningTime);
  return doubtful ? 'untrusted' : 'valid';
}

export function presentCheck(c: SignatureCheck): CheckView {
  return {
    fieldName: c.fieldName,
    signerName: c.signer?.commonName ?? null,
    organization: c.signer?.organization ?? null,
    issuerName: c.signer?.issuerCommonName ?? null,
    signingTime: c.signingTime?.toISOString() ?? null,
    intact: c.intact,
    coversWholeDocument: c.coversWholeDocument,
    certificateValidAtSigningTime: c.certificateValidAtSigningTime,
    trusted: c.trusted,
    problems: [...c.problems],
  };
}

/** Verifies PDF bytes against the trust list; a PDF that cannot be parsed is `invalid`. */
export async function checkPdf(
  db: Db,
  trustAnchorFile: string | null,
  pdf: Uint8Array,
): Promise<{ status: SignatureStatus; signatures: CheckView[] }> {
  try {
    const checks = await verifyPdfSignatures(pdf, {
      trustAnchors: await trustAnchors(db, trustAnchorFile),
    });
    return { status: signatureStatusOf(checks), signatures: checks.map(presentCheck) };
  } catch {
    // Unreadable structure: flagged like a broken signature, never shown as unsigned.
    return { status: 'invalid', signatures: [] };
  }
}

export function verifyFileHandler(deps: {
  storage: FileStorage;
  config: { signing: { trustAnchorFile: string | null } };
  clock: Clock;
}): JobHandler {
  return async ({ db, job }) => {
    const { fileId } = job.payload as { fileId: string };
    const [file] = await findFiles(db, [fileId]);
    if (!file) return;
    const result =
      file.mediaType === 'application/pdf'
        ? await checkPdf(
            db,
            deps.config.signing.trustAnchorFile,
            await readAll(await deps.storage.open(file.sha256)),
          )
        : { status: 'none' as const, signatures: [] };
    await repo.saveFileCheck(db, {
      fileId,
      status: result.status,
      checks: result.signatures,
      checkedAt: deps.clock.now(),
    });
  };
}

/** For documents' file lists: each file's verdict, `pending` until the check has run. */
export async function fileSignatures(db: Db, fileIds: string[]) {
  const rows = await repo.fileChecks(db, fileIds);
  const byId = new Map(rows.map((r) => [r.fileId, r]));
  return (fileId: string): FileSignatures => {
    const r = byId.get(fileId);
    return r
      ? {
          status: r.status,
          checkedAt: r.checkedAt.toISOString(),
          signatures: r.checks as CheckView[],
        }
      : { status: 'pending', checkedAt: null, signatures: [] };
  };
}

export const signaturesJobs: JobModule = (deps) => ({
  [VERIFY_FILE_JOB]: verifyFileHandler(deps),
});
