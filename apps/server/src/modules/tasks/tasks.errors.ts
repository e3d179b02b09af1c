import { errorCodes as c } from '@vanban/contracts';
import { defineError } from '../../platform/errors/app-error.js';

export const tasksErrors = {
  /** Also for tasks that exist but the actor may not see: existence is not revealed. */
  notFound: defineError(c.taskNotFound, 404, 'Task not found'),
  forbidden: defineError(c.taskForbidden, 403, 'You may not do this on this task'),
  invalidTransition: defineError(
    c.taskInvalidTransition,
    409,
    'This action is not possible in the current state',
  ),
  invalidProgress: defineError(
    c.taskInvalidProgress,
    422,
    'Progress must be a whole number from 0 to 100',
  ),
  progressRolledUp: defineError(
    c.taskProgressRolledUp,
    409,
    "This task's progress is the roll-up of its sub-tasks; report on the sub-tasks",
  ),
  cycle: defineError(c.taskCycle, 422, 'A task cannot become its own ancestor'),
  depthExceeded: defineError(c.taskDepthExceeded, 422, 'Sub-tasks may be nested five levels deep'),
  ownerInvalid: defineError(c.taskOwnerInvalid, 422, 'The owner is not valid for this task'),
  dueDateInvalid: defineError(c.taskDueDateInvalid, 422, 'The due date is not valid'),
  openSubtasks: defineError(
    c.taskOpenSubtasks,
    409,
    'Complete or cancel the open sub-tasks before completing this task',
  ),
  sourceInvalid: defineError(c.taskSourceInvalid, 422, 'The source document is not valid'),
  secretNotPublic: defineError(
    c.taskSecretNotPublic,
    422,
    'A confidential task cannot be published',
  ),
  cursorInvalid: defineError(c.taskCursorInvalid, 400, 'The page cursor is not valid'),
};
