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
  formatVnDate,
  notesOf,
  typeAndSubject,
  type RegisterReportMeta,
} from './registers.export.models.js';
import {
  copiesOf,
  optionalVnDate,
  outgoingRegisterColumns,
  outgoingRegisterTitle,
  recipientsOf,
  referenceOf,
  type OutgoingRegisterRow,
  type OutgoingRegisterRows,
} from './registers.outgoing-export.models.js';

export type { OutgoingRegisterRow, OutgoingRegisterRows };

const { text, centred: centredText, date } = cellStyles;

/** The outgoing register (sổ đăng ký văn bản đi) laid out on the shared register pages. */
function outgoingLayout(meta: RegisterReportMeta): RegisterLayout<OutgoingRegisterRow> {
  return {
    // The title is the register's name (ordinary, confidential or legal series): no subtitle.
    title: outgoingRegisterTitle(meta),
    subtitle: null,
    columns: outgoingRegisterColumns,
    xlsxStyles: [text, date, text, text, text, text, centredText, date, text, text],
    xlsxCells: (row, mask) => [
      referenceOf(row),
      excelDate(row.issueDate),
      typeAndSubject(row, mask),
      clean(row.signerName),
      recipientsOf(row),
      clean(row.fileCopyHolder),
      row.copies,
      excelDate(row.transferDate),
      null, // Ký nhận: signed by hand on the printed register
      notesOf(row) || null,
    ],
    pdfCells: (row, mask) => [
      referenceOf(row),
      centred(formatVnDate(row.issueDate)),
      typeAndSubject(row, mask),
      clean(row.signerName),
      recipientsOf(row),
      clean(row.fileCopyHolder),
      centred(copiesOf(row)),
      centred(optionalVnDate(row.transferDate)),
      '',
      notesOf(row),
    ],
  };
}

/**
 * Writes the outgoing register as an XLSX workbook to `output` with exceljs' streaming writer,
 * row by row (see `writeRegisterXlsx`); rows may come from a database cursor. Resolves once
 * `output` has received the whole file.
 */
export async function writeOutgoingRegisterXlsx(
  rows: OutgoingRegisterRows,
  meta: RegisterReportMeta,
  output: Writable,
): Promise<void> {
  await writeRegisterXlsx(outgoingLayout(meta), rows, meta, output);
}

/** The outgoing register as an XLSX file in memory (see `writeOutgoingRegisterXlsx`). */
export async function buildOutgoingRegisterXlsx(
  rows: OutgoingRegisterRows,
  meta: RegisterReportMeta,
): Promise<Buffer> {
  return toBuffer((output) => writeOutgoingRegisterXlsx(rows, meta, output));
}

/** The outgoing register as an A4 landscape PDF (see `buildRegisterPdf`). */
export async function buildOutgoingRegisterPdf(
  rows: OutgoingRegisterRows,
  meta: RegisterReportMeta,
): Promise<Buffer> {
  return buildRegisterPdf(outgoingLayout(meta), rows, meta);
}
