/** HTTP rules of a download: names (RFC 6266/5987), ranges (RFC 9110 §14) and validators. */

/** `Quyết định số 12.pdf` → `Quyet dinh so 12.pdf`, for clients that ignore `filename*`. */
export function asciiFallback(name: string): string {
  const ascii = name
    .replace(/đ/g, 'd')
    .replace(/Đ/g, 'D')
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/[^\x20-\x7e]/g, '_')
    .replace(/["\\]/g, '_');
  return ascii.trim() || 'file';
}

/** RFC 5987 value-chars: encodeURIComponent leaves `'()*` alone, which are not attr-chars. */
function encodeRfc5987(value: string): string {
  return encodeURIComponent(value).replace(
    /['()*]/g,
    (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`,
  );
}

export function contentDisposition(type: 'inline' | 'attachment', name: string): string {
  return `${type}; filename="${asciiFallback(name)}"; filename*=UTF-8''${encodeRfc5987(name)}`;
}

export type RangeRequest =
  { type: 'full' } | { type: 'partial'; start: number; end: number } | { type: 'unsatisfiable' };

/**
 * One byte range, as PDF viewers ask for. Several ranges or a header we do not understand get the
 * whole body, which RFC 9110 allows (a server may ignore Range).
 */
export function parseRange(header: string | undefined, size: number): RangeRequest {
  if (!header) return { type: 'full' };
  const match = /^bytes=(\d*)-(\d*)$/.exec(header.trim());
  if (!match) return { type: 'full' };
  const [, first = '', last = ''] = match;
  if (first === '' && last === '') return { type: 'full' };
  if (first === '') {
    const suffix = Number(last);
    if (suffix === 0 || size === 0) return { type: 'unsatisfiable' };
    return { type: 'partial', start: Math.max(0, size - suffix), end: size - 1 };
  }
  const start = Number(first);
  const end = last === '' ? size - 1 : Math.min(Number(last), size - 1);
  if (last !== '' && Number(last) < start) return { type: 'full' };
  if (start >= size) return { type: 'unsatisfiable' };
  return { type: 'partial', start, end };
}

/** A strong validator: the content never changes for a given hash. */
export function etagOf(sha256: string): string {
  return `"${sha256}"`;
}

/** If-None-Match uses the weak comparison: `W/` prefixes do not matter, `*` matches anything. */
export function noneMatch(header: string | undefined, etag: string): boolean {
  if (!header) return false;
  if (header.trim() === '*') return true;
  return header.split(',').some((tag) => tag.trim().replace(/^W\//, '') === etag);
}

/** If-Range allows a partial answer only for the same strong ETag (we send no Last-Modified). */
export function ifRangeAllows(header: string | undefined, etag: string): boolean {
  return header === undefined || header.trim() === etag;
}
