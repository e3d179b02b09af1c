import { sql } from 'drizzle-orm';
import type { Actor, RequestMeta } from '../identity/index.js';
import { tasksErrors } from './tasks.errors.js';
import { depthAfterMove, MAX_TASK_DEPTH, nextTaskState, wouldCreateCycle } from './tasks.models.js';
import { allowedOwnerAgencies } from './tasks.owners.js';
import { isIssuerSide, isOwnerSide } from './tasks.policies.js';
import * as repo from './tasks.repository.js';
import { auditTask, inTaskTransaction, rollUpFrom, type TaskDeps } from './tasks.usecase-kit.js';

/** Transaction-scoped lock key that serialises changes to the shape of cascades (rare). */
const CASCADE_LOCK = 7_365_420_011;

/**
 * Attach a task under another one (it becomes a sub-task: e.g. a department's own task found to
 * be part of a city task) or detach it (`parentId: null`). The task's issuer agrees (issuer side of
 * the task) and so does the new parent's owner (owner side), since the sub-task is issued by the
 * parent's owner agency. A task can never become its own ancestor (422 `tasks.cycle`), nor sink
 * below five levels. Both parents' progress is rolled up again in the same transaction.
 */
export async function setTaskParent(
  deps: TaskDeps,
  actor: Actor,
  taskId: string,
  parentId: string | null,
  meta: RequestMeta,
) {
  await inTaskTransaction(deps, actor, meta, async (ctx) => {
    // Taken before any row lock, so two opposite moves queue here instead of deadlocking.
    await ctx.tx.execute(sql`select pg_advisory_xact_lock(${CASCADE_LOCK})`);
    const t = await repo.lockTask(ctx.tx, taskId);
    if (!t || !(await repo.isVisible(ctx.tx, ctx.scope, taskId))) throw tasksErrors.notFound();
    if (!isIssuerSide(ctx.scope, t))
      throw tasksErrors.forbidden('Only whoever gave the task moves it in a cascade');
    nextTaskState(t.state, 'edit');
    if (parentId === t.parentId) return;
    const path = 'body.parentId';
    const height = Math.max(...(await repo.subtreeOf(ctx.tx, t.id)).map((n) => n.rel));
    let parent: repo.TaskRow | null = null;
    if (parentId !== null) {
      const ancestors = parentId === t.id ? [] : await repo.ancestorsOf(ctx.tx, parentId);
      if (
        wouldCreateCycle(
          t.id,
          parentId,
          ancestors.map((a) => a.id),
        )
      )
        throw tasksErrors.cycle('The new parent is the task itself or one of its sub-tasks', {
          errors: [{ path, message: parentId, code: 'cycle' }],
        });
      parent = await repo.lockTask(ctx.tx, parentId);
      if (!parent || !(await repo.isVisible(ctx.tx, ctx.scope, parentId)))
        throw tasksErrors.notFound('No such parent task');
      if (!isOwnerSide(ctx.scope, parent))
        throw tasksErrors.forbidden('Only the owner of the new parent task adds sub-tasks to it');
      nextTaskState(parent.state, 'edit');
      if (depthAfterMove(parent.depth, height) > MAX_TASK_DEPTH)
        throw tasksErrors.depthExceeded(undefined, {
          errors: [{ path, message: parentId, code: 'too_deep' }],
        });
      if (t.agencyId !== parent.ownerAgencyId)
        throw tasksErrors.ownerInvalid("A sub-task is issued by its parent's owner agency", {
          errors: [{ path, message: parentId, code: 'other_issuer' }],
        });
      const allowed = await allowedOwnerAgencies(
        ctx.tx,
        [parent.ownerAgencyId, parent.agencyId],
        ctx.today,
      );
      if (!allowed.has(t.ownerAgencyId))
        throw tasksErrors.ownerInvalid('The owner agency is not one the parent may cascade to', {
          errors: [{ path, message: parentId, code: 'not_allowed' }],
        });
      if (parent.dueDate !== null && t.dueDate !== null && t.dueDate > parent.dueDate)
        throw tasksErrors.dueDateInvalid(
          `A sub-task is due by its parent's date ${parent.dueDate}`,
          {
            errors: [{ path, message: t.dueDate, code: 'after_parent' }],
          },
        );
    }
    const rootId = parent?.rootId ?? t.id;
    const rootAgencyId = parent?.rootAgencyId ?? t.agencyId;
    const base = parent ? parent.depth + 1 : 0;
    await ctx.tx.execute(sql`
      with recursive down(id, rel) as (
        select id, 0 from tasks where id = ${t.id}
        union all
        select c.id, down.rel + 1 from tasks c join down on c.parent_id = down.id
        where down.rel < 50)
      update tasks s set
        parent_id = case when s.id = ${t.id} then ${parentId}::uuid else s.parent_id end,
        root_id = ${rootId}, root_agency_id = ${rootAgencyId}, depth = ${base} + down.rel,
        updated_at = ${ctx.now.toISOString()}
      from down where s.id = down.id`);
    await auditTask(ctx, t, 'task.parent_changed', { from: t.parentId, to: parentId });
    await rollUpFrom(ctx, t.parentId, `detached:${t.id}`);
    await rollUpFrom(ctx, parentId, `attached:${t.id}`);
  });
}
