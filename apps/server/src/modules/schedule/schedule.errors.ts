import { scheduleErrorCodes as c } from '@vanban/contracts';
import { defineError } from '../../platform/errors/app-error.js';

export const scheduleErrors = {
  weekInvalid: defineError(c.weekInvalid, 422, 'The week is not an ISO week such as 2026-W47'),
  rangeInvalid: defineError(c.rangeInvalid, 422, 'The date range is not valid'),
  /** One or more field problems of an entry (end before start, spans weeks, …), listed in `errors`. */
  entryInvalid: (problems: { path: string; message: string; code?: string }[]) =>
    defineError(
      problems[0]?.code ?? c.endBeforeStart,
      422,
      'The schedule entry is not valid',
    )(problems.map((p) => p.message).join('; '), { errors: problems }),
  leaderInvalid: defineError(
    c.leaderInvalid,
    422,
    'Every leader must be an active leader or deputy of the agency',
  ),
  /** Also for entries of agencies the actor may not see: existence is not revealed. */
  entryNotFound: defineError(c.entryNotFound, 404, 'Schedule entry not found'),
  forbidden: defineError(c.forbidden, 403, 'You may not edit this schedule'),
  agencyNotVisible: defineError(c.agencyNotVisible, 403, "You may not see this agency's schedule"),
};
