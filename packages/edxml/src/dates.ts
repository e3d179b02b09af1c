/**
 * Date handling for edXML. On the wire QCVN 102:2016 packets carry dates as `yyyy/MM/dd` and
 * timestamps as `yyyy/MM/dd HH:mm:ss` (standards.md §1.3); in this library they are ISO
 * `YYYY-MM-DD` and `YYYY-MM-DDTHH:mm:ss` (Vietnam local time, no zone).
 */

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const ISO_TIMESTAMP = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})$/;
/** Vietnam has used UTC+7 without daylight saving since 1975. */
const VIETNAM_OFFSET_MS = 7 * 60 * 60 * 1000;

function pad(n: number, width = 2): string {
  return String(n).padStart(width, '0');
}

function isCalendarDate(y: number, m: number, d: number): boolean {
  if (y < 1 || m < 1 || m > 12 || d < 1) return false;
  const days = new Date(Date.UTC(y, m, 0)).getUTCDate();
  return d <= days;
}

function isClockTime(h: number, mi: number, s: number): boolean {
  return h >= 0 && h <= 23 && mi >= 0 && mi <= 59 && s >= 0 && s <= 59;
}

export function isIsoDate(value: string): boolean {
  const m = ISO_DATE.exec(value);
  return m !== null && isCalendarDate(Number(m[1]), Number(m[2]), Number(m[3]));
}

export function isIsoTimestamp(value: string): boolean {
  const m = ISO_TIMESTAMP.exec(value);
  return (
    m !== null &&
    isCalendarDate(Number(m[1]), Number(m[2]), Number(m[3])) &&
    isClockTime(Number(m[4]), Number(m[5]), Number(m[6]))
  );
}

/** ISO `YYYY-MM-DD` → wire `yyyy/MM/dd` (QCVN 102 §1.3). Returns undefined when not a date. */
export function toWireDate(isoDate: string): string | undefined {
  return isIsoDate(isoDate) ? isoDate.replaceAll('-', '/') : undefined;
}

/** ISO `YYYY-MM-DDTHH:mm:ss` or a Date → wire `yyyy/MM/dd HH:mm:ss` in Vietnam time. */
export function toWireTimestamp(value: string | Date): string | undefined {
  const iso = typeof value === 'string' ? value : dateToVietnamIso(value);
  if (iso === undefined || !isIsoTimestamp(iso)) return undefined;
  return `${iso.slice(0, 10).replaceAll('-', '/')} ${iso.slice(11)}`;
}

/** A JS Date as Vietnam local time `YYYY-MM-DDTHH:mm:ss`. */
export function dateToVietnamIso(date: Date): string | undefined {
  const t = date.getTime();
  if (Number.isNaN(t)) return undefined;
  const v = new Date(t + VIETNAM_OFFSET_MS);
  return (
    `${pad(v.getUTCFullYear(), 4)}-${pad(v.getUTCMonth() + 1)}-${pad(v.getUTCDate())}` +
    `T${pad(v.getUTCHours())}:${pad(v.getUTCMinutes())}:${pad(v.getUTCSeconds())}`
  );
}

export interface LenientParse {
  /** ISO value, undefined when the input is empty or unreadable. */
  value?: string;
  /** Set when the input deviated from the wire format but was understood, or was unreadable. */
  warning?: string;
}

// Deployed senders emit dd/MM/yyyy as well as the standard yyyy/MM/dd (standards.md §1.1).
const WIRE_YMD = /^(\d{4})[/.-](\d{1,2})[/.-](\d{1,2})$/;
const WIRE_DMY = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/;
const TIME = /^(\d{1,2}):(\d{2})(?::(\d{2}))?(?:\.\d+)?$/;
const ZONE = /(Z|[+-]\d{2}:?\d{2})$/;

function datePart(raw: string): { y: number; m: number; d: number; standard: boolean } | undefined {
  let m = WIRE_YMD.exec(raw);
  if (m) {
    return {
      y: Number(m[1]),
      m: Number(m[2]),
      d: Number(m[3]),
      standard: /^\d{4}\/\d{2}\/\d{2}$/.test(raw),
    };
  }
  m = WIRE_DMY.exec(raw);
  if (m) return { y: Number(m[3]), m: Number(m[2]), d: Number(m[1]), standard: false };
  return undefined;
}

/** Lenient reader for an edXML date element (`PromulgationDate`, `DueDate` …). */
export function parseWireDate(raw: string | undefined, field: string): LenientParse {
  const text = (raw ?? '').trim();
  if (text === '') return {};
  // Some senders put a timestamp where a date belongs; keep the date part.
  const [first = '', ...rest] = text.split(/[ T]/);
  const p = datePart(first);
  if (!p || !isCalendarDate(p.y, p.m, p.d)) {
    return { warning: `${field}: unreadable date "${text}" ignored` };
  }
  const value = `${pad(p.y, 4)}-${pad(p.m)}-${pad(p.d)}`;
  if (!p.standard || rest.length > 0) {
    return {
      value,
      warning: `${field}: date "${text}" is not in yyyy/MM/dd form; read as ${value}`,
    };
  }
  return { value };
}

/** Lenient reader for an edXML timestamp (`Timestamp` of TraceHeader / status). */
export function parseWireTimestamp(raw: string | undefined, field: string): LenientParse {
  const text = (raw ?? '').trim();
  if (text === '') return {};
  const zone = ZONE.exec(text);
  if (zone && /T/.test(text)) {
    // An ISO instant with a zone: convert to Vietnam local time.
    const t = Date.parse(text);
    const value = Number.isNaN(t) ? undefined : dateToVietnamIso(new Date(t));
    if (value === undefined) return { warning: `${field}: unreadable timestamp "${text}" ignored` };
    return { value, warning: `${field}: timestamp "${text}" converted to Vietnam time ${value}` };
  }
  const [d = '', t = '00:00:00', ...extra] = text.split(/[ T]+/);
  const p = datePart(d);
  const tm = TIME.exec(t);
  if (!p || !tm || extra.length > 0) {
    return { warning: `${field}: unreadable timestamp "${text}" ignored` };
  }
  const h = Number(tm[1]);
  const mi = Number(tm[2]);
  const s = Number(tm[3] ?? '0');
  if (!isCalendarDate(p.y, p.m, p.d) || !isClockTime(h, mi, s)) {
    return { warning: `${field}: unreadable timestamp "${text}" ignored` };
  }
  const value = `${pad(p.y, 4)}-${pad(p.m)}-${pad(p.d)}T${pad(h)}:${pad(mi)}:${pad(s)}`;
  const standard = /^\d{4}\/\d{2}\/\d{2} \d{2}:\d{2}:\d{2}$/.test(text);
  return standard
    ? { value }
    : {
        value,
        warning: `${field}: timestamp "${text}" is not in yyyy/MM/dd HH:mm:ss form; read as ${value}`,
      };
}

/** Strict check of a wire date as emitted per QCVN 102 (used by the validator). */
export function isWireDate(raw: string): boolean {
  const m = /^(\d{4})\/(\d{2})\/(\d{2})$/.exec(raw);
  return m !== null && isCalendarDate(Number(m[1]), Number(m[2]), Number(m[3]));
}

export function isWireTimestamp(raw: string): boolean {
  const m = /^(\d{4})\/(\d{2})\/(\d{2}) (\d{2}):(\d{2}):(\d{2})$/.exec(raw);
  return (
    m !== null &&
    isCalendarDate(Number(m[1]), Number(m[2]), Number(m[3])) &&
    isClockTime(Number(m[4]), Number(m[5]), Number(m[6]))
  );
}
