import { describe, expect, it } from 'vitest';
import { readPngInfo } from './png';

function chunk(type: string, data: number[]): number[] {
  const length = data.length;
  return [
    (length >>> 24) & 255,
    (length >>> 16) & 255,
    (length >>> 8) & 255,
    length & 255,
    ...Array.from(type, (char) => char.charCodeAt(0)),
    ...data,
    0,
    0,
    0,
    0, // CRC, not checked
  ];
}

function png(width: number, height: number, colourType: number, extra: number[][] = []) {
  const ihdr = [
    0,
    0,
    (width >> 8) & 255,
    width & 255,
    0,
    0,
    (height >> 8) & 255,
    height & 255,
    8,
    colourType,
    0,
    0,
    0,
  ];
  return new Uint8Array([
    0x89,
    0x50,
    0x4e,
    0x47,
    0x0d,
    0x0a,
    0x1a,
    0x0a,
    ...chunk('IHDR', ihdr),
    ...extra.flat(),
    ...chunk('IDAT', [0]),
    ...chunk('IEND', []),
  ]);
}

describe('readPngInfo', () => {
  it('reads the size and the alpha channel', () => {
    expect(readPngInfo(png(300, 120, 6))).toEqual({ width: 300, height: 120, transparent: true });
    expect(readPngInfo(png(300, 120, 2))).toEqual({ width: 300, height: 120, transparent: false });
  });

  it('counts a tRNS chunk as transparency', () => {
    expect(
      readPngInfo(png(10, 10, 3, [chunk('PLTE', [0, 0, 0]), chunk('tRNS', [0])]))?.transparent,
    ).toBe(true);
  });

  it('rejects what is not a PNG', () => {
    expect(readPngInfo(new TextEncoder().encode('GIF89a not a png at all, really not'))).toBeNull();
    expect(readPngInfo(new Uint8Array([0x89, 0x50]))).toBeNull();
  });
});
