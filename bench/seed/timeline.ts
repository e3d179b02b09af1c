import { builtinCalendarDays } from '../../apps/server/src/modules/calendar/calendar.holidays.data.js';
import { WorkingCalendar } from '../../apps/server/src/modules/calendar/calendar.models.js';
import type { Rng } from '../lib/random.js';

/** Office hours 07:30–17:00 (Asia/Ho_Chi_Minh): 570 working minutes a day. */
const DAY_START_MIN = 450;
export const WORK_MINUTES = 570;
const VN_OFFSET_MS = 7 * 3600_000;

/** A moment on the working timeline: a working day (index) and minutes into its office hours. */
export interface WorkTime {
  day: number;
  minute: number;
}

/**
 * The working days (the app's own calendar: weekends, Tết and the other built-in holidays) from
 * 1 January of the first year until `cutoff`, and a stretch after it for due dates. Documents
 * arrive more often in later years (the system is used more).
 */
export class Timeline {
  readonly dates: string[] = [];
  private readonly startMs: number[] = [];
  /** Index of the first working day on or after the cutoff date: days before it are the past. */
  readonly pastDays: number;
  private readonly cumulative: number[] = [];

  constructor(firstYear: number, cutoffDate: string) {
    const calendar = new WorkingCalendar(Object.values(builtinCalendarDays).flat());
    const cutoff = Date.parse(`${cutoffDate}T00:00:00Z`);
    let past = 0;
    for (let t = Date.UTC(firstYear, 0, 1); t < cutoff + 400 * 86400_000; t += 86400_000) {
      const date = new Date(t).toISOString().slice(0, 10);
      if (!calendar.isWorkingDay(date)) continue;
      this.dates.push(date);
      this.startMs.push(t - VN_OFFSET_MS);
      if (t < cutoff) past++;
    }
    this.pastDays = past;
    let sum = 0;
    for (let i = 0; i < past; i++) {
      sum += 1 + (0.4 * i) / Math.max(1, past);
      this.cumulative.push(sum);
    }
    if (past === 0) throw new Error(`No working day between ${firstYear} and ${cutoffDate}`);
  }

  /** A random arrival moment in the past, later years weighted up. */
  sample(rng: Rng): WorkTime {
    const total = this.cumulative[this.cumulative.length - 1] as number;
    const x = rng.next() * total;
    let lo = 0;
    let hi = this.cumulative.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if ((this.cumulative[mid] as number) < x) lo = mid + 1;
      else hi = mid;
    }
    return { day: lo, minute: rng.int(0, WORK_MINUTES - 1) };
  }

  add(t: WorkTime, minutes: number): WorkTime {
    const total = t.minute + Math.max(0, Math.round(minutes));
    return { day: t.day + Math.floor(total / WORK_MINUTES), minute: total % WORK_MINUTES };
  }

  /** `minutes` of office time earlier (not before the first working day). */
  sub(t: WorkTime, minutes: number): WorkTime {
    const total = t.day * WORK_MINUTES + t.minute - Math.max(0, Math.round(minutes));
    if (total <= 0) return { day: 0, minute: 0 };
    return { day: Math.floor(total / WORK_MINUTES), minute: total % WORK_MINUTES };
  }

  addDays(t: WorkTime, days: number): WorkTime {
    return { day: t.day + days, minute: t.minute };
  }

  isPast(t: WorkTime): boolean {
    return t.day < this.pastDays;
  }

  /** Milliseconds since the epoch (seconds spread by `salt` so rows do not tie). */
  ms(t: WorkTime, salt = 0): number {
    const day = Math.min(t.day, this.dates.length - 1);
    return (this.startMs[day] as number) + (DAY_START_MIN + t.minute) * 60_000 + (salt % 60) * 1000;
  }

  date(day: number): string {
    return this.dates[Math.min(Math.max(0, day), this.dates.length - 1)] as string;
  }

  compare(a: WorkTime, b: WorkTime): number {
    return a.day - b.day || a.minute - b.minute;
  }
}

const VN_DATE = new Intl.DateTimeFormat('en-CA', {
  timeZone: 'Asia/Ho_Chi_Minh',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
});

/** `YYYY-MM-DD` in Vietnam, as the app's `vietnamDate`. */
export function vietnamDate(ms: number): string {
  return VN_DATE.format(new Date(ms));
}
