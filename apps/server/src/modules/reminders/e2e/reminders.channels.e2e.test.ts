import type { NotificationPreferences } from '@vanban/contracts';
import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { backendsUnderTest } from '../../../../test/database.js';
import { json, loginAs } from '../../../../test/test-app.js';
import { queryRows } from '../../../platform/db/database.js';
import { enqueueJob } from '../../../platform/jobs/jobs.js';
import { DELIVER_JOB } from '../../notifications/index.js';
import { night, PUBLIC_URL, useChannelTestApp } from './channels-harness.js';
import { assignedDocument, setContact, vn } from './reminders.fixtures.js';

const EMAIL = 'chuyenvien.snv@snv.hanoi.gov.vn';

/** Reminders reach a real SMTP server and a real HTTP SMS gateway, once each. */
describe.each(backendsUnderTest())('reminders on e-mail and SMS on %s', (driver) => {
  const h = useChannelTestApp(driver);
  const { ctx, drain, scan, mailsAbout, smsAbout, deliveries, putPrefs, complete } = h;
  const w = h.world;

  it('sends one e-mail and one SMS per reminder to the addresses of the account', async () => {
    await setContact(w(), 'chuyenvien.snv', { email: EMAIL, phone: '0912 345 678' });
    const spec = await loginAs(ctx.app, 'chuyenvien.snv');
    const saved = await putPrefs(spec, {
      email: true,
      sms: true,
      quietHours: night,
      urgentBreaksQuietHours: false,
    });
    expect(saved.statusCode, saved.body).toBe(200);
    expect(json<NotificationPreferences>(saved)).toEqual({
      inApp: true,
      email: true,
      sms: true,
      quietHours: night,
      urgentBreaksQuietHours: false,
      emailAddress: EMAIL,
      phone: '0912 345 678',
      available: { email: true, sms: true },
    });

    const doc = await assignedDocument(w(), {
      at: '2026-04-20T09:00:00',
      due: '2026-04-23',
      lead: 'chuyenvien.snv',
      subject: 'Về việc rà soát, thống kê đội ngũ công chức cấp xã',
    });
    ctx.clock.set(vn('2026-04-22T09:00:00'));
    expect((await scan()).sent).toBe(1);
    await drain();

    const mails = mailsAbout(doc.id);
    expect(mails).toHaveLength(1);
    const mail = mails[0]!;
    expect(mail.envelopeTo).toEqual([EMAIL]);
    expect(mail.to).toEqual([EMAIL]);
    expect(mail.from).toBe('no-reply@vanban.test');
    expect(mail.subject).toMatch(
      /^\[Vanban\] Nhắc hạn xử lý: Còn 1 ngày làm việc đến hạn 23\/04\/2026: \d+\/UBND-VX: Về việc rà soát, thống kê đội ngũ công chức cấp xã$/,
    );
    expect(mail.text).toContain('Kính gửi Lý Thị Oanh,');
    expect(mail.text).toContain(`Xem và xử lý tại: ${PUBLIC_URL}/incoming/${doc.id}`);

    const texts = smsAbout(doc.id);
    expect(texts).toHaveLength(1);
    const request = texts[0]!;
    const [emailDelivery, smsDelivery] = await deliveries(doc.id);
    expect(request.method).toBe('POST');
    expect(request.url).toBe(`/sms/send?ref=${smsDelivery!.id}`);
    expect(request.headers.authorization).toBe('Bearer tok-456');
    expect(request.headers['x-api-key']).toBe('key-123');
    expect(request.headers['idempotency-key']).toBe(smsDelivery!.id);
    expect(request.headers['content-type']).toBe('application/json');
    const body = JSON.parse(request.body) as { to: string; text: string; brandname: string };
    expect(body.to).toBe('0912345678');
    expect(body.brandname).toBe('SONOIVU');
    expect(body.text).toMatch(/^Vanban: Nhắc hạn xử lý: Còn 1 ngày làm việc đến hạn 23\/04\/2026/);
    expect(body.text.endsWith(`${PUBLIC_URL}/incoming/${doc.id}`)).toBe(true);
    expect(mail.messageId).toBe(`<${emailDelivery!.id}@vanban>`);
    expect(await deliveries(doc.id)).toMatchObject([
      { channel: 'email', state: 'sent', address: EMAIL, attempts: 1 },
      { channel: 'sms', state: 'sent', address: '0912 345 678', attempts: 1 },
    ]);

    // Scanning again, and running a delivery job a second time, sends nothing more.
    await scan();
    await ctx.database.db.transaction((tx) =>
      enqueueJob(tx, { kind: DELIVER_JOB, payload: { deliveryId: emailDelivery!.id } }, ctx.clock),
    );
    await drain();
    expect(mailsAbout(doc.id)).toHaveLength(1);
    expect(smsAbout(doc.id)).toHaveLength(1);
    await complete(doc, 'chuyenvien.snv');
  });

  it('holds e-mail and SMS back during quiet hours while the bell rings at once', async () => {
    const clerk = await loginAs(ctx.app, 'vanthu.snv');
    const rules = {
      offsets: [3, 1],
      onDueDay: true,
      dailyOverdue: true,
      escalateAfterDays: 1,
      remindAt: '21:30',
    };
    const late = await ctx.app.inject({
      method: 'PUT',
      url: '/api/reminder-settings',
      headers: clerk.headers(),
      payload: rules,
    });
    expect(late.statusCode, late.body).toBe(200);
    const doc = await assignedDocument(w(), {
      at: '2026-05-11T09:00:00',
      due: '2026-05-13',
      lead: 'chuyenvien.snv',
    });
    ctx.clock.set(vn('2026-05-12T21:45:00'));
    expect((await scan()).sent).toBe(1);
    const [bell] = await queryRows<{ n: number }>(
      ctx.database.db,
      sql`select count(*)::int as n from notifications where subject->>'id' = ${doc.id}
          and kind = 'reminder.before'`,
    );
    expect(bell!.n).toBe(1);
    await drain();
    expect(mailsAbout(doc.id)).toHaveLength(0);
    expect(smsAbout(doc.id)).toHaveLength(0);
    ctx.clock.set(vn('2026-05-13T06:59:00'));
    await drain();
    expect(mailsAbout(doc.id)).toHaveLength(0);
    ctx.clock.set(vn('2026-05-13T07:00:00'));
    await drain();
    expect(mailsAbout(doc.id)).toHaveLength(1);
    expect(smsAbout(doc.id)).toHaveLength(1);
    const restored = await ctx.app.inject({
      method: 'PUT',
      url: '/api/reminder-settings',
      headers: (await loginAs(ctx.app, 'vanthu.snv')).headers(),
      payload: { ...rules, remindAt: '08:00' },
    });
    expect(restored.statusCode, restored.body).toBe(200);
    await complete(doc, 'chuyenvien.snv');
  });

  it('records a message as skipped when the address was removed, and refuses a channel without one', async () => {
    const doc = await assignedDocument(w(), {
      at: '2026-05-18T09:00:00',
      due: '2026-05-20',
      lead: 'chuyenvien.snv',
    });
    await setContact(w(), 'chuyenvien.snv', { email: null });
    ctx.clock.set(vn('2026-05-19T09:00:00'));
    await scan();
    expect(await drain()).toMatchObject({ failed: 0, retried: 0 });
    expect(await deliveries(doc.id)).toMatchObject([
      { channel: 'email', state: 'skipped', skip_reason: 'email_missing', attempts: 0 },
      { channel: 'sms', state: 'sent' },
    ]);
    expect(mailsAbout(doc.id)).toHaveLength(0);
    expect(smsAbout(doc.id)).toHaveLength(1);

    const spec = await loginAs(ctx.app, 'chuyenvien.snv');
    const refused = await putPrefs(spec, {
      email: true,
      sms: true,
      quietHours: null,
      urgentBreaksQuietHours: false,
    });
    expect(refused.statusCode).toBe(422);
    expect(refused.headers['content-type']).toContain('application/problem+json');
    expect(refused.json()).toMatchObject({ code: 'reminders.email_missing' });
    await setContact(w(), 'chuyenvien.snv', { phone: null });
    const noPhone = await putPrefs(spec, {
      email: false,
      sms: true,
      quietHours: null,
      urgentBreaksQuietHours: false,
    });
    expect(noPhone.statusCode).toBe(422);
    expect(noPhone.json()).toMatchObject({ code: 'reminders.phone_missing' });
    // Nothing was half-saved: the previous choice stands.
    const current = await ctx.app.inject({
      method: 'GET',
      url: '/api/account/notification-preferences',
      headers: { cookie: spec.cookie },
    });
    expect(current.json()).toMatchObject({ email: true, sms: true, quietHours: night });
    await complete(doc, 'chuyenvien.snv');
  });

  it('retries an SMS the gateway refused, with backoff, and sends it once', async () => {
    await setContact(w(), 'chuyenvien2.snv', { phone: '+84 98 765 4321' });
    const spec2 = await loginAs(ctx.app, 'chuyenvien2.snv');
    expect(
      (
        await putPrefs(spec2, {
          email: false,
          sms: true,
          quietHours: null,
          urgentBreaksQuietHours: false,
        })
      ).statusCode,
    ).toBe(200);
    const doc = await assignedDocument(w(), {
      at: '2026-05-25T09:00:00',
      due: '2026-05-27',
      lead: 'chuyenvien2.snv',
    });
    ctx.clock.set(vn('2026-05-26T09:00:00'));
    h.sms().failNext(1);
    await scan();
    expect(await drain()).toMatchObject({ retried: 1 });
    expect(await deliveries(doc.id)).toMatchObject([
      { channel: 'sms', state: 'pending', attempts: 1 },
    ]);
    expect((await deliveries(doc.id))[0]!.last_error).toContain('503');
    ctx.clock.advance(10_000);
    expect(await drain()).toMatchObject({ done: 1 });
    expect(await deliveries(doc.id)).toMatchObject([
      { channel: 'sms', state: 'sent', address: '+84 98 765 4321', attempts: 2 },
    ]);
    const attempts = h.sms().requests.filter((r) => r.body.includes(`/incoming/${doc.id}`));
    expect(attempts.map((r) => r.status)).toEqual([503, 200]);
    expect(JSON.parse(attempts[1]!.body)).toMatchObject({ to: '+84987654321' });
  });
});
