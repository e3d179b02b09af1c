import { describe, expect, it } from 'vitest';
import { makePdf } from '../../../test/fixtures/files.js';
import { defaultSignatureBox, fitImage, MM, sealBox } from './layout.js';
import { vietnamIsoTime } from './vietnam-time.js';
import { vietnameseDate } from './stamps.js';

describe('placement rules (Decree 30 App. I)', () => {
  it('fits an image into a box without stretching, centred', () => {
    const box = { page: 2, x: 100, y: 100, width: 200, height: 50 };
    const fitted = fitImage(box, { width: 480, height: 180 });
    expect(fitted.page).toBe(2);
    expect(fitted.height).toBeCloseTo(50);
    expect(fitted.width).toBeCloseTo(50 * (480 / 180));
    expect(fitted.x + fitted.width / 2).toBeCloseTo(200);
    expect(fitted.y).toBeCloseTo(100);
  });

  it('without a signature block, puts the signature under the last line, on the right', async () => {
    // makePdf: one line per page on baseline 700, pdf-lib's default A4 page (595.28 × 841.89).
    const box = await defaultSignatureBox(await makePdf(['Trang một', 'Trang hai']));
    expect(box.page).toBe(2);
    expect(box.x + box.width).toBeCloseTo(595.28 - 20 * MM);
    expect(box.y + box.height).toBeLessThan(700);
    expect(box.y + box.height).toBeGreaterThan(650);
  });

  it('puts the seal over the left third of the signature, centred on its middle line', () => {
    const signature = { page: 2, x: 330, y: 590, width: 180, height: 68 };
    const seal = sealBox(signature, 35 * MM);
    expect(seal.x + seal.width).toBeCloseTo(330 + 60);
    expect(seal.y + seal.height / 2).toBeCloseTo(590 + 34);
    expect(seal.page).toBe(2);
  });
});

describe('dates shown on documents', () => {
  it('writes the signing time as ISO 8601 in Vietnam time', () => {
    expect(vietnamIsoTime(new Date('2026-11-21T02:30:05Z'))).toBe('2026-11-21T09:30:05+07:00');
    expect(vietnamIsoTime(new Date('2026-12-31T17:00:00Z'))).toBe('2027-01-01T00:00:00+07:00');
  });

  it('pads days below 10 and months 1 and 2 only', () => {
    expect(vietnameseDate(new Date('2026-02-04T20:00:00Z'))).toBe('ngày 05 tháng 02 năm 2026');
    expect(vietnameseDate(new Date('2026-03-09T03:00:00Z'), 'Hà Nội')).toBe(
      'Hà Nội, ngày 09 tháng 3 năm 2026',
    );
    expect(vietnameseDate(new Date('2026-11-21T03:00:00Z'))).toBe('ngày 21 tháng 11 năm 2026');
  });
});
