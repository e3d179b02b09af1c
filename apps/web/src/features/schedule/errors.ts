import { scheduleErrorCodes } from '@vanban/contracts';
import { codeRules } from '../work/feedback';

export const entryFields = [
  'date',
  'startTime',
  'endDate',
  'endTime',
  'content',
  'place',
  'participants',
  'leaderIds',
  'preparingUnit',
] as const;
export type EntryField = (typeof entryFields)[number];

const messages = {
  [scheduleErrorCodes.weekInvalid]: 'schedule.errors.weekInvalid',
  [scheduleErrorCodes.rangeInvalid]: 'schedule.errors.rangeInvalid',
  [scheduleErrorCodes.endBeforeStart]: 'schedule.errors.endBeforeStart',
  [scheduleErrorCodes.endTimeWithoutStart]: 'schedule.errors.endTimeWithoutStart',
  [scheduleErrorCodes.endTimeRequired]: 'schedule.errors.endTimeRequired',
  [scheduleErrorCodes.spansWeeks]: 'schedule.errors.spansWeeks',
  [scheduleErrorCodes.contentRequired]: 'schedule.errors.contentRequired',
  [scheduleErrorCodes.leaderInvalid]: 'schedule.errors.leaderInvalid',
  [scheduleErrorCodes.entryNotFound]: 'schedule.errors.entryNotFound',
  [scheduleErrorCodes.forbidden]: 'schedule.errors.forbidden',
  [scheduleErrorCodes.agencyNotVisible]: 'schedule.errors.forbidden',
} as const;

/** The schedule's problem codes above a page or a dialog. */
export const scheduleAlertRules = codeRules(messages);

/** The schedule's problem codes, at the field they concern when there is one. */
export const scheduleRules = codeRules<EntryField>(messages, {
  [scheduleErrorCodes.endBeforeStart]: 'endTime',
  [scheduleErrorCodes.endTimeWithoutStart]: 'startTime',
  [scheduleErrorCodes.endTimeRequired]: 'endTime',
  [scheduleErrorCodes.spansWeeks]: 'endDate',
  [scheduleErrorCodes.contentRequired]: 'content',
  [scheduleErrorCodes.leaderInvalid]: 'leaderIds',
});
