import { errorCodes } from '@vanban/contracts';
import { codeRules } from '../work/feedback';

export const taskRules = codeRules({
  [errorCodes.taskNotFound]: 'tasks.errors.notFound',
  [errorCodes.taskForbidden]: 'tasks.errors.forbidden',
  [errorCodes.taskInvalidTransition]: 'tasks.errors.invalidTransition',
  [errorCodes.taskInvalidProgress]: 'tasks.errors.invalidProgress',
  [errorCodes.taskProgressRolledUp]: 'tasks.errors.progressRolledUp',
  [errorCodes.taskCycle]: 'tasks.errors.cycle',
  [errorCodes.taskDepthExceeded]: 'tasks.errors.depthExceeded',
  [errorCodes.taskOwnerInvalid]: 'tasks.errors.ownerInvalid',
  [errorCodes.taskDueDateInvalid]: 'tasks.errors.dueDateInvalid',
  [errorCodes.taskOpenSubtasks]: 'tasks.errors.openSubtasks',
  [errorCodes.taskSourceInvalid]: 'tasks.errors.sourceInvalid',
  [errorCodes.taskSecretNotPublic]: 'tasks.errors.secretNotPublic',
});
