import { sql } from 'drizzle-orm';
import { queryRows, type Db } from '../../platform/db/database.js';
import { uuidArray } from '../../platform/db/sql.js';
import type { DeadlineItem, DeadlineSource } from '../reminders/reminders.sources.js';
import { OWNER_RECIPIENTS } from './tasks.repository.js';

interface DeadlineRow {
  id: string;
  owner_agency_id: string;
  title: string;
  secrecy: string;
  due_date: string;
  urgency: DeadlineItem['urgency'];
  assignee_ids: string[];
  escalate_to_ids: string[];
}

/** What a reminder about a confidential task says: the title stays inside the system. */
export const SECRET_TASK_TITLE = 'Nhiệm vụ mật — xem chi tiết trong hệ thống';

/**
 * Escalation rule (issue 8 §2: overdue tasks escalate to the assigning leader), as data for the
 * reminder scan. Assignees are who must act: the owner person; else the heads of the owner unit;
 * else the leaders of the owner agency (a task owned by an agency as a whole). The escalation goes
 * to the leader in whose name the task was given, or to whoever gave it when no leader was named.
 * Pure of time: the scan decides offsets, the day and "daily while overdue".
 */
export function deadlineItemOf(r: DeadlineRow): DeadlineItem {
  return {
    subject: { type: 'task', id: r.id },
    key: r.id,
    // The agency of the people who must act (their settings and quiet hours apply).
    agencyId: r.owner_agency_id,
    title: r.secrecy === 'normal' ? r.title : SECRET_TASK_TITLE,
    dueDate: r.due_date,
    urgency: r.urgency,
    assigneeIds: [...new Set(r.assignee_ids)],
    escalateToIds: [...new Set(r.escalate_to_ids)],
  };
}

/**
 * The reminder scan tells this module when it escalated an overdue task: the first time is kept
 * in `tasks.escalated_at` (shown on the task page and usable by dashboards). Idempotent.
 */
export async function markTasksEscalated(tx: Db, taskIds: string[], at: Date): Promise<void> {
  if (taskIds.length === 0) return;
  await tx.execute(
    sql`update tasks set escalated_at = ${at.toISOString()}
        where id = any(${uuidArray(taskIds)}) and escalated_at is null`,
  );
}

/**
 * Open tasks (assigned or in progress) due on or before `until` (`YYYY-MM-DD`); an escalation is
 * stamped on the task.
 */
export const taskDeadlines: DeadlineSource = {
  kind: 'task',
  openItemsDueBy: async (db: Db, until: string) => {
    const rows = await queryRows<DeadlineRow>(
      db,
      sql`select t.id, t.owner_agency_id, t.title, t.secrecy::text as secrecy, t.due_date,
                 t.urgency::text as urgency,
                 ${OWNER_RECIPIENTS} as assignee_ids,
                 array_remove(array[coalesce(t.assigning_leader_id, t.assigned_by)], null) as escalate_to_ids
          from tasks t
          where t.state in ('assigned', 'in_progress') and t.due_date <= ${until}::date
          order by t.due_date, t.id`,
    );
    return rows.map(deadlineItemOf);
  },
  onEscalated: markTasksEscalated,
};
