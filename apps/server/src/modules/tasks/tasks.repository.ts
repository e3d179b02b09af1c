import type { TaskState } from '@vanban/contracts';
import { asc, eq, sql } from 'drizzle-orm';
import { queryRows, type Db } from '../../platform/db/database.js';
import { uuidArray } from '../../platform/db/sql.js';
import type { ActorScope } from '../incoming/index.js';
import { taskCoOwners, taskFiles, taskReports, tasks } from './tasks.tables.js';
import { taskVisibleTo } from './tasks.visibility.js';

export type TaskRow = typeof tasks.$inferSelect;
export type NewTaskRow = typeof tasks.$inferInsert;

export async function insertTask(tx: Db, row: NewTaskRow) {
  await tx.insert(tasks).values(row);
}

export async function updateTask(tx: Db, id: string, patch: Partial<NewTaskRow>) {
  await tx.update(tasks).set(patch).where(eq(tasks.id, id));
}

export async function findTask(db: Db, id: string): Promise<TaskRow | null> {
  const [row] = await db.select().from(tasks).where(eq(tasks.id, id));
  return row ?? null;
}

/** Lock the row for the rest of the transaction: a double submit waits, then sees the new state. */
export async function lockTask(tx: Db, id: string): Promise<TaskRow | null> {
  const [row] = await tx.select().from(tasks).where(eq(tasks.id, id)).for('update');
  return row ?? null;
}

export async function isVisible(db: Db, scope: ActorScope, id: string): Promise<boolean> {
  const rows = await queryRows<{ ok: number }>(
    db,
    sql`select 1 as ok from tasks t where t.id = ${id} and ${taskVisibleTo(scope)}`,
  );
  return rows.length > 0;
}

export async function childrenOf(
  db: Db,
  id: string,
): Promise<{ id: string; state: TaskState; progress: number }[]> {
  return db
    .select({ id: tasks.id, state: tasks.state, progress: tasks.progress })
    .from(tasks)
    .where(eq(tasks.parentId, id));
}

/**
 * The chain above a task: parent first, root last. With `scope`, only the ancestors the viewer may
 * see or that are not confidential (the detail page's breadcrumb), filtered in the same query.
 */
export async function ancestorsOf(
  db: Db,
  id: string,
  scope?: ActorScope,
): Promise<{ id: string; title: string; secrecy: string }[]> {
  return queryRows<{ id: string; title: string; secrecy: string }>(
    db,
    sql`with recursive up(id, parent_id, n) as (
          select p.id, p.parent_id, 1 from tasks t join tasks p on p.id = t.parent_id
          where t.id = ${id}
          union all
          select p.id, p.parent_id, up.n + 1 from up join tasks p on p.id = up.parent_id
          where up.n < 50
        ) select up.id, t.title, t.secrecy::text as secrecy
          from up join tasks t on t.id = up.id
          ${scope ? sql`where t.secrecy = 'normal' or ${taskVisibleTo(scope)}` : sql``}
          order by up.n`,
  );
}

/** Full names of users, for the detail page. */
export async function userNames(db: Db, ids: (string | null)[]) {
  const wanted = [...new Set(ids.filter((x): x is string => x !== null))];
  const rows = wanted.length
    ? await queryRows<{ id: string; full_name: string }>(
        db,
        sql`select id, full_name from users where id = any(${uuidArray(wanted)})`,
      )
    : [];
  const map = new Map(rows.map((r) => [r.id, r.full_name]));
  return (id: string | null) => (id === null ? null : { id, fullName: map.get(id) ?? '' });
}

/** The task and everything below it, with each node's depth relative to the task (0). */
export async function subtreeOf(
  db: Db,
  id: string,
): Promise<{ id: string; parent_id: string | null; rel: number; state: TaskState }[]> {
  return queryRows(
    db,
    sql`with recursive down(id, parent_id, rel, state) as (
          select t.id, t.parent_id, 0, t.state from tasks t where t.id = ${id}
          union all
          select c.id, c.parent_id, down.rel + 1, c.state from tasks c join down on c.parent_id = down.id
          where down.rel < 50
        ) select id, parent_id, rel, state::text as state from down order by rel, id`,
  );
}

export interface CoOwner {
  kind: 'agency' | 'unit' | 'user';
  principalId: string;
}

export async function replaceCoOwners(tx: Db, taskId: string, coOwners: CoOwner[]) {
  await tx.delete(taskCoOwners).where(eq(taskCoOwners.taskId, taskId));
  if (coOwners.length > 0)
    await tx
      .insert(taskCoOwners)
      .values(coOwners.map((c) => ({ taskId, kind: c.kind, principalId: c.principalId })))
      .onConflictDoNothing();
}

export async function listCoOwners(db: Db, taskId: string, asOf: string) {
  return queryRows<{ kind: 'agency' | 'unit' | 'user'; id: string; name: string }>(
    db,
    sql`select c.kind::text as kind, c.principal_id as id,
          coalesce(u.full_name, un.name,
            (select v.name from agency_versions v where v.agency_id = c.principal_id
               and v.valid_from <= ${asOf} order by v.valid_from desc limit 1), '') as name
        from task_co_owners c
        left join users u on c.kind = 'user' and u.id = c.principal_id
        left join units un on c.kind = 'unit' and un.id = c.principal_id
        where c.task_id = ${taskId}
        order by c.kind, name`,
  );
}

export async function insertReport(tx: Db, row: typeof taskReports.$inferInsert) {
  await tx.insert(taskReports).values(row);
}

export async function listReports(db: Db, taskId: string) {
  return db
    .select()
    .from(taskReports)
    .where(eq(taskReports.taskId, taskId))
    .orderBy(asc(taskReports.createdAt), asc(taskReports.id));
}

export async function attachFiles(
  tx: Db,
  taskId: string,
  files: { id: string }[],
  opts: { role: 'attachment' | 'report' | 'result'; reportId: string | null; addedBy: string },
  now: Date,
) {
  if (files.length === 0) return;
  await tx
    .insert(taskFiles)
    .values(
      files.map((f) => ({
        taskId,
        fileId: f.id,
        role: opts.role,
        reportId: opts.reportId,
        addedBy: opts.addedBy,
        addedAt: now,
      })),
    )
    .onConflictDoNothing();
}

export async function listFiles(db: Db, taskId: string) {
  return queryRows<{
    id: string;
    name: string;
    media_type: string;
    size: number;
    role: 'attachment' | 'report' | 'result';
    report_id: string | null;
    added_by: string;
    added_by_name: string;
    added_at: string | Date;
  }>(
    db,
    sql`select fl.id, fl.name, fl.media_type, fl.size, f.role::text as role, f.report_id,
               f.added_by, u.full_name as added_by_name, f.added_at
        from task_files f
        join files fl on fl.id = f.file_id
        join users u on u.id = f.added_by
        where f.task_id = ${taskId}
        order by f.added_at, fl.id`,
  );
}

/** Files attached to a task the actor may see (the download rule of this module). */
export async function fileVisibleThroughTask(
  db: Db,
  scope: ActorScope,
  fileId: string,
): Promise<boolean> {
  const rows = await queryRows<{ ok: number }>(
    db,
    sql`select 1 as ok from task_files f join tasks t on t.id = f.task_id
        where f.file_id = ${fileId} and ${taskVisibleTo(scope)} limit 1`,
  );
  return rows.length > 0;
}

/**
 * Who must act on a task: the owner person; else the heads of the owner unit; else the leaders
 * (role leader) of the owner agency. SQL expression over `t`.
 */
export const OWNER_RECIPIENTS = sql`case
    when t.owner_user_id is not null then array[t.owner_user_id]
    when t.owner_unit_id is not null then array(
      select distinct r.user_id from user_roles r join users u on u.id = r.user_id
      where r.unit_id = t.owner_unit_id and r.role = 'unit_head' and not u.disabled)
    else array(
      select distinct r.user_id from user_roles r join users u on u.id = r.user_id
      where r.agency_id = t.owner_agency_id and r.role = 'leader' and not u.disabled)
  end`;

export async function ownerRecipients(db: Db, taskId: string): Promise<string[]> {
  const [row] = await queryRows<{ ids: string[] }>(
    db,
    sql`select ${OWNER_RECIPIENTS} as ids from tasks t where t.id = ${taskId}`,
  );
  return row?.ids ?? [];
}

/** Co-owner persons, to be told about the task too. */
export async function coOwnerUserIds(db: Db, taskId: string): Promise<string[]> {
  const rows = await queryRows<{ id: string }>(
    db,
    sql`select principal_id as id from task_co_owners where task_id = ${taskId} and kind = 'user'`,
  );
  return rows.map((r) => r.id);
}

/** Is the user an active leader or deputy of the agency? */
export async function isLeaderOf(db: Db, userId: string, agencyId: string): Promise<boolean> {
  const rows = await queryRows<{ ok: number }>(
    db,
    sql`select 1 as ok from user_roles r join users u on u.id = r.user_id
        where r.user_id = ${userId} and r.agency_id = ${agencyId}
          and r.role in ('leader', 'deputy') and not u.disabled limit 1`,
  );
  return rows.length > 0;
}

/** Active users, with the agencies and units they belong to (home agency and roles). */
export async function findActiveUsers(db: Db, ids: string[]) {
  if (ids.length === 0) return [];
  return queryRows<{ id: string; agency_ids: string[]; unit_ids: string[] }>(
    db,
    sql`select u.id,
          array(select distinct a from unnest(array[u.agency_id] || array(
            select r.agency_id from user_roles r where r.user_id = u.id)) a) as agency_ids,
          array(select distinct r.unit_id from user_roles r
                where r.user_id = u.id and r.unit_id is not null) as unit_ids
        from users u where u.id = any(${uuidArray(ids)}) and not u.disabled`,
  );
}
