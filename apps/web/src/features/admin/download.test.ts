import { describe, expect, it } from 'vitest';
import { filenameFromDisposition } from './download';

describe('filenameFromDisposition', () => {
  it('reads quoted, plain and UTF-8 names', () => {
    expect(filenameFromDisposition('attachment; filename="so-van-ban-den_2026.xlsx"')).toBe(
      'so-van-ban-den_2026.xlsx',
    );
    expect(filenameFromDisposition('attachment; filename=agencies.csv')).toBe('agencies.csv');
    expect(
      filenameFromDisposition(`attachment; filename="x.pdf"; filename*=UTF-8''s%E1%BB%95.pdf`),
    ).toBe('sổ.pdf');
    expect(filenameFromDisposition(null)).toBeNull();
    expect(filenameFromDisposition('inline')).toBeNull();
  });
});
