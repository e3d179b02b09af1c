import type { Due, RegisterIncomingBody, Secrecy, SubmitBody } from '@vanban/contracts';
import { sql } from 'drizzle-orm';
import { vietnamDate } from '../../platform/clock/clock.js';
import { queryRows, type Db } from '../../platform/db/database.js';
import { newId } from '../../platform/db/ids.js';
import type { Actor, RequestMeta } from '../identity/index.js';
import { findUnits } from '../organizations/index.js';
import { allocateNumber } from '../registers/index.js';
import { incomingErrors } from './incoming.errors.js';
import { checkSignaturesOf } from './incoming.intake.usecases.js';
import { resolveMetadata, type MetadataInput, type ResolvedMetadata } from './incoming.metadata.js';
import { actorScope, nextDocumentState, registeringAgency, yearOf } from './incoming.models.js';
import { isClerkOf } from './incoming.policies.js';
import { getIncomingSettings, type IncomingSettings } from './incoming.settings.usecases.js';
import * as repo from './incoming.repository.js';
import { createAssignmentInStep } from './incoming.workflow.usecases.js';
import {
  attachUploads,
  auditStep,
  inDocumentStep,
  notifyAbout,
  type IncomingDeps,
  type StepContext,
} from './incoming.usecase-kit.js';

type SubmitTarget = SubmitBody;

async function checkDuplicates(
  tx: Db,
  agencyId: string,
  m: ResolvedMetadata,
  confirmed: boolean,
  excludeId?: string,
) {
  const dups = await repo.findDuplicates(tx, {
    agencyId,
    referenceKey: m.referenceKey,
    year: yearOf(m.issueDate),
    senderAgencyId: m.senderAgencyId,
    senderName: m.senderName,
    ...(excludeId ? { excludeId } : {}),
  });
  if (dups.length > 0 && !confirmed)
    throw incomingErrors.duplicate(
      `${m.reference} from ${m.senderName} is already registered; send confirmDuplicate to register it again`,
      {
        extensions: {
          duplicates: dups.map((d) => ({
            id: d.id,
            reference: d.reference,
            arrivalNumber: d.arrival_number,
          })),
        },
      },
    );
  return dups.length > 0;
}

/** Number in the year's incoming series; confidential documents have their own (Art. 22). */
async function takeArrivalNumber(tx: Db, agencyId: string, secrecy: Secrecy, now: Date) {
  return allocateNumber(
    tx,
    {
      agencyId,
      year: yearOf(vietnamDate(now)),
      series: secrecy === 'normal' ? 'incoming' : 'incoming_secret',
    },
    now,
  );
}

/** A paper (or e-mailed) document registered by the clerk: it gets its arrival number at once. */
export async function registerIncoming(
  deps: IncomingDeps,
  actor: Actor,
  body: RegisterIncomingBody,
  meta: RequestMeta,
): Promise<string> {
  const scope = actorScope(actor);
  const agencyId = registeringAgency(actor, scope);
  if (!agencyId) throw incomingErrors.forbidden('Only a clerk (văn thư) registers documents');
  const now = deps.clock.now();
  const today = vietnamDate(now);
  const m = await resolveMetadata(deps.db, body, today);
  // Read (cached) before the transaction: inside it, reads go to the database uncached.
  const settings = body.submitTo ? await getIncomingSettings(deps, agencyId) : undefined;
  const id = newId();
  await deps.db.transaction(async (tx) => {
    const duplicate = await checkDuplicates(tx, agencyId, m, body.confirmDuplicate);
    const { registerId, number } = await takeArrivalNumber(tx, agencyId, m.secrecy, now);
    await repo.insertDocument(tx, {
      id,
      agencyId,
      state: 'registered',
      source: 'paper',
      ...m,
      registerId,
      arrivalNumber: number,
      arrivalDate: today,
      receivedAt: now,
      registeredAt: now,
      registeredBy: actor.userId,
      createdAt: now,
      updatedAt: now,
    });
    await repo.grantAccess(tx, id, [
      { principalId: actor.userId, named: true, reason: 'registered' },
    ]);
    const ctx = { tx, actor, scope, now, today, meta };
    const files = await attachUploads(ctx, id, body.fileIds, 'main', null);
    await checkSignaturesOf(tx, body.fileIds, deps.clock);
    if (m.pageCount === null && files[0]?.pageCount)
      await repo.updateDocument(tx, id, { pageCount: files[0].pageCount });
    const doc = await repo.lockDocument(tx, id);
    if (!doc) throw new Error('registered document vanished');
    await auditStep(ctx, doc, 'incoming.registered', {
      arrivalNumber: number,
      reference: m.reference,
      sender: m.senderName,
      duplicateConfirmed: duplicate,
      files: files.map((f) => f.id),
    });
    if (body.submitTo) await submitInStep({ ...ctx, doc }, body.submitTo, settings);
  });
  return id;
}

export type RegisterReceivedBody = Partial<MetadataInput> & {
  fileIds: string[];
  confirmDuplicate: boolean;
  submitTo?: SubmitTarget | undefined;
};

/** The clerk checks and registers a delivered document; corrections override the prefill. */
export async function registerReceived(
  deps: IncomingDeps,
  actor: Actor,
  documentId: string,
  body: RegisterReceivedBody,
  meta: RequestMeta,
) {
  await inDocumentStep(deps, actor, documentId, meta, async (ctx) => {
    const { doc } = ctx;
    if (!isClerkOf(ctx.scope, doc)) throw incomingErrors.forbidden();
    const state = nextDocumentState(doc.state, 'register');
    const input: MetadataInput = {
      sender:
        body.sender ?? (doc.senderCode ? { agencyCode: doc.senderCode } : { name: doc.senderName }),
      reference: body.reference ?? doc.reference,
      issueDate: body.issueDate ?? doc.issueDate,
      docType: body.docType ?? doc.docType,
      subject: body.subject ?? doc.subject,
      signerName: body.signerName ?? doc.signerName ?? undefined,
      signerPosition: body.signerPosition ?? doc.signerPosition ?? undefined,
      urgency: body.urgency ?? doc.urgency,
      secrecy: body.secrecy ?? doc.secrecy,
      pageCount: body.pageCount ?? doc.pageCount ?? undefined,
      due: body.due ?? (doc.dueDate ? ({ date: doc.dueDate } satisfies Due) : undefined),
      notes: body.notes ?? doc.notes ?? undefined,
    };
    const m = await resolveMetadata(ctx.tx, input, ctx.today);
    const duplicate = await checkDuplicates(ctx.tx, doc.agencyId, m, body.confirmDuplicate, doc.id);
    const { registerId, number } = await takeArrivalNumber(
      ctx.tx,
      doc.agencyId,
      m.secrecy,
      ctx.now,
    );
    await repo.updateDocument(ctx.tx, doc.id, {
      ...m,
      state,
      registerId,
      arrivalNumber: number,
      arrivalDate: ctx.today,
      registeredAt: ctx.now,
      registeredBy: ctx.actor.userId,
      updatedAt: ctx.now,
    });
    await repo.grantAccess(ctx.tx, doc.id, [
      { principalId: ctx.actor.userId, named: true, reason: 'registered' },
    ]);
    await attachUploads(ctx, doc.id, body.fileIds, 'main', null);
    await auditStep(ctx, doc, 'incoming.registered', {
      arrivalNumber: number,
      reference: m.reference,
      sender: m.senderName,
      source: doc.source,
      duplicateConfirmed: duplicate,
    });
    if (body.submitTo) {
      const fresh = await repo.lockDocument(ctx.tx, doc.id);
      if (fresh) await submitInStep({ ...ctx, doc: fresh }, body.submitTo);
    }
  });
}

async function submitInStep(ctx: StepContext, target: SubmitTarget, known?: IncomingSettings) {
  const { tx, doc } = ctx;
  const settings =
    known ?? (await getIncomingSettings({ db: tx, clock: { now: () => ctx.now } }, doc.agencyId));
  if ('userId' in target) {
    const leaders = await queryRows<{ user_id: string }>(
      tx,
      sql`select r.user_id from user_roles r join users u on u.id = r.user_id
          where r.user_id = ${target.userId} and r.agency_id = ${doc.agencyId}
            and r.role in ('leader', 'deputy') and not u.disabled`,
    );
    if (leaders.length === 0)
      throw incomingErrors.assigneeInvalid('Documents are presented to a leader of the agency');
    await repo.updateDocument(tx, doc.id, {
      state: nextDocumentState(doc.state, 'submit'),
      submittedToUserId: target.userId,
      submittedToUnitId: null,
      submittedAt: ctx.now,
      updatedAt: ctx.now,
    });
    await repo.grantAccess(tx, doc.id, [
      { principalId: target.userId, named: true, reason: 'submitted' },
    ]);
    await auditStep(ctx, doc, 'incoming.submitted', { toUserId: target.userId, note: target.note });
    await notifyAbout(ctx, doc, [target.userId], 'incoming.to_direct');
    return;
  }
  if (settings.submitTo !== 'unit')
    throw incomingErrors.assigneeInvalid(
      'This agency presents documents to a leader first; routing straight to a unit is off',
    );
  const [unit] = await findUnits(tx, [target.unitId]);
  if (!unit || unit.agencyId !== doc.agencyId || unit.validTo !== null)
    throw incomingErrors.assigneeInvalid('The unit is not a current unit of this agency');
  await repo.updateDocument(tx, doc.id, {
    state: nextDocumentState(doc.state, 'submitToUnit'),
    submittedToUnitId: unit.id,
    submittedAt: ctx.now,
    updatedAt: ctx.now,
  });
  await createAssignmentInStep(ctx, {
    role: 'lead',
    unitId: unit.id,
    userId: null,
    dueDate: doc.dueDate,
    direction: target.note ?? null,
    parentId: null,
  });
  await auditStep(ctx, doc, 'incoming.submitted', { toUnitId: unit.id, note: target.note });
}

/** The clerk presents a registered document to a leader (or a unit, per agency setting). */
export async function submitDocument(
  deps: IncomingDeps,
  actor: Actor,
  documentId: string,
  target: SubmitTarget,
  meta: RequestMeta,
) {
  await inDocumentStep(deps, actor, documentId, meta, async (ctx) => {
    if (!isClerkOf(ctx.scope, ctx.doc)) throw incomingErrors.forbidden();
    await submitInStep(ctx, target);
  });
}

/** Wrongly addressed or invalid: back to the sender through the system (Decree 30 Art. 20). */
export async function returnToSender(
  deps: IncomingDeps,
  actor: Actor,
  documentId: string,
  reason: string,
  meta: RequestMeta,
) {
  await inDocumentStep(deps, actor, documentId, meta, async (ctx) => {
    if (!isClerkOf(ctx.scope, ctx.doc)) throw incomingErrors.forbidden();
    await repo.updateDocument(ctx.tx, ctx.doc.id, {
      state: nextDocumentState(ctx.doc.state, 'returnToSender'),
      returnReason: reason,
      updatedAt: ctx.now,
    });
    await auditStep(ctx, ctx.doc, 'incoming.returned_to_sender', { reason });
  });
}
