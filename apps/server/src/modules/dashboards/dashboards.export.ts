import ExcelJS from 'exceljs';
import type { CanvasElement, Content, TableCell, TDocumentDefinitions } from 'pdfmake/interfaces';
import { renderPdf } from '../../platform/pdf/pdf.js';
import {
  formatCell,
  formatRate,
  REPORT_TITLE,
  tierNames,
  type CellKind,
  type ReportMeta,
  type ReportTable,
} from './dashboards.export.models.js';

/**
 * The dashboard report as files: an XLSX workbook (one sheet per table, real numbers and
 * percentages so the sheet sorts and sums) and an A4 landscape PDF (title block, a bar chart of
 * the online share against the targets per tier, then the tables). Fonts: Times New Roman in
 * the workbook as in the registers, pdfmake's Roboto (full Vietnamese) in the PDF.
 */

const font = { name: 'Times New Roman', size: 11 };
const thin: Partial<ExcelJS.Border> = { style: 'thin' };
const borders: Partial<ExcelJS.Borders> = { top: thin, left: thin, bottom: thin, right: thin };

const numFmt: Record<CellKind, string | undefined> = {
  text: undefined,
  count: '0',
  rate: '0.0%',
  days: '0.0',
  percent: '0"%"',
};

export async function buildDashboardXlsx(
  tables: ReportTable[],
  meta: ReportMeta,
  generatedAt: Date,
): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Vanban';
  workbook.created = generatedAt;
  tables.forEach((table, index) => {
    const sheet = workbook.addWorksheet(sheetName(table, index), {
      pageSetup: {
        paperSize: 9,
        orientation: 'landscape',
        fitToPage: true,
        fitToWidth: 1,
        fitToHeight: 0,
      },
      views: [{ state: 'frozen', ySplit: 6 }],
    });
    sheet.columns = table.columns.map((c) => ({ width: c.xlsxWidth }));
    const last = table.columns.length;
    const line = (row: number, text: string, style: Partial<ExcelJS.Font>) => {
      sheet.mergeCells(row, 1, row, last);
      const cell = sheet.getCell(row, 1);
      cell.value = text;
      cell.font = { ...font, ...style };
      cell.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
    };
    line(1, REPORT_TITLE, { bold: true, size: 14 });
    line(2, `${table.title} – ${meta.scopeLine}`, { bold: true });
    line(3, meta.periodLine, { italic: true });
    line(4, meta.cutLine, { italic: true, size: 10 });
    const header = sheet.getRow(6);
    table.columns.forEach((c, i) => {
      const cell = header.getCell(i + 1);
      cell.value = c.header;
      cell.font = { ...font, bold: true, size: 10 };
      cell.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
      cell.border = borders;
    });
    header.height = 45;
    table.rows.forEach((values, r) => {
      const row = sheet.addRow(values);
      const total = table.hasTotal && r === table.rows.length - 1;
      table.columns.forEach((c, i) => {
        const cell = row.getCell(i + 1);
        cell.font = { ...font, bold: total };
        cell.border = borders;
        cell.alignment =
          c.kind === 'text'
            ? { vertical: 'top', wrapText: true }
            : { horizontal: 'center', vertical: 'top' };
        const fmt = numFmt[c.kind];
        if (fmt) cell.numFmt = fmt;
      });
    });
    sheet.headerFooter.oddFooter = `&L&8${meta.generatedLine.replaceAll('&', '&&')}&R&8Trang &P/&N`;
  });
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

/** Sheet names: at most 31 characters, unique. */
function sheetName(table: ReportTable, index: number): string {
  const names = ['Theo cơ quan', 'Theo cấp', 'Xếp hạng'];
  return names[index] ?? table.title.slice(0, 31);
}

function pdfTable(table: ReportTable, fontSize: number): Content {
  const body: TableCell[][] = [
    table.columns.map((c) => ({ text: c.header, bold: true, alignment: 'center' as const })),
    ...table.rows.map((values, r) => {
      const total = table.hasTotal && r === table.rows.length - 1;
      return table.columns.map((c, i) => ({
        text: formatCell(values[i] ?? null, c.kind),
        bold: total,
        alignment: c.kind === 'text' ? ('left' as const) : ('center' as const),
      }));
    }),
  ];
  return {
    stack: [
      { text: table.title, bold: true, fontSize: 10, margin: [0, 10, 0, 4] },
      {
        table: {
          headerRows: 1,
          dontBreakRows: true,
          widths: table.columns.map((c) => c.pdfWidth),
          body,
        },
        fontSize,
        layout: {
          hLineWidth: () => 0.5,
          vLineWidth: () => 0.5,
          paddingLeft: () => 2,
          paddingRight: () => 2,
          paddingTop: () => 2,
          paddingBottom: () => 2,
        },
      },
    ],
  };
}

/**
 * Per tier: a bar for the share of closed records processed online and a red mark at the target.
 * Tiers without a closed record show no bar.
 */
export function onlineShareChart(
  tiers: { tier: keyof typeof tierNames; share: number | null; targetPercent: number | null }[],
): Content {
  const width = 360;
  const body: TableCell[][] = tiers.map((t) => {
    const canvas: CanvasElement[] = [
      { type: 'rect', x: 0, y: 2, w: width, h: 10, color: '#eeeeee' },
    ];
    if (t.share !== null && t.share > 0)
      canvas.push({ type: 'rect', x: 0, y: 2, w: width * t.share, h: 10, color: '#2e6da4' });
    if (t.targetPercent !== null) {
      const x = (width * t.targetPercent) / 100;
      canvas.push({
        type: 'line',
        x1: x,
        y1: 0,
        x2: x,
        y2: 14,
        lineWidth: 1.5,
        lineColor: '#c0392b',
      });
    }
    return [
      { text: tierNames[t.tier] },
      { canvas },
      {
        text: `${formatRate(t.share)} (chỉ tiêu ${t.targetPercent === null ? '–' : `${t.targetPercent} %`})`,
      },
    ];
  });
  return {
    stack: [
      {
        text: 'Tỷ lệ hồ sơ công việc xử lý trực tuyến so với chỉ tiêu (vạch đỏ)',
        bold: true,
        fontSize: 10,
        margin: [0, 6, 0, 4],
      },
      { table: { widths: [100, width + 4, '*'], body }, layout: 'noBorders', fontSize: 8 },
    ],
  };
}

export async function buildDashboardPdf(
  tables: ReportTable[],
  meta: ReportMeta,
  chart: Content | null,
): Promise<Buffer> {
  const definition: TDocumentDefinitions = {
    pageSize: 'A4',
    pageOrientation: 'landscape',
    pageMargins: [24, 28, 24, 34],
    info: { title: `${REPORT_TITLE} – ${meta.scopeLine}`, creator: 'Vanban' },
    defaultStyle: { font: 'Roboto', fontSize: 8, lineHeight: 1.1 },
    content: [
      { text: REPORT_TITLE, alignment: 'center', bold: true, fontSize: 14 },
      { text: meta.scopeLine, alignment: 'center', bold: true, fontSize: 11, margin: [0, 4, 0, 0] },
      { text: meta.periodLine, alignment: 'center', italics: true, fontSize: 10 },
      { text: meta.cutLine, alignment: 'center', italics: true, fontSize: 9, margin: [0, 0, 0, 6] },
      ...(chart ? [chart] : []),
      ...tables.map((t) => pdfTable(t, t.columns.length > 12 ? 6.5 : 8)),
    ],
    footer: (currentPage, pageCount) => ({
      columns: [
        { text: meta.generatedLine, fontSize: 7 },
        { text: `Trang ${currentPage}/${pageCount}`, alignment: 'right', fontSize: 7, width: 80 },
      ],
      margin: [24, 10, 24, 0],
    }),
  };
  return renderPdf(definition);
}
