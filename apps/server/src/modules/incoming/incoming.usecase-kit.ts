import type { AppDependencies } from '../../app/dependencies.js';
import { vietnamDate } from '../../platform/clock/clock.js';
import type { Db } from '../../platform/db/database.js';
import { recordAuditEvent } from '../audit/index.js';
import { loadFilesForAttach } from '../files/index.js';
import { auditActorOf, type Actor, type RequestMeta } from '../identity/index.js';
import { notify } from '../notifications/index.js';
import { incomingErrors } from './incoming.errors.js';
import { actorScope, type ActorScope } from './incoming.models.js';
import * as repo from './incoming.repository.js';

export type IncomingDeps = Pick<AppDependencies, 'db' | 'clock'>;

/** What every workflow step starts from: who acts, when, and the locked, visible document. */
export interface StepContext {
  tx: Db;
  actor: Actor;
  scope: ActorScope;
  now: Date;
  today: string;
  doc: repo.DocumentRow;
  meta: RequestMeta;
}

/**
 * Run one workflow step in one transaction: lock the document (a double submit waits and then
 * fails on the state check), refuse it when the actor may not see it (404, existence is not
 * revealed), run the step, and leave the audit event in the same transaction.
 */
export async function inDocumentStep<T>(
  deps: IncomingDeps,
  actor: Actor,
  documentId: string,
  meta: RequestMeta,
  step: (ctx: StepContext) => Promise<T>,
): Promise<T> {
  const scope = actorScope(actor);
  const now = deps.clock.now();
  return deps.db.transaction(async (tx) => {
    const doc = await repo.findVisibleDocument(tx, scope, documentId, { lock: true });
    if (!doc) throw incomingErrors.notFound();
    return step({ tx, actor, scope, now, today: vietnamDate(now), doc, meta });
  });
}

export async function auditStep(
  ctx: Pick<StepContext, 'tx' | 'actor' | 'now' | 'meta'>,
  doc: { id: string; agencyId: string },
  type: string,
  data: Record<string, unknown>,
) {
  await recordAuditEvent(ctx.tx, {
    type,
    actor: auditActorOf(ctx.actor),
    agencyId: doc.agencyId,
    subject: { type: 'incoming_document', id: doc.id },
    data,
    occurredAt: ctx.now,
    ip: ctx.meta.ip,
    requestId: ctx.meta.requestId,
  });
}

/** Tell people about a document; urgent ones are flagged so the bell shows them at once. */
export async function notifyAbout(
  ctx: Pick<StepContext, 'tx' | 'now'>,
  doc: { id: string; urgency: string; reference: string; subject: string },
  userIds: string[],
  kind: string,
) {
  await notify(
    ctx.tx,
    {
      userIds,
      kind,
      title: `${doc.reference}: ${doc.subject.slice(0, 160)}`,
      subject: { type: 'incoming_document', id: doc.id },
      urgency: doc.urgency,
    },
    ctx.now,
  );
}

/** People to notify for an assignment: the person, else the heads of the unit. */
export async function recipientsOf(tx: Db, a: { userId: string | null; unitId: string | null }) {
  if (a.userId) return [a.userId];
  return a.unitId ? repo.unitHeadIds(tx, a.unitId) : [];
}

/** Attach the actor's uploads to the document and refresh its searchable content text. */
export async function attachUploads(
  ctx: Pick<StepContext, 'tx' | 'scope' | 'now' | 'actor'>,
  documentId: string,
  fileIds: string[],
  role: 'main' | 'handling',
  assignmentId: string | null,
) {
  if (fileIds.length === 0) return [];
  const files = await loadFilesForAttach(ctx.tx, ctx.scope.userIds, fileIds);
  await repo.attachFiles(
    ctx.tx,
    documentId,
    files,
    { role, addedBy: ctx.actor.userId, assignmentId },
    ctx.now,
  );
  await repo.refreshContentText(ctx.tx, [documentId]);
  return files;
}
