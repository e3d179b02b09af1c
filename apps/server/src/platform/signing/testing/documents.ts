import fs from 'node:fs';
import { createRequire } from 'node:module';
import fontkit from '@pdf-lib/fontkit';
import { PDFDocument, type PDFFont, type PDFPage } from 'pdf-lib';
import type { Box } from '../pdf-document.js';

/**
 * A two-page decision laid out as Decree 30 App. I draws it (header, "Số: …/QĐ-UBND" with the number
 * left blank, signature block on the last page), made with upstream pdf-lib the way other tools
 * make PDFs (object streams, subset font) — so the signing code meets a file it did not write.
 */
const require = createRequire(import.meta.url);
const font = (file: string) => fs.readFileSync(require.resolve(`dejavu-fonts-ttf/ttf/${file}`));

export interface DecisionPdf {
  pdf: Buffer;
  /** The blank after "Số:" (box 3) and the date line's place (box 4), on page 1. */
  numberBox: Box;
  dateBox: Box;
}

export async function makeDecisionPdf(): Promise<DecisionPdf> {
  const doc = await PDFDocument.create();
  doc.registerFontkit(fontkit);
  const regular = await doc.embedFont(font('DejaVuSerif.ttf'), { subset: true });
  const bold = await doc.embedFont(font('DejaVuSerif-Bold.ttf'), { subset: true });
  const centred = (page: PDFPage, text: string, cx: number, y: number, f: PDFFont, size = 12) =>
    page.drawText(text, { x: cx - f.widthOfTextAtSize(text, size) / 2, y, size, font: f });
  const body = (page: PDFPage, lines: string[], y: number) =>
    lines.forEach((line, i) =>
      page.drawText(line, { x: 85, y: y - i * 18, size: 13, font: regular }),
    );

  const one = doc.addPage([595.28, 841.89]);
  centred(one, 'ỦY BAN NHÂN DÂN', 170, 780, regular);
  centred(one, 'THÀNH PHỐ HÀ NỘI', 170, 764, bold);
  centred(one, 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', 400, 780, bold, 11);
  centred(one, 'Độc lập - Tự do - Hạnh phúc', 400, 764, bold);
  one.drawText('Số:', { x: 110, y: 730, size: 13, font: regular });
  centred(one, 'QUYẾT ĐỊNH', 297, 680, bold, 14);
  centred(one, 'Về việc phê duyệt kế hoạch chuyển đổi số năm 2026', 297, 662, bold, 13);
  body(
    one,
    [
      'CHỦ TỊCH ỦY BAN NHÂN DÂN THÀNH PHỐ HÀ NỘI',
      'Căn cứ Luật Tổ chức chính quyền địa phương ngày 16 tháng 6 năm 2025;',
      'Căn cứ Nghị định số 30/2020/NĐ-CP ngày 05 tháng 3 năm 2020 của Chính phủ',
      'về công tác văn thư;',
      'Theo đề nghị của Giám đốc Sở Nội vụ.',
    ],
    620,
  );

  const two = doc.addPage([595.28, 841.89]);
  body(
    two,
    [
      'Điều 1. Phê duyệt kế hoạch chuyển đổi số năm 2026 của thành phố.',
      'Điều 2. Quyết định này có hiệu lực kể từ ngày ký.',
      'Điều 3. Chánh Văn phòng, Giám đốc các sở, Chủ tịch Ủy ban nhân dân',
      'các phường, xã chịu trách nhiệm thi hành Quyết định này./.',
    ],
    780,
  );
  two.drawText('Nơi nhận:', { x: 85, y: 680, size: 12, font: bold });
  two.drawText('- Như Điều 3;', { x: 85, y: 664, size: 11, font: regular });
  two.drawText('- Lưu: VT, SNV.', { x: 85, y: 650, size: 11, font: regular });
  centred(two, 'KT. CHỦ TỊCH', 420, 680, bold, 13);
  centred(two, 'PHÓ CHỦ TỊCH', 420, 664, bold, 13);
  centred(two, 'Nguyễn Văn An', 420, 570, bold, 13);

  return {
    pdf: Buffer.from(await doc.save()),
    numberBox: { page: 1, x: 135, y: 726, width: 120, height: 18 },
    dateBox: { page: 1, x: 300, y: 726, width: 220, height: 18 },
  };
}
