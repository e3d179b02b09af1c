import type { AppDependencies } from '../../app/dependencies.js';
import { vietnamDate } from '../../platform/clock/clock.js';
import type { Db } from '../../platform/db/database.js';
import { recordAuditEvent } from '../audit/index.js';
import { actorScope } from '../incoming/index.js';
import { auditActorOf, type Actor, type RequestMeta } from '../identity/index.js';
import { notify } from '../notifications/index.js';
import { outgoingErrors } from './outgoing.errors.js';
import * as repo from './outgoing.repository.js';
import type { OutgoingScope } from './outgoing.visibility.js';

export type OutgoingDeps = Pick<
  AppDependencies,
  'db' | 'clock' | 'storage' | 'secretBox' | 'jobs' | 'config'
>;

export function outgoingScope(actor: Actor): OutgoingScope {
  const scope = actorScope(actor);
  const agencies = new Set([actor.agencyId, ...actor.roles.map((r) => r.agencyId)]);
  return { ...scope, memberAgencyIds: [...agencies] };
}

export interface OutgoingStep {
  tx: Db;
  actor: Actor;
  scope: OutgoingScope;
  now: Date;
  today: string;
  doc: repo.OutgoingRow;
  meta: RequestMeta;
}

/**
 * One step on one document in one transaction: lock it (a double click waits, then fails the
 * state check), 404 when the actor may not see it, run the step with its audit event.
 */
export async function inOutgoingStep<T>(
  deps: Pick<OutgoingDeps, 'db' | 'clock'>,
  actor: Actor,
  id: string,
  meta: RequestMeta,
  step: (ctx: OutgoingStep) => Promise<T>,
): Promise<T> {
  const scope = outgoingScope(actor);
  const now = deps.clock.now();
  return deps.db.transaction(async (tx) => {
    const doc = await repo.lockDocument(tx, id);
    if (!doc || !(await repo.isVisible(tx, scope, id))) throw outgoingErrors.notFound();
    return step({ tx, actor, scope, now, today: vietnamDate(now), doc, meta });
  });
}

export async function auditOutgoing(
  ctx: Pick<OutgoingStep, 'tx' | 'actor' | 'now' | 'meta'>,
  doc: { id: string; agencyId: string },
  type: string,
  data: Record<string, unknown>,
) {
  await recordAuditEvent(ctx.tx, {
    type,
    actor: auditActorOf(ctx.actor),
    agencyId: doc.agencyId,
    subject: { type: 'outgoing_document', id: doc.id },
    data,
    occurredAt: ctx.now,
    ip: ctx.meta.ip,
    requestId: ctx.meta.requestId,
  });
}

export async function notifyOutgoing(
  ctx: Pick<OutgoingStep, 'tx' | 'now'>,
  doc: { id: string; urgency: string; reference: string | null; subject: string },
  userIds: string[],
  kind: string,
) {
  if (userIds.length === 0) return;
  await notify(
    ctx.tx,
    {
      userIds,
      kind,
      title: `${doc.reference ? `${doc.reference}: ` : ''}${doc.subject.slice(0, 160)}`,
      subject: { type: 'outgoing_document', id: doc.id },
      urgency: doc.urgency,
    },
    ctx.now,
  );
}

export function requireClerkOf(ctx: Pick<OutgoingStep, 'scope' | 'doc'>) {
  if (!ctx.scope.clerkAgencyIds.includes(ctx.doc.agencyId))
    throw outgoingErrors.forbidden('Only a clerk of the issuing agency may do this');
}

export function requireDrafter(ctx: Pick<OutgoingStep, 'scope' | 'doc'>) {
  if (!ctx.scope.userIds.includes(ctx.doc.drafterId))
    throw outgoingErrors.forbidden('Only the drafter may do this');
}
