import { execFileSync } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { readSheet } from 'read-excel-file/node';
import { extractText } from 'unpdf';
import { describe, expect, it } from 'vitest';
import { buildIncomingRegisterPdf, buildIncomingRegisterXlsx } from './registers.export.js';
import {
  formatRegisterNumber,
  formatVnDate,
  incomingRegisterColumns,
  notesOf,
  typeAndSubject,
  type IncomingRegisterRow,
  type RegisterReportMeta,
} from './registers.export.models.js';

const headings = [
  'Ngày đến',
  'Số đến',
  'Tác giả',
  'Số, ký hiệu',
  'Ngày tháng',
  'Tên loại và trích yếu nội dung',
  'Đơn vị hoặc người nhận',
  'Ngày chuyển',
  'Ký nhận',
  'Ghi chú',
];

const senders = [
  'Ủy ban nhân dân thành phố Hà Nội',
  'Sở Nội vụ',
  'Bộ Tài chính',
  'Ủy ban nhân dân phường Ba Đình',
];
const subjects = [
  'Về việc phê duyệt kế hoạch cải cách hành chính năm 2026',
  'Về việc kiện toàn Ban chỉ đạo chuyển đổi số',
  'Hướng dẫn quyết toán ngân sách nhà nước năm 2025',
  'Về việc tổ chức hội nghị tổng kết công tác thi đua, khen thưởng',
];

function makeRows(count: number): IncomingRegisterRow[] {
  return Array.from({ length: count }, (_, i) => ({
    arrivalDate: `2026-03-${String((i % 28) + 1).padStart(2, '0')}`,
    arrivalNumber: i + 1,
    senderName: senders[i % senders.length]!,
    reference: `${i + 12}/${i % 2 ? 'QĐ' : 'SNV'}-UBND`,
    issueDate: '2026-02-27',
    typeName: i % 2 ? 'Quyết định' : 'Công văn',
    subject: `${subjects[i % subjects.length]!} (lần ${i + 1})`,
    receivers: 'Phòng Tổ chức biên chế – Nguyễn Thị Hương',
    transferDate: i % 3 === 0 ? null : '2026-03-05',
    notes: i % 5 === 0 ? 'Bản sao' : null,
    secret: i === 7,
  }));
}

const meta: RegisterReportMeta = {
  agencyName: 'Sở Nội vụ thành phố Hà Nội',
  parentAgencyName: 'Ủy ban nhân dân thành phố Hà Nội',
  registerName: 'Sổ đăng ký văn bản đến',
  year: 2026,
  from: '2026-01-01',
  to: '2026-03-31',
  generatedAt: new Date('2026-03-31T09:15:00Z'),
};

const utcDate = (iso: string) => new Date(`${iso}T00:00:00Z`);

describe('register formatting (Decree 30)', () => {
  it('writes dates dd/mm/yyyy, taking timestamps in Vietnam time', () => {
    expect(formatVnDate('2026-03-05')).toBe('05/03/2026');
    expect(formatVnDate('2026-03-04T18:30:00Z')).toBe('05/03/2026');
  });

  it('writes numbers below 10 with a leading zero', () => {
    expect(formatRegisterNumber(5)).toBe('05');
    expect(formatRegisterNumber(10)).toBe('10');
    expect(formatRegisterNumber(1234)).toBe('1234');
  });

  it('opens the subject with the type name, marks and (if asked) masks confidential rows', () => {
    const [row] = makeRows(1);
    expect(typeAndSubject(row!, false)).toBe(
      'Công văn về việc phê duyệt kế hoạch cải cách hành chính năm 2026 (lần 1)',
    );
    const secret = { ...row!, secret: true, notes: 'Khẩn' };
    expect(notesOf(secret)).toBe('Mật. Khẩn');
    expect(typeAndSubject(secret, true)).not.toContain('cải cách');
    // Decomposed input (base letter + combining marks) comes out composed.
    expect(typeAndSubject({ ...row!, subject: 'Ủy ban'.normalize('NFD') }, false)).toBe(
      'Công văn Ủy ban',
    );
  });
});

describe('incoming register as XLSX', () => {
  const rows = makeRows(30);

  it('has the title block, the ten headings, 30 rows with real dates and numbers', async () => {
    const buffer = await buildIncomingRegisterXlsx(rows, meta);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(buffer as unknown as ArrayBuffer);
    const sheet = workbook.worksheets[0]!;
    expect(sheet.name).toBe('Năm 2026');
    expect(sheet.getCell('A1').value).toBe('ỦY BAN NHÂN DÂN THÀNH PHỐ HÀ NỘI');
    expect(sheet.getCell('A2').value).toBe('SỞ NỘI VỤ THÀNH PHỐ HÀ NỘI');
    expect(sheet.getCell('A4').value).toBe('SỔ ĐĂNG KÝ VĂN BẢN ĐẾN');
    expect(sheet.getCell('A5').value).toBe('Năm 2026');
    expect(sheet.getCell('A6').value).toBe('Từ ngày 01/01/2026 đến ngày 31/03/2026');

    const header = sheet.getRow(8);
    expect(headings.map((_, i) => header.getCell(i + 1).value)).toEqual(headings);
    expect(header.getCell(6).font?.bold).toBe(true);
    expect(header.getCell(6).alignment?.wrapText).toBe(true);
    expect(header.getCell(6).border?.bottom?.style).toBe('thin');
    expect(sheet.getRow(9).getCell(10).value).toBe('(10)');
    expect(sheet.rowCount).toBe(9 + 30);

    const first = sheet.getRow(10);
    expect(first.getCell(1).value).toEqual(utcDate('2026-03-01'));
    expect(first.getCell(1).numFmt).toBe('dd/mm/yyyy');
    expect(first.getCell(2).value).toBe(1);
    expect(first.getCell(2).numFmt).toBe('00');
    expect(first.getCell(3).value).toBe('Ủy ban nhân dân thành phố Hà Nội');
    expect(first.getCell(4).value).toBe('12/SNV-UBND');
    expect(first.getCell(6).value).toBe(
      'Công văn về việc phê duyệt kế hoạch cải cách hành chính năm 2026 (lần 1)',
    );
    expect(first.getCell(8).value).toBeNull();
    expect(first.getCell(10).value).toBe('Bản sao');
    const second = sheet.getRow(11);
    expect(second.getCell(3).value).toBe('Sở Nội vụ');
    expect(second.getCell(6).value).toBe(
      'Quyết định về việc kiện toàn Ban chỉ đạo chuyển đổi số (lần 2)',
    );
    expect(second.getCell(8).value).toEqual(utcDate('2026-03-05'));
    expect(sheet.getRow(17).getCell(10).value).toBe('Mật');
    expect(sheet.getRow(39).getCell(2).value).toBe(30);

    expect(sheet.pageSetup).toMatchObject({
      paperSize: 9,
      orientation: 'landscape',
      fitToWidth: 1,
      printTitlesRow: '8:9',
    });
    expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 9 });
    expect(sheet.getColumn(6).width).toBe(incomingRegisterColumns[5].xlsxWidth);
  });

  it('reads back with a second parser (read-excel-file): same headings, values and dates', async () => {
    const data = await readSheet(await buildIncomingRegisterXlsx(rows, meta));
    const headerIndex = data.findIndex((r) => r[0] === 'Ngày đến');
    expect(headerIndex).toBeGreaterThan(0);
    expect(data[headerIndex]).toEqual(headings);
    const body = data.slice(headerIndex + 2);
    expect(body).toHaveLength(30);
    expect(body[0]![0]).toEqual(utcDate('2026-03-01'));
    expect(body[0]![1]).toBe(1);
    expect(body[3]![2]).toBe('Ủy ban nhân dân phường Ba Đình');
    expect(body[29]![5]).toBe('Quyết định về việc kiện toàn Ban chỉ đạo chuyển đổi số (lần 30)');
  });

  it('streams rows from an async iterable, with the same result', async () => {
    async function* cursor() {
      for (const row of rows) yield row;
    }
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(
      (await buildIncomingRegisterXlsx(cursor(), meta)) as unknown as ArrayBuffer,
    );
    expect(workbook.worksheets[0]!.rowCount).toBe(39);
  });
});

describe('incoming register as PDF', () => {
  it('prints a multi-page A4 landscape table with repeated headings, page numbers and diacritics', async () => {
    const buffer = await buildIncomingRegisterPdf(makeRows(60), meta);
    expect(buffer.subarray(0, 5).toString()).toBe('%PDF-');
    const { totalPages, text } = await extractText(new Uint8Array(buffer), { mergePages: false });
    expect(totalPages).toBeGreaterThan(1);
    const [first, second] = text as [string, string];
    expect(first).toContain('SỔ ĐĂNG KÝ VĂN BẢN ĐẾN');
    expect(first).toContain('SỞ NỘI VỤ THÀNH PHỐ HÀ NỘI');
    expect(first).toContain('Từ ngày 01/01/2026 đến ngày 31/03/2026');
    for (const heading of ['Ngày đến', 'Số đến', 'Tác giả', 'Số, ký hiệu', 'Ghi chú'])
      expect(first).toContain(heading);
    expect(first).toContain('Ủy ban nhân dân');
    expect(first).toContain('Quyết định về việc kiện toàn');
    expect(first).toContain('Sở Nội vụ');
    expect(first).toMatch(/\b05\b/);
    expect(first).toContain(`Trang 1/${totalPages}`);
    // The headings again at the top of the next page, and its own page number.
    expect(second).toContain('Ngày đến');
    expect(second).toContain('Tên loại và trích yếu');
    expect(second).toContain(`Trang 2/${totalPages}`);
    expect(second).not.toContain('SỔ ĐĂNG KÝ VĂN BẢN ĐẾN');
  });

  it('matches pdfinfo when poppler is installed (A4 landscape)', async (context) => {
    try {
      execFileSync('pdfinfo', ['-v'], { stdio: 'ignore' });
    } catch {
      context.skip('pdfinfo is not installed');
    }
    const dir = await mkdtemp(path.join(tmpdir(), 'vanban-register-'));
    try {
      const file = path.join(dir, 'register.pdf');
      await writeFile(file, await buildIncomingRegisterPdf(makeRows(60), meta));
      const info = execFileSync('pdfinfo', [file]).toString();
      expect(info).toMatch(/Page size:\s+841\.89 x 595\.28 pts \(A4\)/);
      expect(Number(/Pages:\s+(\d+)/.exec(info)?.[1])).toBeGreaterThan(1);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
