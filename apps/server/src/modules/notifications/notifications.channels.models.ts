import type { QuietHours } from '@vanban/contracts';

/**
 * Pure rules of the outside channels (e-mail, SMS): which notifications go out at once, and when a
 * message may be sent given the user's quiet hours. Vietnam time is UTC+07:00 all year.
 */

const OFFSET_MS = 7 * 3600_000;
const DAY_MS = 86_400_000;

export interface ChannelPreferences {
  email: boolean;
  sms: boolean;
  quietHours: QuietHours | null;
  urgentBreaksQuietHours: boolean;
}

/** Without a saved row: the bell only, and a quiet night should the user turn a channel on. */
export const defaultChannelPreferences: ChannelPreferences = {
  email: false,
  sms: false,
  quietHours: { start: '21:00', end: '07:00' },
  urgentBreaksQuietHours: false,
};

/** Khẩn, thượng khẩn, hỏa tốc (Decree 30 App. I §I(9)): to be handled at once. */
const URGENT = new Set(['urgent', 'top_urgent', 'flash']);
/** What a user may let through quiet hours: thượng khẩn and hỏa tốc only. */
const BREAKS_QUIET = new Set(['top_urgent', 'flash']);

/**
 * Bell notifications that also go out on the user's channels at once: an urgent incoming
 * document reaching someone who must act on it (delivered to the clerks, presented to a leader,
 * assigned). Other steps (comments, reports, completion) stay in the app.
 */
export function deliversAtOnce(input: {
  kind: string;
  urgency: string;
  subject: { type: string };
}): boolean {
  if (input.subject.type !== 'incoming_document' || !URGENT.has(input.urgency)) return false;
  return (
    input.kind === 'incoming.received' ||
    input.kind === 'incoming.to_direct' ||
    input.kind.startsWith('incoming.assigned.')
  );
}

export function clockMinutes(hhmm: string): number {
  const m = /^(\d{2}):(\d{2})$/.exec(hhmm);
  if (!m) throw new RangeError(`"${hhmm}" is not HH:MM`);
  return Number(m[1]) * 60 + Number(m[2]);
}

/** Minutes since midnight on a clock in Hanoi. */
export function vietnamMinutes(at: Date): number {
  return Math.floor(((at.getTime() + OFFSET_MS) % DAY_MS) / 60_000);
}

/** The instant of Vietnam midnight that starts the (Vietnam) day of `at`. */
function vietnamMidnight(at: Date): number {
  const local = at.getTime() + OFFSET_MS;
  return local - (local % DAY_MS) - OFFSET_MS;
}

/**
 * When the quiet period that `at` falls in ends, or null when `at` is outside quiet hours. The
 * period may cross midnight (21:00–07:00): at 22:00 it ends at 07:00 the next day, at 05:00 the
 * same day. Start inclusive, end exclusive.
 */
export function quietUntil(at: Date, quiet: QuietHours | null): Date | null {
  if (!quiet) return null;
  const start = clockMinutes(quiet.start);
  const end = clockMinutes(quiet.end);
  const now = vietnamMinutes(at);
  const midnight = vietnamMidnight(at);
  if (start < end) {
    return now >= start && now < end ? new Date(midnight + end * 60_000) : null;
  }
  if (now >= start) return new Date(midnight + DAY_MS + end * 60_000);
  if (now < end) return new Date(midnight + end * 60_000);
  return null;
}

/** The earliest instant a message about something of `urgency` may go out to this user. */
export function sendTime(now: Date, prefs: ChannelPreferences, urgency: string): Date {
  if (prefs.urgentBreaksQuietHours && BREAKS_QUIET.has(urgency)) return now;
  return quietUntil(now, prefs.quietHours) ?? now;
}
