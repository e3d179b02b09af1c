import type { AppDependencies } from '../../app/dependencies.js';
import { vietnamDate } from '../../platform/clock/clock.js';
import type { Db } from '../../platform/db/database.js';
import { recordAuditEvent } from '../audit/index.js';
import { actorScope, type ActorScope } from '../incoming/index.js';
import { auditActorOf, type Actor, type RequestMeta } from '../identity/index.js';
import { recordsErrors } from './records.errors.js';
import * as repo from './records.repository.js';

export type RecordsDeps = Pick<AppDependencies, 'db' | 'clock' | 'jobs'>;

export interface RecordStep {
  tx: Db;
  actor: Actor;
  scope: ActorScope;
  now: Date;
  today: string;
  record: repo.RecordRow;
  meta: RequestMeta;
}

/**
 * One step on one record in one transaction: lock it (a double click waits, then fails the state
 * check), 404 when the actor may not see it, run the step with its audit event.
 */
export async function inRecordStep<T>(
  deps: Pick<RecordsDeps, 'db' | 'clock'>,
  actor: Actor,
  id: string,
  meta: RequestMeta,
  step: (ctx: RecordStep) => Promise<T>,
): Promise<T> {
  const scope = actorScope(actor);
  const now = deps.clock.now();
  return deps.db.transaction(async (tx) => {
    const record = await repo.lockRecord(tx, id);
    if (!record || !(await repo.isVisible(tx, scope, id))) throw recordsErrors.notFound();
    return step({ tx, actor, scope, now, today: vietnamDate(now), record, meta });
  });
}

export async function auditRecord(
  ctx: Pick<RecordStep, 'tx' | 'actor' | 'now' | 'meta'>,
  record: { id: string; agencyId: string },
  type: string,
  data: Record<string, unknown>,
  subjectType: 'work_record' | 'record_catalogue' = 'work_record',
) {
  await recordAuditEvent(ctx.tx, {
    type,
    actor: auditActorOf(ctx.actor),
    agencyId: record.agencyId,
    subject: { type: subjectType, id: record.id },
    data,
    occurredAt: ctx.now,
    ip: ctx.meta.ip,
    requestId: ctx.meta.requestId,
  });
}

/** The creator hands the record over (Art. 30 §3b); the agency archive is kept by its clerks. */
export function mayArchive(scope: ActorScope, record: repo.RecordRow): boolean {
  return scope.userIds.includes(record.creatorId) || scope.clerkAgencyIds.includes(record.agencyId);
}

/** Whose unit a new record belongs to: the actor's unit in the agency, if they have one. */
export function unitOf(actor: Actor, agencyId: string): string | null {
  return actor.roles.find((r) => r.agencyId === agencyId && r.unitId !== null)?.unitId ?? null;
}

/** Agencies the actor works in, by home agency or by any role. */
export function memberAgencyIds(actor: Actor): string[] {
  return [...new Set([actor.agencyId, ...actor.roles.map((r) => r.agencyId)])];
}
