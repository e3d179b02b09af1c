import { reminderErrorCodes } from '@vanban/contracts';
import type { DashboardTargets, NotificationPreferences } from '@vanban/contracts';
import { describe, expect, it } from 'vitest';
import { ApiError } from '../../app/api';
import { adminFeedback } from '../admin/problems';
import { preferenceFields, preferenceRules } from './errors';
import {
  addOffset,
  clockOf,
  crossesMidnight,
  offsetProblem,
  preferencesBody,
  preferencesForm,
  preferencesProblem,
  reminderBody,
  reminderForm,
  removeOffset,
  targetsBody,
  targetsForm,
  targetValid,
} from './model';

const prefs: NotificationPreferences = {
  inApp: true,
  email: false,
  sms: false,
  quietHours: null,
  urgentBreaksQuietHours: true,
  emailAddress: 'vanthu@example.vn',
  phone: null,
  available: { email: true, sms: false },
};

describe('notification preferences form', () => {
  it('offers the night as quiet hours when none are set, and sends none while off', () => {
    const form = preferencesForm(prefs);
    expect(form).toMatchObject({ quiet: false, quietStart: '21:00', quietEnd: '07:00' });
    expect(preferencesBody({ ...form, email: true })).toEqual({
      email: true,
      sms: false,
      quietHours: null,
      urgentBreaksQuietHours: true,
    });
  });

  it('sends quiet hours as HH:MM (browsers may add seconds)', () => {
    const form = {
      ...preferencesForm(prefs),
      quiet: true,
      quietStart: '22:30:00',
      quietEnd: '06:00',
    };
    expect(preferencesProblem(form)).toBeNull();
    expect(preferencesBody(form).quietHours).toEqual({ start: '22:30', end: '06:00' });
  });

  it('refuses missing or equal times before asking the server', () => {
    const base = { ...preferencesForm(prefs), quiet: true };
    expect(preferencesProblem({ ...base, quietStart: '' })).toBe('quietStart');
    expect(preferencesProblem({ ...base, quietEnd: '24:10' })).toBe('quietEnd');
    expect(preferencesProblem({ ...base, quietStart: '07:00', quietEnd: '07:00' })).toBe(
      'quietSame',
    );
    expect(preferencesProblem({ ...base, quiet: false, quietStart: '' })).toBeNull();
  });

  it('knows quiet hours that run into the next morning', () => {
    expect(crossesMidnight('21:00', '07:00')).toBe(true);
    expect(crossesMidnight('12:00', '13:30')).toBe(false);
    expect(clockOf('7:00')).toBeNull();
  });

  it("puts the server's 422 for a missing address at its channel, the unavailable one above", () => {
    const problem = (code: string) => new ApiError({ status: 422, code, title: code });
    expect(
      adminFeedback(
        problem(reminderErrorCodes.remindersEmailMissing),
        preferenceFields,
        preferenceRules,
      ),
    ).toEqual({ fields: { email: 'settings.errors.emailMissing' } });
    expect(
      adminFeedback(
        problem(reminderErrorCodes.remindersPhoneMissing),
        preferenceFields,
        preferenceRules,
      ),
    ).toEqual({ fields: { sms: 'settings.errors.phoneMissing' } });
    expect(
      adminFeedback(
        problem(reminderErrorCodes.remindersChannelUnavailable),
        preferenceFields,
        preferenceRules,
      ),
    ).toEqual({ fields: {}, form: 'settings.errors.channelUnavailable' });
  });
});

describe('reminder offsets', () => {
  it('keeps them largest first, distinct, 1–30 and at most five', () => {
    expect(addOffset([1], 3)).toEqual([3, 1]);
    expect(offsetProblem([3, 1], 3)).toBe('duplicate');
    expect(offsetProblem([3, 1], 0)).toBe('range');
    expect(offsetProblem([3, 1], 31)).toBe('range');
    expect(offsetProblem([3, 1], 2.5)).toBe('range');
    expect(offsetProblem([10, 7, 5, 3, 1], 2)).toBe('full');
    expect(addOffset([10, 7, 5, 3, 1], 2)).toEqual([10, 7, 5, 3, 1]);
    expect(removeOffset([3, 1], 3)).toEqual([1]);
  });

  it('turns the form back into the API body, escalation off as null', () => {
    const settings = {
      agencyId: '0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5b',
      configured: false,
      offsets: [1, 3],
      onDueDay: true,
      dailyOverdue: true,
      escalateAfterDays: null,
      remindAt: '08:00',
    };
    const form = reminderForm(settings);
    expect(form).toMatchObject({ offsets: [3, 1], escalate: false, escalateAfterDays: 2 });
    expect(reminderBody({ ...form, escalate: true, escalateAfterDays: 4 })).toEqual({
      offsets: [3, 1],
      onDueDay: true,
      dailyOverdue: true,
      escalateAfterDays: 4,
      remindAt: '08:00',
    });
    expect(reminderBody(form).escalateAfterDays).toBeNull();
  });
});

describe('dashboard targets', () => {
  const saved: DashboardTargets = {
    targets: { city: 90, department: 90, district: 80, commune: 60, other: null },
    sources: {
      city: 'default',
      department: 'default',
      district: 'default',
      commune: 'default',
      other: 'default',
    },
    updatedAt: null,
  };

  it('sends only the tiers that changed, an empty field as no target', () => {
    const form = targetsForm(saved);
    expect(form.other).toBe('');
    expect(targetsBody(saved, form)).toBeNull();
    expect(targetsBody(saved, { ...form, commune: 70, district: '' })).toEqual({
      targets: { district: null, commune: 70 },
    });
  });

  it('accepts whole percents only', () => {
    expect(targetValid('')).toBe(true);
    expect(targetValid(0)).toBe(true);
    expect(targetValid(100)).toBe(true);
    expect(targetValid(101)).toBe(false);
    expect(targetValid(12.5)).toBe(false);
  });
});
