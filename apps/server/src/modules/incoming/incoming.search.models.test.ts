import { describe, expect, it } from 'vitest';
import { foldText, matchRanges, queryTerms, snippet } from './incoming.search.models.js';

describe('diacritics-insensitive highlighting', () => {
  it('folds Vietnamese one character at a time, đ to d', () => {
    const text = 'Quyết định của Ủy ban nhân dân về Đường Vành đai';
    expect(foldText(text)).toBe('quyet dinh cua uy ban nhan dan ve duong vanh dai');
    expect(foldText(text)).toHaveLength(text.length);
  });

  it('marks whole words found with or without marks, at the original offsets', () => {
    const text = 'Quyết định phê duyệt quy hoạch';
    for (const q of ['quyet dinh', 'Quyết Định', 'QUYET']) {
      const ranges = matchRanges(text, queryTerms(q));
      expect(ranges.map(([s, e]) => text.slice(s, e))[0]).toBe('Quyết');
    }
    expect(matchRanges(text, ['quy']).map(([s, e]) => text.slice(s, e))).toEqual(['quy']);
  });

  it('matches notations anywhere and merges overlapping ranges', () => {
    const text = 'Công văn số 12/UBND-VX ngày 02/3/2026';
    expect(matchRanges(text, queryTerms('12/ubnd')).map(([s, e]) => text.slice(s, e))).toEqual([
      '12/UBND',
    ]);
    expect(matchRanges('x 12/UB-VX y', ['12/ub', 'ub-vx'])).toEqual([[2, 10]]);
  });

  it('drops web-search operators from the terms', () => {
    expect(queryTerms('"kế hoạch" or -tết')).toEqual(['ke', 'hoach', 'tet']);
  });

  it('cuts a snippet around the first match of long extracted text', () => {
    const long = `${'Lorem ipsum. '.repeat(50)}Giải phóng mặt bằng đường Vành đai 4${' dolor'.repeat(50)}`;
    const s = snippet(long, queryTerms('vanh dai'))!;
    expect(s.text.startsWith('…')).toBe(true);
    expect(s.ranges.map(([a, b]) => s.text.slice(a, b))).toEqual(['Vành', 'đai']);
    expect(snippet('nothing here', ['absent'])).toBeNull();
  });
});
