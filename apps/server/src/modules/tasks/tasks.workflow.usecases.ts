import type { AssignTaskBody, TaskReportBody, UpdateTaskBody } from '@vanban/contracts';
import { newId } from '../../platform/db/ids.js';
import type { Actor, RequestMeta } from '../identity/index.js';
import { tasksErrors } from './tasks.errors.js';
import { nextTaskState, rolledUpProgress, validateProgress } from './tasks.models.js';
import {
  allowedOwnerAgencies,
  checkAssigningLeader,
  resolveCoOwners,
  resolveDue,
  resolveOwner,
} from './tasks.owners.js';
import {
  isIssuerSide,
  isOwnerAgencyLeader,
  isOwnerSide,
  isOwnerUnitHead,
} from './tasks.policies.js';
import * as repo from './tasks.repository.js';
import {
  attachUploads,
  auditTask,
  inTaskStep,
  notifyTask,
  ownerSide,
  rollUpFrom,
  type LockedTaskContext,
  type TaskDeps,
} from './tasks.usecase-kit.js';

function ownerOnly(ctx: LockedTaskContext) {
  if (!isOwnerSide(ctx.scope, ctx.task))
    throw tasksErrors.forbidden('Only the owner of the task does this');
}

function issuerOnly(ctx: LockedTaskContext) {
  if (!isIssuerSide(ctx.scope, ctx.task))
    throw tasksErrors.forbidden(
      'Only whoever gave the task (or a leader of that agency) does this',
    );
}

/** The issuer changes what was asked: title, description, due date (with a reason), publication. */
export async function updateTask(
  deps: TaskDeps,
  actor: Actor,
  taskId: string,
  body: UpdateTaskBody,
  meta: RequestMeta,
) {
  await inTaskStep(deps, actor, taskId, meta, async (ctx) => {
    const t = ctx.task;
    issuerOnly(ctx);
    nextTaskState(t.state, 'edit');
    const patch: Partial<repo.NewTaskRow> = {};
    const changes: Record<string, { from: unknown; to: unknown }> = {};
    const set = <K extends keyof repo.NewTaskRow>(key: K, value: repo.NewTaskRow[K]) => {
      if (value === t[key as keyof repo.TaskRow]) return;
      changes[key] = { from: t[key as keyof repo.TaskRow], to: value };
      patch[key] = value;
    };
    if (body.title !== undefined) set('title', body.title.normalize('NFC'));
    if (body.description !== undefined)
      set('description', body.description?.normalize('NFC') ?? null);
    if (body.urgency !== undefined) set('urgency', body.urgency);
    if (body.reportPeriod !== undefined) set('reportPeriod', body.reportPeriod);
    if (body.public !== undefined) {
      if (body.public && t.secrecy !== 'normal') throw tasksErrors.secretNotPublic();
      set('public', body.public);
    }
    if (body.assigningLeaderId !== undefined) {
      if (body.assigningLeaderId !== null)
        await checkAssigningLeader(ctx.tx, body.assigningLeaderId, t.agencyId);
      set('assigningLeaderId', body.assigningLeaderId);
    }
    let dueChanged = false;
    if (body.due !== undefined) {
      const due =
        body.due === null ? null : await resolveDue(ctx.tx, body.due, t.startDate, ctx.today);
      if (due !== null && t.parentId !== null) {
        const parent = await repo.findTask(ctx.tx, t.parentId);
        if (parent?.dueDate && due > parent.dueDate)
          throw tasksErrors.dueDateInvalid(
            `A sub-task is due by its parent's date ${parent.dueDate}`,
            {
              errors: [{ path: 'body.due', message: due, code: 'after_parent' }],
            },
          );
      }
      dueChanged = due !== t.dueDate;
      set('dueDate', due);
    }
    if (Object.keys(changes).length === 0) return;
    await repo.updateTask(ctx.tx, t.id, { ...patch, updatedAt: ctx.now });
    if (dueChanged) {
      await notifyTask(ctx, t, await ownerSide(ctx.tx, t.id), 'task.due_date_changed');
      await auditTask(ctx, t, 'task.due_date_changed', {
        from: t.dueDate,
        to: patch.dueDate ?? null,
        reason: body.dueChangeReason,
      });
    }
    const others = Object.fromEntries(Object.entries(changes).filter(([k]) => k !== 'dueDate'));
    if (Object.keys(others).length > 0)
      await auditTask(ctx, t, 'task.updated', { changes: others });
  });
}

/**
 * Give the task to another owner. The issuer may choose any owner it may give work to; a leader of
 * the owner agency re-assigns inside that agency; a head of the owner unit passes it to a person of
 * the unit (as incoming documents are re-assigned inside a unit).
 */
export async function assignTask(
  deps: TaskDeps,
  actor: Actor,
  taskId: string,
  body: AssignTaskBody,
  meta: RequestMeta,
) {
  await inTaskStep(deps, actor, taskId, meta, async (ctx) => {
    const t = ctx.task;
    nextTaskState(t.state, 'edit');
    const issuer = isIssuerSide(ctx.scope, t);
    const agencyLeader = isOwnerAgencyLeader(ctx.scope, t);
    if (!issuer && !agencyLeader && !isOwnerUnitHead(ctx.scope, t))
      throw tasksErrors.forbidden('Only the issuer or the owner’s leaders re-assign a task');
    let roots = [t.ownerAgencyId];
    if (issuer) {
      // The same reach as when the task was given: a leader's, or a unit head's own agency only.
      const parent = t.parentId ? await repo.findTask(ctx.tx, t.parentId) : null;
      const leads =
        ctx.scope.leaderAgencyIds.includes(t.agencyId) ||
        (t.assigningLeaderId !== null && ctx.scope.userIds.includes(t.assigningLeaderId));
      roots = leads ? [t.agencyId, ...(parent ? [parent.agencyId] : [])] : [];
    }
    const allowed = roots.length
      ? await allowedOwnerAgencies(ctx.tx, roots, ctx.today)
      : new Set([t.agencyId]);
    const owner = await resolveOwner(ctx.tx, body.owner, t.agencyId, allowed);
    if (!issuer && owner.ownerAgencyId !== t.ownerAgencyId)
      throw tasksErrors.ownerInvalid('The owner agency re-assigns only inside itself', {
        errors: [
          { path: 'body.owner.agencyId', message: owner.ownerAgencyId, code: 'not_allowed' },
        ],
      });
    if (!issuer && !agencyLeader && owner.ownerUnitId !== t.ownerUnitId)
      throw tasksErrors.ownerInvalid('A unit head re-assigns only inside the unit', {
        errors: [
          { path: 'body.owner.unitId', message: String(owner.ownerUnitId), code: 'not_allowed' },
        ],
      });
    const coOwners =
      body.coOwners === undefined
        ? null
        : await resolveCoOwners(ctx.tx, body.coOwners, allowed, owner);
    const before = {
      ownerAgencyId: t.ownerAgencyId,
      ownerUnitId: t.ownerUnitId,
      ownerUserId: t.ownerUserId,
    };
    await repo.updateTask(ctx.tx, t.id, { ...owner, updatedAt: ctx.now });
    if (coOwners) await repo.replaceCoOwners(ctx.tx, t.id, coOwners);
    await notifyTask(ctx, t, await ownerSide(ctx.tx, t.id), 'task.assigned');
    await auditTask(ctx, t, 'task.reassigned', {
      from: before,
      to: owner,
      ...(coOwners ? { coOwners } : {}),
      note: body.note ?? null,
    });
  });
}

export async function startTask(deps: TaskDeps, actor: Actor, taskId: string, meta: RequestMeta) {
  await inTaskStep(deps, actor, taskId, meta, async (ctx) => {
    ownerOnly(ctx);
    const state = nextTaskState(ctx.task.state, 'start');
    await repo.updateTask(ctx.tx, ctx.task.id, { state, startedAt: ctx.now, updatedAt: ctx.now });
    await auditTask(ctx, ctx.task, 'task.started', {});
  });
}

/**
 * A progress report (periodic or not). A whole number 0–100 (422 `tasks.invalid_progress`
 * otherwise); on a task whose progress rolls up from sub-tasks the percentage is refused and the
 * report carries text only. The new value rolls up the chain in the same transaction.
 */
export async function reportProgress(
  deps: TaskDeps,
  actor: Actor,
  taskId: string,
  body: TaskReportBody,
  meta: RequestMeta,
): Promise<string> {
  return inTaskStep(deps, actor, taskId, meta, async (ctx) => {
    const t = ctx.task;
    ownerOnly(ctx);
    const progress = body.progress === undefined ? null : validateProgress(body.progress);
    const state = nextTaskState(t.state, 'report');
    const children = await repo.childrenOf(ctx.tx, t.id);
    const rollsUp = children.some((c) => c.state !== 'cancelled');
    if (progress !== null && rollsUp)
      throw tasksErrors.progressRolledUp(undefined, {
        errors: [{ path: 'body.progress', message: 'rolled up', code: 'rolled_up' }],
      });
    const reportId = newId();
    await repo.insertReport(ctx.tx, {
      id: reportId,
      taskId: t.id,
      authorId: ctx.actor.userId,
      onBehalfOfId: ctx.actor.onBehalfOf?.userId ?? null,
      progress,
      body: body.text.normalize('NFC'),
      createdAt: ctx.now,
    });
    const files = await attachUploads(ctx, t.id, body.fileIds, 'report', reportId);
    const reported = progress ?? t.reportedProgress;
    const effective = rolledUpProgress({ state, reportedProgress: reported }, children);
    await repo.updateTask(ctx.tx, t.id, {
      state,
      reportedProgress: reported,
      progress: effective,
      lastReportAt: ctx.now,
      startedAt: t.startedAt ?? ctx.now,
      updatedAt: ctx.now,
    });
    await notifyTask(ctx, t, [t.assignedBy, t.assigningLeaderId], 'task.progress_reported');
    await auditTask(ctx, t, 'task.progress_reported', {
      reportId,
      progress,
      from: t.progress,
      to: effective,
      files,
    });
    if (effective !== t.progress) await rollUpFrom(ctx, t.parentId, `progress:${t.id}`);
    return reportId;
  });
}
