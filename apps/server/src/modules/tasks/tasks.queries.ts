import { taskViewValues, type TaskListQuery, type TaskView } from '@vanban/contracts';
import { sql, type SQL } from 'drizzle-orm';
import { queryRows, type Db } from '../../platform/db/database.js';
import { uuidArray } from '../../platform/db/sql.js';
import type { ActorScope } from '../incoming/index.js';
import { tasksErrors } from './tasks.errors.js';
import { taskVisibleTo } from './tasks.visibility.js';

export interface TaskSummaryRow {
  id: string;
  title: string;
  state: 'assigned' | 'in_progress' | 'completed' | 'cancelled';
  start_date: string;
  due_date: string | null;
  progress: number;
  urgency: 'normal' | 'urgent' | 'top_urgent' | 'flash';
  secrecy: 'normal' | 'confidential' | 'secret' | 'top_secret';
  public: boolean;
  agency_id: string;
  owner_agency_id: string;
  owner_unit_id: string | null;
  unit_code: string | null;
  unit_name: string | null;
  owner_user_id: string | null;
  user_name: string | null;
  parent_id: string | null;
  root_id: string;
  depth: number;
  source: 'none' | 'incoming_document' | 'outgoing_document' | 'meeting';
  source_id: string | null;
  report_period: 'weekly' | 'monthly' | null;
  last_report_at: string | Date | null;
  completed_at: string | Date | null;
  created_at: string | Date;
  overdue: boolean;
  subtask_count: number;
}

const OPEN = sql`t.state in ('assigned', 'in_progress')`;

/** Summary columns of `tasks t`; overdue is derived from today (a Vietnam calendar day). */
export function summaryColumns(today: string): SQL {
  return sql`t.id, t.title, t.state::text as state, t.start_date, t.due_date, t.progress,
    t.urgency::text as urgency, t.secrecy::text as secrecy, t.public, t.agency_id,
    t.owner_agency_id, t.owner_unit_id, un.code as unit_code, un.name as unit_name,
    t.owner_user_id, u.full_name as user_name, t.parent_id, t.root_id, t.depth,
    t.source::text as source, coalesce(t.incoming_document_id, t.outgoing_document_id, t.meeting_id) as source_id,
    t.report_period::text as report_period, t.last_report_at, t.completed_at, t.created_at,
    coalesce(${OPEN} and t.due_date < ${today}::date, false) as overdue,
    (select count(*) from tasks c where c.parent_id = t.id)::int as subtask_count`;
}

export const SUMMARY_JOINS = sql`left join units un on un.id = t.owner_unit_id
  left join users u on u.id = t.owner_user_id`;

/** What each list means, on top of visibility. */
export function viewPredicate(view: TaskView, scope: ActorScope, today: string): SQL {
  const users = uuidArray(scope.userIds);
  const heads = uuidArray(scope.headUnitIds);
  switch (view) {
    case 'assigned_to_me':
      return sql`(t.owner_user_id = any(${users})
        or (t.owner_user_id is null and t.owner_unit_id = any(${heads}))
        or (t.owner_user_id is null and t.owner_unit_id is null
            and t.owner_agency_id = any(${uuidArray(scope.leaderAgencyIds)}))
        or exists (select 1 from task_co_owners c where c.task_id = t.id
                   and (c.principal_id = any(${users}) or (c.kind = 'unit' and c.principal_id = any(${heads})))))`;
    case 'my_unit':
      return sql`(t.owner_unit_id = any(${uuidArray(scope.unitIds)})
        or exists (select 1 from task_co_owners c where c.task_id = t.id and c.kind = 'unit'
                   and c.principal_id = any(${uuidArray(scope.unitIds)})))`;
    case 'assigned_by_me':
      return sql`(t.assigned_by = any(${users}) or t.assigning_leader_id = any(${users}))`;
    case 'agency':
      return sql`(t.agency_id = any(${uuidArray(scope.agencyWideIds)})
        or t.owner_agency_id = any(${uuidArray(scope.agencyWideIds)}))`;
    case 'overdue':
      return sql`${OPEN} and t.due_date < ${today}::date`;
    case 'all':
      return sql`true`;
  }
}

type Filters = Omit<TaskListQuery, 'view' | 'sort' | 'limit' | 'cursor'>;

export function filterPredicates(f: Filters): SQL[] {
  const out: SQL[] = [];
  if (f.state) out.push(sql`t.state = ${f.state}`);
  if (f.open === true) out.push(OPEN);
  if (f.open === false) out.push(sql`not (${OPEN})`);
  if (f.q)
    out.push(sql`f_unaccent(t.title) ilike f_unaccent(${`%${f.q.replace(/[%_\\]/g, '\\$&')}%`})`);
  if (f.agencyId) out.push(sql`t.agency_id = ${f.agencyId}`);
  if (f.ownerAgencyId) out.push(sql`t.owner_agency_id = ${f.ownerAgencyId}`);
  if (f.ownerUnitId) out.push(sql`t.owner_unit_id = ${f.ownerUnitId}`);
  if (f.incomingDocumentId) out.push(sql`t.incoming_document_id = ${f.incomingDocumentId}`);
  if (f.rootOnly) out.push(sql`t.parent_id is null`);
  if (f.dueFrom) out.push(sql`t.due_date >= ${f.dueFrom}::date`);
  if (f.dueTo) out.push(sql`t.due_date <= ${f.dueTo}::date`);
  return out;
}

const iso = (v: string | Date) => new Date(v).toISOString();

/** Keyset orderings: the cursor holds the sort key of the last row, so paging never skips. */
const sorts = {
  due: {
    order: sql`coalesce(t.due_date, '9999-12-31'::date) asc, t.id asc`,
    after: (c: unknown[]) =>
      sql`(coalesce(t.due_date, '9999-12-31'::date), t.id) > (${String(c[0])}::date, ${String(c[1])}::uuid)`,
    width: 2,
    key: (r: TaskSummaryRow) => [r.due_date ?? '9999-12-31', r.id],
  },
  newest: {
    order: sql`t.created_at desc, t.id desc`,
    after: (c: unknown[]) =>
      sql`(t.created_at, t.id) < (${String(c[0])}::timestamptz, ${String(c[1])}::uuid)`,
    width: 2,
    key: (r: TaskSummaryRow) => [iso(r.created_at), r.id],
  },
} as const;

function decodeCursor(cursor: string, length: number): unknown[] {
  try {
    const value: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (Array.isArray(value) && value.length === length) return value;
  } catch {
    // fall through
  }
  throw tasksErrors.cursorInvalid();
}

export async function listTaskSummaries(
  db: Db,
  scope: ActorScope,
  query: TaskListQuery,
  today: string,
): Promise<{ rows: TaskSummaryRow[]; nextCursor: string | null }> {
  const sort = sorts[query.sort];
  const conditions = [
    taskVisibleTo(scope),
    viewPredicate(query.view, scope, today),
    ...filterPredicates(query),
  ];
  if (query.cursor) conditions.push(sort.after(decodeCursor(query.cursor, sort.width)));
  const rows = await queryRows<TaskSummaryRow>(
    db,
    sql`select ${summaryColumns(today)} from tasks t ${SUMMARY_JOINS}
        where ${sql.join(conditions, sql` and `)}
        order by ${sort.order} limit ${query.limit + 1}`,
  );
  const page = rows.slice(0, query.limit);
  const last = page[page.length - 1];
  return {
    rows: page,
    nextCursor:
      rows.length > query.limit && last
        ? Buffer.from(JSON.stringify(sort.key(last))).toString('base64url')
        : null,
  };
}

/** Open tasks in every list (the badges), in one pass over the visible tasks; `all` counts every visible task. */
export async function countTaskViews(
  db: Db,
  scope: ActorScope,
  today: string,
): Promise<Record<TaskView, number>> {
  const columns = taskViewValues.map((view) =>
    view === 'all'
      ? sql`count(*)::int as ${sql.identifier(view)}`
      : sql`count(*) filter (where ${OPEN} and ${viewPredicate(view, scope, today)})::int as ${sql.identifier(view)}`,
  );
  const [row] = await queryRows<Record<TaskView, number>>(
    db,
    sql`select ${sql.join(columns, sql`, `)} from tasks t where ${taskVisibleTo(scope)}`,
  );
  return row ?? (Object.fromEntries(taskViewValues.map((v) => [v, 0])) as Record<TaskView, number>);
}

/**
 * Everything below a task, for the detail's tree: the sub-tasks the viewer may see, and every
 * non-confidential one (the issuer follows the cascade it started). Parents come before children.
 */
export async function descendantSummaries(
  db: Db,
  scope: ActorScope,
  taskId: string,
  today: string,
): Promise<TaskSummaryRow[]> {
  return queryRows<TaskSummaryRow>(
    db,
    sql`with recursive down(id, rel) as (
          select c.id, 1 from tasks c where c.parent_id = ${taskId}
          union all
          select c.id, down.rel + 1 from tasks c join down on c.parent_id = down.id
          where down.rel < 50)
        select ${summaryColumns(today)} from down join tasks t on t.id = down.id ${SUMMARY_JOINS}
        where t.secrecy = 'normal' or ${taskVisibleTo(scope)}
        order by down.rel, t.created_at, t.id`,
  );
}
