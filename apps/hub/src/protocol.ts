/**
 * Wire facts of the national document interconnection axis (standards.md §1.8), shared by the hub
 * and the client. Pure: no I/O, no server imports.
 *
 * Every parameter travels as a header `XroadVnpt-<key>`. The client lists the names it signs in
 * `XroadVnpt-sign-header-key`, puts a compact JSON object of those headers in
 * `XroadVnpt-sign-header` and an HMAC-SHA256 of that string (key: the system's secret) in
 * `XroadVnpt-hash-header`. The server verifies the HMAC over the sign-header bytes exactly as
 * received and reads every parameter from that verified JSON by its exact-case key.
 */
import { createHash, createHmac, timingSafeEqual } from 'node:crypto';

export const HEADER_PREFIX = 'XroadVnpt-';
export const SIGN_HEADER_KEY = 'XroadVnpt-sign-header-key';
export const SIGN_HEADER = 'XroadVnpt-sign-header';
export const HASH_HEADER = 'XroadVnpt-hash-header';
export const VERSION_HEADER = 'XroadVnpt-version';
export const SDK_USER_AGENT = 'JAVASDKAgent/1.0.0 XRoad/VPCP';
export const SDK_VERSION = '3.0.201608';

/** Operations of §1.8 served at `<base>/<operation>`. */
export const OPERATIONS = [
  'sendEdoc',
  'getReceivedEdocList',
  'getEdoc',
  'downloadEdoc',
  'updateStatus',
  'getSentEdocList',
  'countReceiveEdoc',
  'countReceiveStatus',
  'getAgenciesList',
] as const;
export type Operation = (typeof OPERATIONS)[number];

export type MessageType = 'edoc' | 'status';
export const SERVICE_TYPE = 'eDoc';

/** Vietnam has one zone, UTC+7, no daylight saving: the "client's local time" of deployed SDKs. */
export const VIETNAM_OFFSET_MINUTES = 7 * 60;

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

/**
 * `ddMMyyyy'T'HHmmss+SSSS` in the given zone (default Vietnam): the `+SSSS` part is the
 * milliseconds padded to four digits, not an offset (Java `SimpleDateFormat` with `SSSS`).
 */
export function formatTimestamp(date: Date, offsetMinutes = VIETNAM_OFFSET_MINUTES): string {
  const d = new Date(date.getTime() + offsetMinutes * 60_000);
  return (
    `${pad(d.getUTCDate())}${pad(d.getUTCMonth() + 1)}${pad(d.getUTCFullYear(), 4)}` +
    `T${pad(d.getUTCHours())}${pad(d.getUTCMinutes())}${pad(d.getUTCSeconds())}` +
    `+${pad(d.getUTCMilliseconds(), 4)}`
  );
}

/** Reads a `ddMMyyyy'T'HHmmss+SSSS` timestamp as local time of the given zone; null when malformed. */
export function parseTimestamp(text: string, offsetMinutes = VIETNAM_OFFSET_MINUTES): Date | null {
  const m = /^(\d{2})(\d{2})(\d{4})T(\d{2})(\d{2})(\d{2})(?:\+(\d{1,4}))?$/.exec(text.trim());
  if (!m) return null;
  const [, dd, mm, yyyy, hh, mi, ss, ms] = m;
  const fields = [yyyy, mm, dd, hh, mi, ss].map(Number) as [
    number,
    number,
    number,
    number,
    number,
    number,
  ];
  const [year, month, day, hour, minute, second] = fields;
  if (month < 1 || month > 12 || day < 1 || day > 31 || hour > 23 || minute > 59 || second > 60)
    return null;
  const millis = ms === undefined ? 0 : Number(ms);
  if (millis > 999) return null;
  const utc = Date.UTC(year, month - 1, day, hour, minute, second, millis);
  const check = new Date(utc);
  if (check.getUTCDate() !== day || check.getUTCMonth() !== month - 1) return null;
  return new Date(utc - offsetMinutes * 60_000);
}

/**
 * The SDK's `hash-file`: SHA-256 of the packet as lowercase hex **without zero padding per byte**
 * (Java `Integer.toHexString(0xFF & b)`), so 33–64 characters.
 */
export function unpaddedHex(digest: Uint8Array): string {
  let out = '';
  for (const b of digest) out += b.toString(16);
  return out;
}

export function hashFile(packet: Uint8Array): string {
  return unpaddedHex(createHash('sha256').update(packet).digest());
}

/** HMAC-SHA256 (lowercase hex) with the UTF-8 bytes of the secret over the given bytes. */
export function hmacHex(secret: string, signed: Uint8Array): string {
  return createHmac('sha256', Buffer.from(secret, 'utf8')).update(signed).digest('hex');
}

/** Constant-time comparison of two hex strings (case-insensitive). */
export function hexEquals(a: string, b: string): boolean {
  const x = Buffer.from(a.toLowerCase(), 'latin1');
  const y = Buffer.from(b.toLowerCase(), 'latin1');
  return x.length === y.length && timingSafeEqual(x, y);
}

export interface SignedHeaders {
  /** Header name → value, ready for `fetch` (values are latin1 views of UTF-8 bytes). */
  headers: Record<string, string>;
  /** The `XroadVnpt-sign-header` JSON text (UTF-8). */
  signHeader: string;
  hash: string;
}

/**
 * Builds the headers of one call the way the deployed Java SDK does (§1.8): every entry of `params`
 * (in insertion order) becomes `XroadVnpt-<key>`, the plain `Content-Type` is copied too, and the
 * three signing headers, `User-Agent` and `XroadVnpt-version` are added. `params` must already hold
 * `timestamp`, `systemid` and `Content-Type`.
 */
export function signRequest(
  params: ReadonlyArray<[string, string]>,
  secret: string,
): SignedHeaders {
  const signed: Record<string, string> = {};
  const keys: string[] = [];
  const headers: Record<string, string> = {};
  for (const [key, value] of params) {
    signed[`${HEADER_PREFIX}${key}`] = value;
    keys.push(key);
    if (key === 'Content-Type') headers['Content-Type'] = value;
  }
  const signHeader = JSON.stringify(signed);
  const bytes = Buffer.from(signHeader, 'utf8');
  const hash = hmacHex(secret, bytes);
  // HTTP header values are bytes: send UTF-8, which Node and undici carry as latin1 strings.
  const latin1 = (v: string) => Buffer.from(v, 'utf8').toString('latin1');
  for (const [key, value] of params) headers[`${HEADER_PREFIX}${key}`] = latin1(value);
  headers[SIGN_HEADER_KEY] = latin1(keys.join(';'));
  headers[SIGN_HEADER] = bytes.toString('latin1');
  headers[HASH_HEADER] = hash;
  headers['User-Agent'] = SDK_USER_AGENT;
  headers[VERSION_HEADER] = SDK_VERSION;
  return { headers, signHeader, hash };
}

/**
 * Every answer is HTTP 200 with these fields; `DocId` (sendEdoc), `data` (getEdoc, lists) and
 * `count` (counts) are present even on failure, or the SDK loses the whole result (§1.8).
 * `ErrorKey` is this hub's stable error name (extra fields are ignored by clients).
 */
export interface AxisAnswer {
  status: 'OK' | 'FAIL';
  ErrorCode: string;
  ErrorDesc: string;
  ErrorKey?: string;
}

export interface ReceivedEdocItem {
  docId: string;
  serviceType: string;
  messageType: string;
  from: string;
  to: string;
  status: string;
  status_desc: string;
  created_time: string;
  updated_time: string;
}

export interface SentEdocItem {
  senderDocId: string;
  receiverDocId: string;
  fromCode: string;
  toCode: string;
  notation: string;
  title: string;
  sendStatus: string;
  sendStatusDesc: string;
  receiveStatus: string;
  receiveStatusDesc: string;
  sentTime: string;
  receivedTime: string;
  serviceType: string;
  messageType: string;
}

export interface AgencyItem {
  id: string;
  pid: string;
  code: string;
  name: string;
  mail: string;
}

/** Hub error names and the `ErrorCode` each one answers with. */
export const HUB_ERRORS = {
  'hub.bad_request': '400',
  'hub.missing_parameter': '400',
  'hub.hash_mismatch': '400',
  'hub.unknown_system': '401',
  'hub.bad_signature': '401',
  'hub.bad_timestamp': '401',
  'hub.stale_timestamp': '401',
  'hub.replayed': '401',
  'hub.forbidden': '403',
  'hub.not_found': '404',
  'hub.unknown_operation': '404',
  'hub.conflict': '409',
  'hub.too_large': '413',
  'hub.invalid_packet': '422',
  'hub.unknown_recipient': '422',
  'hub.unsupported': '501',
  'hub.unavailable': '503',
  'hub.internal': '500',
} as const;
export type HubErrorKey = keyof typeof HUB_ERRORS;

/** Whether retrying the same request later can succeed. */
export function isRetryableErrorCode(code: string): boolean {
  return code === '500' || code === '503';
}
