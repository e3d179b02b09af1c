import { z } from 'zod';
import { agencyRefSchema } from '../auth/auth.contract.js';
import { isoDateSchema, isoDateTimeSchema, uuidSchema } from '../common/primitives.contract.js';
import {
  dueSchema,
  personRefSchema,
  secrecySchema,
  unitRefLiteSchema,
  urgencySchema,
} from '../incoming/incoming.contract.js';

/**
 * Tasks (nhiệm vụ): work given by a leader with an owner, a due date and a progress %, created on
 * their own, from an incoming document's direction, from an outgoing document (a plan) or, later,
 * from a meeting's conclusion. A task can cascade: its owner splits it into sub-tasks whose
 * progress rolls up (docs/decisions/0011-tasks.md). `overdue` is derived: open and past due.
 */
export const taskStateValues = ['assigned', 'in_progress', 'completed', 'cancelled'] as const;
export const taskStateSchema = z.enum(taskStateValues);
export type TaskState = z.infer<typeof taskStateSchema>;

export const taskSourceTypeValues = [
  'none',
  'incoming_document',
  'outgoing_document',
  'meeting',
] as const;
export const taskSourceTypeSchema = z.enum(taskSourceTypeValues);
export type TaskSourceType = z.infer<typeof taskSourceTypeSchema>;

/** Periodic progress reports the owner is expected to send (the UI flags a missing one). */
export const taskReportPeriodValues = ['weekly', 'monthly'] as const;
export const taskReportPeriodSchema = z.enum(taskReportPeriodValues);
export type TaskReportPeriod = z.infer<typeof taskReportPeriodSchema>;

export const taskCoOwnerKindValues = ['agency', 'unit', 'user'] as const;
export const taskCoOwnerKindSchema = z.enum(taskCoOwnerKindValues);

const text = (max: number) => z.string().trim().min(1).max(max);
const fileIds = (max: number) => z.array(uuidSchema).max(max).default([]);

/**
 * Who carries the task out: an agency (a department, a commune) and/or one of its units and/or
 * a person. The owner agency defaults to the issuing agency when only a unit or person is given.
 */
export const taskOwnerInputSchema = z
  .strictObject({
    agencyId: uuidSchema.optional(),
    unitId: uuidSchema.optional(),
    userId: uuidSchema.optional(),
  })
  .refine((o) => o.agencyId !== undefined || o.unitId !== undefined || o.userId !== undefined, {
    message: 'agencyId, unitId or userId is required',
  });
export type TaskOwnerInput = z.infer<typeof taskOwnerInputSchema>;

/** Co-owners (phối hợp): agencies, units or persons who contribute. */
export const taskCoOwnerInputSchema = z.strictObject({
  kind: taskCoOwnerKindSchema,
  id: uuidSchema,
});
export type TaskCoOwnerInput = z.infer<typeof taskCoOwnerInputSchema>;

const taskFields = {
  title: text(1000),
  description: z.string().trim().max(8000).optional(),
  owner: taskOwnerInputSchema,
  coOwners: z.array(taskCoOwnerInputSchema).max(50).default([]),
  /** The day the task was given (default today); working-day due dates count from it. */
  startDate: isoDateSchema.optional(),
  /** A date, or N working days after the start date (weekends and holidays skipped). */
  due: dueSchema.optional(),
  urgency: urgencySchema.optional(),
  secrecy: secrecySchema.optional(),
  /** Shown on the public transparency page (never when secret). */
  public: z.boolean().default(false),
  reportPeriod: taskReportPeriodSchema.nullable().default(null),
  /** The leader in whose name the task is given; told when it is overdue (default: the actor when a leader). */
  assigningLeaderId: uuidSchema.optional(),
  /** Attachments (POST /api/files). */
  fileIds: fileIds(20),
};

export const createTaskBodySchema = z.strictObject({
  /** The issuing agency (default: the actor's agency). */
  agencyId: uuidSchema.optional(),
  ...taskFields,
  /** What the task comes from: an outgoing document of the issuing agency, or a meeting (reserved). */
  source: z
    .union([
      z.strictObject({ type: z.literal('outgoing_document'), id: uuidSchema }),
      z.strictObject({ type: z.literal('meeting'), id: uuidSchema }),
    ])
    .optional(),
});
export type CreateTaskBody = z.infer<typeof createTaskBodySchema>;

/**
 * A task from an incoming document's direction: title, description, due date, owner (the lead)
 * and co-owners (the co-handlers) default to the direction's; anything given overrides them.
 */
export const createTaskFromIncomingBodySchema = z.strictObject({
  incomingDocumentId: uuidSchema,
  title: text(1000).optional(),
  description: z.string().trim().max(8000).optional(),
  owner: taskOwnerInputSchema.optional(),
  coOwners: z.array(taskCoOwnerInputSchema).max(50).optional(),
  due: dueSchema.optional(),
  public: z.boolean().default(false),
  reportPeriod: taskReportPeriodSchema.nullable().default(null),
});
export type CreateTaskFromIncomingBody = z.infer<typeof createTaskFromIncomingBodySchema>;

/** A sub-task: issued by the parent's owner agency; due no later than the parent. */
export const createSubtaskBodySchema = z.strictObject({
  title: text(1000),
  description: z.string().trim().max(8000).optional(),
  owner: taskOwnerInputSchema,
  coOwners: z.array(taskCoOwnerInputSchema).max(50).default([]),
  due: dueSchema.optional(),
  urgency: urgencySchema.optional(),
  secrecy: secrecySchema.optional(),
  public: z.boolean().default(false),
  reportPeriod: taskReportPeriodSchema.nullable().default(null),
  fileIds: fileIds(20),
});
export type CreateSubtaskBody = z.infer<typeof createSubtaskBodySchema>;

export const updateTaskBodySchema = z
  .strictObject({
    title: text(1000).optional(),
    description: z.string().trim().max(8000).nullable().optional(),
    due: dueSchema.nullable().optional(),
    /** Required when the due date changes (kept in the history). */
    dueChangeReason: text(2000).optional(),
    urgency: urgencySchema.optional(),
    public: z.boolean().optional(),
    reportPeriod: taskReportPeriodSchema.nullable().optional(),
    assigningLeaderId: uuidSchema.nullable().optional(),
  })
  .refine((b) => b.due === undefined || b.dueChangeReason !== undefined, {
    message: 'dueChangeReason is required when the due date changes',
    path: ['dueChangeReason'],
  });
export type UpdateTaskBody = z.infer<typeof updateTaskBodySchema>;

export const assignTaskBodySchema = z.strictObject({
  owner: taskOwnerInputSchema,
  /** Replaces the co-owners when given. */
  coOwners: z.array(taskCoOwnerInputSchema).max(50).optional(),
  note: z.string().trim().max(2000).optional(),
});
export type AssignTaskBody = z.infer<typeof assignTaskBodySchema>;

/**
 * A progress report. `progress` is checked by the server (a whole number 0–100, else 422
 * `tasks.invalid_progress`); it is refused on a task whose progress rolls up from sub-tasks.
 */
export const taskReportBodySchema = z.strictObject({
  progress: z.number().optional(),
  text: text(4000),
  fileIds: fileIds(20),
});
export type TaskReportBody = z.infer<typeof taskReportBodySchema>;

export const completeTaskBodySchema = z.strictObject({
  result: text(4000),
  fileIds: fileIds(20),
});
export const cancelTaskBodySchema = z.strictObject({ reason: text(2000) });
/** Attach the task under another task (it becomes a sub-task) or detach it (`null`). */
export const setTaskParentBodySchema = z.strictObject({ parentId: uuidSchema.nullable() });

export const taskOwnerSchema = z.object({
  agency: agencyRefSchema,
  unit: unitRefLiteSchema.nullable(),
  user: personRefSchema.nullable(),
});

/** One row of a task list. */
export const taskSummarySchema = z.object({
  id: uuidSchema,
  title: z.string(),
  state: taskStateSchema,
  /** Open and past its due date (Vietnam calendar day). */
  overdue: z.boolean(),
  startDate: isoDateSchema,
  dueDate: isoDateSchema.nullable(),
  /** 0–100; for a task with sub-tasks, the mean of its non-cancelled sub-tasks (rounded down). */
  progress: z.number().int().min(0).max(100),
  urgency: urgencySchema,
  secrecy: secrecySchema,
  public: z.boolean(),
  agency: agencyRefSchema,
  owner: taskOwnerSchema,
  parentId: uuidSchema.nullable(),
  rootId: uuidSchema,
  depth: z.number().int().min(0),
  subtaskCount: z.number().int().min(0),
  source: z.object({ type: taskSourceTypeSchema, id: uuidSchema.nullable() }),
  reportPeriod: taskReportPeriodSchema.nullable(),
  lastReportAt: isoDateTimeSchema.nullable(),
  /** A periodic report is due and none came in the period. */
  reportMissing: z.boolean(),
  completedAt: isoDateTimeSchema.nullable(),
  createdAt: isoDateTimeSchema,
});
export type TaskSummary = z.infer<typeof taskSummarySchema>;

export const taskFileSchema = z.object({
  id: uuidSchema,
  name: z.string(),
  mediaType: z.string(),
  size: z.number().int(),
  role: z.enum(['attachment', 'report', 'result']),
  reportId: uuidSchema.nullable(),
  addedBy: personRefSchema,
  addedAt: isoDateTimeSchema,
});

export const taskReportSchema = z.object({
  id: uuidSchema,
  author: personRefSchema,
  onBehalfOf: personRefSchema.nullable(),
  progress: z.number().int().min(0).max(100).nullable(),
  text: z.string(),
  fileIds: z.array(uuidSchema),
  createdAt: isoDateTimeSchema,
});

/** A node of the sub-task tree (children nested). */
export interface TaskTreeNode {
  id: string;
  title: string;
  state: TaskState;
  overdue: boolean;
  dueDate: string | null;
  progress: number;
  owner: z.infer<typeof taskOwnerSchema>;
  children: TaskTreeNode[];
}
export const taskTreeNodeSchema: z.ZodType<TaskTreeNode> = z.lazy(() =>
  z.object({
    id: uuidSchema,
    title: z.string(),
    state: taskStateSchema,
    overdue: z.boolean(),
    dueDate: isoDateSchema.nullable(),
    progress: z.number().int().min(0).max(100),
    owner: taskOwnerSchema,
    children: z.array(taskTreeNodeSchema),
  }),
);

export const taskHistoryEventSchema = z.object({
  id: z.number().int(),
  occurredAt: isoDateTimeSchema,
  type: z.string(),
  actor: z.object({ id: uuidSchema, name: z.string() }).nullable(),
  onBehalfOf: z.object({ id: uuidSchema, name: z.string() }).nullable(),
  data: z.record(z.string(), z.unknown()),
});

export const taskDetailSchema = taskSummarySchema.extend({
  description: z.string().nullable(),
  assignedBy: personRefSchema,
  assigningLeader: personRefSchema.nullable(),
  coOwners: z.array(z.object({ kind: taskCoOwnerKindSchema, id: uuidSchema, name: z.string() })),
  /** The progress the owner last reported on this task itself (before any roll-up). */
  reportedProgress: z.number().int().min(0).max(100),
  startedAt: isoDateTimeSchema.nullable(),
  result: z.string().nullable(),
  completedBy: personRefSchema.nullable(),
  cancelledAt: isoDateTimeSchema.nullable(),
  cancelReason: z.string().nullable(),
  escalatedAt: isoDateTimeSchema.nullable(),
  /** From the root down to the parent. */
  ancestors: z.array(z.object({ id: uuidSchema, title: z.string() })),
  subtasks: z.array(taskTreeNodeSchema),
  reports: z.array(taskReportSchema),
  files: z.array(taskFileSchema),
  history: z.array(taskHistoryEventSchema),
  /** What the viewer may do now: update, assign, start, report, complete, cancel, create_subtask, set_parent. */
  actions: z.array(z.string()),
});
export type TaskDetail = z.infer<typeof taskDetailSchema>;

export const taskViewValues = [
  'assigned_to_me',
  'my_unit',
  'assigned_by_me',
  'agency',
  'overdue',
  'all',
] as const;
export const taskViewSchema = z.enum(taskViewValues);
export type TaskView = z.infer<typeof taskViewSchema>;

export const taskListQuerySchema = z.strictObject({
  view: taskViewSchema.default('all'),
  sort: z.enum(['due', 'newest']).default('due'),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  cursor: z.string().max(500).optional(),
  state: taskStateSchema.optional(),
  /** Open tasks only (assigned or in progress). */
  open: z.stringbool().optional(),
  q: z.string().trim().min(1).max(200).optional(),
  agencyId: uuidSchema.optional(),
  ownerAgencyId: uuidSchema.optional(),
  ownerUnitId: uuidSchema.optional(),
  incomingDocumentId: uuidSchema.optional(),
  /** Top-level tasks only (no parent). */
  rootOnly: z.stringbool().optional(),
  dueFrom: isoDateSchema.optional(),
  dueTo: isoDateSchema.optional(),
});
export type TaskListQuery = z.infer<typeof taskListQuerySchema>;

export const taskListResponseSchema = z.object({
  items: z.array(taskSummarySchema),
  nextCursor: z.string().nullable(),
});
export const taskCountsSchema = z.record(taskViewSchema, z.number().int());
