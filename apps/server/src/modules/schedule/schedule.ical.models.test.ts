import ICAL from 'ical.js';
import { describe, expect, it } from 'vitest';
import { entryUid, escapeText, scheduleCalendar, type IcalEntry } from './schedule.ical.models.js';

const longContent =
  'Họp giao ban; kiểm điểm tình hình kinh tế – xã hội, quốc phòng – an ninh tháng 11\n' +
  'và triển khai nhiệm vụ trọng tâm tháng 12/2026 (đường dẫn C:\\Lich\\2026)';

const meeting: IcalEntry = {
  id: '0196a0a0-0000-7000-8000-000000000001',
  kind: 'event',
  allDay: false,
  startsAt: new Date('2026-11-16T01:00:00Z'), // 08:00 Vietnam time
  endsAt: new Date('2026-11-16T04:30:00Z'),
  place: 'Phòng họp số 1, tầng 2; trụ sở Ủy ban nhân dân thành phố',
  content: longContent,
  participants: 'Các Phó Chủ tịch; Chánh Văn phòng, Giám đốc các Sở',
  preparingUnit: 'Văn phòng Ủy ban nhân dân thành phố',
  leaders: [{ fullName: 'Nguyễn Văn An', title: 'Chủ tịch' }],
  revision: 3,
  updatedAt: new Date('2026-11-12T09:15:00Z'),
};

const onDuty: IcalEntry = {
  id: '0196a0a0-0000-7000-8000-000000000002',
  kind: 'on_duty',
  allDay: true,
  startsAt: new Date('2026-11-20T17:00:00Z'), // Saturday 21/11, Vietnam midnight
  endsAt: new Date('2026-11-22T17:00:00Z'), // the midnight after Sunday 22/11
  place: null,
  content: 'Trực lãnh đạo',
  participants: null,
  preparingUnit: null,
  leaders: [
    { fullName: 'Trần Thị Bình', title: 'Phó Chủ tịch' },
    { fullName: 'Lê Văn Cường', title: null },
  ],
  revision: 0,
  updatedAt: new Date('2026-11-12T09:00:00Z'),
};

/** Decomposed Vietnamese (as some keyboards type it) comes out composed. */
const decomposed: IcalEntry = {
  ...meeting,
  id: '0196a0a0-0000-7000-8000-000000000003',
  content: 'Tiếp công dân định kỳ'.normalize('NFD'),
  place: null,
  endsAt: null,
};

function parse(text: string) {
  const calendar = new ICAL.Component(ICAL.parse(text));
  const events = calendar.getAllSubcomponents('vevent').map((c) => ({ c, e: new ICAL.Event(c) }));
  return { calendar, events };
}

describe('schedule iCalendar', () => {
  const text = scheduleCalendar({
    name: 'Lịch công tác — Ủy ban nhân dân thành phố Hà Nội, tuần 47; bản công khai',
    description: 'Lịch tuần 2026-W47',
    entries: [meeting, onDuty, decomposed],
  });

  it('is CRLF-delimited with every line at most 75 octets (folded), Vietnamese kept whole', () => {
    expect(text.endsWith('\r\n') || text.endsWith('END:VCALENDAR')).toBe(true);
    expect(text.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
    const lines = text.split('\r\n');
    for (const line of lines) expect(Buffer.byteLength(line, 'utf8')).toBeLessThanOrEqual(75);
    // The long content was folded: continuation lines start with one space.
    expect(lines.filter((l) => l.startsWith(' ')).length).toBeGreaterThan(2);
    // Folding never splits a UTF-8 sequence: the octets of every line decode on their own.
    const octets = Buffer.from(text, 'utf8');
    const strict = new TextDecoder('utf-8', { fatal: true });
    for (let start = 0, i = 0; i <= octets.length; i++) {
      if (i === octets.length || (octets[i] === 0x0d && octets[i + 1] === 0x0a)) {
        expect(() => strict.decode(octets.subarray(start, i))).not.toThrow();
        start = i + 2;
        i++;
      }
    }
  });

  it('escapes commas, semicolons, backslashes and newlines in TEXT values', () => {
    const unfolded = text.replace(/\r\n /g, '');
    expect(unfolded).toContain(
      'SUMMARY:Họp giao ban\\; kiểm điểm tình hình kinh tế – xã hội\\, quốc phòng – an ninh tháng 11\\nvà triển khai',
    );
    expect(unfolded).toContain('(đường dẫn C:\\\\Lich\\\\2026)');
    expect(unfolded).toContain('LOCATION:Phòng họp số 1\\, tầng 2\\; trụ sở');
    expect(unfolded).toContain(
      'X-WR-CALNAME:Lịch công tác — Ủy ban nhân dân thành phố Hà Nội\\, tuần 47\\; bản công khai',
    );
    expect(escapeText('a,b;c\\d\ne')).toBe('a\\,b\\;c\\\\d\\ne');
  });

  it('parses back (ical.js) to the same events with stable UIDs, DTSTAMP and SEQUENCE', () => {
    const { calendar, events } = parse(text);
    expect(calendar.getFirstPropertyValue('version')).toBe('2.0');
    expect(calendar.getFirstPropertyValue('prodid')).toBe('-//Vanban//Lich cong tac//VI');
    // ical.js leaves X- properties untyped (raw); calendar clients read X-WR-CALNAME as TEXT.
    expect(calendar.getFirstPropertyValue('x-wr-calname')).toBe(
      'Lịch công tác — Ủy ban nhân dân thành phố Hà Nội\\, tuần 47\\; bản công khai',
    );
    expect(events.map(({ e }) => e.uid)).toEqual([
      entryUid(meeting.id),
      entryUid(onDuty.id),
      entryUid(decomposed.id),
    ]);
    const [m, d, x] = events;

    expect(m!.e.summary).toBe(longContent);
    expect(m!.e.location).toBe(meeting.place);
    expect(m!.e.description).toBe(
      'Lãnh đạo: Nguyễn Văn An (Chủ tịch)\n' +
        `Nội dung: ${longContent}\n` +
        'Thành phần: Các Phó Chủ tịch; Chánh Văn phòng, Giám đốc các Sở\n' +
        'Chuẩn bị: Văn phòng Ủy ban nhân dân thành phố',
    );
    expect(m!.e.sequence).toBe(3);
    expect(m!.e.startDate.isDate).toBe(false);
    expect(m!.e.startDate.toJSDate().toISOString()).toBe('2026-11-16T01:00:00.000Z');
    expect(m!.e.endDate.toJSDate().toISOString()).toBe('2026-11-16T04:30:00.000Z');
    expect(String(m!.c.getFirstPropertyValue('dtstamp'))).toBe('2026-11-12T09:15:00Z');

    expect(d!.e.summary).toBe('Trực lãnh đạo: Trần Thị Bình, Lê Văn Cường');
    expect(d!.e.startDate.isDate).toBe(true);
    expect(d!.e.startDate.toString()).toBe('2026-11-21');
    expect(d!.e.endDate.toString()).toBe('2026-11-23'); // exclusive: Saturday and Sunday
    expect(d!.e.location).toBeNull();

    expect(x!.e.summary).toBe('Tiếp công dân định kỳ');
    expect(x!.e.summary).toBe(x!.e.summary.normalize('NFC'));
    expect(x!.c.getFirstPropertyValue('dtend')).toBeNull();
  });

  it('writes times in UTC, so no VTIMEZONE is needed whatever the server time zone', () => {
    expect(text).toContain('DTSTART:20261116T010000Z');
    expect(text).toContain('DTSTART;VALUE=DATE:20261121');
    expect(text).not.toContain('TZID=');
  });

  it('makes an empty but valid calendar for a week with nothing published', () => {
    const { calendar, events } = parse(scheduleCalendar({ name: 'Trống', entries: [] }));
    expect(events).toEqual([]);
    expect(calendar.name).toBe('vcalendar');
  });
});
