import type {
  CreateOutgoingBody,
  ReviewBody,
  SubmitForReviewBody,
  UpdateOutgoingBody,
} from '@vanban/contracts';
import type { newVersionBodySchema } from '@vanban/contracts';
import type { z } from 'zod';
import { vietnamDate } from '../../platform/clock/clock.js';
import { newId } from '../../platform/db/ids.js';
import { findFilesByIds, loadFilesForAttach } from '../files/index.js';
import { urgencyRank } from '../incoming/index.js';
import type { Actor, RequestMeta } from '../identity/index.js';
import { composeMainFile } from './outgoing.compose.js';
import { outgoingErrors } from './outgoing.errors.js';
import {
  drafterUnit,
  resolveAnswers,
  resolveRecipients,
  resolveSigner,
} from './outgoing.inputs.js';
import { documentTypeOf, EDITABLE_STATES, nextOutgoingState } from './outgoing.models.js';
import * as repo from './outgoing.repository.js';
import {
  auditOutgoing,
  inOutgoingStep,
  notifyOutgoing,
  outgoingScope,
  requireDrafter,
  type OutgoingDeps,
  type OutgoingStep,
} from './outgoing.usecase-kit.js';

type Files = { fileIds: string[] } | { compose: NonNullable<CreateOutgoingBody['compose']> };

/** Stores the next version: the uploads as they are, or the composed text laid out as a PDF. */
async function addDraftVersion(
  deps: OutgoingDeps,
  ctx: Pick<OutgoingStep, 'tx' | 'actor' | 'scope' | 'now'>,
  doc: repo.OutgoingRow,
  files: Files,
  note: string | null,
) {
  const version = doc.currentVersion + 1;
  const list =
    'compose' in files
      ? [
          {
            fileId: await composeMainFile(deps, ctx.tx, doc, files.compose, ctx.actor),
            role: 'main' as const,
          },
        ]
      : (await loadFilesForAttach(ctx.tx, ctx.scope.userIds, files.fileIds)).map((f, i) => ({
          fileId: f.id,
          role: i === 0 ? ('main' as const) : ('attachment' as const),
        }));
  if (list.length === 0) return doc.currentVersion;
  await repo.insertVersion(
    ctx.tx,
    { documentId: doc.id, version, kind: 'draft' },
    { note, createdBy: ctx.actor.userId, createdAt: ctx.now },
    list,
  );
  await repo.updateDocument(ctx.tx, doc.id, { currentVersion: version, updatedAt: ctx.now });
  return version;
}

/** A specialist drafts an outgoing document of their agency (Decree 30 Art. 10). */
export async function createOutgoing(
  deps: OutgoingDeps,
  actor: Actor,
  meta: RequestMeta,
  body: CreateOutgoingBody,
): Promise<string> {
  documentTypeOf(body.docType);
  const now = deps.clock.now();
  const today = vietnamDate(now);
  const scope = outgoingScope(actor);
  const agencyId = actor.agencyId;
  const id = newId();
  await deps.db.transaction(async (tx) => {
    const signer = await resolveSigner(tx, agencyId, body.signerId);
    const recipients = await resolveRecipients(tx, agencyId, body.recipients, today);
    const answers = await resolveAnswers(tx, agencyId, body.answers);
    const doc: repo.OutgoingRow = {
      id,
      agencyId,
      state: 'draft',
      docType: body.docType,
      subject: body.subject,
      urgency: body.urgency,
      urgencyRank: urgencyRank[body.urgency],
      secrecy: body.secrecy,
      drafterId: actor.userId,
      drafterUnitId: await drafterUnit(tx, actor.userId, agencyId),
      signerId: signer.id,
      signerPosition: signer.position,
      notationUnit: body.notationUnit ?? null,
      signatureBox: body.signatureBox ?? null,
      currentVersion: 0,
      reviewRound: 0,
      registerId: null,
      number: null,
      notation: null,
      reference: null,
      issueDate: null,
      signedAt: null,
      numberedAt: null,
      numberedBy: null,
      sealedAt: null,
      sealedBy: null,
      issuedAt: null,
      issuedBy: null,
      replacesId: null,
      revokedAt: null,
      revokedBy: null,
      revokeReason: null,
      notes: body.notes ?? null,
      createdAt: now,
      updatedAt: now,
    };
    await repo.insertDocument(tx, doc);
    await repo.replaceRecipients(tx, id, recipients);
    await repo.replaceAnswers(tx, id, answers);
    const ctx = { tx, actor, scope, now, meta };
    const files: Files = body.compose ? { compose: body.compose } : { fileIds: body.fileIds };
    const version = await addDraftVersion(deps, ctx, doc, files, null);
    await auditOutgoing(ctx, doc, 'outgoing.created', {
      docType: body.docType,
      subject: body.subject,
      signerId: signer.id,
      recipients: recipients.map((r) => r.name),
      version,
    });
  });
  return id;
}

/** The drafter corrects metadata while the draft is theirs (draft or returned). */
export async function updateOutgoing(
  deps: OutgoingDeps,
  actor: Actor,
  id: string,
  meta: RequestMeta,
  body: UpdateOutgoingBody,
) {
  await inOutgoingStep(deps, actor, id, meta, async (ctx) => {
    requireDrafter(ctx);
    if (!EDITABLE_STATES.includes(ctx.doc.state))
      throw outgoingErrors.invalidTransition('Only a draft can be edited');
    if (body.docType) documentTypeOf(body.docType);
    const set: Partial<repo.OutgoingRow> = { updatedAt: ctx.now };
    if (body.docType) set.docType = body.docType;
    if (body.subject) set.subject = body.subject;
    if (body.urgency)
      Object.assign(set, { urgency: body.urgency, urgencyRank: urgencyRank[body.urgency] });
    if (body.secrecy) set.secrecy = body.secrecy;
    if (body.notationUnit !== undefined) set.notationUnit = body.notationUnit;
    if (body.signatureBox !== undefined) set.signatureBox = body.signatureBox;
    if (body.notes !== undefined) set.notes = body.notes;
    if (body.signerId) {
      const signer = await resolveSigner(ctx.tx, ctx.doc.agencyId, body.signerId);
      Object.assign(set, { signerId: signer.id, signerPosition: signer.position });
    }
    if (body.recipients)
      await repo.replaceRecipients(
        ctx.tx,
        id,
        await resolveRecipients(ctx.tx, ctx.doc.agencyId, body.recipients, ctx.today),
      );
    if (body.answers)
      await repo.replaceAnswers(
        ctx.tx,
        id,
        await resolveAnswers(ctx.tx, ctx.doc.agencyId, body.answers),
      );
    await repo.updateDocument(ctx.tx, id, set);
    await auditOutgoing(ctx, ctx.doc, 'outgoing.updated', { fields: Object.keys(body) });
  });
}

export async function addVersion(
  deps: OutgoingDeps,
  actor: Actor,
  id: string,
  meta: RequestMeta,
  body: z.infer<typeof newVersionBodySchema>,
) {
  await inOutgoingStep(deps, actor, id, meta, async (ctx) => {
    requireDrafter(ctx);
    if (!EDITABLE_STATES.includes(ctx.doc.state))
      throw outgoingErrors.invalidTransition('A new version can only be added to a draft');
    const version = await addDraftVersion(deps, ctx, ctx.doc, body, body.note ?? null);
    await auditOutgoing(ctx, ctx.doc, 'outgoing.version_added', { version, note: body.note });
  });
}

/** The main file of the current version, which reviewers approve and the signer signs. */
export async function requirePdfMain(ctx: Pick<OutgoingStep, 'tx' | 'doc'>) {
  const files = await repo.versionFiles(ctx.tx, ctx.doc.id, ctx.doc.currentVersion);
  const main = files.find((f) => f.role === 'main');
  if (!main) throw outgoingErrors.mainFileRequired();
  const [file] = await findFilesByIds(ctx.tx, [main.fileId]);
  if (file?.mediaType !== 'application/pdf')
    throw outgoingErrors.mainFileNotPdf('Convert the draft to PDF before submitting it');
  return { main: file, attachments: files.filter((f) => f.role === 'attachment') };
}

/**
 * The drafter submits: steps of reviewers run in order, reviewers of one step in parallel
 * (e.g. unit head → office → deputy). With no steps the draft goes straight to the signer.
 */
export async function submitForReview(
  deps: OutgoingDeps,
  actor: Actor,
  id: string,
  meta: RequestMeta,
  body: SubmitForReviewBody,
) {
  await inOutgoingStep(deps, actor, id, meta, async (ctx) => {
    requireDrafter(ctx);
    const { doc } = ctx;
    await requirePdfMain(ctx);
    const reviewerIds = body.steps.flatMap((s) => s.reviewerIds);
    const known = await repo.activeUsersOfAgency(ctx.tx, doc.agencyId, reviewerIds);
    const bad = reviewerIds.filter((r) => !known.includes(r) || r === doc.drafterId);
    if (bad.length > 0)
      throw outgoingErrors.reviewerInvalid(`Not a reviewer here: ${bad.join(', ')}`, {
        errors: [{ path: 'steps', code: 'outgoing.reviewer_invalid', message: bad.join(', ') }],
      });
    const round = doc.reviewRound + 1;
    const state = nextOutgoingState(doc.state, body.steps.length > 0 ? 'submit' : 'approve');
    await repo.insertSteps(
      ctx.tx,
      body.steps.flatMap((step, i) =>
        [...new Set(step.reviewerIds)].map((reviewerId) => ({
          id: newId(),
          documentId: doc.id,
          round,
          position: i + 1,
          reviewerId,
          state: i === 0 ? ('pending' as const) : ('waiting' as const),
          comment: null,
          decidedAt: null,
          createdAt: ctx.now,
        })),
      ),
    );
    await repo.updateDocument(ctx.tx, id, { state, reviewRound: round, updatedAt: ctx.now });
    await auditOutgoing(ctx, doc, 'outgoing.submitted', {
      round,
      steps: body.steps,
      note: body.note,
    });
    const first = body.steps[0];
    if (first) await notifyOutgoing(ctx, doc, first.reviewerIds, 'outgoing.to_review');
    else await notifyOutgoing(ctx, doc, [doc.signerId], 'outgoing.to_sign');
  });
}

/**
 * A reviewer approves (the next step opens when every reviewer of this one approved; after the
 * last, the signer is asked to sign) or returns it to the drafter with a comment. The signer may
 * also return an approved draft instead of signing it.
 */
export async function reviewOutgoing(
  deps: OutgoingDeps,
  actor: Actor,
  id: string,
  meta: RequestMeta,
  body: ReviewBody,
) {
  await inOutgoingStep(deps, actor, id, meta, async (ctx) => {
    const { doc } = ctx;
    const steps = await repo.stepsOfRound(ctx.tx, id, doc.reviewRound);
    if (doc.state === 'approved') {
      if (body.approve || !ctx.scope.userIds.includes(doc.signerId))
        throw outgoingErrors.invalidTransition('The draft is waiting for its signature');
      await repo.insertSteps(ctx.tx, [
        {
          id: newId(),
          documentId: id,
          round: doc.reviewRound,
          position: Math.max(0, ...steps.map((s) => s.position)) + 1,
          reviewerId: actor.userId,
          state: 'returned',
          comment: body.comment,
          decidedAt: ctx.now,
          createdAt: ctx.now,
        },
      ]);
      return returnToDrafter(ctx, body.comment);
    }
    const mine = steps.find(
      (s) => s.state === 'pending' && ctx.scope.userIds.includes(s.reviewerId),
    );
    if (doc.state !== 'in_review' || !mine)
      throw outgoingErrors.invalidTransition('Nothing is waiting for your review');
    const decided = { comment: body.comment ?? null, decidedAt: ctx.now };
    if (!body.approve) {
      await repo.updateStep(ctx.tx, mine.id, { state: 'returned', ...decided });
      for (const s of steps)
        if (s.id !== mine.id && (s.state === 'pending' || s.state === 'waiting'))
          await repo.updateStep(ctx.tx, s.id, { state: 'cancelled' });
      return returnToDrafter(ctx, body.comment);
    }
    await repo.updateStep(ctx.tx, mine.id, { state: 'approved', ...decided });
    await auditOutgoing(ctx, doc, 'outgoing.approved', {
      step: mine.position,
      comment: body.comment,
    });
    const open = steps.filter(
      (s) => s.position === mine.position && s.id !== mine.id && s.state === 'pending',
    );
    if (open.length > 0) return;
    const next = steps.filter((s) => s.position === mine.position + 1);
    if (next.length > 0) {
      for (const s of next) await repo.updateStep(ctx.tx, s.id, { state: 'pending' });
      await notifyOutgoing(
        ctx,
        doc,
        next.map((s) => s.reviewerId),
        'outgoing.to_review',
      );
      return;
    }
    await repo.updateDocument(ctx.tx, id, {
      state: nextOutgoingState(doc.state, 'approve'),
      updatedAt: ctx.now,
    });
    await notifyOutgoing(ctx, doc, [doc.signerId], 'outgoing.to_sign');
  });
}

async function returnToDrafter(ctx: OutgoingStep, comment: string) {
  await repo.updateDocument(ctx.tx, ctx.doc.id, {
    state: nextOutgoingState(ctx.doc.state, 'return'),
    updatedAt: ctx.now,
  });
  await auditOutgoing(ctx, ctx.doc, 'outgoing.returned', { comment });
  await notifyOutgoing(ctx, ctx.doc, [ctx.doc.drafterId], 'outgoing.returned');
}
