import type { DashboardOverdue } from '@vanban/contracts';
import { sql, type SQL } from 'drizzle-orm';
import { vietnamDate } from '../../platform/clock/clock.js';
import { queryRows } from '../../platform/db/database.js';
import { loadWorkingCalendar } from '../calendar/index.js';
import type { Actor } from '../identity/index.js';
import { actorScope, incomingVisibleTo } from '../incoming/index.js';
import { taskVisibleTo } from '../tasks/index.js';
import { ts } from './dashboards.metrics.js';
import { yearsBetween, type Period } from './dashboards.models.js';
import { resolveScope, type DashboardDeps } from './dashboards.usecases.js';

/**
 * Drill-down from a dashboard to the agency's incoming documents and tasks that were open and
 * past their due date at the cut (the end of `to`, or now), oldest due date first.
 *
 * The agency must be on the actor's dashboard (checked in SQL by `resolveScope`). Its
 * non-confidential items are listed with their metadata — the leaders above an agency follow its
 * work, as the dashboard's numbers already show — but never their content or files (those stay
 * behind the documents' own visibility). Confidential items are listed only for the people the
 * documents' and tasks' own visibility rules name (Decree 30 Art. 22: secret documents go to
 * named people), and counted in `hidden` otherwise, so the list adds up to the dashboard's number.
 */
export async function dashboardOverdue(
  deps: DashboardDeps,
  actor: Actor,
  query: { agency?: string | undefined; to?: string | undefined; limit: number },
): Promise<DashboardOverdue> {
  const to = query.to ?? vietnamDate(deps.clock.now());
  const { period, root } = await resolveScope(deps, actor, {
    scope: 'agency',
    agency: query.agency,
    subtree: false,
    from: to,
    to,
  });
  const agency = root!;
  const scope = actorScope(actor);
  const incomingListable = sql`(d.secrecy = 'normal' or ${incomingVisibleTo(scope)})`;
  const taskListable = sql`(t.secrecy = 'normal' or ${taskVisibleTo(scope)})`;
  const incoming = await overdueIncoming(deps, agency.id, period, incomingListable, query.limit);
  const tasks = await overdueTasks(deps, agency.id, period, taskListable, query.limit);
  // The oldest due date listed (or the cut) is where the working days to count begin.
  const first = [...incoming.items, ...tasks.items]
    .map((i) => i.due_date)
    .reduce((min, d) => (d < min ? d : min), period.cutDate);
  const calendar = await loadWorkingCalendar(deps.db, yearsBetween(first, period.cutDate));
  const late = (due: string) => Math.max(0, calendar.workingDaysBetween(due, period.cutDate));
  return {
    agency,
    cutDate: period.cutDate,
    incoming: {
      total: incoming.total,
      hidden: incoming.total - incoming.listable,
      items: incoming.items.map((r) => ({
        id: r.id,
        reference: r.reference,
        subject: r.subject,
        senderName: r.sender_name,
        arrivalNumber: r.arrival_number,
        registeredOn: r.registered_on,
        dueDate: r.due_date,
        workingDaysOverdue: late(r.due_date),
        state: r.state,
        secret: r.secrecy !== 'normal',
        handler: r.handler,
      })),
    },
    tasks: {
      total: tasks.total,
      hidden: tasks.total - tasks.listable,
      items: tasks.items.map((r) => ({
        id: r.id,
        title: r.title,
        dueDate: r.due_date,
        workingDaysOverdue: late(r.due_date),
        state: r.state,
        progress: r.progress,
        secret: r.secrecy !== 'normal',
        owner: r.owner,
      })),
    },
  };
}

async function overdueIncoming(
  deps: DashboardDeps,
  agencyId: string,
  period: Period,
  listable: SQL,
  limit: number,
) {
  // Open at the cut: registered before it, not completed by then, not returned or revoked.
  const overdue = sql`d.agency_id = ${agencyId}
    and d.state in ('registered', 'submitted', 'assigned', 'in_progress', 'completed')
    and d.registered_at < ${ts(period.cutAt)}
    and (d.completed_at is null or d.completed_at >= ${ts(period.cutAt)})
    and d.due_date < ${period.dueBefore}::date`;
  const [counts] = await queryRows<{ total: number; listable: number }>(
    deps.db,
    sql`select count(*)::int as total, count(*) filter (where ${listable})::int as listable
        from incoming_documents d where ${overdue}`,
  );
  const items = await queryRows<{
    id: string;
    reference: string;
    subject: string;
    sender_name: string;
    arrival_number: number | null;
    registered_on: string;
    due_date: string;
    state: string;
    secrecy: string;
    handler: string | null;
  }>(
    deps.db,
    sql`select d.id, d.reference, d.subject, d.sender_name, d.arrival_number, d.state, d.secrecy,
          d.due_date::text as due_date,
          (d.registered_at at time zone 'Asia/Ho_Chi_Minh')::date::text as registered_on,
          (select string_agg(concat_ws(' – ', un.name, u.full_name), '; ' order by s.assigned_at)
             from assignments s
             left join units un on un.id = s.unit_id
             left join users u on u.id = s.user_id
             where s.document_id = d.id and s.role = 'lead' and s.active) as handler
        from incoming_documents d
        where ${overdue} and ${listable}
        order by d.due_date, d.registered_at, d.id
        limit ${limit}`,
  );
  return { total: counts?.total ?? 0, listable: counts?.listable ?? 0, items };
}

async function overdueTasks(
  deps: DashboardDeps,
  agencyId: string,
  period: Period,
  listable: SQL,
  limit: number,
) {
  const overdue = sql`t.owner_agency_id = ${agencyId}
    and t.created_at < ${ts(period.cutAt)}
    and (t.completed_at is null or t.completed_at >= ${ts(period.cutAt)})
    and (t.cancelled_at is null or t.cancelled_at >= ${ts(period.cutAt)})
    and t.due_date < ${period.dueBefore}::date`;
  const [counts] = await queryRows<{ total: number; listable: number }>(
    deps.db,
    sql`select count(*)::int as total, count(*) filter (where ${listable})::int as listable
        from tasks t where ${overdue}`,
  );
  const items = await queryRows<{
    id: string;
    title: string;
    due_date: string;
    state: string;
    progress: number;
    secrecy: string;
    owner: string | null;
  }>(
    deps.db,
    sql`select t.id, t.title, t.due_date::text as due_date, t.state, t.progress, t.secrecy,
          nullif(concat_ws(' – ', un.name, u.full_name), '') as owner
        from tasks t
        left join units un on un.id = t.owner_unit_id
        left join users u on u.id = t.owner_user_id
        where ${overdue} and ${listable}
        order by t.due_date, t.created_at, t.id
        limit ${limit}`,
  );
  return { total: counts?.total ?? 0, listable: counts?.listable ?? 0, items };
}
