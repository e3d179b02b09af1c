import { describe, expect, it } from 'vitest';
import {
  emailMessage,
  headlineOf,
  linkOf,
  smsMessage,
  withoutDiacritics,
} from './notifications.channels.messages.js';
import {
  defaultChannelPreferences,
  deliversAtOnce,
  quietUntil,
  sendTime,
  vietnamMinutes,
} from './notifications.channels.models.js';
import { normalisePhone, renderSmsTemplate } from './notifications.channels.sms.js';

/** An instant given as a Vietnam wall-clock time. */
const vn = (local: string) => new Date(`${local}+07:00`);
const night = { start: '21:00', end: '07:00' };

describe('quiet hours (Vietnam time)', () => {
  it('reads the Vietnam clock', () => {
    expect(vietnamMinutes(vn('2026-03-02T00:00:00'))).toBe(0);
    expect(vietnamMinutes(vn('2026-03-02T21:30:00'))).toBe(21 * 60 + 30);
  });

  it('defers to the end of a period that crosses midnight', () => {
    expect(quietUntil(vn('2026-03-02T20:59:59'), night)).toBeNull();
    expect(quietUntil(vn('2026-03-02T21:00:00'), night)).toEqual(vn('2026-03-03T07:00:00'));
    expect(quietUntil(vn('2026-03-02T23:45:00'), night)).toEqual(vn('2026-03-03T07:00:00'));
    expect(quietUntil(vn('2026-03-03T05:10:00'), night)).toEqual(vn('2026-03-03T07:00:00'));
    expect(quietUntil(vn('2026-03-03T07:00:00'), night)).toBeNull();
    // 31 December → 1 January.
    expect(quietUntil(vn('2026-12-31T22:00:00'), night)).toEqual(vn('2027-01-01T07:00:00'));
  });

  it('handles a period within one day and no quiet hours', () => {
    const lunch = { start: '11:30', end: '13:30' };
    expect(quietUntil(vn('2026-03-02T12:00:00'), lunch)).toEqual(vn('2026-03-02T13:30:00'));
    expect(quietUntil(vn('2026-03-02T13:30:00'), lunch)).toBeNull();
    expect(quietUntil(vn('2026-03-02T11:29:00'), lunch)).toBeNull();
    expect(quietUntil(vn('2026-03-02T23:00:00'), null)).toBeNull();
  });

  it('lets top-urgent and flash through only when the user allows it', () => {
    const at = vn('2026-03-02T22:00:00');
    const morning = vn('2026-03-03T07:00:00');
    const prefs = { ...defaultChannelPreferences, email: true };
    expect(sendTime(at, prefs, 'flash')).toEqual(morning);
    const allowing = { ...prefs, urgentBreaksQuietHours: true };
    expect(sendTime(at, allowing, 'flash')).toEqual(at);
    expect(sendTime(at, allowing, 'top_urgent')).toEqual(at);
    expect(sendTime(at, allowing, 'urgent')).toEqual(morning);
    expect(sendTime(at, allowing, 'normal')).toEqual(morning);
    expect(sendTime(vn('2026-03-03T09:00:00'), prefs, 'normal')).toEqual(vn('2026-03-03T09:00:00'));
  });
});

describe('which notifications go out at once', () => {
  const doc = { type: 'incoming_document' };
  it('sends urgent incoming documents that reach someone who must act', () => {
    expect(deliversAtOnce({ kind: 'incoming.to_direct', urgency: 'urgent', subject: doc })).toBe(
      true,
    );
    expect(deliversAtOnce({ kind: 'incoming.received', urgency: 'flash', subject: doc })).toBe(
      true,
    );
    expect(
      deliversAtOnce({ kind: 'incoming.assigned.lead', urgency: 'top_urgent', subject: doc }),
    ).toBe(true);
  });
  it('keeps the rest in the app', () => {
    expect(deliversAtOnce({ kind: 'incoming.to_direct', urgency: 'normal', subject: doc })).toBe(
      false,
    );
    expect(deliversAtOnce({ kind: 'incoming.completed', urgency: 'flash', subject: doc })).toBe(
      false,
    );
    expect(
      deliversAtOnce({
        kind: 'outgoing.to_sign',
        urgency: 'flash',
        subject: { type: 'outgoing_document' },
      }),
    ).toBe(false);
  });
});

describe('message text', () => {
  const input = {
    kind: 'reminder.before',
    title: 'Còn 1 ngày làm việc đến hạn 04/05/2026: 12/UBND: Về việc phòng chống lũ',
    urgency: 'flash',
    subject: { type: 'incoming_document', id: 'b1f0c3f2-0000-7000-8000-000000000001' },
    fullName: 'Trần Thị Bình',
  };
  it('writes the e-mail in Vietnamese with the link to the document', () => {
    const mail = emailMessage(input, 'https://vanban.hanoi.gov.vn');
    expect(mail.subject).toBe(
      '[Vanban] HỎA TỐC – Nhắc hạn xử lý: Còn 1 ngày làm việc đến hạn 04/05/2026: 12/UBND: Về việc phòng chống lũ',
    );
    expect(mail.text).toContain('Kính gửi Trần Thị Bình,');
    expect(mail.text).toContain(
      'Xem và xử lý tại: https://vanban.hanoi.gov.vn/incoming/b1f0c3f2-0000-7000-8000-000000000001',
    );
  });
  it('keeps the text of a confidential document inside the system', () => {
    const mail = emailMessage({ ...input, confidential: true }, 'https://x.vn');
    expect(mail.subject).not.toContain('phòng chống lũ');
    expect(mail.text).not.toContain('phòng chống lũ');
    expect(smsMessage({ ...input, confidential: true }, 'https://x.vn', false)).not.toContain('lũ');
  });
  it('writes a short SMS, optionally without diacritics', () => {
    const sms = smsMessage(input, 'https://x.vn', false);
    expect(sms).toMatch(/^Vanban \[HỎA TỐC\]: Nhắc hạn xử lý: Còn 1 ngày/);
    expect(sms.endsWith('https://x.vn/incoming/b1f0c3f2-0000-7000-8000-000000000001')).toBe(true);
    expect(smsMessage(input, 'https://x.vn', true)).toContain('Vanban [HOA TOC]: Nhac han xu ly');
    expect(withoutDiacritics('Đống Đa, Hà Nội')).toBe('Dong Da, Ha Noi');
  });
});

describe('links and headlines of the issue-8 notifications', () => {
  const url = 'https://vanban.hanoi.gov.vn';
  it('links records, tasks and the published week to their pages', () => {
    expect(linkOf(url, { type: 'work_record', id: 'r-1' })).toBe(`${url}/work-records/r-1`);
    expect(linkOf(url, { type: 'task', id: 't-1' })).toBe(`${url}/tasks/t-1`);
    expect(linkOf(url, { type: 'schedule_week', id: 'a-1:2026-W47' })).toBe(
      `${url}/schedule?week=2026-W47`,
    );
    expect(linkOf(url, { type: 'schedule_week', id: 'garbled' })).toBe(`${url}/schedule`);
    expect(linkOf(url, { type: 'none', id: '' })).toBe(`${url}/`);
  });
  it('names each kind in Vietnamese', () => {
    expect(headlineOf('task.assigned')).toBe('Được giao nhiệm vụ');
    expect(headlineOf('records.archive_due')).toBe('Hồ sơ sắp đến hạn nộp lưu');
    expect(headlineOf('schedule.week_published')).toBe('Lịch công tác tuần đã ban hành');
    expect(headlineOf('something.else')).toBe('Thông báo');
  });
});

describe('SMS gateway template', () => {
  const values = { phone: '+84912345678', message: 'Dòng 1 "trích"\nDòng 2 & 3', id: 'd-1' };
  it('escapes values inside JSON strings', () => {
    const body = renderSmsTemplate(
      '{"to":"{phone}","text":"{message}","ref":"{id}"}',
      'application/json',
      values,
    );
    expect(JSON.parse(body)).toEqual({ to: '+84912345678', text: values.message, ref: 'd-1' });
  });
  it('percent-encodes form bodies and leaves plain text as is', () => {
    expect(
      renderSmsTemplate('to={phone}&msg={message}', 'application/x-www-form-urlencoded', values),
    ).toBe(`to=%2B84912345678&msg=${encodeURIComponent(values.message)}`);
    expect(renderSmsTemplate('{phone}: {message}', 'text/plain', values)).toBe(
      `+84912345678: ${values.message}`,
    );
  });
  it('normalises phone numbers', () => {
    expect(normalisePhone(' 0912 345 678 ')).toBe('0912345678');
    expect(normalisePhone('+84 (24) 3825-3536')).toBe('+842438253536');
  });
});
