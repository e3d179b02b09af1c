import { PNG } from 'pngjs';
import { describe, expect, it } from 'vitest';
import { demoAgencySeal, demoPersonalSignature, describePng } from './signature-images.js';
import { PNG_1X1 } from '../../../test/fixtures/files.js';

/** Average colour of the drawn pixels (alpha > 0.5), and the share of transparent ones. */
function inks(png: Buffer) {
  const { data, width, height } = PNG.sync.read(png);
  const sum = [0, 0, 0];
  let drawn = 0;
  let clear = 0;
  for (let i = 0; i < width * height; i++) {
    const alpha = data[i * 4 + 3]!;
    if (alpha === 0) clear++;
    if (alpha < 128) continue;
    drawn++;
    for (let c = 0; c < 3; c++) sum[c]! += data[i * 4 + c]!;
  }
  return { rgb: sum.map((v) => v / drawn), clearShare: clear / (width * height), drawn };
}

describe('demo signature images (Decree 30 App. I colours, transparent PNG)', () => {
  it('draws the personal signature in blue on a transparent background', () => {
    const png = demoPersonalSignature('Nguyễn Văn An');
    const { rgb, clearShare, drawn } = inks(png);
    expect(rgb[2]).toBeGreaterThan(120);
    expect(rgb[2]).toBeGreaterThan(rgb[0]! * 3);
    expect(drawn).toBeGreaterThan(2000);
    expect(clearShare).toBeGreaterThan(0.7);
    expect(describePng(png)).toEqual({ width: 480, height: 180, transparentBackground: true });
  });

  it('is deterministic per name and differs between names', () => {
    const a = demoPersonalSignature('Nguyễn Văn An');
    expect(demoPersonalSignature('Nguyễn Văn An').equals(a)).toBe(true);
    expect(demoPersonalSignature('Trần Thị Bình').equals(a)).toBe(false);
  });

  it('draws a red round seal with lettering, transparent outside the circle', () => {
    const png = demoAgencySeal('Ủy ban nhân dân thành phố Hà Nội');
    const { rgb, drawn } = inks(png);
    expect(rgb[0]).toBeGreaterThan(180);
    expect(rgb[0]).toBeGreaterThan(rgb[2]! * 3);
    expect(drawn).toBeGreaterThan(20_000);
    expect(describePng(png)).toEqual({ width: 480, height: 480, transparentBackground: true });
    expect(demoAgencySeal('Sở Nội vụ').equals(png)).toBe(false);
  });

  it('describes an uploaded PNG, opaque corners included', () => {
    expect(describePng(PNG_1X1)).toMatchObject({ width: 1, height: 1 });
    expect(() => describePng(Buffer.from('not a png'))).toThrow();
  });
});
