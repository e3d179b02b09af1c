import { PassThrough, type Writable } from 'node:stream';
import ExcelJS from 'exceljs';
import type { Content, TableCell, TDocumentDefinitions } from 'pdfmake/interfaces';
import { renderPdf } from '../../platform/pdf/pdf.js';
import {
  clean,
  dateParts,
  footerText,
  formatRegisterNumber,
  formatVnDate,
  incomingRegisterColumns,
  notesOf,
  periodLine,
  REGISTER_TITLE,
  subtitle,
  typeAndSubject,
  type IncomingRegisterRow,
  type RegisterReportMeta,
  type RegisterRows,
} from './registers.export.models.js';

export type { IncomingRegisterRow, RegisterReportMeta, RegisterRows };

// ---------------------------------------------------------------------------------------------
// XLSX

const HEADER_ROW = 8;
const LAST_COLUMN = 'J';

const thin: Partial<ExcelJS.Border> = { style: 'thin' };
const borders: Partial<ExcelJS.Borders> = { top: thin, left: thin, bottom: thin, right: thin };
const font = { name: 'Times New Roman', size: 11 };
const headerStyle: Partial<ExcelJS.Style> = {
  font: { ...font, bold: true },
  alignment: { horizontal: 'center', vertical: 'middle', wrapText: true },
  border: borders,
};
const textStyle: Partial<ExcelJS.Style> = {
  font,
  alignment: { vertical: 'top', wrapText: true },
  border: borders,
};
const centredStyle: Partial<ExcelJS.Style> = {
  ...textStyle,
  alignment: { horizontal: 'center', vertical: 'top', wrapText: true },
};
const dateStyle: Partial<ExcelJS.Style> = { ...centredStyle, numFmt: 'dd/mm/yyyy' };
const numberStyle: Partial<ExcelJS.Style> = { ...centredStyle, numFmt: '00' };
const columnStyles = [
  dateStyle,
  numberStyle,
  textStyle,
  textStyle,
  dateStyle,
  textStyle,
  textStyle,
  dateStyle,
  textStyle,
  textStyle,
];

/** A date cell value: UTC midnight, which Excel stores as the whole day number. */
function excelDate(value: string | null): Date | null {
  if (value === null) return null;
  const [y, m, d] = dateParts(value);
  return new Date(Date.UTC(y, m - 1, d));
}

/** Excel header/footer codes start with `&`; a literal one is written `&&`. */
function escapeHeaderFooter(text: string): string {
  return text.replaceAll('&', '&&');
}

/**
 * Writes the register as an XLSX workbook to `output` (a file, an HTTP response) with exceljs'
 * streaming writer: each row is committed as it is produced, so a year of tens of thousands of
 * rows never sits in memory as a cell model. Rows may come from an async iterable (a database
 * cursor). Resolves once `output` has received the whole file.
 */
export async function writeIncomingRegisterXlsx(
  rows: RegisterRows,
  meta: RegisterReportMeta,
  output: Writable,
): Promise<void> {
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({
    stream: output,
    useStyles: true,
    // Inline strings: a shared-string table would hold every distinct text until the end.
    useSharedStrings: false,
  });
  workbook.creator = 'Vanban';
  workbook.created = meta.generatedAt;
  const sheet = workbook.addWorksheet(`Năm ${meta.year}`, {
    pageSetup: {
      paperSize: 9, // A4
      orientation: 'landscape',
      fitToPage: true,
      fitToWidth: 1,
      fitToHeight: 0,
      horizontalCentered: true,
      margins: { left: 0.4, right: 0.4, top: 0.5, bottom: 0.6, header: 0.2, footer: 0.3 },
      // The column headings are printed again at the top of every page.
      printTitlesRow: `${HEADER_ROW}:${HEADER_ROW + 1}`,
    },
    headerFooter: {
      oddFooter: `&L&8${escapeHeaderFooter(footerText(meta))}&R&8Trang &P/&N`,
    },
    views: [{ state: 'frozen', xSplit: 0, ySplit: HEADER_ROW + 1 }],
  });
  sheet.columns = incomingRegisterColumns.map((c) => ({ width: c.xlsxWidth }));
  writeTitleBlock(sheet, meta);
  writeHeader(sheet);
  const mask = meta.maskSecretSubjects === true;
  for await (const row of rows) {
    const line = sheet.addRow([
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
    ]);
    columnStyles.forEach((style, i) => {
      line.getCell(i + 1).style = style;
    });
    line.commit();
  }
  sheet.commit();
  await workbook.commit();
}

/** The register as an XLSX file in memory (see `writeIncomingRegisterXlsx`). */
export async function buildIncomingRegisterXlsx(
  rows: RegisterRows,
  meta: RegisterReportMeta,
): Promise<Buffer> {
  const output = new PassThrough();
  const chunks: Buffer[] = [];
  output.on('data', (chunk: Buffer) => chunks.push(chunk));
  const ended = new Promise<void>((resolve, reject) => {
    output.on('end', resolve);
    output.on('error', reject);
  });
  await Promise.all([writeIncomingRegisterXlsx(rows, meta, output), ended]);
  return Buffer.concat(chunks);
}

function writeTitleBlock(sheet: ExcelJS.Worksheet, meta: RegisterReportMeta): void {
  const put = (row: number, to: string, text: string, style: Partial<ExcelJS.Style>) => {
    sheet.mergeCells(`A${row}:${to}${row}`);
    const cell = sheet.getCell(`A${row}`);
    cell.value = text;
    cell.style = style;
  };
  const centred = { horizontal: 'center', vertical: 'middle' } as const;
  if (meta.parentAgencyName)
    put(1, 'D', clean(meta.parentAgencyName).toLocaleUpperCase('vi'), {
      font,
      alignment: centred,
    });
  put(2, 'D', clean(meta.agencyName).toLocaleUpperCase('vi'), {
    font: { ...font, bold: true },
    alignment: centred,
  });
  put(4, LAST_COLUMN, REGISTER_TITLE, {
    font: { ...font, size: 14, bold: true },
    alignment: centred,
  });
  put(5, LAST_COLUMN, `Năm ${meta.year}`, { font: { ...font, bold: true }, alignment: centred });
  put(6, LAST_COLUMN, periodLine(meta), { font: { ...font, italic: true }, alignment: centred });
  const name = subtitle(meta);
  if (name) put(7, LAST_COLUMN, name, { font: { ...font, italic: true }, alignment: centred });
  sheet.getRow(4).height = 22;
  for (let r = 1; r < HEADER_ROW; r++) sheet.getRow(r).commit();
}

function writeHeader(sheet: ExcelJS.Worksheet): void {
  const header = sheet.getRow(HEADER_ROW);
  const numbers = sheet.getRow(HEADER_ROW + 1);
  incomingRegisterColumns.forEach((c, i) => {
    const cell = header.getCell(i + 1);
    cell.value = c.header;
    cell.style = headerStyle;
    // Appendix IV numbers the columns (1) to (10) under their headings.
    const n = numbers.getCell(i + 1);
    n.value = `(${i + 1})`;
    n.style = { ...headerStyle, font: { ...font, size: 9, italic: true } };
  });
  header.height = 32;
  header.commit();
  numbers.commit();
}

// ---------------------------------------------------------------------------------------------
// PDF

const PDF_FONT_SIZE = 8;

function pdfHeaderRows(): TableCell[][] {
  return [
    incomingRegisterColumns.map((c) => ({ text: c.header, style: 'th' })),
    incomingRegisterColumns.map((_, i) => ({ text: `(${i + 1})`, style: 'thNumber' })),
  ];
}

function pdfRow(row: IncomingRegisterRow, mask: boolean): TableCell[] {
  return [
    { text: formatVnDate(row.arrivalDate), alignment: 'center' },
    { text: formatRegisterNumber(row.arrivalNumber), alignment: 'center' },
    clean(row.senderName),
    clean(row.reference),
    { text: formatVnDate(row.issueDate), alignment: 'center' },
    typeAndSubject(row, mask),
    clean(row.receivers),
    { text: row.transferDate ? formatVnDate(row.transferDate) : '', alignment: 'center' },
    '',
    notesOf(row),
  ];
}

function pdfTitleBlock(meta: RegisterReportMeta): Content[] {
  const name = subtitle(meta);
  return [
    {
      // Agency names top left, centred on each other, as on the register's cover (Appendix IV).
      columns: [
        {
          width: 300,
          alignment: 'center',
          fontSize: 10,
          stack: [
            ...(meta.parentAgencyName
              ? [{ text: clean(meta.parentAgencyName).toLocaleUpperCase('vi') }]
              : []),
            { text: clean(meta.agencyName).toLocaleUpperCase('vi'), bold: true },
          ],
        },
        { width: '*', text: '' },
      ],
      margin: [0, 0, 0, 12],
    },
    { text: REGISTER_TITLE, alignment: 'center', bold: true, fontSize: 15 },
    { text: `Năm ${meta.year}`, alignment: 'center', bold: true, fontSize: 11, margin: [0, 2] },
    { text: periodLine(meta), alignment: 'center', italics: true, fontSize: 10 },
    ...(name ? [{ text: name, alignment: 'center' as const, italics: true, fontSize: 10 }] : []),
    { text: '', margin: [0, 0, 0, 8] },
  ];
}

/**
 * The register as an A4 landscape PDF: the title block on the first page, the column headings
 * repeated at the top of each page, page numbers in the footer. Rows are laid out by pdfmake in
 * memory, which suits a period of a few thousand rows; for a whole year of a large agency the
 * XLSX export is the one that scales.
 */
export async function buildIncomingRegisterPdf(
  rows: RegisterRows,
  meta: RegisterReportMeta,
): Promise<Buffer> {
  const mask = meta.maskSecretSubjects === true;
  const body: TableCell[][] = pdfHeaderRows();
  for await (const row of rows) body.push(pdfRow(row, mask));
  const footer = footerText(meta);
  const definition: TDocumentDefinitions = {
    pageSize: 'A4',
    pageOrientation: 'landscape',
    pageMargins: [28, 28, 28, 34],
    info: {
      title: `${REGISTER_TITLE} – ${clean(meta.agencyName)} – ${meta.year}`,
      author: clean(meta.agencyName),
      creator: 'Vanban',
    },
    defaultStyle: { font: 'Roboto', fontSize: PDF_FONT_SIZE, lineHeight: 1.1 },
    styles: {
      th: { bold: true, alignment: 'center', fontSize: PDF_FONT_SIZE },
      thNumber: { italics: true, alignment: 'center', fontSize: PDF_FONT_SIZE - 1 },
    },
    content: [
      ...pdfTitleBlock(meta),
      {
        table: {
          headerRows: 2,
          dontBreakRows: true,
          widths: incomingRegisterColumns.map((c) => c.pdfWidth),
          body,
        },
        layout: {
          hLineWidth: () => 0.5,
          vLineWidth: () => 0.5,
          paddingLeft: () => 3,
          paddingRight: () => 3,
          paddingTop: () => 2,
          paddingBottom: () => 2,
        },
      },
    ],
    footer: (currentPage, pageCount) => ({
      columns: [
        { text: footer, fontSize: 7 },
        { text: `Trang ${currentPage}/${pageCount}`, alignment: 'right', fontSize: 7, width: 80 },
      ],
      margin: [28, 10, 28, 0],
    }),
  };
  return renderPdf(definition);
}
