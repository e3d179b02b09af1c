/**
 * Pure rules of the outgoing register report (sổ đăng ký văn bản đi, Decree 30/2020 Appendix IV):
 * row shape, its ten columns and how values are written. Dates, numbers, type + subject and the
 * secrecy mark follow the incoming register's rules (registers.export.models.ts); the XLSX and PDF
 * builders (registers.outgoing-export.ts) only lay these out.
 */
import {
  clean,
  formatRegisterNumber,
  formatVnDate,
  type RegisterReportMeta,
} from './registers.export.models.js';

/** One line of the outgoing register, Decree 30 Appendix IV. */
export type OutgoingRegisterRow = {
  /** The number in the register's series (gap-free from 01 each year). */
  number: number;
  /** Number and notation as issued: `05/UBND-VX`, `24/2026/QĐ-UBND`. */
  reference: string;
  /** `YYYY-MM-DD`. */
  issueDate: string;
  typeName: string;
  subject: string;
  signerName: string;
  /** The "Nơi nhận" list, `;`-separated: `Sở Tài chính; Sở Xây dựng; UBND phường Ba Đình`. */
  recipients: string;
  /** Unit or person keeping the file copy, as in the "Nơi nhận" block: `Lưu: VT, TCBC`. */
  fileCopyHolder: string;
  /** Paper copies made; null when issued electronically only. */
  copies: number | null;
  /** `YYYY-MM-DD`, or an ISO timestamp (shown as its date in Vietnam). */
  transferDate: string | null;
  notes: string | null;
  secret: boolean;
};

export type OutgoingRegisterRows =
  Iterable<OutgoingRegisterRow> | AsyncIterable<OutgoingRegisterRow>;

export const OUTGOING_REGISTER_TITLE = 'SỔ ĐĂNG KÝ VĂN BẢN ĐI';

/** The ten columns of Appendix IV, in order; widths in Excel characters and PDF points. */
export const outgoingRegisterColumns = [
  { header: 'Số, ký hiệu văn bản', xlsxWidth: 18, pdfWidth: 70 },
  { header: 'Ngày tháng văn bản', xlsxWidth: 12, pdfWidth: 48 },
  { header: 'Tên loại và trích yếu nội dung văn bản', xlsxWidth: 46, pdfWidth: '*' },
  { header: 'Người ký', xlsxWidth: 20, pdfWidth: 72 },
  { header: 'Nơi nhận văn bản', xlsxWidth: 30, pdfWidth: 104 },
  { header: 'Đơn vị, người nhận bản lưu', xlsxWidth: 18, pdfWidth: 70 },
  { header: 'Số lượng bản', xlsxWidth: 9, pdfWidth: 36 },
  { header: 'Ngày chuyển', xlsxWidth: 12, pdfWidth: 48 },
  { header: 'Ký nhận', xlsxWidth: 10, pdfWidth: 44 },
  { header: 'Ghi chú', xlsxWidth: 16, pdfWidth: 56 },
] as const;

/**
 * The title is the register's own name, upper case: `SỔ ĐĂNG KÝ VĂN BẢN ĐI`, `… ĐI MẬT` for
 * confidential documents, `SỔ ĐĂNG KÝ VĂN BẢN QUY PHẠM PHÁP LUẬT` for the legal series.
 */
export function outgoingRegisterTitle(meta: RegisterReportMeta): string {
  return clean(meta.registerName).toLocaleUpperCase('vi') || OUTGOING_REGISTER_TITLE;
}

/** Number and notation as issued; the bare number (leading zero) if a row has none. */
export function referenceOf(row: Pick<OutgoingRegisterRow, 'number' | 'reference'>): string {
  return clean(row.reference) || formatRegisterNumber(row.number);
}

/** Recipients one after the other, `; `-separated, whether they came by `;` or by line. */
export function recipientsOf(row: Pick<OutgoingRegisterRow, 'recipients'>): string {
  return row.recipients.split(/[;\n]/).map(clean).filter(Boolean).join('; ');
}

export function copiesOf(row: Pick<OutgoingRegisterRow, 'copies'>): string {
  return row.copies === null ? '' : String(row.copies);
}

/** dd/mm/yyyy, or blank for a date not reached yet (not transferred). */
export function optionalVnDate(value: string | null): string {
  return value ? formatVnDate(value) : '';
}
