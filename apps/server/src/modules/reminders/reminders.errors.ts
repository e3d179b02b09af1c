import { reminderErrorCodes as c } from '@vanban/contracts';
import { defineError } from '../../platform/errors/app-error.js';

export const reminderErrors = {
  forbidden: defineError(
    c.remindersForbidden,
    403,
    "Only the agency's administrators, clerks and leaders change its reminder rules",
  ),
};
