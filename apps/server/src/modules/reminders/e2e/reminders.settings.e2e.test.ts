import type { NotificationPreferences, ReminderSettings } from '@vanban/contracts';
import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { backendsUnderTest } from '../../../../test/database.js';
import { json, loginAs, useTestApp, type Session } from '../../../../test/test-app.js';
import { queryRows } from '../../../platform/db/database.js';

describe.each(backendsUnderTest())(
  'reminder settings and notification preferences on %s',
  (driver) => {
    const ctx = useTestApp(driver);
    const get = async (session: Session, url: string) =>
      ctx.app.inject({ method: 'GET', url, headers: { cookie: session.cookie } });
    const put = async (session: Session, url: string, payload: Record<string, unknown>) =>
      ctx.app.inject({ method: 'PUT', url, headers: session.headers(), payload });
    const rules = {
      offsets: [1, 5, 2],
      onDueDay: false,
      dailyOverdue: true,
      escalateAfterDays: 2,
      remindAt: '07:30',
    };

    it('shows the defaults to everyone in the agency', async () => {
      const spec = await loginAs(ctx.app, 'chuyenvien.stc');
      const res = await get(spec, '/api/reminder-settings');
      expect(res.statusCode, res.body).toBe(200);
      expect(json<ReminderSettings>(res)).toMatchObject({
        configured: false,
        offsets: [3, 1],
        onDueDay: true,
        dailyOverdue: true,
        escalateAfterDays: 1,
        remindAt: '08:00',
      });
    });

    it('lets the clerk, a leader or an administrator of the agency change them, audited', async () => {
      const spec = await loginAs(ctx.app, 'chuyenvien.snv');
      const refused = await put(spec, '/api/reminder-settings', rules);
      expect(refused.statusCode).toBe(403);
      expect(refused.json()).toMatchObject({ code: 'reminders.forbidden' });
      const unitHead = await loginAs(ctx.app, 'truongphong.snv');
      expect((await put(unitHead, '/api/reminder-settings', rules)).statusCode).toBe(403);

      const clerk = await loginAs(ctx.app, 'vanthu.snv');
      const saved = await put(clerk, '/api/reminder-settings', rules);
      expect(saved.statusCode, saved.body).toBe(200);
      expect(json<ReminderSettings>(saved)).toMatchObject({
        configured: true,
        offsets: [5, 2, 1],
        onDueDay: false,
        escalateAfterDays: 2,
        remindAt: '07:30',
      });
      const leader = await loginAs(ctx.app, 'giamdoc.snv');
      expect(json<ReminderSettings>(await get(leader, '/api/reminder-settings'))).toMatchObject({
        offsets: [5, 2, 1],
      });
      const admin = await loginAs(ctx.app, 'quantri.snv');
      const off = await put(admin, '/api/reminder-settings', { ...rules, escalateAfterDays: null });
      expect(off.statusCode, off.body).toBe(200);
      expect(json<ReminderSettings>(off).escalateAfterDays).toBeNull();
      // Another agency is untouched.
      const stc = await loginAs(ctx.app, 'vanthu.stc');
      expect(json<ReminderSettings>(await get(stc, '/api/reminder-settings')).configured).toBe(
        false,
      );
      const events = await queryRows<{ type: string }>(
        ctx.database.db,
        sql`select type from audit_events where type = 'reminders.settings_changed'`,
      );
      expect(events).toHaveLength(2);
    });

    it('refuses bad rules with field errors and changes nothing', async () => {
      const clerk = await loginAs(ctx.app, 'vanthu.snv');
      for (const bad of [
        { ...rules, offsets: [0] },
        { ...rules, offsets: [3, 3] },
        { ...rules, offsets: [1, 2, 3, 4, 5, 6] },
        { ...rules, remindAt: '25:00' },
        { ...rules, escalateAfterDays: 0 },
      ]) {
        const res = await put(clerk, '/api/reminder-settings', bad);
        expect(res.statusCode, JSON.stringify(bad)).toBe(400);
        expect(res.json()).toMatchObject({ code: 'request.validation_failed' });
      }
      expect(
        json<ReminderSettings>(await get(clerk, '/api/reminder-settings')).escalateAfterDays,
      ).toBeNull();
    });

    it('keeps the bell only by default and refuses channels this server cannot send on', async () => {
      const spec = await loginAs(ctx.app, 'chuyenvien.snv');
      const res = await get(spec, '/api/account/notification-preferences');
      expect(res.statusCode, res.body).toBe(200);
      expect(json<NotificationPreferences>(res)).toEqual({
        inApp: true,
        email: false,
        sms: false,
        quietHours: { start: '21:00', end: '07:00' },
        urgentBreaksQuietHours: false,
        emailAddress: 'chuyenvien.snv@demo.vanban.vn',
        phone: null,
        available: { email: false, sms: false },
      });
      const unavailable = await put(spec, '/api/account/notification-preferences', {
        email: true,
        sms: false,
        quietHours: null,
        urgentBreaksQuietHours: false,
      });
      expect(unavailable.statusCode).toBe(422);
      expect(unavailable.json()).toMatchObject({ code: 'reminders.channel_unavailable' });
      const sameStartEnd = await put(spec, '/api/account/notification-preferences', {
        email: false,
        sms: false,
        quietHours: { start: '22:00', end: '22:00' },
        urgentBreaksQuietHours: false,
      });
      expect(sameStartEnd.statusCode).toBe(400);
      const quiet = await put(spec, '/api/account/notification-preferences', {
        email: false,
        sms: false,
        quietHours: { start: '22:30', end: '06:00' },
        urgentBreaksQuietHours: true,
      });
      expect(quiet.statusCode, quiet.body).toBe(200);
      expect(json<NotificationPreferences>(quiet)).toMatchObject({
        quietHours: { start: '22:30', end: '06:00' },
        urgentBreaksQuietHours: true,
      });
      const other = await loginAs(ctx.app, 'chuyenvien2.snv');
      expect(
        json<NotificationPreferences>(await get(other, '/api/account/notification-preferences'))
          .quietHours,
      ).toEqual({ start: '21:00', end: '07:00' });
    });
  },
);
