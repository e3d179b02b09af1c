/** `now()` behind a function so tests can move time (locks, delegations, due dates, reminders). */
export interface Clock {
  now: () => Date;
}

export const systemClock: Clock = { now: () => new Date() };

export function fixedClock(
  start: Date,
): Clock & { set: (d: Date) => void; advance: (ms: number) => void } {
  let current = new Date(start);
  return {
    now: () => new Date(current),
    set: (d) => {
      current = new Date(d);
    },
    advance: (ms) => {
      current = new Date(current.getTime() + ms);
    },
  };
}

const VN_DATE = new Intl.DateTimeFormat('en-CA', {
  timeZone: 'Asia/Ho_Chi_Minh',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
});

/** Calendar date in Vietnam (Asia/Ho_Chi_Minh), `YYYY-MM-DD`: registers and validity use it. */
export function vietnamDate(at: Date): string {
  return VN_DATE.format(at);
}
