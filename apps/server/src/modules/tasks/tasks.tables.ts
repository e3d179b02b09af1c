import {
  taskCoOwnerKindValues,
  taskReportPeriodValues,
  taskSourceTypeValues,
  taskStateValues,
} from '@vanban/contracts';
import { sql } from 'drizzle-orm';
import {
  boolean,
  check,
  date,
  index,
  pgEnum,
  pgTable,
  primaryKey,
  smallint,
  text,
  timestamp,
  uuid,
  type AnyPgColumn,
} from 'drizzle-orm/pg-core';
import { files } from '../files/files.tables.js';
import { users } from '../identity/identity.tables.js';
import { incomingDocuments, secrecy, urgency } from '../incoming/incoming.tables.js';
import { agencies, units } from '../organizations/organizations.tables.js';
import { outgoingDocuments } from '../outgoing/outgoing.tables.js';

export const taskState = pgEnum('task_state', taskStateValues);
export const taskSource = pgEnum('task_source', taskSourceTypeValues);
export const taskReportPeriod = pgEnum('task_report_period', taskReportPeriodValues);
export const taskCoOwnerKind = pgEnum('task_co_owner_kind', taskCoOwnerKindValues);

/**
 * Nhiệm vụ. `agency_id` issues (assigns) the task; `owner_agency_id` carries it out (the same
 * agency, or a department/commune for a city task). A sub-task is issued by its parent's owner
 * agency; `root_id` / `root_agency_id` name the top of the cascade (the issuer who follows the
 * roll-up). Overdue is derived: `state in ('assigned','in_progress') and due_date < today`.
 * Dashboards and the public page read state, due_date, completed_at, agency_id,
 * owner_agency_id, progress, public and secrecy.
 */
export const tasks = pgTable(
  'tasks',
  {
    id: uuid('id').primaryKey(),
    agencyId: uuid('agency_id')
      .notNull()
      .references(() => agencies.id),
    parentId: uuid('parent_id').references((): AnyPgColumn => tasks.id),
    rootId: uuid('root_id')
      .notNull()
      .references((): AnyPgColumn => tasks.id),
    rootAgencyId: uuid('root_agency_id')
      .notNull()
      .references(() => agencies.id),
    depth: smallint('depth').notNull().default(0),
    source: taskSource('source').notNull().default('none'),
    incomingDocumentId: uuid('incoming_document_id').references(() => incomingDocuments.id),
    outgoingDocumentId: uuid('outgoing_document_id').references(() => outgoingDocuments.id),
    /** Reserved for meeting conclusions (a later issue): no foreign key yet. */
    meetingId: uuid('meeting_id'),
    title: text('title').notNull(),
    description: text('description'),
    urgency: urgency('urgency').notNull().default('normal'),
    assignedBy: uuid('assigned_by')
      .notNull()
      .references(() => users.id),
    /** The leader in whose name the task was given: the escalation target when overdue. */
    assigningLeaderId: uuid('assigning_leader_id').references(() => users.id),
    ownerAgencyId: uuid('owner_agency_id')
      .notNull()
      .references(() => agencies.id),
    ownerUnitId: uuid('owner_unit_id').references(() => units.id),
    ownerUserId: uuid('owner_user_id').references(() => users.id),
    startDate: date('start_date', { mode: 'string' }).notNull(),
    dueDate: date('due_date', { mode: 'string' }),
    state: taskState('state').notNull(),
    /** Effective progress: the owner's report, or the roll-up of the sub-tasks when it has any. */
    progress: smallint('progress').notNull().default(0),
    /** What the owner last reported on this task itself. */
    reportedProgress: smallint('reported_progress').notNull().default(0),
    reportPeriod: taskReportPeriod('report_period'),
    lastReportAt: timestamp('last_report_at', { withTimezone: true }),
    startedAt: timestamp('started_at', { withTimezone: true }),
    result: text('result'),
    completedAt: timestamp('completed_at', { withTimezone: true }),
    completedBy: uuid('completed_by').references(() => users.id),
    cancelledAt: timestamp('cancelled_at', { withTimezone: true }),
    cancelledBy: uuid('cancelled_by').references(() => users.id),
    cancelReason: text('cancel_reason'),
    secrecy: secrecy('secrecy').notNull().default('normal'),
    public: boolean('public').notNull().default(false),
    /** First time the overdue task was escalated to the assigning leader (set by the reminders). */
    escalatedAt: timestamp('escalated_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    check('tasks_progress_range', sql`${t.progress} between 0 and 100`),
    check('tasks_reported_progress_range', sql`${t.reportedProgress} between 0 and 100`),
    // MAX_TASK_DEPTH in tasks.models.ts: five levels, depth 0–4.
    check('tasks_depth_range', sql`${t.depth} between 0 and 4`),
    check('tasks_root_parent', sql`(${t.parentId} is null) = (${t.rootId} = ${t.id})`),
    check('tasks_due_after_start', sql`${t.dueDate} is null or ${t.dueDate} >= ${t.startDate}`),
    check('tasks_public_not_secret', sql`not ${t.public} or ${t.secrecy} = 'normal'`),
    check(
      'tasks_source_ref',
      sql`(${t.source} = 'incoming_document') = (${t.incomingDocumentId} is not null)
        and (${t.source} = 'outgoing_document') = (${t.outgoingDocumentId} is not null)
        and (${t.source} = 'meeting') = (${t.meetingId} is not null)`,
    ),
    check('tasks_completed_at', sql`(${t.state} = 'completed') = (${t.completedAt} is not null)`),
    index('tasks_agency_state_idx').on(t.agencyId, t.state, t.dueDate),
    index('tasks_owner_agency_state_idx').on(t.ownerAgencyId, t.state, t.dueDate),
    index('tasks_owner_unit_idx').on(t.ownerUnitId, t.state),
    index('tasks_owner_user_idx').on(t.ownerUserId, t.state),
    index('tasks_assigned_by_idx').on(t.assignedBy, t.state),
    index('tasks_assigning_leader_idx').on(t.assigningLeaderId, t.state),
    index('tasks_root_agency_idx').on(t.rootAgencyId, t.state),
    index('tasks_parent_idx').on(t.parentId),
    index('tasks_root_idx').on(t.rootId),
    index('tasks_incoming_idx').on(t.incomingDocumentId),
    index('tasks_open_due_idx')
      .on(t.dueDate)
      .where(sql`${t.state} in ('assigned', 'in_progress')`),
  ],
);

/** Co-owners (phối hợp): an agency (seen by its leaders), a unit (its members) or a person. */
export const taskCoOwners = pgTable(
  'task_co_owners',
  {
    taskId: uuid('task_id')
      .notNull()
      .references(() => tasks.id),
    kind: taskCoOwnerKind('kind').notNull(),
    principalId: uuid('principal_id').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.taskId, t.principalId] }),
    index('task_co_owners_principal_idx').on(t.principalId, t.taskId),
  ],
);

/** Progress reports (báo cáo tiến độ), periodic or whenever the owner has news. */
export const taskReports = pgTable(
  'task_reports',
  {
    id: uuid('id').primaryKey(),
    taskId: uuid('task_id')
      .notNull()
      .references(() => tasks.id),
    authorId: uuid('author_id')
      .notNull()
      .references(() => users.id),
    onBehalfOfId: uuid('on_behalf_of_id').references(() => users.id),
    /** Null for a report on a task whose progress rolls up from its sub-tasks. */
    progress: smallint('progress'),
    body: text('body').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    check(
      'task_reports_progress_range',
      sql`${t.progress} is null or ${t.progress} between 0 and 100`,
    ),
    index('task_reports_task_idx').on(t.taskId, t.createdAt),
  ],
);

export const taskFileRole = pgEnum('task_file_role', ['attachment', 'report', 'result']);

/** Files of a task: attachments given with it, files of a report, files of the result. */
export const taskFiles = pgTable(
  'task_files',
  {
    taskId: uuid('task_id')
      .notNull()
      .references(() => tasks.id),
    fileId: uuid('file_id')
      .notNull()
      .references(() => files.id),
    role: taskFileRole('role').notNull(),
    reportId: uuid('report_id').references(() => taskReports.id),
    addedBy: uuid('added_by')
      .notNull()
      .references(() => users.id),
    addedAt: timestamp('added_at', { withTimezone: true }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.taskId, t.fileId] }), index('task_files_file_idx').on(t.fileId)],
);
