import { PassThrough, type Writable } from 'node:stream';
import ExcelJS from 'exceljs';
import type { Content, TableCell, TDocumentDefinitions } from 'pdfmake/interfaces';
import { renderPdf } from '../../platform/pdf/pdf.js';
import {
  clean,
  dateParts,
  footerText,
  periodLine,
  type RegisterReportMeta,
} from './registers.export.models.js';

/**
 * The page layout shared by the paper registers of Decree 30 Appendix IV (incoming, outgoing):
 * agency names and title block, the column headings numbered (1)…(n) and repeated on each page,
 * A4 landscape, page numbers in the footer. A register only says what its columns are and how a
 * row fills them (`RegisterLayout`).
 */

export type RegisterColumn = {
  readonly header: string;
  /** Excel characters. */
  readonly xlsxWidth: number;
  /** PDF points, or `'*'` for the column that takes the rest of the width. */
  readonly pdfWidth: number | '*';
};

export type RegisterLayout<Row> = {
  /** The register's title, upper case: `SỔ ĐĂNG KÝ VĂN BẢN ĐẾN`. */
  title: string;
  /** A line under the period (the register's own name), or null. */
  subtitle: string | null;
  columns: readonly RegisterColumn[];
  /** The XLSX style of each column's cells, in column order. */
  xlsxStyles: readonly Partial<ExcelJS.Style>[];
  /** The XLSX values of one row: real dates and numbers, so the sheet sorts and filters. */
  xlsxCells(row: Row, mask: boolean): ExcelJS.CellValue[];
  /** The PDF cells of one row: values written out (dd/mm/yyyy, leading zeros). */
  pdfCells(row: Row, mask: boolean): TableCell[];
};

export type Rows<Row> = Iterable<Row> | AsyncIterable<Row>;

// ---------------------------------------------------------------------------------------------
// XLSX

const HEADER_ROW = 8;

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

/** Cell styles of the register body: Times New Roman 11, thin borders, wrapped text. */
export const cellStyles = {
  text: textStyle,
  centred: centredStyle,
  date: { ...centredStyle, numFmt: 'dd/mm/yyyy' },
  /** Register numbers: a leading zero below 10 (Decree 30 Appendix I). */
  number: { ...centredStyle, numFmt: '00' },
} satisfies Record<string, Partial<ExcelJS.Style>>;

/** A date cell value: UTC midnight, which Excel stores as the whole day number. */
export function excelDate(value: string | null): Date | null {
  if (value === null) return null;
  const [y, m, d] = dateParts(value);
  return new Date(Date.UTC(y, m - 1, d));
}

/** Excel header/footer codes start with `&`; a literal one is written `&&`. */
function escapeHeaderFooter(text: string): string {
  return text.replaceAll('&', '&&');
}

/** `A`…`Z`: the registers have ten columns. */
function columnLetter(index: number): string {
  return String.fromCharCode(65 + index);
}

/**
 * Writes a register as an XLSX workbook to `output` (a file, an HTTP response) with exceljs'
 * streaming writer: each row is committed as it is produced, so a year of tens of thousands of
 * rows never sits in memory as a cell model. Rows may come from an async iterable (a database
 * cursor). Resolves once `output` has received the whole file.
 */
export async function writeRegisterXlsx<Row>(
  layout: RegisterLayout<Row>,
  rows: Rows<Row>,
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
  sheet.columns = layout.columns.map((c) => ({ width: c.xlsxWidth }));
  writeTitleBlock(sheet, layout, meta);
  writeHeader(sheet, layout);
  const mask = meta.maskSecretSubjects === true;
  for await (const row of rows) {
    const line = sheet.addRow(layout.xlsxCells(row, mask));
    layout.xlsxStyles.forEach((style, i) => {
      line.getCell(i + 1).style = style;
    });
    line.commit();
  }
  sheet.commit();
  await workbook.commit();
}

/** Collects what `write` streams into one buffer (an XLSX file in memory). */
export async function toBuffer(write: (output: Writable) => Promise<void>): Promise<Buffer> {
  const output = new PassThrough();
  const chunks: Buffer[] = [];
  output.on('data', (chunk: Buffer) => chunks.push(chunk));
  const ended = new Promise<void>((resolve, reject) => {
    output.on('end', resolve);
    output.on('error', reject);
  });
  await Promise.all([write(output), ended]);
  return Buffer.concat(chunks);
}

function writeTitleBlock<Row>(
  sheet: ExcelJS.Worksheet,
  layout: RegisterLayout<Row>,
  meta: RegisterReportMeta,
): void {
  const last = columnLetter(layout.columns.length - 1);
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
  put(4, last, layout.title, {
    font: { ...font, size: 14, bold: true },
    alignment: centred,
  });
  put(5, last, `Năm ${meta.year}`, { font: { ...font, bold: true }, alignment: centred });
  put(6, last, periodLine(meta), { font: { ...font, italic: true }, alignment: centred });
  if (layout.subtitle)
    put(7, last, layout.subtitle, { font: { ...font, italic: true }, alignment: centred });
  sheet.getRow(4).height = 22;
  for (let r = 1; r < HEADER_ROW; r++) sheet.getRow(r).commit();
}

function writeHeader<Row>(sheet: ExcelJS.Worksheet, layout: RegisterLayout<Row>): void {
  const header = sheet.getRow(HEADER_ROW);
  const numbers = sheet.getRow(HEADER_ROW + 1);
  layout.columns.forEach((c, i) => {
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

function pdfHeaderRows(columns: readonly RegisterColumn[]): TableCell[][] {
  return [
    columns.map((c) => ({ text: c.header, style: 'th' })),
    columns.map((_, i) => ({ text: `(${i + 1})`, style: 'thNumber' })),
  ];
}

function pdfTitleBlock(
  title: string,
  subtitle: string | null,
  meta: RegisterReportMeta,
): Content[] {
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
    { text: title, alignment: 'center', bold: true, fontSize: 15 },
    { text: `Năm ${meta.year}`, alignment: 'center', bold: true, fontSize: 11, margin: [0, 2] },
    { text: periodLine(meta), alignment: 'center', italics: true, fontSize: 10 },
    ...(subtitle
      ? [{ text: subtitle, alignment: 'center' as const, italics: true, fontSize: 10 }]
      : []),
    { text: '', margin: [0, 0, 0, 8] },
  ];
}

/**
 * A register as an A4 landscape PDF: the title block on the first page, the column headings
 * repeated at the top of each page, page numbers in the footer. Rows are laid out by pdfmake in
 * memory, which suits a period of a few thousand rows; for a whole year of a large agency the
 * XLSX export is the one that scales.
 */
export async function buildRegisterPdf<Row>(
  layout: RegisterLayout<Row>,
  rows: Rows<Row>,
  meta: RegisterReportMeta,
): Promise<Buffer> {
  const mask = meta.maskSecretSubjects === true;
  const body: TableCell[][] = pdfHeaderRows(layout.columns);
  for await (const row of rows) body.push(layout.pdfCells(row, mask));
  const footer = footerText(meta);
  const definition: TDocumentDefinitions = {
    pageSize: 'A4',
    pageOrientation: 'landscape',
    pageMargins: [28, 28, 28, 34],
    info: {
      title: `${layout.title} – ${clean(meta.agencyName)} – ${meta.year}`,
      author: clean(meta.agencyName),
      creator: 'Vanban',
    },
    defaultStyle: { font: 'Roboto', fontSize: PDF_FONT_SIZE, lineHeight: 1.1 },
    styles: {
      th: { bold: true, alignment: 'center', fontSize: PDF_FONT_SIZE },
      thNumber: { italics: true, alignment: 'center', fontSize: PDF_FONT_SIZE - 1 },
    },
    content: [
      ...pdfTitleBlock(layout.title, layout.subtitle, meta),
      {
        table: {
          headerRows: 2,
          dontBreakRows: true,
          widths: layout.columns.map((c) => c.pdfWidth),
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

/** A centred PDF cell (dates, numbers). */
export function centred(text: string): TableCell {
  return { text, alignment: 'center' };
}
