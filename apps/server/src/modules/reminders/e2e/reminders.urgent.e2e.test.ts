import { describe, expect, it } from 'vitest';
import { backendsUnderTest } from '../../../../test/database.js';
import { post, registerBody, userId } from '../../../../test/incoming-fixtures.js';
import { json, loginAs } from '../../../../test/test-app.js';
import { night, useChannelTestApp } from './channels-harness.js';
import { setContact, vn } from './reminders.fixtures.js';

/** Urgent incoming documents go out on the user's channels at once (Decree 30 Art. 20–24). */
describe.each(backendsUnderTest())('urgent documents on e-mail on %s', (driver) => {
  const h = useChannelTestApp(driver);
  const { ctx, drain, mailsAbout, deliveries, putPrefs } = h;
  const w = h.world;

  it('sends urgent documents at once; flash ones break quiet hours only if the user allows it', async () => {
    const leaderEmail = 'giamdoc.snv@snv.hanoi.gov.vn';
    await setContact(w(), 'giamdoc.snv', { email: leaderEmail });
    const leader = await loginAs(ctx.app, 'giamdoc.snv');
    const prefs = { email: true, sms: false, quietHours: night, urgentBreaksQuietHours: false };
    expect((await putPrefs(leader, prefs)).statusCode).toBe(200);
    const leaderId = await userId(ctx.database.db, 'giamdoc.snv');
    const present = async (at: string, urgency: string, subject: string, secrecy = 'normal') => {
      ctx.clock.set(vn(at));
      const clerk = await loginAs(ctx.app, 'vanthu.snv');
      const created = await post(
        ctx.app,
        clerk,
        '/api/incoming',
        registerBody({ issueDate: at.slice(0, 10), urgency, subject, secrecy }),
      );
      expect(created.statusCode, created.body).toBe(201);
      const id = json<{ id: string }>(created).id;
      const submitted = await post(ctx.app, clerk, `/api/incoming/${id}/submit`, {
        userId: leaderId,
      });
      expect(submitted.statusCode, submitted.body).toBe(200);
      await drain();
      return id;
    };

    const urgent = await present('2026-05-14T10:00:00', 'urgent', 'Về việc ứng phó bão số 3');
    const [mail] = mailsAbout(urgent);
    expect(mail?.envelopeTo).toEqual([leaderEmail]);
    expect(mail?.subject).toMatch(
      /^\[Vanban\] KHẨN – Văn bản đến trình xin ý kiến chỉ đạo: \d+\/UBND-VX: Về việc ứng phó bão số 3$/,
    );
    // A confidential document: announced, but its subject stays inside the system.
    const secret = await present(
      '2026-05-14T10:15:00',
      'urgent',
      'Về việc phương án A1',
      'confidential',
    );
    const secretMails = h.smtp().messages.filter((m) => m.text.includes(`/incoming/${secret}`));
    expect(secretMails).toHaveLength(1);
    expect(secretMails[0]!.subject).toBe(
      '[Vanban] KHẨN – Văn bản đến trình xin ý kiến chỉ đạo: Nội dung có độ mật — chỉ xem trong hệ thống',
    );
    expect(secretMails[0]!.text).not.toContain('phương án A1');
    const normal = await present('2026-05-14T10:30:00', 'normal', 'Về việc thường');
    expect(mailsAbout(normal)).toHaveLength(0);
    expect(await deliveries(normal)).toEqual([]);

    const flashAtNight = await present('2026-05-14T22:00:00', 'flash', 'Về việc hỏa tốc đêm');
    expect(mailsAbout(flashAtNight)).toHaveLength(0);
    const allowing = { ...prefs, urgentBreaksQuietHours: true };
    expect((await putPrefs(await loginAs(ctx.app, 'giamdoc.snv'), allowing)).statusCode).toBe(200);
    const flashAllowed = await present('2026-05-14T22:10:00', 'flash', 'Về việc hỏa tốc được phép');
    expect(mailsAbout(flashAllowed)).toHaveLength(1);
    expect(mailsAbout(flashAllowed)[0]!.subject).toContain('HỎA TỐC');
    const urgentAtNight = await present('2026-05-14T22:20:00', 'urgent', 'Về việc khẩn đêm');
    expect(mailsAbout(urgentAtNight)).toHaveLength(0);
    ctx.clock.set(vn('2026-05-15T07:00:00'));
    await drain();
    expect(mailsAbout(flashAtNight)).toHaveLength(1);
    expect(mailsAbout(urgentAtNight)).toHaveLength(1);
  });
});
