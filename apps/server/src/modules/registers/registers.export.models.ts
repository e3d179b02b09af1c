/**
 * Pure rules of the register reports: row shape, the ten columns of Decree 30/2020 Appendix IV and
 * how values are written (dates dd/mm/yyyy, numbers with a leading zero). The XLSX and PDF
 * builders (registers.export.ts) only lay these out.
 */

/** One line of the incoming register (sổ đăng ký văn bản đến), Decree 30/2020 Appendix IV. */
export type IncomingRegisterRow = {
  /** `YYYY-MM-DD`. */
  arrivalDate: string;
  arrivalNumber: number;
  senderName: string;
  reference: string;
  /** `YYYY-MM-DD`. */
  issueDate: string;
  typeName: string;
  subject: string;
  receivers: string;
  /** `YYYY-MM-DD`, or an ISO timestamp (shown as its date in Vietnam). */
  transferDate: string | null;
  notes: string | null;
  secret: boolean;
};

export type RegisterReportMeta = {
  agencyName: string;
  parentAgencyName: string | null;
  registerName: string;
  year: number;
  from: string;
  to: string;
  generatedAt: Date;
  /**
   * Replace the subject of confidential rows by a placeholder, for a copy that leaves the
   * authorised circle. Off by default: the caller already limited the rows to what the reader
   * may see (Decree 30 Art. 22: confidential documents are registered in their own register).
   */
  maskSecretSubjects?: boolean;
};

export type RegisterRows = Iterable<IncomingRegisterRow> | AsyncIterable<IncomingRegisterRow>;

export const REGISTER_TITLE = 'SỔ ĐĂNG KÝ VĂN BẢN ĐẾN';

/** The ten columns of Appendix IV, in order; widths in Excel characters and PDF points. */
export const incomingRegisterColumns = [
  { header: 'Ngày đến', xlsxWidth: 11, pdfWidth: 46 },
  { header: 'Số đến', xlsxWidth: 8, pdfWidth: 32 },
  { header: 'Tác giả', xlsxWidth: 26, pdfWidth: 92 },
  { header: 'Số, ký hiệu', xlsxWidth: 16, pdfWidth: 66 },
  { header: 'Ngày tháng', xlsxWidth: 11, pdfWidth: 46 },
  { header: 'Tên loại và trích yếu nội dung', xlsxWidth: 50, pdfWidth: '*' },
  { header: 'Đơn vị hoặc người nhận', xlsxWidth: 24, pdfWidth: 90 },
  { header: 'Ngày chuyển', xlsxWidth: 11, pdfWidth: 46 },
  { header: 'Ký nhận', xlsxWidth: 10, pdfWidth: 44 },
  { header: 'Ghi chú', xlsxWidth: 18, pdfWidth: 62 },
] as const;

const SECRET_MARK = 'Mật';
const MASKED_SUBJECT = '(trích yếu văn bản mật không hiển thị)';

const VN_DATE_TIME = new Intl.DateTimeFormat('en-GB', {
  timeZone: 'Asia/Ho_Chi_Minh',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
});

/** `YYYY-MM-DD` (or an ISO timestamp, taken in Vietnam) → its date parts. */
export function dateParts(value: string): [number, number, number] {
  const date = /^\d{4}-\d{2}-\d{2}$/.test(value)
    ? value
    : new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Ho_Chi_Minh' }).format(new Date(value));
  const [y, m, d] = date.split('-').map(Number);
  if (!y || !m || !d) throw new RangeError(`"${value}" is not a date`);
  return [y, m, d];
}

/** Dates are written dd/mm/yyyy in Vietnamese administrative documents. */
export function formatVnDate(value: string): string {
  const [y, m, d] = dateParts(value);
  return `${String(d).padStart(2, '0')}/${String(m).padStart(2, '0')}/${y}`;
}

/** Decree 30 Appendix I: numbers below 10 are written with a leading zero ("05"). */
export function formatRegisterNumber(n: number): string {
  return String(n).padStart(2, '0');
}

export function formatGeneratedAt(at: Date): string {
  return VN_DATE_TIME.format(at).replace(',', '');
}

/** "Quyết định" + "Về việc …" → "Quyết định về việc …": the type name opens the sentence. */
export function typeAndSubject(
  row: Pick<IncomingRegisterRow, 'typeName' | 'subject' | 'secret'>,
  mask: boolean,
): string {
  const subject = row.secret && mask ? MASKED_SUBJECT : clean(row.subject);
  const type = clean(row.typeName);
  if (!type) return subject;
  return `${type} ${/^Về /.test(subject) ? `v${subject.slice(1)}` : subject}`;
}

/** The notes, opened by the secrecy mark ("Mật") on a confidential row. */
export function notesOf(row: Pick<IncomingRegisterRow, 'notes' | 'secret'>): string {
  const notes = clean(row.notes ?? '');
  return row.secret ? [SECRET_MARK, notes].filter(Boolean).join('. ') : notes;
}

/** NFC: text pasted from some systems arrives decomposed (base letter + combining marks). */
export function clean(text: string): string {
  return text.normalize('NFC').trim();
}

export function periodLine(meta: RegisterReportMeta): string {
  return `Từ ngày ${formatVnDate(meta.from)} đến ngày ${formatVnDate(meta.to)}`;
}

/** The register's own name, when it says more than the title (e.g. the confidential register). */
export function subtitle(meta: RegisterReportMeta): string | null {
  const name = clean(meta.registerName);
  return name && name.toLocaleUpperCase('vi') !== REGISTER_TITLE ? name : null;
}

export function footerText(meta: RegisterReportMeta): string {
  return `${clean(meta.agencyName)} – ${clean(meta.registerName)} – xuất lúc ${formatGeneratedAt(meta.generatedAt)}`;
}
