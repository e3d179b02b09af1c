import type { settingsVi } from './settings.vi';

/** Notification preferences, reminder rules, publication and dashboard targets — English. */
export const settingsEn: typeof settingsVi = {
  settings: {
    save: 'Save changes',
    saved: 'Saved.',
    unsaved: 'You have unsaved changes.',
    reset: 'Undo',
    notSavedYet: 'Using the defaults (never saved).',
    updatedAt: 'Last updated {{time}}',
    preferences: {
      title: 'Notifications',
      intro:
        'In-app notifications (the bell) are always on. You can also receive urgent documents and deadline reminders by e-mail and SMS.',
      inApp: 'In the app',
      inAppHint: 'Always on.',
      email: 'E-mail',
      emailTo: 'Sent to {{address}}',
      sms: 'SMS',
      smsTo: 'Sent to {{phone}}',
      noEmail:
        'Your account has no e-mail address. Ask an administrator to add one before turning this on.',
      noPhone:
        'Your account has no phone number. Ask an administrator to add one before turning this on.',
      emailUnavailable: 'This server is not set up to send e-mail (SMTP).',
      smsUnavailable: 'This server is not set up with an SMS gateway.',
      channels: 'Channels',
      quiet: 'Quiet hours',
      quietSwitch: 'No e-mail or SMS during quiet hours',
      quietHint:
        'Vietnam time. E-mail and SMS that fall in quiet hours are sent when they end; in-app notifications still arrive at once.',
      quietStart: 'From',
      quietEnd: 'To',
      overnight: 'Runs into the next morning.',
      urgent: 'Still send top-urgent and flash documents at once during quiet hours',
      errors: {
        quietStart: 'Enter a start time (HH:MM).',
        quietEnd: 'Enter an end time (HH:MM).',
        quietSame: 'Start and end must differ.',
      },
    },
    reminders: {
      title: 'Reminder settings',
      link: 'Reminder settings',
      intro:
        "The agency's rules for reminding deadlines of incoming documents and tasks (the office follows up handling, Decree 30/2020/ND-CP Art. 24). Days are working days.",
      offsets: 'Remind before the due date',
      offsetsHint:
        'Working days before the due date, up to {{count}}, each from {{min}} to {{max}}.',
      offsetChip: '{{days}} working day(s) before',
      removeOffset: 'Remove {{days}} day(s)',
      noOffsets: 'No reminders before the due date.',
      newOffset: 'Days',
      addOffset: 'Add',
      onDueDay: 'Remind on the due date',
      dailyOverdue: 'Remind every day while overdue',
      escalate: 'Tell the assigning leader when overdue',
      escalateAfter: 'After this many working days overdue',
      remindAt: 'Time of day reminders go out',
      remindAtHint: "Vietnam time; a day's reminders are sent from this time on.",
      offsetErrors: {
        range: 'Enter a whole number from {{min}} to {{max}}.',
        duplicate: 'Already in the list.',
        full: 'At most {{count}}.',
      },
    },
    publication: {
      title: 'What the agency makes public',
      intro:
        'Choose what the agency shows on its public page (no sign-in). Only items marked public are shown; never anything confidential.',
      agency: 'Agency',
      showTasks: 'Tasks assigned by the city',
      showTasksHint: "Owner agency, due date, progress and status; no people's names.",
      showSchedule: 'Weekly schedule',
      showScheduleHint: 'On-duty leaders and public events of published weeks.',
      showOnTimeRates: 'On-time handling rates',
      showOnTimeRatesHint: 'Per month, non-confidential documents only.',
      readOnly:
        "Only the agency's leader (its head) or an administrator of the agency may change what is public.",
      openPublic: 'Open the public page',
    },
    targets: {
      title: 'Online processing targets',
      link: 'Targets',
      intro:
        'The share of work records processed online each tier must reach (percent). Leave empty for no target. Only administrators of the city may change them.',
      tier: 'Tier',
      percent: 'Target (%)',
      source: 'Source',
      sources: { default: 'Default', configured: 'Set' },
      none: 'None',
      invalid: 'Enter a whole number from 0 to 100.',
    },
    agencyMenu: 'Agency settings',
    errors: {
      emailMissing:
        'Your account has no e-mail address. Ask an administrator to add one, then try again.',
      phoneMissing:
        'Your account has no phone number. Ask an administrator to add one, then try again.',
      channelUnavailable:
        'This server is not set up to send on this channel (e-mail or SMS). Contact an administrator.',
      remindersForbidden:
        "Only the agency's administrators, clerks and leaders may change the reminder settings.",
      publicationForbidden:
        "Only the agency's leader or an administrator of the agency may change what is public.",
      agencyNotFound: 'Agency not found.',
      targetsForbidden: 'Only administrators of the city may change the targets.',
    },
  },
};
