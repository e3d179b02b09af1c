import { describe, expect, it } from 'vitest';
import {
  asciiFallback,
  contentDisposition,
  etagOf,
  ifRangeAllows,
  noneMatch,
  parseRange,
} from './download.models.js';

describe('Content-Disposition', () => {
  it('folds Vietnamese to ASCII for the fallback, đ included', () => {
    expect(asciiFallback('Đề án phát triển đô thị.pdf')).toBe('De an phat trien do thi.pdf');
    expect(asciiFallback('báo "cáo"\\x.pdf')).toBe('bao _cao__x.pdf');
    expect(asciiFallback('文件')).toBe('__');
  });

  it('carries the exact name as RFC 5987 UTF-8', () => {
    expect(contentDisposition('inline', "Tờ trình (số 1) 'gấp'*.pdf")).toBe(
      `inline; filename="To trinh (so 1) 'gap'*.pdf"; ` +
        `filename*=UTF-8''T%E1%BB%9D%20tr%C3%ACnh%20%28s%E1%BB%91%201%29%20%27g%E1%BA%A5p%27%2A.pdf`,
    );
  });
});

describe('Range', () => {
  it.each([
    [undefined, { type: 'full' }],
    ['bytes=0-9', { type: 'partial', start: 0, end: 9 }],
    ['bytes=90-', { type: 'partial', start: 90, end: 99 }],
    ['bytes=90-500', { type: 'partial', start: 90, end: 99 }],
    ['bytes=-10', { type: 'partial', start: 90, end: 99 }],
    ['bytes=-500', { type: 'partial', start: 0, end: 99 }],
    ['bytes=100-', { type: 'unsatisfiable' }],
    ['bytes=-0', { type: 'unsatisfiable' }],
    ['bytes=9-0', { type: 'full' }],
    ['bytes=0-1,5-6', { type: 'full' }],
    ['items=0-1', { type: 'full' }],
    ['bytes=-', { type: 'full' }],
  ])('%s of 100 bytes → %j', (header, expected) => {
    expect(parseRange(header, 100)).toEqual(expected);
  });

  it('has nothing to give from an empty file', () => {
    expect(parseRange('bytes=0-', 0)).toEqual({ type: 'unsatisfiable' });
  });
});

describe('validators', () => {
  const etag = etagOf('ab'.repeat(32));
  it('matches If-None-Match weakly, in lists and with *', () => {
    expect(noneMatch(etag, etag)).toBe(true);
    expect(noneMatch(`"other", W/${etag}`, etag)).toBe(true);
    expect(noneMatch('*', etag)).toBe(true);
    expect(noneMatch('"other"', etag)).toBe(false);
    expect(noneMatch(undefined, etag)).toBe(false);
  });

  it('serves a range under If-Range only for the same ETag', () => {
    expect(ifRangeAllows(undefined, etag)).toBe(true);
    expect(ifRangeAllows(etag, etag)).toBe(true);
    expect(ifRangeAllows('"old"', etag)).toBe(false);
    expect(ifRangeAllows('Wed, 21 Oct 2015 07:28:00 GMT', etag)).toBe(false);
  });
});
