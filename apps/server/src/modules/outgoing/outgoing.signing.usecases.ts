import type { BoxInput } from '@vanban/contracts';
import { sql } from 'drizzle-orm';
import { queryRows } from '../../platform/db/database.js';
import { isAppError } from '../../platform/errors/app-error.js';
import {
  signAgency,
  signAttachment,
  signPersonal,
  stampNumber,
  type Box,
} from '../../platform/signing/index.js';
import { findFilesByIds, readFileBytes, storeGeneratedFile } from '../files/index.js';
import type { Actor, RequestMeta } from '../identity/index.js';
import { allocateNumber } from '../registers/index.js';
import { enqueueSignatureCheck, loadImage, loadSigner } from '../signatures/index.js';
import { agencyHeader } from './outgoing.compose.js';
import { requirePdfMain } from './outgoing.drafting.usecases.js';
import { outgoingErrors } from './outgoing.errors.js';
import { defaultNumberBoxes } from './outgoing.layout.js';
import { nextOutgoingState, referenceFor, seriesFor } from './outgoing.models.js';
import * as repo from './outgoing.repository.js';
import {
  auditOutgoing,
  inOutgoingStep,
  notifyOutgoing,
  requireClerkOf,
  type OutgoingDeps,
  type OutgoingStep,
} from './outgoing.usecase-kit.js';

type VersionKind = 'signed' | 'numbered' | 'sealed';

/** Keeps the produced PDFs as the next version (older versions stay as they were). */
async function storeVersion(
  deps: OutgoingDeps,
  ctx: OutgoingStep,
  kind: VersionKind,
  files: {
    bytes: Buffer;
    name: string;
    role: 'main' | 'attachment';
    pageCount: number | null;
    mediaType?: string;
  }[],
) {
  const version = ctx.doc.currentVersion + 1;
  const stored = [];
  for (const f of files) {
    const file = await storeGeneratedFile(deps, ctx.tx, {
      bytes: f.bytes,
      name: f.name,
      mediaType: f.mediaType ?? 'application/pdf',
      pageCount: f.pageCount,
      createdBy: ctx.actor.userId,
      agencyId: ctx.doc.agencyId,
    });
    // Our own verifier reads what we produced, so the page shows the same badge recipients see.
    if (!f.mediaType || f.mediaType === 'application/pdf')
      await enqueueSignatureCheck(ctx.tx, file.id, deps.clock);
    stored.push({ fileId: file.id, role: f.role });
  }
  await repo.insertVersion(
    ctx.tx,
    { documentId: ctx.doc.id, version, kind },
    { note: null, createdBy: ctx.actor.userId, createdAt: ctx.now },
    stored,
  );
  return version;
}

/** The current version's files with their bytes, main first. */
async function currentFiles(deps: OutgoingDeps, ctx: OutgoingStep) {
  const list = await repo.versionFiles(ctx.tx, ctx.doc.id, ctx.doc.currentVersion);
  const rows = await findFilesByIds(
    ctx.tx,
    list.map((f) => f.fileId),
  );
  return Promise.all(
    list.map(async (f) => {
      const row = rows.find((r) => r.id === f.fileId)!;
      return { ...f, row, bytes: await readFileBytes(deps.storage, row.sha256) };
    }),
  );
}

/**
 * The competent person signs (Decree 30 Art. 13): only the designated signer, with their own
 * certificate — a digital signature cannot be lent, so acting under a delegation is refused.
 */
async function signStep(deps: OutgoingDeps, ctx: OutgoingStep, box: BoxInput | undefined) {
  const { doc, actor } = ctx;
  if (doc.signerId !== actor.userId || actor.onBehalfOf)
    throw outgoingErrors.forbidden('Only the designated signer signs, in person');
  const state = nextOutgoingState(doc.state, 'sign');
  const { main } = await requirePdfMain(ctx);
  const owner = { kind: 'user' as const, userId: actor.userId, agencyId: doc.agencyId };
  const { signer, certificateId } = await loadSigner(ctx.tx, deps.secretBox, owner, ctx.now);
  const image = await loadImage(ctx.tx, owner, 'signature');
  const files = await currentFiles(deps, ctx);
  const area = box ?? (doc.signatureBox as Box | null) ?? undefined;
  const signed = await signPersonal(files[0]!.bytes, {
    signer,
    signingTime: ctx.now,
    image,
    ...(area ? { box: area } : {}),
    reason: 'Ký ban hành văn bản',
  });
  const version = await storeVersion(deps, ctx, 'signed', [
    { bytes: signed.pdf, name: main.name, role: 'main', pageCount: main.pageCount },
    ...files.slice(1).map((f) => ({
      bytes: f.bytes,
      name: f.row.name,
      role: 'attachment' as const,
      pageCount: f.row.pageCount,
    })),
  ]);
  await repo.updateDocument(ctx.tx, doc.id, {
    state,
    currentVersion: version,
    signatureBox: signed.box,
    signedAt: ctx.now,
    updatedAt: ctx.now,
  });
  await auditOutgoing(ctx, doc, 'outgoing.signed', {
    version,
    certificateId,
    serialNumber: signer.describe().serialNumber,
    field: signed.fieldName,
  });
  const clerks = await repo.usersWithRole(ctx.tx, doc.agencyId, ['clerk']);
  await notifyOutgoing(ctx, doc, clerks, 'outgoing.to_number');
}

export async function signOutgoing(
  deps: OutgoingDeps,
  actor: Actor,
  id: string,
  meta: RequestMeta,
  box?: BoxInput,
) {
  await inOutgoingStep(deps, actor, id, meta, (ctx) => signStep(deps, ctx, box));
}

/** Signs several approved documents in one action; each on its own, with its own outcome. */
export async function batchSign(
  deps: OutgoingDeps,
  actor: Actor,
  ids: string[],
  meta: RequestMeta,
) {
  const results = [];
  for (const id of [...new Set(ids)]) {
    try {
      await signOutgoing(deps, actor, id, meta);
      results.push({ id, ok: true });
    } catch (error) {
      if (!isAppError(error)) throw error;
      results.push({
        id,
        ok: false,
        problem: { code: error.code, ...(error.detail ? { detail: error.detail } : {}) },
      });
    }
  }
  return { results };
}

/**
 * The clerk numbers the signed document (Decree 30 Art. 15): the next number of its register,
 * the notation, and number and date stamped into the PDF — all in this one transaction, so a
 * failure gives the number back.
 */
export async function numberOutgoing(
  deps: OutgoingDeps,
  actor: Actor,
  id: string,
  meta: RequestMeta,
  boxes: { numberBox?: BoxInput | undefined; dateBox?: BoxInput | undefined },
) {
  await inOutgoingStep(deps, actor, id, meta, async (ctx) => {
    requireClerkOf(ctx);
    const { doc } = ctx;
    const state = nextOutgoingState(doc.state, 'number');
    const year = Number(ctx.today.slice(0, 4));
    const header = await agencyHeader(ctx.tx, doc.agencyId);
    const unitCode = doc.notationUnit ?? (await drafterUnitCode(ctx));
    const files = await currentFiles(deps, ctx);
    const main = files[0]!;
    const found = boxes.numberBox && boxes.dateBox ? null : await defaultNumberBoxes(main.bytes);
    const { registerId, number } = await allocateNumber(ctx.tx, seriesFor(doc, year), ctx.now);
    const { notation, reference } = referenceFor({
      docType: doc.docType,
      agencyShortName: header.shortName,
      unitCode,
      number,
      year,
    });
    const stamped = await stampNumber(main.bytes, {
      reference,
      date: ctx.now,
      box: boxes.numberBox ?? found!.number,
      dateBox: boxes.dateBox ?? found!.date,
      ...(header.place ? { place: header.place } : {}),
    });
    const version = await storeVersion(deps, ctx, 'numbered', [
      { bytes: stamped, name: main.row.name, role: 'main', pageCount: main.row.pageCount },
      ...files.slice(1).map((f) => ({
        bytes: f.bytes,
        name: f.row.name,
        role: 'attachment' as const,
        pageCount: f.row.pageCount,
        mediaType: f.row.mediaType,
      })),
    ]);
    await repo.updateDocument(ctx.tx, id, {
      state,
      currentVersion: version,
      registerId,
      number,
      notation,
      reference,
      issueDate: ctx.today,
      numberedAt: ctx.now,
      numberedBy: actor.userId,
      updatedAt: ctx.now,
    });
    await auditOutgoing(ctx, doc, 'outgoing.numbered', { registerId, number, reference, version });
  });
}

async function drafterUnitCode(ctx: OutgoingStep): Promise<string | null> {
  if (!ctx.doc.drafterUnitId) return null;
  const [u] = await queryRows<{ code: string }>(
    ctx.tx,
    sql`select code from units where id = ${ctx.doc.drafterUnitId}`,
  );
  return u?.code ?? null;
}

/**
 * The clerk's agency signature (Decree 30 Art. 16 §1, App. I): the red seal over about a third
 * of the personal signature on its left, as a second incremental signature; each PDF
 * attachment gets the text-only agency signature at the top right of its first page.
 */
export async function sealOutgoing(
  deps: OutgoingDeps,
  actor: Actor,
  id: string,
  meta: RequestMeta,
) {
  await inOutgoingStep(deps, actor, id, meta, async (ctx) => {
    requireClerkOf(ctx);
    const { doc } = ctx;
    const state = nextOutgoingState(doc.state, 'seal');
    const owner = { kind: 'agency' as const, agencyId: doc.agencyId };
    const { signer, certificateId } = await loadSigner(ctx.tx, deps.secretBox, owner, ctx.now);
    const sealImage = await loadImage(ctx.tx, owner, 'seal');
    const files = await currentFiles(deps, ctx);
    const sign = { signer, signingTime: ctx.now, reason: 'Ký số cơ quan, tổ chức' };
    const produced = [];
    for (const f of files) {
      const bytes =
        f.role === 'main'
          ? (
              await signAgency(f.bytes, {
                ...sign,
                sealImage,
                ...(doc.signatureBox ? { overlapWith: doc.signatureBox as Box } : {}),
              })
            ).pdf
          : f.row.mediaType === 'application/pdf'
            ? (await signAttachment(f.bytes, { ...sign, reference: doc.reference ?? '' })).pdf
            : f.bytes;
      produced.push({
        bytes,
        name: f.row.name,
        role: f.role,
        pageCount: f.row.pageCount,
        mediaType: f.row.mediaType,
      });
    }
    const version = await storeVersion(deps, ctx, 'sealed', produced);
    await repo.updateDocument(ctx.tx, id, {
      state,
      currentVersion: version,
      sealedAt: ctx.now,
      sealedBy: actor.userId,
      updatedAt: ctx.now,
    });
    await auditOutgoing(ctx, doc, 'outgoing.sealed', {
      version,
      certificateId,
      serialNumber: signer.describe().serialNumber,
    });
  });
}
