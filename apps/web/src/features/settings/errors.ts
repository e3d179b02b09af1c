import { dashboardErrorCodes, publicationErrorCodes, reminderErrorCodes } from '@vanban/contracts';
import { codeRules } from '../work/feedback';

export const preferenceFields = ['email', 'sms', 'quietHours'] as const;
export type PreferenceField = (typeof preferenceFields)[number];

/**
 * The 422s of `PUT /api/account/notification-preferences`: a missing address at its channel; an
 * unconfigured channel above the form (the server does not say which one in the code).
 */
export const preferenceRules = codeRules<PreferenceField>(
  {
    [reminderErrorCodes.remindersEmailMissing]: 'settings.errors.emailMissing',
    [reminderErrorCodes.remindersPhoneMissing]: 'settings.errors.phoneMissing',
    [reminderErrorCodes.remindersChannelUnavailable]: 'settings.errors.channelUnavailable',
  },
  {
    [reminderErrorCodes.remindersEmailMissing]: 'email',
    [reminderErrorCodes.remindersPhoneMissing]: 'sms',
  },
);

export const reminderFields = [
  'offsets',
  'onDueDay',
  'dailyOverdue',
  'escalateAfterDays',
  'remindAt',
] as const;
export type ReminderField = (typeof reminderFields)[number];

export const reminderRules = codeRules<ReminderField>({
  [reminderErrorCodes.remindersForbidden]: 'settings.errors.remindersForbidden',
});

export const publicationRules = codeRules({
  [publicationErrorCodes.forbidden]: 'settings.errors.publicationForbidden',
  [publicationErrorCodes.agencyNotFound]: 'settings.errors.agencyNotFound',
});

export const targetRules = codeRules({
  [dashboardErrorCodes.targetsForbidden]: 'settings.errors.targetsForbidden',
});
