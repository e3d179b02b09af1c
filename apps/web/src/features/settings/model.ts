import { agencyTierValues } from '@vanban/contracts';
import type {
  AgencyTier,
  DashboardTargets,
  NotificationPreferences,
  ReminderSettings,
  ReminderSettingsBody,
  UpdateDashboardTargetsBody,
  UpdateNotificationPreferencesBody,
} from '@vanban/contracts';

/** Limits of the reminder rules, as the API checks them (reminders.contract.ts). */
export const offsetLimits = { min: 1, max: 30, count: 5 } as const;

/** The form of the notification preferences: quiet hours as a switch and two `HH:MM` fields. */
export interface PreferencesForm {
  email: boolean;
  sms: boolean;
  quiet: boolean;
  quietStart: string;
  quietEnd: string;
  urgentBreaksQuietHours: boolean;
}

/** Quiet hours most people expect when they first turn them on: the night. */
export const defaultQuietHours = { start: '21:00', end: '07:00' } as const;

export function preferencesForm(prefs: NotificationPreferences): PreferencesForm {
  return {
    email: prefs.email,
    sms: prefs.sms,
    quiet: prefs.quietHours !== null,
    quietStart: prefs.quietHours?.start ?? defaultQuietHours.start,
    quietEnd: prefs.quietHours?.end ?? defaultQuietHours.end,
    urgentBreaksQuietHours: prefs.urgentBreaksQuietHours,
  };
}

const clockTime = /^([01]\d|2[0-3]):[0-5]\d$/;

/** `HH:MM` of a time field (browsers may add seconds), or null when it is not a time. */
export function clockOf(value: string): string | null {
  const hhmm = value.trim().slice(0, 5);
  return clockTime.test(hhmm) ? hhmm : null;
}

export type PreferencesProblem = 'quietStart' | 'quietEnd' | 'quietSame';

/** What is wrong with the quiet hours before sending them, if anything. */
export function preferencesProblem(form: PreferencesForm): PreferencesProblem | null {
  if (!form.quiet) return null;
  const start = clockOf(form.quietStart);
  const end = clockOf(form.quietEnd);
  if (start === null) return 'quietStart';
  if (end === null) return 'quietEnd';
  return start === end ? 'quietSame' : null;
}

export function preferencesBody(form: PreferencesForm): UpdateNotificationPreferencesBody {
  const start = clockOf(form.quietStart);
  const end = clockOf(form.quietEnd);
  return {
    email: form.email,
    sms: form.sms,
    quietHours: form.quiet && start !== null && end !== null ? { start, end } : null,
    urgentBreaksQuietHours: form.urgentBreaksQuietHours,
  };
}

/** Quiet hours that run past midnight (21:00–07:00) end on the next day. */
export function crossesMidnight(start: string, end: string): boolean {
  const from = clockOf(start);
  const to = clockOf(end);
  return from !== null && to !== null && to < from;
}

/** The reminder rules in the editor: escalation as a switch and a number. */
export interface ReminderForm {
  offsets: number[];
  onDueDay: boolean;
  dailyOverdue: boolean;
  escalate: boolean;
  escalateAfterDays: number;
  remindAt: string;
}

export function reminderForm(settings: ReminderSettings): ReminderForm {
  return {
    offsets: sortOffsets(settings.offsets),
    onDueDay: settings.onDueDay,
    dailyOverdue: settings.dailyOverdue,
    escalate: settings.escalateAfterDays !== null,
    escalateAfterDays: settings.escalateAfterDays ?? 2,
    remindAt: settings.remindAt,
  };
}

/** Largest first, as the server keeps them: "3, then 1 working day before". */
export function sortOffsets(offsets: readonly number[]): number[] {
  return [...offsets].sort((a, b) => b - a);
}

export type OffsetProblem = 'range' | 'duplicate' | 'full';

/** Whether `value` may join the offsets; the reason when not. */
export function offsetProblem(offsets: readonly number[], value: number): OffsetProblem | null {
  if (!Number.isInteger(value) || value < offsetLimits.min || value > offsetLimits.max)
    return 'range';
  if (offsets.includes(value)) return 'duplicate';
  if (offsets.length >= offsetLimits.count) return 'full';
  return null;
}

export function addOffset(offsets: readonly number[], value: number): number[] {
  return offsetProblem(offsets, value) === null ? sortOffsets([...offsets, value]) : [...offsets];
}

export function removeOffset(offsets: readonly number[], value: number): number[] {
  return offsets.filter((offset) => offset !== value);
}

export function reminderBody(form: ReminderForm): ReminderSettingsBody {
  return {
    offsets: sortOffsets(form.offsets),
    onDueDay: form.onDueDay,
    dailyOverdue: form.dailyOverdue,
    escalateAfterDays: form.escalate ? form.escalateAfterDays : null,
    remindAt: clockOf(form.remindAt) ?? form.remindAt,
  };
}

/** Target per tier in the editor; `''` is "no target". */
export type TargetsForm = Record<AgencyTier, number | ''>;

export function targetsForm(targets: DashboardTargets): TargetsForm {
  const form = {} as TargetsForm;
  for (const tier of agencyTierValues) form[tier] = targets.targets[tier] ?? '';
  return form;
}

/** Only the tiers that changed (the API changes only the tiers given); null when none did. */
export function targetsBody(
  saved: DashboardTargets,
  form: TargetsForm,
): UpdateDashboardTargetsBody | null {
  const changes: UpdateDashboardTargetsBody['targets'] = {};
  for (const tier of agencyTierValues) {
    const next = form[tier] === '' ? null : form[tier];
    if (next !== saved.targets[tier]) changes[tier] = next;
  }
  return Object.keys(changes).length === 0 ? null : { targets: changes };
}

/** A percent the form accepts: a whole number 0–100, or empty. */
export function targetValid(value: number | ''): boolean {
  return value === '' || (Number.isInteger(value) && value >= 0 && value <= 100);
}
