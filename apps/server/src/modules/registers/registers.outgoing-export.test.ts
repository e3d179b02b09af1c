import { execFileSync } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { readSheet } from 'read-excel-file/node';
import { describe, expect, it } from 'vitest';
import type { RegisterReportMeta } from './registers.export.models.js';
import {
  buildOutgoingRegisterPdf,
  buildOutgoingRegisterXlsx,
  type OutgoingRegisterRow,
} from './registers.outgoing-export.js';

const headings = [
  'Số, ký hiệu văn bản',
  'Ngày tháng văn bản',
  'Tên loại và trích yếu nội dung văn bản',
  'Người ký',
  'Nơi nhận văn bản',
  'Đơn vị, người nhận bản lưu',
  'Số lượng bản',
  'Ngày chuyển',
  'Ký nhận',
  'Ghi chú',
];

const rows: OutgoingRegisterRow[] = [
  {
    number: 5,
    reference: '05/UBND-VX',
    issueDate: '2026-03-02',
    typeName: 'Công văn',
    subject: 'Về việc triển khai Kế hoạch chuyển đổi số năm 2026',
    signerName: 'Trần Thị Hồng Nhung',
    recipients: 'Sở Tài chính; Sở Xây dựng; UBND phường Ba Đình',
    fileCopyHolder: 'Lưu: VT, VX',
    copies: 4,
    // Sent at 01:40 on 4 March in Vietnam, still 3 March in UTC.
    transferDate: '2026-03-03T18:40:00Z',
    notes: null,
    secret: false,
  },
  {
    number: 24,
    reference: '24/2026/QĐ-UBND',
    issueDate: '2026-03-12',
    typeName: 'Quyết định',
    // Pasted decomposed (base letters + combining marks): written composed.
    subject: 'Ban hành Quy chế quản lý văn bản điện tử'.normalize('NFD'),
    signerName: 'Nguyễn Văn Đức',
    recipients: 'Bộ Tư pháp (Cục Kiểm tra VBQPPL);\nCổng thông tin điện tử thành phố',
    fileCopyHolder: 'Lưu: VT, TCBC',
    copies: 12,
    transferDate: '2026-03-13',
    notes: 'Đăng Công báo',
    secret: false,
  },
  {
    number: 7,
    reference: '07/UBND-NC',
    issueDate: '2026-03-20',
    typeName: 'Công văn',
    subject: 'Về việc bảo vệ bí mật nhà nước trong hội nghị trực tuyến',
    signerName: 'Lê Quang Huy',
    recipients: 'Công an thành phố',
    fileCopyHolder: 'Lưu: VT',
    copies: null,
    transferDate: null,
    notes: null,
    secret: true,
  },
];

const meta: RegisterReportMeta = {
  agencyName: 'Ủy ban nhân dân quận Ba Đình',
  parentAgencyName: 'Ủy ban nhân dân thành phố Hà Nội',
  registerName: 'Sổ đăng ký văn bản đi',
  year: 2026,
  from: '2026-03-01',
  to: '2026-03-31',
  generatedAt: new Date('2026-03-31T09:15:00Z'),
};

const utcDate = (iso: string) => new Date(`${iso}T00:00:00Z`);

function manyRows(count: number): OutgoingRegisterRow[] {
  return Array.from({ length: count }, (_, i) => ({
    ...rows[i % rows.length]!,
    number: i + 1,
    reference: `${String(i + 1).padStart(2, '0')}/UBND-VX`,
    subject: `Về việc tổng kết công tác thi đua, khen thưởng (đợt ${i + 1})`,
  }));
}

describe('outgoing register as XLSX', () => {
  it('reads back with read-excel-file: title, the ten headings and the row values', async () => {
    const data = await readSheet(await buildOutgoingRegisterXlsx(rows, meta));
    const flat = data.flat();
    expect(flat).toContain('ỦY BAN NHÂN DÂN THÀNH PHỐ HÀ NỘI');
    expect(flat).toContain('ỦY BAN NHÂN DÂN QUẬN BA ĐÌNH');
    expect(flat).toContain('SỔ ĐĂNG KÝ VĂN BẢN ĐI');
    expect(flat).toContain('Từ ngày 01/03/2026 đến ngày 31/03/2026');

    const headerIndex = data.findIndex((r) => r[0] === 'Số, ký hiệu văn bản');
    expect(headerIndex).toBeGreaterThan(0);
    expect(data[headerIndex]).toEqual(headings);
    expect(data[headerIndex + 1]).toEqual(headings.map((_, i) => `(${i + 1})`));
    const body = data.slice(headerIndex + 2);
    expect(body).toHaveLength(3);
    expect(body[0]).toEqual([
      '05/UBND-VX',
      utcDate('2026-03-02'),
      'Công văn về việc triển khai Kế hoạch chuyển đổi số năm 2026',
      'Trần Thị Hồng Nhung',
      'Sở Tài chính; Sở Xây dựng; UBND phường Ba Đình',
      'Lưu: VT, VX',
      4,
      utcDate('2026-03-04'),
      null,
      null,
    ]);
    expect(body[1]).toEqual([
      '24/2026/QĐ-UBND',
      utcDate('2026-03-12'),
      'Quyết định Ban hành Quy chế quản lý văn bản điện tử',
      'Nguyễn Văn Đức',
      'Bộ Tư pháp (Cục Kiểm tra VBQPPL); Cổng thông tin điện tử thành phố',
      'Lưu: VT, TCBC',
      12,
      utcDate('2026-03-13'),
      null,
      'Đăng Công báo',
    ]);
    // The confidential row: marked in the notes, its subject shown to the authorised reader.
    expect(body[2]![2]).toBe('Công văn về việc bảo vệ bí mật nhà nước trong hội nghị trực tuyến');
    expect(body[2]![6]).toBeNull();
    expect(body[2]![7]).toBeNull();
    expect(body[2]![9]).toBe('Mật');
  });

  it('prints like the incoming register: Times New Roman, A4 landscape, headings on each page', async () => {
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(
      (await buildOutgoingRegisterXlsx(rows, meta)) as unknown as ArrayBuffer,
    );
    const sheet = workbook.worksheets[0]!;
    expect(sheet.name).toBe('Năm 2026');
    expect(sheet.getCell('A4').value).toBe('SỔ ĐĂNG KÝ VĂN BẢN ĐI');
    expect(sheet.getCell('A4').font).toMatchObject({ name: 'Times New Roman', bold: true });
    expect(sheet.getCell('A7').value).toBeNull();
    const header = sheet.getRow(8);
    expect(header.getCell(3).value).toBe('Tên loại và trích yếu nội dung văn bản');
    expect(header.getCell(3).font).toMatchObject({ name: 'Times New Roman', bold: true });
    expect(header.getCell(3).border?.bottom?.style).toBe('thin');
    const first = sheet.getRow(10);
    expect(first.getCell(1).font?.name).toBe('Times New Roman');
    expect(first.getCell(2).numFmt).toBe('dd/mm/yyyy');
    expect(first.getCell(7).alignment?.horizontal).toBe('center');
    expect(sheet.rowCount).toBe(9 + 3);
    expect(sheet.pageSetup).toMatchObject({
      paperSize: 9,
      orientation: 'landscape',
      fitToWidth: 1,
      printTitlesRow: '8:9',
    });
    expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 9 });
  });

  it('titles the confidential series by its name, masks subjects if asked, streams rows', async () => {
    async function* cursor() {
      for (const row of rows) if (row.secret) yield row;
    }
    const secretMeta = {
      ...meta,
      registerName: 'Sổ đăng ký văn bản đi mật',
      maskSecretSubjects: true,
    };
    const data = await readSheet(await buildOutgoingRegisterXlsx(cursor(), secretMeta));
    expect(data.flat()).toContain('SỔ ĐĂNG KÝ VĂN BẢN ĐI MẬT');
    const body = data.slice(data.findIndex((r) => r[0] === 'Số, ký hiệu văn bản') + 2);
    expect(body).toHaveLength(1);
    expect(body[0]![0]).toBe('07/UBND-NC');
    expect(body[0]![2]).not.toContain('bí mật nhà nước');
    expect(body[0]![9]).toBe('Mật');
  });
});

/** poppler-utils (pdftotext, pdfinfo): installed by CI and on our machines. */
const poppler = (() => {
  try {
    execFileSync('pdftotext', ['-v'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
})();

/** What pdfinfo reports, and the text of each page (pdftotext), whitespace collapsed. */
async function readPdf(pdf: Buffer): Promise<{ info: string; pages: string[] }> {
  const dir = await mkdtemp(path.join(tmpdir(), 'vanban-outgoing-register-'));
  try {
    const file = path.join(dir, 'register.pdf');
    await writeFile(file, pdf);
    const info = execFileSync('pdfinfo', [file]).toString();
    const pages = execFileSync('pdftotext', ['-enc', 'UTF-8', file, '-'])
      .toString()
      .split('\f')
      .filter((page) => page.trim())
      .map((page) => page.replace(/\s+/g, ' '));
    return { info, pages };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

describe.skipIf(!poppler)('outgoing register as PDF (read back with poppler)', () => {
  it('prints the title, the headings on each page and the subjects', async () => {
    const buffer = await buildOutgoingRegisterPdf([...rows, ...manyRows(60)], meta);
    expect(buffer.subarray(0, 5).toString()).toBe('%PDF-');
    const { info, pages } = await readPdf(buffer);
    expect(info).toMatch(/Page size:\s+841\.89 x 595\.28 pts \(A4\)/);
    expect(pages.length).toBeGreaterThan(1);
    const [first, second] = pages as [string, string];
    expect(first).toContain('SỔ ĐĂNG KÝ VĂN BẢN ĐI');
    expect(first).toContain('ỦY BAN NHÂN DÂN QUẬN BA ĐÌNH');
    expect(first).toContain('Từ ngày 01/03/2026 đến ngày 31/03/2026');
    expect(first).toContain('Người ký');
    expect(first).toContain('24/2026/QĐ-UBND');
    expect(first).toContain('Quy chế quản lý văn bản điện tử');
    expect(first).toContain('Trần Thị Hồng Nhung');
    expect(first).toContain('04/03/2026');
    expect(first).toContain('Mật');
    expect(first).toContain(`Trang 1/${pages.length}`);
    // The headings again at the top of the next page, without the title block.
    expect(second).toContain('Nơi nhận văn bản');
    expect(second).toContain(`Trang 2/${pages.length}`);
    expect(second).not.toContain('SỔ ĐĂNG KÝ VĂN BẢN ĐI');
  });

  it('titles the legal series by its name', async () => {
    const legal = { ...meta, registerName: 'Sổ đăng ký văn bản quy phạm pháp luật' };
    const { pages } = await readPdf(await buildOutgoingRegisterPdf([rows[1]!], legal));
    expect(pages).toHaveLength(1);
    expect(pages[0]).toContain('SỔ ĐĂNG KÝ VĂN BẢN QUY PHẠM PHÁP LUẬT');
    expect(pages[0]).toContain('Ban hành Quy chế quản lý văn bản điện tử');
  });
});
