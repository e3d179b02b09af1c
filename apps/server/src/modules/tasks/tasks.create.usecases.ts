import type {
  CreateSubtaskBody,
  CreateTaskBody,
  Secrecy,
  TaskReportPeriod,
  TaskSourceType,
  Urgency,
} from '@vanban/contracts';
import { sql } from 'drizzle-orm';
import { queryRows } from '../../platform/db/database.js';
import { newId } from '../../platform/db/ids.js';
import type { Actor, RequestMeta } from '../identity/index.js';
import { tasksErrors } from './tasks.errors.js';
import { atLeastAsSecret, MAX_TASK_DEPTH, nextTaskState } from './tasks.models.js';
import {
  allowedOwnerAgencies,
  checkAssigningLeader,
  resolveCoOwners,
  resolveDue,
  resolveOwner,
  type ResolvedOwner,
} from './tasks.owners.js';
import { isOwnerAgencyLeader, isOwnerSide } from './tasks.policies.js';
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
  type TaskStepContext,
} from './tasks.usecase-kit.js';

export interface NewTask {
  agencyId: string;
  parent: repo.TaskRow | null;
  owner: ResolvedOwner;
  coOwners: repo.CoOwner[];
  title: string;
  description: string | null;
  startDate: string;
  dueDate: string | null;
  urgency: Urgency;
  secrecy: Secrecy;
  public: boolean;
  reportPeriod: TaskReportPeriod | null;
  assigningLeaderId: string | null;
  source: { type: TaskSourceType; id: string | null };
  fileIds: string[];
}

/** The public transparency page never shows a confidential task (issue 8 §5). */
function checkPublic(isPublic: boolean, secrecy: Secrecy) {
  if (isPublic && secrecy !== 'normal')
    throw tasksErrors.secretNotPublic(undefined, {
      errors: [{ path: 'body.public', message: secrecy, code: 'secret' }],
    });
}

/** The acting leader, or the leader they act for under a delegation. */
export function actingLeader(ctx: TaskStepContext, agencyId: string): string | null {
  if (!ctx.scope.leaderAgencyIds.includes(agencyId)) return null;
  return ctx.actor.onBehalfOf?.userId ?? ctx.actor.userId;
}

/** Insert a task with its co-owners and files, tell the owner, audit it, roll the parent up. */
export async function insertNewTask(ctx: TaskStepContext, t: NewTask): Promise<string> {
  checkPublic(t.public, t.secrecy);
  const id = newId();
  await repo.insertTask(ctx.tx, {
    id,
    agencyId: t.agencyId,
    parentId: t.parent?.id ?? null,
    rootId: t.parent?.rootId ?? id,
    rootAgencyId: t.parent?.rootAgencyId ?? t.agencyId,
    depth: t.parent ? t.parent.depth + 1 : 0,
    source: t.source.type,
    incomingDocumentId: t.source.type === 'incoming_document' ? t.source.id : null,
    outgoingDocumentId: t.source.type === 'outgoing_document' ? t.source.id : null,
    meetingId: t.source.type === 'meeting' ? t.source.id : null,
    title: t.title.normalize('NFC'),
    description: t.description?.normalize('NFC') ?? null,
    urgency: t.urgency,
    assignedBy: ctx.actor.userId,
    assigningLeaderId: t.assigningLeaderId,
    ...t.owner,
    startDate: t.startDate,
    dueDate: t.dueDate,
    state: 'assigned',
    progress: 0,
    reportedProgress: 0,
    reportPeriod: t.reportPeriod,
    secrecy: t.secrecy,
    public: t.public,
    createdAt: ctx.now,
    updatedAt: ctx.now,
  });
  await repo.replaceCoOwners(ctx.tx, id, t.coOwners);
  const files = await attachUploads(ctx, id, t.fileIds, 'attachment');
  const task = { id, agencyId: t.agencyId, title: t.title, urgency: t.urgency, secrecy: t.secrecy };
  await notifyTask(ctx, task, await ownerSide(ctx.tx, id), 'task.assigned');
  await auditTask(ctx, task, 'task.created', {
    title: t.title,
    parentId: t.parent?.id ?? null,
    source: t.source,
    owner: t.owner,
    coOwners: t.coOwners,
    startDate: t.startDate,
    dueDate: t.dueDate,
    secrecy: t.secrecy,
    public: t.public,
    assigningLeaderId: t.assigningLeaderId,
    files,
  });
  if (t.parent) await rollUpFrom(ctx, t.parent.id, `subtask_created:${id}`);
  return id;
}

/**
 * A task on its own (or from an outgoing document such as a plan, or a meeting later): leaders and
 * deputies give work to their agency, its units and people and the agencies under it; a unit head
 * gives work inside the unit.
 */
export async function createTask(
  deps: TaskDeps,
  actor: Actor,
  body: CreateTaskBody,
  meta: RequestMeta,
): Promise<string> {
  return inTaskTransaction(deps, actor, meta, async (ctx) => {
    const agencyId = body.agencyId ?? actor.agencyId;
    const leader = ctx.scope.leaderAgencyIds.includes(agencyId);
    const allowed = leader
      ? await allowedOwnerAgencies(ctx.tx, [agencyId], ctx.today)
      : new Set([agencyId]);
    const owner = await resolveOwner(ctx.tx, body.owner, agencyId, allowed);
    if (!leader && !(owner.ownerUnitId && ctx.scope.headUnitIds.includes(owner.ownerUnitId)))
      throw tasksErrors.forbidden(
        'Leaders give tasks for their agency; unit heads only inside their unit',
      );
    const coOwners = await resolveCoOwners(ctx.tx, body.coOwners, allowed, owner);
    if (body.assigningLeaderId)
      await checkAssigningLeader(ctx.tx, body.assigningLeaderId, agencyId);
    const source = body.source ?? { type: 'none' as const, id: null };
    if (source.type === 'outgoing_document') {
      const rows = await queryRows<{ agency_id: string }>(
        ctx.tx,
        sql`select agency_id from outgoing_documents where id = ${source.id}`,
      );
      if (rows[0]?.agency_id !== agencyId)
        throw tasksErrors.sourceInvalid('No outgoing document of the issuing agency has this id', {
          errors: [{ path: 'body.source.id', message: source.id, code: 'not_found' }],
        });
    }
    const startDate = body.startDate ?? ctx.today;
    return insertNewTask(ctx, {
      agencyId,
      parent: null,
      owner,
      coOwners,
      title: body.title,
      description: body.description ?? null,
      startDate,
      dueDate: await resolveDue(ctx.tx, body.due, startDate, ctx.today),
      urgency: body.urgency ?? 'normal',
      secrecy: body.secrecy ?? 'normal',
      public: body.public,
      reportPeriod: body.reportPeriod,
      assigningLeaderId: body.assigningLeaderId ?? actingLeader(ctx, agencyId),
      source,
      fileIds: body.fileIds,
    });
  });
}

/**
 * Split a task (cascade): the owner side gives parts of it to units, people or other agencies.
 * The sub-task is issued by the parent's owner agency. Its owner may be that agency or one below
 * it, or — for a task that came from above — an agency below the parent's issuer (a department
 * hands part of a city task to communes). Leaders of the owner agency may do all of that; a unit
 * head or owner person only inside the owner unit. Due no later than the parent.
 */
export async function createSubtask(
  deps: TaskDeps,
  actor: Actor,
  parentId: string,
  body: CreateSubtaskBody,
  meta: RequestMeta,
): Promise<string> {
  return inTaskStep(deps, actor, parentId, meta, async (ctx) => {
    const parent = ctx.task;
    if (!isOwnerSide(ctx.scope, parent))
      throw tasksErrors.forbidden('Only the owner of a task splits it into sub-tasks');
    nextTaskState(parent.state, 'edit');
    if (parent.depth + 1 > MAX_TASK_DEPTH)
      throw tasksErrors.depthExceeded(`A task at depth ${parent.depth} cannot be split further`);
    const leader = isOwnerAgencyLeader(ctx.scope, parent);
    const allowed = leader
      ? await allowedOwnerAgencies(ctx.tx, [parent.ownerAgencyId, parent.agencyId], ctx.today)
      : new Set([parent.ownerAgencyId]);
    const owner = await resolveOwner(ctx.tx, body.owner, parent.ownerAgencyId, allowed);
    if (!leader && parent.ownerUnitId !== null && owner.ownerUnitId !== parent.ownerUnitId)
      throw tasksErrors.ownerInvalid('A sub-task stays inside the owner unit', {
        errors: [{ path: 'body.owner.unitId', message: 'other unit', code: 'not_allowed' }],
      });
    const coOwners = await resolveCoOwners(ctx.tx, body.coOwners, allowed, owner);
    const dueDate = (await resolveDue(ctx.tx, body.due, ctx.today, ctx.today)) ?? parent.dueDate;
    if (dueDate !== null && parent.dueDate !== null && dueDate > parent.dueDate)
      throw tasksErrors.dueDateInvalid(`A sub-task is due by its parent's date ${parent.dueDate}`, {
        errors: [{ path: 'body.due', message: dueDate, code: 'after_parent' }],
      });
    if (dueDate !== null && dueDate < ctx.today)
      throw tasksErrors.dueDateInvalid(
        `The task is overdue since ${dueDate}: extend its due date before splitting it`,
        { errors: [{ path: 'body.due', message: dueDate, code: 'past' }] },
      );
    const secrecy = atLeastAsSecret(parent.secrecy, body.secrecy);
    return insertNewTask(ctx, {
      agencyId: parent.ownerAgencyId,
      parent,
      owner,
      coOwners,
      title: body.title,
      description: body.description ?? null,
      startDate: ctx.today,
      dueDate,
      urgency: body.urgency ?? parent.urgency,
      secrecy,
      public: body.public,
      reportPeriod: body.reportPeriod,
      assigningLeaderId: actingLeader(ctx, parent.ownerAgencyId),
      source: { type: 'none', id: null },
      fileIds: body.fileIds,
    });
  });
}
