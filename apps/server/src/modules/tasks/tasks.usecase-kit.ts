import type { AppDependencies } from '../../app/dependencies.js';
import { vietnamDate } from '../../platform/clock/clock.js';
import type { Db } from '../../platform/db/database.js';
import { recordAuditEvent } from '../audit/index.js';
import { loadFilesForAttach } from '../files/index.js';
import { auditActorOf, type Actor, type RequestMeta } from '../identity/index.js';
import { actorScope, type ActorScope } from '../incoming/index.js';
import { notify } from '../notifications/index.js';
import { tasksErrors } from './tasks.errors.js';
import { rolledUpProgress } from './tasks.models.js';
import * as repo from './tasks.repository.js';

export type TaskDeps = Pick<AppDependencies, 'db' | 'clock'>;

/** What every task step starts from: who acts, when, and the locked, visible task. */
export interface TaskStepContext {
  tx: Db;
  actor: Actor;
  scope: ActorScope;
  now: Date;
  today: string;
  meta: RequestMeta;
}

export interface LockedTaskContext extends TaskStepContext {
  task: repo.TaskRow;
}

/** One transaction for a step that does not start from an existing task (creating one). */
export async function inTaskTransaction<T>(
  deps: TaskDeps,
  actor: Actor,
  meta: RequestMeta,
  step: (ctx: TaskStepContext) => Promise<T>,
): Promise<T> {
  const now = deps.clock.now();
  const scope = actorScope(actor);
  return deps.db.transaction((tx) =>
    step({ tx, actor, scope, now, today: vietnamDate(now), meta }),
  );
}

/**
 * Run one step on a task in one transaction: lock the task (a double submit waits and then fails
 * on the state check), refuse it when the actor may not see it (404, existence is not revealed),
 * run the step, and leave its audit events in the same transaction.
 */
export async function inTaskStep<T>(
  deps: TaskDeps,
  actor: Actor,
  taskId: string,
  meta: RequestMeta,
  step: (ctx: LockedTaskContext) => Promise<T>,
): Promise<T> {
  return inTaskTransaction(deps, actor, meta, async (ctx) => {
    const task = await repo.lockTask(ctx.tx, taskId);
    if (!task || !(await repo.isVisible(ctx.tx, ctx.scope, taskId))) throw tasksErrors.notFound();
    return step({ ...ctx, task });
  });
}

/** Task events go to the issuing agency's audit chain. */
export async function auditTask(
  ctx: Pick<TaskStepContext, 'tx' | 'actor' | 'now' | 'meta'>,
  task: { id: string; agencyId: string },
  type: string,
  data: Record<string, unknown>,
) {
  await recordAuditEvent(ctx.tx, {
    type,
    actor: auditActorOf(ctx.actor),
    agencyId: task.agencyId,
    subject: { type: 'task', id: task.id },
    data,
    occurredAt: ctx.now,
    ip: ctx.meta.ip,
    requestId: ctx.meta.requestId,
  });
}

/** Tell people about a task; a confidential task's title stays out of the notification. */
export async function notifyTask(
  ctx: Pick<TaskStepContext, 'tx' | 'now' | 'actor'>,
  task: { id: string; title: string; urgency: string; secrecy: string },
  userIds: (string | null)[],
  kind: string,
) {
  const others = userIds.filter((u): u is string => u !== null && u !== ctx.actor.userId);
  await notify(
    ctx.tx,
    {
      userIds: others,
      kind,
      title: task.secrecy === 'normal' ? task.title.slice(0, 200) : 'Nhiệm vụ mật',
      subject: { type: 'task', id: task.id },
      urgency: task.urgency,
    },
    ctx.now,
  );
}

/** The owner's people and the co-owner persons: who hears about changes to the work. */
export async function ownerSide(tx: Db, taskId: string): Promise<string[]> {
  return [...(await repo.ownerRecipients(tx, taskId)), ...(await repo.coOwnerUserIds(tx, taskId))];
}

/** Attach the actor's uploads to the task. */
export async function attachUploads(
  ctx: Pick<TaskStepContext, 'tx' | 'scope' | 'now' | 'actor'>,
  taskId: string,
  fileIds: string[],
  role: 'attachment' | 'report' | 'result',
  reportId: string | null = null,
): Promise<string[]> {
  if (fileIds.length === 0) return [];
  const files = await loadFilesForAttach(ctx.tx, ctx.scope.userIds, fileIds);
  await repo.attachFiles(
    ctx.tx,
    taskId,
    files,
    { role, reportId, addedBy: ctx.actor.userId },
    ctx.now,
  );
  return files.map((f) => f.id);
}

/**
 * Recompute the progress of every task above `parentId`, in this transaction. Each parent is
 * locked before its children are read, so two sub-tasks reported at once both count: the second
 * waits for the first to commit and then reads its value. Stops where nothing changes (the chain
 * above depends only on the changed value). Each change is an audit event of the parent.
 */
export async function rollUpFrom(
  ctx: Pick<TaskStepContext, 'tx' | 'actor' | 'now' | 'meta'>,
  parentId: string | null,
  cause: string,
) {
  let id = parentId;
  for (let guard = 0; id !== null && guard < 50; guard += 1) {
    const parent = await repo.lockTask(ctx.tx, id);
    if (!parent) return;
    const children = await repo.childrenOf(ctx.tx, id);
    const progress = rolledUpProgress(parent, children);
    if (progress === parent.progress) return;
    await repo.updateTask(ctx.tx, id, { progress, updatedAt: ctx.now });
    await auditTask(ctx, parent, 'task.progress_rolled_up', {
      from: parent.progress,
      to: progress,
      cause,
      subtasks: children.filter((c) => c.state !== 'cancelled').length,
    });
    id = parent.parentId;
  }
}
