import { getDocumentProxy } from 'unpdf';
import { beforeAll, describe, expect, it } from 'vitest';
import { MM, type Box } from '../../platform/signing/index.js';
import { serifWidth, WIDEST_NUMBER } from './outgoing.layout-page.js';
import {
  renderOfficialDocument,
  type OfficialDocumentInput,
  type RenderedDocument,
} from './outgoing.layout.js';
import { sampleDecision } from './outgoing.sample.js';

const A4 = { width: 595.28, height: 841.89 };

interface TextRun {
  text: string;
  x: number;
  right: number;
  y: number;
  size: number;
}

/** Text of each page as runs: items on one baseline joined unless a column gap parts them. */
export async function pagesOf(pdf: Uint8Array): Promise<TextRun[][]> {
  const doc = await getDocumentProxy(new Uint8Array(pdf), { verbosity: 0 });
  const pages: TextRun[][] = [];
  for (let n = 1; n <= doc.numPages; n++) {
    const items = (await (await doc.getPage(n)).getTextContent()).items.flatMap((i) =>
      'str' in i && i.str !== ''
        ? [
            {
              text: i.str,
              x: i.transform[4] as number,
              y: i.transform[5] as number,
              width: i.width,
            },
          ]
        : [],
    );
    items.sort((a, b) => b.y - a.y || a.x - b.x);
    const runs: TextRun[] = [];
    for (const { text, x, y, width } of items) {
      const last = runs.at(-1);
      if (last && Math.abs(last.y - y) < 0.5 && x - last.right < 6) {
        last.text += text;
        last.right = Math.max(last.right, x + width);
      } else runs.push({ text, x, right: x + width, y, size: 13 });
    }
    pages.push(
      runs
        .map((r) => ({ ...r, text: r.text.replace(/\s+/g, ' ').trim() }))
        .filter((r) => r.text !== ''),
    );
  }
  await doc.destroy();
  return pages;
}

const overlaps = (a: Box, r: TextRun) =>
  a.x < r.right &&
  r.x < a.x + a.width &&
  a.y < r.y + 0.93 * r.size &&
  r.y - 0.24 * r.size < a.y + a.height;
const boxesOverlap = (a: Box, b: Box) =>
  a.page === b.page &&
  a.x < b.x + b.width &&
  b.x < a.x + a.width &&
  a.y < b.y + b.height &&
  b.y < a.y + a.height;
/** All runs' text in reading order, without the page numbers in the top margin. */
const textOf = (pages: TextRun[][]) =>
  pages
    .flat()
    .filter((r) => r.y < A4.height - 20 * MM)
    .map((r) => r.text)
    .join(' ');
const find = (runs: TextRun[], text: string) => runs.find((r) => r.text === text);

export const letter: OfficialDocumentInput = {
  parentAgencyName: 'Ủy ban nhân dân thành phố Hà Nội',
  agencyName: 'Sở Nội vụ',
  docTypeName: 'Công văn',
  isOfficialLetter: true,
  notationSuffix: 'SNV-TCBC',
  place: 'Hà Nội',
  subject: 'báo cáo tình hình triển khai ký số văn bản điện tử quý I năm 2026',
  body: [
    'Kính gửi: Ủy ban nhân dân các phường, xã thuộc thành phố.',
    'Thực hiện Nghị định số 30/2020/NĐ-CP ngày 05 tháng 3 năm 2020 của Chính phủ về công tác văn thư, Sở Nội vụ đề nghị các đơn vị báo cáo tình hình ký số văn bản điện tử trước ngày 15 tháng 4 năm 2026.',
    'Trân trọng./.',
  ],
  authority: 'KT. GIÁM ĐỐC',
  signerPosition: 'Phó Giám đốc',
  signerName: 'Đặng Quốc Hưng',
  recipients: ['- Như trên;', '- Giám đốc Sở (để báo cáo);', '- Lưu: VT, TCBC.'],
};
const filler = (n: number) =>
  Array.from(
    { length: n },
    (_, i) =>
      `Điều ${i + 1}. Các cơ quan, đơn vị thuộc Ủy ban nhân dân thành phố thực hiện việc gửi, nhận văn bản điện tử qua Hệ thống quản lý văn bản và điều hành; văn bản giấy chỉ dùng khi pháp luật yêu cầu.`,
  );

let decision: RenderedDocument;
let official: RenderedDocument;
let long: RenderedDocument;

beforeAll(async () => {
  [decision, official, long] = await Promise.all([
    renderOfficialDocument(sampleDecision()),
    renderOfficialDocument(letter),
    renderOfficialDocument({ ...sampleDecision(), body: filler(40) }),
  ]);
});

describe('renderOfficialDocument (Decree 30 App. I)', () => {
  it('draws the header, title, subject, body and closing with their Vietnamese letters', async () => {
    const input = sampleDecision();
    const pages = await pagesOf(decision.pdf);
    const texts = pages.flat().map((r) => r.text);
    for (const line of [
      'ỦY BAN NHÂN DÂN',
      'THÀNH PHỐ HÀ NỘI',
      'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM',
    ])
      expect(texts).toContain(line);
    for (const line of ['Độc lập - Tự do - Hạnh phúc', 'Số:', 'QUYẾT ĐỊNH', 'Nơi nhận:'])
      expect(texts).toContain(line);
    for (const line of ['TM. ỦY BAN NHÂN DÂN', 'CHỦ TỊCH', 'Nguyễn Văn An', '- Lưu: VT, SNV.'])
      expect(texts).toContain(line);
    // Wrapped lines break at spaces: joined back, they give the subject and every paragraph.
    const all = textOf(pages);
    expect(all).toContain(input.subject);
    for (const paragraph of input.body) expect(all).toContain(paragraph);
  });

  it('leaves blanks inside the page, clear of the text and of each other', async () => {
    for (const rendered of [decision, official, long]) {
      const pages = await pagesOf(rendered.pdf);
      const { number, date, signature } = rendered.boxes;
      for (const box of [number, date, signature]) {
        expect(box.x).toBeGreaterThanOrEqual(30 * MM - 0.01);
        expect(box.x + box.width).toBeLessThanOrEqual(A4.width - 15 * MM + 0.01);
        expect(box.y).toBeGreaterThanOrEqual(20 * MM);
        expect(box.y + box.height).toBeLessThanOrEqual(A4.height - 20 * MM);
        for (const run of pages[box.page - 1]!) expect(overlaps(box, run), run.text).toBe(false);
      }
      expect(boxesOverlap(number, date) || boxesOverlap(number, signature)).toBe(false);
      expect([number.page, date.page, signature.page]).toEqual([1, 1, pages.length]);
      // The number continues the "Số:" line and holds the widest number at 13 pt.
      const label = find(pages[0]!, 'Số:')!;
      expect(number.x).toBeGreaterThan(label.right);
      expect(number.x - label.right).toBeLessThan(3 * MM);
      expect(number.y).toBeLessThan(label.y);
      expect(number.y + number.height).toBeGreaterThan(label.y + 9);
      expect(number.width).toBeGreaterThan(serifWidth(WIDEST_NUMBER, 13));
      expect(date.x).toBeGreaterThan(number.x + number.width - 0.01);
    }
  });

  it('puts the signature room between the position line and the name, centred on them', async () => {
    const last = (await pagesOf(decision.pdf)).at(-1)!;
    const { signature } = decision.boxes;
    const [position, name] = [find(last, 'CHỦ TỊCH')!, find(last, 'Nguyễn Văn An')!];
    expect(signature.y + signature.height).toBeLessThan(position.y);
    expect(signature.y).toBeGreaterThan(name.y);
    expect(signature.height).toBeCloseTo(30 * MM, 0);
    expect(signature.x + signature.width / 2).toBeCloseTo((name.x + name.right) / 2, 0);
    expect(signature.x + signature.width / 2).toBeCloseTo((position.x + position.right) / 2, 0);
  });

  it('draws a công văn with "V/v" under the number instead of a type title', async () => {
    const [first] = await pagesOf(official.pdf);
    const texts = first!.map((r) => r.text);
    expect(texts).not.toContain('CÔNG VĂN');
    expect(texts).toContain('SỞ NỘI VỤ');
    const vv = first!.filter((r) => r.y < official.boxes.number.y && r.x + r.right < 2 * 90 * MM);
    expect(vv[0]!.text.startsWith('V/v báo cáo')).toBe(true);
    const subject = vv
      .slice(0, 3)
      .map((r) => r.text)
      .join(' ');
    expect(subject).toContain(`V/v ${letter.subject}`);
    for (const r of vv.slice(0, 2)) expect((r.x + r.right) / 2).toBeCloseTo(60 * MM, 0);
  });

  it('paginates a long body with page numbers from page 2, in the top margin', async () => {
    const pages = await pagesOf(long.pdf);
    expect(pages.length).toBeGreaterThanOrEqual(2);
    expect(pages[0]!.some((r) => r.y > A4.height - 20 * MM)).toBe(false);
    pages.slice(1).forEach((runs, i) => {
      const top = runs.filter((r) => r.y > A4.height - 20 * MM);
      expect(top.map((r) => r.text)).toEqual([String(i + 2)]);
      expect((top[0]!.x + top[0]!.right) / 2).toBeCloseTo(30 * MM + (165 * MM) / 2, 0);
    });
    const all = textOf(pages);
    for (const paragraph of filler(40)) expect(all).toContain(paragraph);
  });

  it('never splits the closing block and never leaves it alone on a page', async () => {
    const pagesUsed = new Set<number>();
    // 6–7 articles leave room for the block on page 1; 8–11 do not (page 1 is full at ~10).
    for (const n of [6, 7, 8, 9, 10, 12]) {
      const { pdf, boxes } = await renderOfficialDocument({ ...sampleDecision(), body: filler(n) });
      pagesUsed.add(boxes.signature.page);
      const page = (await pagesOf(pdf))[boxes.signature.page - 1]!;
      const texts = page.map((r) => r.text);
      for (const line of ['Nơi nhận:', 'TM. ỦY BAN NHÂN DÂN', 'Nguyễn Văn An', '- Lưu: VT, SNV.'])
        expect(texts, `${n} articles`).toContain(line);
      expect(texts.some((t) => t.endsWith('pháp luật yêu cầu.') || t === 'yêu cầu.')).toBe(true);
      expect(Math.min(...page.map((r) => r.y))).toBeGreaterThan(20 * MM);
    }
    expect([...pagesUsed]).toEqual([1, 2]);
  });
});
