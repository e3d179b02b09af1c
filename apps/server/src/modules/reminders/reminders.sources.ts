import type { Db } from '../../platform/db/database.js';

/**
 * A piece of work with a deadline that the reminder scan watches. Modules that own deadlines
 * (incoming assignments, tasks) implement a `DeadlineSource`; the reminders module decides when to
 * remind (working-day offsets, on the day, daily while overdue), whom (assignees; the assigning
 * leader on escalation) and through which channels — the sources only answer "what is open".
 */
export interface DeadlineItem {
  /** What the reminder points to in the app, e.g. `{ type: 'task', id }`. */
  subject: { type: 'task' | 'incoming_document'; id: string };
  /** Stable key of the deadline-bearing row (a task id, an assignment id): reminders are deduplicated per key. */
  key: string;
  agencyId: string;
  title: string;
  /** Due date, `YYYY-MM-DD` in Vietnam time. */
  dueDate: string;
  urgency: 'normal' | 'urgent' | 'top_urgent' | 'flash';
  /** Users who must act (the person assignee, or the head(s) of an assigned unit). */
  assigneeIds: string[];
  /** Users told when the item is overdue (the assigning leader): escalation. */
  escalateToIds: string[];
}

export interface DeadlineSource {
  /** Short stable name, part of the reminder keys (e.g. `task`, `assignment`). */
  kind: string;
  /** Open (not completed, not cancelled) items whose due date is on or before `until`. */
  openItemsDueBy: (db: Db, until: string) => Promise<DeadlineItem[]>;
  /**
   * Optional: told, in the transaction that records it, that the scan escalated these items
   * (keys) for the first time for their due date — e.g. to stamp `tasks.escalated_at`.
   */
  onEscalated?: (tx: Db, keys: string[], at: Date) => Promise<void>;
}
