import { describe, expect, it } from 'vitest';
import { splitHighlights } from './highlight';

describe('splitHighlights', () => {
  it('marks the ranges and keeps the rest', () => {
    expect(splitHighlights('Kế hoạch cải cách hành chính', [[9, 17]])).toEqual([
      { text: 'Kế hoạch ', marked: false },
      { text: 'cải cách', marked: true },
      { text: ' hành chính', marked: false },
    ]);
  });

  it('merges overlapping ranges, sorts them and clamps them to the text', () => {
    const segments = splitHighlights('12/UBND-VX', [
      [8, 40],
      [0, 2],
      [1, 3],
      [5, 5],
    ]);
    expect(segments).toEqual([
      { text: '12/', marked: true },
      { text: 'UBND-', marked: false },
      { text: 'VX', marked: true },
    ]);
    expect(segments.map((s) => s.text).join('')).toBe('12/UBND-VX');
  });

  it('gives the plain text when nothing matched', () => {
    expect(splitHighlights('abc', [])).toEqual([{ text: 'abc', marked: false }]);
    expect(splitHighlights('', [[0, 3]])).toEqual([{ text: '', marked: false }]);
  });
});
