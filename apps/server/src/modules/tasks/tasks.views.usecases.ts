import type { TaskDetail, TaskListQuery } from '@vanban/contracts';
import { sql } from 'drizzle-orm';
import { vietnamDate } from '../../platform/clock/clock.js';
import { queryRows, type Db } from '../../platform/db/database.js';
import { listAuditEvents, presentAuditEvent, recordAuditEvent } from '../audit/index.js';
import { auditActorOf, type Actor, type RequestMeta } from '../identity/index.js';
import { actorScope, type ActorScope } from '../incoming/index.js';
import { tasksErrors } from './tasks.errors.js';
import { isOpen } from './tasks.models.js';
import { availableTaskActions } from './tasks.policies.js';
import {
  agencyNames,
  buildTree,
  presentHistoryEvent,
  presentTaskSummary,
} from './tasks.presenters.js';
import {
  countTaskViews,
  descendantSummaries,
  listTaskSummaries,
  SUMMARY_JOINS,
  summaryColumns,
  type TaskSummaryRow,
} from './tasks.queries.js';
import * as repo from './tasks.repository.js';
import type { TaskDeps } from './tasks.usecase-kit.js';
import { taskVisibleTo } from './tasks.visibility.js';

const isoOrNull = (v: Date | null) => (v === null ? null : v.toISOString());

export async function listTasks(deps: TaskDeps, actor: Actor, query: TaskListQuery) {
  const now = deps.clock.now();
  const today = vietnamDate(now);
  const { rows, nextCursor } = await listTaskSummaries(deps.db, actorScope(actor), query, today);
  const names = await agencyNames(
    deps.db,
    rows.flatMap((r) => [r.agency_id, r.owner_agency_id]),
    today,
  );
  return { items: rows.map((r) => presentTaskSummary(r, names, now)), nextCursor };
}

/** Open tasks in each list, for the navigation badges. */
export async function countTasks(deps: TaskDeps, actor: Actor) {
  return countTaskViews(deps.db, actorScope(actor), vietnamDate(deps.clock.now()));
}

async function visibleSummary(db: Db, scope: ActorScope, id: string, today: string) {
  const [row] = await queryRows<TaskSummaryRow>(
    db,
    sql`select ${summaryColumns(today)} from tasks t ${SUMMARY_JOINS}
        where t.id = ${id} and ${taskVisibleTo(scope)}`,
  );
  if (!row) throw tasksErrors.notFound();
  return row;
}

async function historyOf(db: Db, task: { id: string; agencyId: string }) {
  const rows = await listAuditEvents(db, {
    agencyIds: [task.agencyId],
    subjectType: 'task',
    subjectId: task.id,
    limit: 500,
  });
  return rows.reverse().map((r) => presentHistoryEvent(presentAuditEvent(r)));
}

/** The task page as the actor sees it now (also the answer to every task action). */
export async function getTask(deps: TaskDeps, actor: Actor, id: string): Promise<TaskDetail> {
  const db = deps.db;
  const scope = actorScope(actor);
  const now = deps.clock.now();
  const today = vietnamDate(now);
  const row = await visibleSummary(db, scope, id, today);
  const task = (await repo.findTask(db, id))!;
  const descendants = await descendantSummaries(db, scope, id, today);
  const children = await repo.childrenOf(db, id);
  const ancestors = (await repo.ancestorsOf(db, id, scope))
    .reverse()
    .map((a) => ({ id: a.id, title: a.title }));
  const reports = await repo.listReports(db, id);
  const files = await repo.listFiles(db, id);
  const person = await repo.userNames(db, [
    task.assignedBy,
    task.assigningLeaderId,
    task.completedBy,
    ...reports.flatMap((r) => [r.authorId, r.onBehalfOfId]),
  ]);
  const names = await agencyNames(
    db,
    [row.agency_id, row.owner_agency_id, ...descendants.map((d) => d.owner_agency_id)],
    today,
  );
  return {
    ...presentTaskSummary(row, names, now),
    description: task.description,
    assignedBy: person(task.assignedBy)!,
    assigningLeader: person(task.assigningLeaderId),
    coOwners: await repo.listCoOwners(db, id, today),
    reportedProgress: task.reportedProgress,
    startedAt: isoOrNull(task.startedAt),
    result: task.result,
    completedBy: person(task.completedBy),
    cancelledAt: isoOrNull(task.cancelledAt),
    cancelReason: task.cancelReason,
    escalatedAt: isoOrNull(task.escalatedAt),
    ancestors,
    subtasks: buildTree(id, descendants, names),
    reports: reports.map((r) => ({
      id: r.id,
      author: person(r.authorId)!,
      onBehalfOf: person(r.onBehalfOfId),
      progress: r.progress,
      text: r.body,
      fileIds: files.filter((f) => f.report_id === r.id).map((f) => f.id),
      createdAt: r.createdAt.toISOString(),
    })),
    files: files.map((f) => ({
      id: f.id,
      name: f.name,
      mediaType: f.media_type,
      size: f.size,
      role: f.role,
      reportId: f.report_id,
      addedBy: { id: f.added_by, fullName: f.added_by_name },
      addedAt: new Date(f.added_at).toISOString(),
    })),
    history: await historyOf(db, task),
    actions: availableTaskActions(scope, task, {
      hasOpenSubtasks: children.some((c) => isOpen(c.state)),
    }),
  };
}

/**
 * Someone opens the task page; opening a confidential task is itself audited (design §3: one
 * audit event per view of a confidential item).
 */
export async function openTask(deps: TaskDeps, actor: Actor, id: string, meta: RequestMeta) {
  const detail = await getTask(deps, actor, id);
  if (detail.secrecy !== 'normal')
    await deps.db.transaction(async (tx) => {
      await recordAuditEvent(tx, {
        type: 'task.viewed',
        actor: auditActorOf(actor),
        agencyId: detail.agency.id,
        subject: { type: 'task', id },
        data: { secrecy: detail.secrecy },
        occurredAt: deps.clock.now(),
        ip: meta.ip,
        requestId: meta.requestId,
      });
    });
  return detail;
}

/** The task's full history, from the audit trail. */
export async function taskHistory(deps: TaskDeps, actor: Actor, id: string) {
  const today = vietnamDate(deps.clock.now());
  const row = await visibleSummary(deps.db, actorScope(actor), id, today);
  return historyOf(deps.db, { id: row.id, agencyId: row.agency_id });
}

/** Download rule for the files module: files of a task the actor may see. */
export function taskFileAccessRule(db: Db, actor: Actor, fileId: string) {
  return repo.fileVisibleThroughTask(db, actorScope(actor), fileId);
}
