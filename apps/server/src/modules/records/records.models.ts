import {
  recordNotationSchema,
  recordsErrorCodes as codes,
  type RecordItemKind,
  type RecordState,
  type Retention,
  type Secrecy,
} from '@vanban/contracts';
import type { FieldProblem } from '../../platform/errors/app-error.js';
import { addDays, dayNumber } from '../calendar/index.js';
import { recordsErrors } from './records.errors.js';

/**
 * Pure rules of work records: catalogue numbering (Decree 30 Appendix V), the record code
 * (App. VI §III item 1), closing checks (Art. 29 §4), "processed online" (issue 8) and the archive
 * deadline (Art. 30 §2, Art. 31 §3c).
 */

// ---------------------------------------------------------------------------------------------
// Catalogue

const ROMAN: readonly [number, string][] = [
  [1000, 'M'],
  [900, 'CM'],
  [500, 'D'],
  [400, 'CD'],
  [100, 'C'],
  [90, 'XC'],
  [50, 'L'],
  [40, 'XL'],
  [10, 'X'],
  [9, 'IX'],
  [5, 'V'],
  [4, 'IV'],
  [1, 'I'],
];

/** Top headings are numbered with Roman numerals (Appendix V §I.1). */
export function romanNumeral(n: number): string {
  if (!Number.isInteger(n) || n < 1 || n > 3999) throw new RangeError(`${n} has no Roman numeral`);
  let rest = n;
  let out = '';
  for (const [value, letters] of ROMAN) {
    while (rest >= value) {
      out += letters;
      rest -= value;
    }
  }
  return out;
}

/** `01.TCCB`: the number with a leading zero below 10, then the top heading's abbreviation. */
export function entryNotation(number: number, abbreviation: string): string {
  const notation = `${String(number).padStart(2, '0')}.${abbreviation}`;
  if (!isValidNotation(notation))
    throw recordsErrors.entryInvalid(`"${notation}" is not a valid record notation`);
  return notation;
}

/** FileNotation: at most 20 characters, letters and digits joined by `.` or `-`. */
export function isValidNotation(notation: string): boolean {
  return recordNotationSchema.safeParse(notation).success && notation.trim() === notation;
}

/** Next free number: after the highest one in scope (per top heading or the whole catalogue). */
export function nextEntryNumber(taken: readonly number[]): number {
  return taken.reduce((max, n) => Math.max(max, n), 0) + 1;
}

// ---------------------------------------------------------------------------------------------
// Retention (Maintenance)

export const PERMANENT = 'Vĩnh viễn';

/** App. VI §III item 3 as written: `Vĩnh viễn` or `N năm`. */
export function maintenanceOf(retention: Retention): string {
  return retention === 'permanent' ? PERMANENT : `${retention} năm`;
}

export function retentionOf(maintenance: string): Retention | null {
  if (maintenance === PERMANENT) return 'permanent';
  const m = /^(\d{1,2}) năm$/.exec(maintenance);
  return m ? Number(m[1]) : null;
}

export function retentionFromYears(years: number | null): Retention {
  return years === null ? 'permanent' : years;
}

export function yearsOf(retention: Retention): number | null {
  return retention === 'permanent' ? null : retention;
}

// ---------------------------------------------------------------------------------------------
// Record code and state

/** FileCode: `OrganId.FileCatalog.FileNotation`, e.g. `000.00.00.H26.2026.01.TCCB`. */
export function recordCode(organId: string, year: number, notation: string): string {
  if (!isValidNotation(notation))
    throw recordsErrors.entryInvalid(`"${notation}" is not a valid record notation`);
  if (!Number.isInteger(year) || year < 1000 || year > 9999)
    throw recordsErrors.entryInvalid(`${year} is not a year`);
  return `${organId}.${year}.${notation}`;
}

export const recordTransitions = {
  close: { from: ['open'], to: 'closed' },
  reopen: { from: ['closed'], to: 'open' },
  /** Transfer to the agency archive (Art. 30 §3b). */
  archive: { from: ['closed'], to: 'archived' },
} as const satisfies Record<string, { from: readonly RecordState[]; to: RecordState }>;

export type RecordAction = keyof typeof recordTransitions;

export function canTransition(state: RecordState, action: RecordAction): boolean {
  return (recordTransitions[action].from as readonly RecordState[]).includes(state);
}

export function nextRecordState(state: RecordState, action: RecordAction): RecordState {
  if (state === 'archived') throw recordsErrors.locked();
  if (!canTransition(state, action))
    throw recordsErrors.invalidTransition(`Cannot ${action} a record that is ${state}`);
  return recordTransitions[action].to;
}

/** Documents and metadata change only while the record is open; an archived one is locked. */
export function assertOpen(state: RecordState): void {
  if (state === 'archived') throw recordsErrors.locked();
  if (state !== 'open')
    throw recordsErrors.invalidTransition('The record is closed: reopen it to change it');
}

const SECRECY_RANK: Record<Secrecy, number> = {
  normal: 0,
  confidential: 1,
  secret: 2,
  top_secret: 3,
};

export function higherSecrecy(a: Secrecy, b: Secrecy): Secrecy {
  return SECRECY_RANK[b] > SECRECY_RANK[a] ? b : a;
}

// ---------------------------------------------------------------------------------------------
// Closing

export interface CloseRecordFacts {
  title: string;
  maintenance: string | null;
  startDate: string | null;
  endDate: string | null;
}

export interface CloseItemFacts {
  id: string;
  ordinal: number;
  kind: RecordItemKind;
  reference: string | null;
  /** Incoming: `completed` when handled; outgoing: `issued`. */
  state: string;
}

/**
 * What stops a record from closing (Art. 29 §4: the work is done, missing metadata filled in):
 * every incoming document handled to completion, every outgoing one issued, title, retention,
 * start and end dates present and in order. Empty when it may close.
 */
export function closeProblems(
  record: CloseRecordFacts,
  items: readonly CloseItemFacts[],
  today: string,
): FieldProblem[] {
  const problems: FieldProblem[] = [];
  const missing = (path: keyof CloseRecordFacts, what: string) =>
    problems.push({ path, code: codes.metadataMissing, message: `Chưa có ${what}` });
  if (!record.title.trim()) missing('title', 'tiêu đề hồ sơ');
  if (!record.maintenance) missing('maintenance', 'thời hạn bảo quản');
  if (!record.startDate) missing('startDate', 'thời gian bắt đầu');
  if (!record.endDate) missing('endDate', 'thời gian kết thúc');
  if (record.startDate && record.endDate && record.endDate < record.startDate)
    problems.push({
      path: 'endDate',
      code: codes.endBeforeStart,
      message: 'Thời gian kết thúc trước thời gian bắt đầu',
    });
  if (record.endDate && record.endDate > today)
    problems.push({
      path: 'endDate',
      code: codes.endInFuture,
      message: 'Thời gian kết thúc chưa đến',
    });
  if (items.length === 0)
    problems.push({ path: 'items', code: codes.empty, message: 'Hồ sơ chưa có văn bản nào' });
  for (const item of items) {
    const name = item.reference || 'chưa có số';
    if (item.kind === 'incoming' && item.state !== 'completed')
      problems.push({
        path: `items.${item.ordinal}`,
        code: codes.itemNotCompleted,
        message: `Văn bản đến ${name} chưa giải quyết xong (${item.state})`,
      });
    if (item.kind === 'outgoing' && item.state !== 'issued')
      problems.push({
        path: `items.${item.ordinal}`,
        code: codes.itemNotIssued,
        message: `Văn bản đi ${name} chưa phát hành (${item.state})`,
      });
  }
  return problems;
}

export interface OnlineItemFacts {
  id: string;
  kind: RecordItemKind;
  state: string;
  /** Incoming: how it arrived (`internal`, `hub`, `paper`, `email`). */
  source: string | null;
  /** Outgoing: signed in the system (a `signed` version exists) and the main file is a PDF. */
  signedPdf: boolean;
}

export type OfflineReason =
  | 'incoming_not_electronic'
  | 'incoming_not_completed'
  | 'outgoing_not_issued'
  | 'outgoing_not_signed';

/**
 * Processed online (issue 8, the city's 90/80/60 % targets): every document in the record was
 * received through the system (internal or hub, not a paper or e-mail scan) and handled to
 * completion, or issued from it with the personal signature on the PDF. An empty record is not.
 */
export function onlineVerdict(items: readonly OnlineItemFacts[]): {
  online: boolean;
  offline: { itemId: string; kind: RecordItemKind; reason: OfflineReason }[];
} {
  const offline: { itemId: string; kind: RecordItemKind; reason: OfflineReason }[] = [];
  for (const item of items) {
    const reason: OfflineReason | null =
      item.kind === 'incoming'
        ? item.source !== 'internal' && item.source !== 'hub'
          ? 'incoming_not_electronic'
          : item.state !== 'completed'
            ? 'incoming_not_completed'
            : null
        : item.state !== 'issued'
          ? 'outgoing_not_issued'
          : !item.signedPdf
            ? 'outgoing_not_signed'
            : null;
    if (reason) offline.push({ itemId: item.id, kind: item.kind, reason });
  }
  return { online: items.length > 0 && offline.length === 0, offline };
}

// ---------------------------------------------------------------------------------------------
// Archive transfer

/** Art. 31 §3c: records kept 5 years or more (or permanently) must go to the agency archive. */
export function mustSubmitToArchive(maintenance: string | null): boolean {
  const retention = maintenance ? retentionOf(maintenance) : null;
  return retention === 'permanent' || (typeof retention === 'number' && retention >= 5);
}

/** `YYYY-MM-DD` plus whole months; the 29th–31st fall back to the last day of a shorter month. */
export function addMonths(date: string, months: number): string {
  dayNumber(date); // throws on a malformed date
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const index = y * 12 + (m - 1) + months;
  const year = Math.floor(index / 12);
  const month = (index % 12) + 1;
  const last = new Date(Date.UTC(year, month, 0)).getUTCDate();
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${String(year).padStart(4, '0')}-${pad(month)}-${pad(Math.min(d, last))}`;
}

/**
 * Art. 30 §2: transfer within 1 year after the work ended, or 3 months after the final
 * settlement of a construction work (its end date). Null when no transfer is required.
 */
export function archiveDueDate(record: {
  endDate: string | null;
  maintenance: string | null;
  construction: boolean;
}): string | null {
  if (!record.endDate || !mustSubmitToArchive(record.maintenance)) return null;
  return addMonths(record.endDate, record.construction ? 3 : 12);
}

/** App. VI Part I §III.5: records due for transfer are announced 30 days ahead. */
export const ARCHIVE_NOTICE_DAYS = 30;

export function archiveNoticeDate(dueDate: string): string {
  return addDays(dueDate, -ARCHIVE_NOTICE_DAYS);
}

export function archiveFlags(
  record: { state: RecordState; archiveDueDate: string | null },
  today: string,
): { dueSoon: boolean; overdue: boolean; daysLeft: number | null } {
  if (record.state !== 'closed' || !record.archiveDueDate)
    return { dueSoon: false, overdue: false, daysLeft: null };
  const daysLeft = dayNumber(record.archiveDueDate) - dayNumber(today);
  return {
    dueSoon: daysLeft <= ARCHIVE_NOTICE_DAYS,
    overdue: daysLeft < 0,
    daysLeft,
  };
}
