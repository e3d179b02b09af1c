import type { Writable } from 'node:stream';
import {
  buildRegisterPdf,
  cellStyles,
  centred,
  excelDate,
  toBuffer,
  writeRegisterXlsx,
  type RegisterLayout,
} from './registers.export-layout.js';
import {
  clean,
  formatRegisterNumber,
  formatVnDate,
  incomingRegisterColumns,
  notesOf,
  REGISTER_TITLE,
  subtitle,
  typeAndSubject,
  type IncomingRegisterRow,
  type RegisterReportMeta,
  type RegisterRows,
} from './registers.export.models.js';

export type { IncomingRegisterRow, RegisterReportMeta, RegisterRows };

const { text, date, number } = cellStyles;

/** The incoming register (sổ đăng ký văn bản đến) laid out on the shared register pages. */
function incomingLayout(meta: RegisterReportMeta): RegisterLayout<IncomingRegisterRow> {
  return {
    title: REGISTER_TITLE,
    subtitle: subtitle(meta),
    columns: incomingRegisterColumns,
    xlsxStyles: [date, number, text, text, date, text, text, date, text, text],
    xlsxCells: (row, mask) => [
      excelDate(row.arrivalDate),
      row.arrivalNumber,
      clean(row.senderName),
      clean(row.reference),
      excelDate(row.issueDate),
      typeAndSubject(row, mask),
      clean(row.receivers),
      excelDate(row.transferDate),
      null, // Ký nhận: signed by hand on the printed register
      notesOf(row) || null,
    ],
    pdfCells: (row, mask) => [
      centred(formatVnDate(row.arrivalDate)),
      centred(formatRegisterNumber(row.arrivalNumber)),
      clean(row.senderName),
      clean(row.reference),
      centred(formatVnDate(row.issueDate)),
      typeAndSubject(row, mask),
      clean(row.receivers),
      centred(row.transferDate ? formatVnDate(row.transferDate) : ''),
      '',
      notesOf(row),
    ],
  };
}

/**
 * Writes the incoming register as an XLSX workbook to `output` (a file, an HTTP response) with
 * exceljs' streaming writer: each row is committed as it is produced, so a year of tens of
 * thousands of rows never sits in memory as a cell model. Rows may come from an async iterable
 * (a database cursor). Resolves once `output` has received the whole file.
 */
export async function writeIncomingRegisterXlsx(
  rows: RegisterRows,
  meta: RegisterReportMeta,
  output: Writable,
): Promise<void> {
  await writeRegisterXlsx(incomingLayout(meta), rows, meta, output);
}

/** The register as an XLSX file in memory (see `writeIncomingRegisterXlsx`). */
export async function buildIncomingRegisterXlsx(
  rows: RegisterRows,
  meta: RegisterReportMeta,
): Promise<Buffer> {
  return toBuffer((output) => writeIncomingRegisterXlsx(rows, meta, output));
}

/**
 * The incoming register as an A4 landscape PDF: the title block on the first page, the column
 * headings repeated at the top of each page, page numbers in the footer. Rows are laid out by
 * pdfmake in memory, which suits a period of a few thousand rows; for a whole year of a large
 * agency the XLSX export is the one that scales.
 */
export async function buildIncomingRegisterPdf(
  rows: RegisterRows,
  meta: RegisterReportMeta,
): Promise<Buffer> {
  return buildRegisterPdf(incomingLayout(meta), rows, meta);
}
