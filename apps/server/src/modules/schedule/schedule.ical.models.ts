import ical from 'ical-generator';
import type { ScheduleEntryKind } from '@vanban/contracts';
import { addDays } from '../calendar/index.js';
import { vietnamParts } from './schedule.models.js';

/** What an iCal event is made of: a working entry or a published copy of one. */
export interface IcalEntry {
  id: string;
  kind: ScheduleEntryKind;
  allDay: boolean;
  startsAt: Date;
  endsAt: Date | null;
  place: string | null;
  content: string;
  participants: string | null;
  preparingUnit: string | null;
  leaders: { fullName: string; title: string | null }[];
  revision: number;
  updatedAt: Date;
}

export const ICAL_CONTENT_TYPE = 'text/calendar; charset=utf-8';

/** Same domain part for every UID: an entry keeps its UID in every feed, internal or public. */
export function entryUid(id: string): string {
  return `${id}@vanban`;
}

/**
 * TEXT escaping of RFC 5545 §3.3.11 (backslash, semicolon, comma, line breaks). ical-generator
 * escapes event properties itself but writes the calendar name as given.
 */
export function escapeText(text: string): string {
  return text.replace(/[\\;,]/g, (c) => `\\${c}`).replace(/\r\n|\r|\n/g, '\\n');
}

/** NFC: Vietnamese typed on some keyboards arrives decomposed (a + combining marks). */
const nfc = (text: string) => text.normalize('NFC');

function leaderLine(leaders: IcalEntry['leaders']): string {
  return leaders.map((l) => (l.title ? `${l.fullName} (${l.title})` : l.fullName)).join(', ');
}

function summaryOf(entry: IcalEntry): string {
  if (entry.kind === 'on_duty') {
    const names = entry.leaders.map((l) => l.fullName).join(', ');
    return names ? `${entry.content}: ${names}` : entry.content;
  }
  return entry.content;
}

function descriptionOf(entry: IcalEntry): string {
  const lines = [`Lãnh đạo: ${leaderLine(entry.leaders)}`];
  if (entry.kind === 'event') lines.push(`Nội dung: ${entry.content}`);
  if (entry.participants) lines.push(`Thành phần: ${entry.participants}`);
  if (entry.preparingUnit) lines.push(`Chuẩn bị: ${entry.preparingUnit}`);
  return lines.join('\n');
}

/** A Vietnam calendar date as the UTC midnight ical-generator writes as a DATE value. */
function dateValue(at: Date, shiftDays = 0): Date {
  return new Date(`${addDays(vietnamParts(at).date, shiftDays)}T00:00:00Z`);
}

/**
 * An RFC 5545 calendar of schedule entries: one VEVENT per entry with a UID stable across feeds,
 * DTSTAMP and LAST-MODIFIED at the entry's last edit, SEQUENCE = its revision (so a subscribed
 * calendar replaces an edited event), DTSTART/DTEND in UTC (all-day entries as DATE values of the
 * Vietnam calendar day, DTEND exclusive). Lines end with CRLF and are folded at 75 octets.
 */
export function scheduleCalendar(input: {
  name: string;
  description?: string;
  entries: readonly IcalEntry[];
}): string {
  const calendar = ical({
    name: escapeText(nfc(input.name)),
    prodId: { company: 'Vanban', product: 'Lich cong tac', language: 'VI' },
    x: [['X-WR-TIMEZONE', 'Asia/Ho_Chi_Minh']],
  });
  if (input.description) calendar.description(escapeText(nfc(input.description)));
  for (const entry of input.entries) {
    calendar.createEvent({
      id: entryUid(entry.id),
      sequence: entry.revision,
      stamp: entry.updatedAt,
      lastModified: entry.updatedAt,
      allDay: entry.allDay,
      start: entry.allDay ? dateValue(entry.startsAt) : entry.startsAt,
      end: entry.allDay
        ? dateValue(entry.endsAt ?? entry.startsAt, entry.endsAt ? 0 : 1)
        : entry.endsAt,
      summary: nfc(summaryOf(entry)),
      location: entry.place ? nfc(entry.place) : null,
      description: nfc(descriptionOf(entry)),
    });
  }
  return calendar.toString();
}
