import {
  secrecyValues,
  type Due,
  type Secrecy,
  type TaskReportPeriod,
  type TaskState,
} from '@vanban/contracts';
import { tasksErrors } from './tasks.errors.js';

/**
 * Task life cycle: `assigned → in_progress → completed`, or `cancelled` by the issuer while open.
 * Overdue is not a state: it is derived from the due date (open and past due).
 */
export const taskTransitions = {
  start: { from: ['assigned'], to: 'in_progress' },
  /** A progress report on a task not yet started starts it. */
  report: { from: ['assigned', 'in_progress'], to: 'in_progress' },
  complete: { from: ['assigned', 'in_progress'], to: 'completed' },
  cancel: { from: ['assigned', 'in_progress'], to: 'cancelled' },
  /** Changes that need an open task: owner, due date, sub-tasks. */
  edit: { from: ['assigned', 'in_progress'], to: null },
} as const satisfies Record<string, { from: readonly TaskState[]; to: TaskState | null }>;

export type TaskAction = keyof typeof taskTransitions;

export const OPEN_TASK_STATES: readonly TaskState[] = ['assigned', 'in_progress'];

export function isOpen(state: TaskState): boolean {
  return OPEN_TASK_STATES.includes(state);
}

export function canTaskTransition(state: TaskState, action: TaskAction): boolean {
  return (taskTransitions[action].from as readonly TaskState[]).includes(state);
}

export function nextTaskState(state: TaskState, action: TaskAction): TaskState {
  if (!canTaskTransition(state, action))
    throw tasksErrors.invalidTransition(`Cannot ${action} a task that is ${state}`);
  return taskTransitions[action].to ?? state;
}

/** Five levels at most: city → department → commune → unit → person (depth 0–4). */
export const MAX_TASK_DEPTH = 4;

/** A progress percentage: a whole number from 0 to 100, else 422 `tasks.invalid_progress`. */
export function validateProgress(value: unknown): number {
  if (typeof value !== 'number' || !Number.isInteger(value) || value < 0 || value > 100)
    throw tasksErrors.invalidProgress(`Progress must be a whole number from 0 to 100`, {
      errors: [{ path: 'body.progress', message: String(value), code: 'out_of_range' }],
    });
  return value;
}

/**
 * Roll-up: a task with sub-tasks is as far along as the mean of its sub-tasks that were not
 * cancelled, rounded down (so it shows 100 only when every one of them is at 100). With no such
 * sub-task (none, or all cancelled) the owner's own reported progress stands. A completed task is
 * at 100 whatever its sub-tasks say.
 */
export function rolledUpProgress(
  task: { state: TaskState; reportedProgress: number },
  children: readonly { state: TaskState; progress: number }[],
): number {
  if (task.state === 'completed') return 100;
  const counted = children.filter((c) => c.state !== 'cancelled');
  if (counted.length === 0) return task.reportedProgress;
  const sum = counted.reduce((s, c) => s + (c.state === 'completed' ? 100 : c.progress), 0);
  return Math.floor(sum / counted.length);
}

/** Sub-tasks still open block completing their parent (the owner completes or cancels them first). */
export function openChildren<T extends { state: TaskState }>(children: readonly T[]): T[] {
  return children.filter((c) => isOpen(c.state));
}

/**
 * Would attaching `taskId` under `newParentId` make the task its own ancestor? `ancestorsOfNewParent`
 * lists the new parent's chain upward (parent, grandparent, … root), as read from the database.
 */
export function wouldCreateCycle(
  taskId: string,
  newParentId: string,
  ancestorsOfNewParent: readonly string[],
): boolean {
  return newParentId === taskId || ancestorsOfNewParent.includes(taskId);
}

/** Depth of the deepest node once a subtree of `subtreeHeight` levels hangs below `parentDepth`. */
export function depthAfterMove(parentDepth: number | null, subtreeHeight: number): number {
  return (parentDepth === null ? 0 : parentDepth + 1) + subtreeHeight;
}

/** Something that adds working days (the calendar module's `WorkingCalendar`). */
export interface WorkingDays {
  addWorkingDays: (start: string, n: number) => string;
}

/**
 * A due date given as a date, or as N working days after the start date (the start day itself not
 * counted, weekends and public holidays skipped — the same count as document handling deadlines).
 */
export function dueDateFrom(due: Due, startDate: string, calendar: WorkingDays): string {
  return 'date' in due ? due.date : calendar.addWorkingDays(startDate, due.workingDays);
}

/** A due date must not be before the start, nor in the past when it is set or changed. */
export function checkDueDate(dueDate: string, startDate: string, today: string, path: string) {
  if (dueDate < startDate || dueDate < today)
    throw tasksErrors.dueDateInvalid(
      `${dueDate} is before ${dueDate < startDate ? `the start date ${startDate}` : `today (${today})`}`,
      { errors: [{ path, message: dueDate, code: 'past' }] },
    );
}

/** Overdue: still open and the due date (a Vietnam calendar day) has passed. */
export function isOverdue(t: { state: TaskState; dueDate: string | null }, today: string): boolean {
  return isOpen(t.state) && t.dueDate !== null && t.dueDate < today;
}

const DAY_MS = 86_400_000;

/**
 * A periodic report is missing when the task is open and the last report (or the start, before
 * any report) is more than one period old: 7 days for weekly, one calendar month for monthly.
 */
export function isReportMissing(
  t: {
    state: TaskState;
    reportPeriod: TaskReportPeriod | null;
    lastReportAt: Date | null;
    startDate: string;
  },
  now: Date,
): boolean {
  if (!isOpen(t.state) || t.reportPeriod === null) return false;
  const since = t.lastReportAt ?? new Date(`${t.startDate}T00:00:00+07:00`);
  if (t.reportPeriod === 'weekly') return now.getTime() - since.getTime() > 7 * DAY_MS;
  const next = new Date(since);
  next.setUTCMonth(next.getUTCMonth() + 1);
  return now.getTime() > next.getTime();
}

/** A sub-task is at least as secret as its parent (`secrecyValues` runs from least to most secret). */
export function atLeastAsSecret(parent: Secrecy, wanted: Secrecy | undefined): Secrecy {
  const w = wanted ?? parent;
  return secrecyValues.indexOf(w) >= secrecyValues.indexOf(parent) ? w : parent;
}
