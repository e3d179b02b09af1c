import { sql } from 'drizzle-orm';
import { queryRows } from '../../platform/db/database.js';
import { uuidArray } from '../../platform/db/sql.js';
import type { DeadlineItem, DeadlineSource } from './reminders.sources.js';

interface AssignmentRow {
  id: string;
  agency_id: string;
  due_date: string;
  user_id: string | null;
  unit_id: string | null;
  assigned_by: string;
  document_id: string;
  reference: string;
  subject: string;
  urgency: DeadlineItem['urgency'];
}

/**
 * Incoming-document assignments with a handling deadline (Decree 30 Art. 24): the lead and the
 * co-handlers who have not finished. A unit assignment reminds the unit's heads (they pass it on
 * inside the unit, which makes a child assignment of its own); escalation goes to whoever
 * assigned it. Re-assigned, returned, reported (co-handler done) and completed assignments, and
 * documents completed, returned or revoked, are no longer watched.
 */
export const assignmentDeadlines: DeadlineSource = {
  kind: 'assignment',
  openItemsDueBy: async (db, until) => {
    const rows = await queryRows<AssignmentRow>(
      db,
      sql`select a.id, a.agency_id, a.due_date, a.user_id, a.unit_id, a.assigned_by,
                 d.id as document_id, d.reference, d.subject, d.urgency
          from assignments a join incoming_documents d on d.id = a.document_id
          where a.active and a.state in ('assigned', 'in_progress')
            and a.role in ('lead', 'co_handler')
            and a.due_date is not null and a.due_date <= ${until}
            and d.state not in ('completed', 'returned', 'revoked')
          order by a.due_date, a.id`,
    );
    const unitIds = [...new Set(rows.flatMap((r) => (r.user_id || !r.unit_id ? [] : [r.unit_id])))];
    const heads = new Map<string, string[]>();
    if (unitIds.length > 0) {
      const headRows = await queryRows<{ unit_id: string; user_id: string }>(
        db,
        sql`select distinct r.unit_id, r.user_id from user_roles r join users u on u.id = r.user_id
            where r.unit_id = any(${uuidArray(unitIds)}) and r.role = 'unit_head' and not u.disabled`,
      );
      for (const h of headRows) heads.set(h.unit_id, [...(heads.get(h.unit_id) ?? []), h.user_id]);
    }
    return rows.map((r) => ({
      subject: { type: 'incoming_document', id: r.document_id },
      key: r.id,
      agencyId: r.agency_id,
      title: `${r.reference}: ${r.subject}`.slice(0, 300),
      dueDate: r.due_date,
      urgency: r.urgency,
      assigneeIds: r.user_id ? [r.user_id] : (heads.get(r.unit_id ?? '') ?? []),
      escalateToIds: [r.assigned_by],
    }));
  },
};
