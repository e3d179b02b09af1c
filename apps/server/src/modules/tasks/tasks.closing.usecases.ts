import type { Actor, RequestMeta } from '../identity/index.js';
import { tasksErrors } from './tasks.errors.js';
import { isOpen, nextTaskState, openChildren } from './tasks.models.js';
import { isIssuerSide, isOwnerSide } from './tasks.policies.js';
import * as repo from './tasks.repository.js';
import {
  attachUploads,
  auditTask,
  inTaskStep,
  inTaskTransaction,
  notifyTask,
  ownerSide,
  rollUpFrom,
  type TaskDeps,
} from './tasks.usecase-kit.js';

/**
 * The owner completes the task with its result (and files). A task with open sub-tasks cannot be
 * completed: they are completed, or cancelled by their issuer (the owner of this task), first — so
 * the result the issuer receives always covers every part (docs/decisions/0011-tasks.md).
 */
export async function completeTask(
  deps: TaskDeps,
  actor: Actor,
  taskId: string,
  body: { result: string; fileIds: string[] },
  meta: RequestMeta,
) {
  await inTaskStep(deps, actor, taskId, meta, async (ctx) => {
    const t = ctx.task;
    if (!isOwnerSide(ctx.scope, t))
      throw tasksErrors.forbidden('Only the owner completes the task');
    const state = nextTaskState(t.state, 'complete');
    const open = openChildren(await repo.childrenOf(ctx.tx, t.id));
    if (open.length > 0)
      throw tasksErrors.openSubtasks(`${open.length} sub-task(s) still open`, {
        extensions: { openSubtaskIds: open.map((c) => c.id) },
      });
    const files = await attachUploads(ctx, t.id, body.fileIds, 'result');
    await repo.updateTask(ctx.tx, t.id, {
      state,
      progress: 100,
      result: body.result.normalize('NFC'),
      completedAt: ctx.now,
      completedBy: ctx.actor.userId,
      startedAt: t.startedAt ?? ctx.now,
      updatedAt: ctx.now,
    });
    await notifyTask(ctx, t, [t.assignedBy, t.assigningLeaderId], 'task.completed');
    await auditTask(ctx, t, 'task.completed', {
      result: body.result,
      files,
      dueDate: t.dueDate,
      onTime: t.dueDate === null || ctx.today <= t.dueDate,
    });
    await rollUpFrom(ctx, t.parentId, `completed:${t.id}`);
  });
}

/**
 * The issuer cancels the task with a reason; its open sub-tasks go with it (they exist only as
 * parts of it). The parent's progress no longer counts it. The subtree is locked deepest first,
 * the task last — the order progress reports take (a sub-task, then its parents) — so a report
 * arriving meanwhile waits or goes first instead of deadlocking.
 */
export async function cancelTask(
  deps: TaskDeps,
  actor: Actor,
  taskId: string,
  reason: string,
  meta: RequestMeta,
) {
  await inTaskTransaction(deps, actor, meta, async (ctx) => {
    const seen = await repo.findTask(ctx.tx, taskId);
    if (!seen || !(await repo.isVisible(ctx.tx, ctx.scope, taskId))) throw tasksErrors.notFound();
    if (!isIssuerSide(ctx.scope, seen))
      throw tasksErrors.forbidden(
        'Only whoever gave the task (or a leader of that agency) does this',
      );
    const nodes = await repo.subtreeOf(ctx.tx, taskId);
    const locked = new Map<string, repo.TaskRow>();
    for (const n of [...nodes].reverse()) {
      const row = await repo.lockTask(ctx.tx, n.id);
      if (row) locked.set(n.id, row);
    }
    const t = locked.get(taskId)!;
    const state = nextTaskState(t.state, 'cancel');
    const cancel = {
      state,
      cancelledAt: ctx.now,
      cancelledBy: ctx.actor.userId,
      cancelReason: reason,
      updatedAt: ctx.now,
    };
    const below = nodes
      .filter((n) => n.rel > 0)
      .map((n) => locked.get(n.id))
      .filter((sub): sub is repo.TaskRow => sub !== undefined && isOpen(sub.state));
    await repo.updateTask(ctx.tx, t.id, cancel);
    for (const sub of below) {
      await repo.updateTask(ctx.tx, sub.id, cancel);
      await notifyTask(ctx, sub, await ownerSide(ctx.tx, sub.id), 'task.cancelled');
      await auditTask(ctx, sub, 'task.cancelled', { reason, withParent: t.id });
    }
    await notifyTask(ctx, t, await ownerSide(ctx.tx, t.id), 'task.cancelled');
    await auditTask(ctx, t, 'task.cancelled', { reason, subtasks: below.map((n) => n.id) });
    await rollUpFrom(ctx, t.parentId, `cancelled:${t.id}`);
  });
}
