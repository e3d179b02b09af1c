import { dashboardErrorCodes } from '@vanban/contracts';
import { codeRules } from '../work/feedback';

export const dashboardRules = codeRules({
  [dashboardErrorCodes.forbidden]: 'dashboards.errors.forbidden',
  [dashboardErrorCodes.agencyNotFound]: 'dashboards.errors.agencyNotFound',
});
