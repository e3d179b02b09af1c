import { reminderErrorCodes as c } from '@vanban/contracts';
import { defineError } from '../../platform/errors/app-error.js';

export const channelErrors = {
  emailMissing: defineError(
    c.remindersEmailMissing,
    422,
    'Your account has no e-mail address: ask an administrator to add one first',
  ),
  phoneMissing: defineError(
    c.remindersPhoneMissing,
    422,
    'Your account has no phone number: ask an administrator to add one first',
  ),
  channelUnavailable: defineError(
    c.remindersChannelUnavailable,
    422,
    'This server is not set up to send on this channel',
  ),
};
