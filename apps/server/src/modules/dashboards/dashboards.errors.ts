import { dashboardErrorCodes as c } from '@vanban/contracts';
import { defineError } from '../../platform/errors/app-error.js';

export const dashboardErrors = {
  /** An agency (or the whole city) the actor may not see: nothing about it is answered. */
  forbidden: defineError(c.forbidden, 403, 'You may not see the dashboard of this agency'),
  agencyNotFound: defineError(c.agencyNotFound, 404, 'No agency with this code in the period'),
  targetsForbidden: defineError(
    c.targetsForbidden,
    403,
    'Only an administrator of the city may change the targets',
  ),
};
