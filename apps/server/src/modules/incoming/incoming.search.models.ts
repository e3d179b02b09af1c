/**
 * Diacritics-insensitive matching for highlights. The database folds with `unaccent` (đ → d,
 * every Vietnamese tone and vowel mark removed); this folds the same way one character at a
 * time, so a match found in the folded text maps back to the same offsets in the original.
 */
export function foldChar(ch: string): string {
  if (ch === 'đ') return 'd';
  if (ch === 'Đ') return 'd';
  const base = ch.normalize('NFD').replace(/\p{M}/gu, '');
  return (base.length === 1 ? base : ch).toLowerCase().slice(0, 1) || ch;
}

export function foldText(text: string): string {
  let out = '';
  for (const ch of text) out += ch.length === 1 ? foldChar(ch) : ' ';
  return out;
}

/** Words of a query, folded; operators and quotes of web search syntax are dropped. */
export function queryTerms(q: string): string[] {
  return [
    ...new Set(
      foldText(q.normalize('NFC'))
        .split(/[\s"()]+/u)
        .map((t) => t.replace(/^[-+]+/, ''))
        .filter((t) => t.length > 0 && t !== 'or'),
    ),
  ];
}

/** Ranges `[start, end)` of whole-word or notation matches of any term, merged and sorted. */
export function matchRanges(text: string, terms: string[]): [number, number][] {
  const folded = foldText(text.normalize('NFC'));
  const ranges: [number, number][] = [];
  for (const term of terms) {
    const wordLike = /^[\p{L}\p{N}]+$/u.test(term);
    let from = 0;
    for (;;) {
      const at = folded.indexOf(term, from);
      if (at < 0) break;
      const end = at + term.length;
      const before = at === 0 ? '' : folded.charAt(at - 1);
      const after = folded.charAt(end);
      const boundary = !/[\p{L}\p{N}]/u.test(before) && !/[\p{L}\p{N}]/u.test(after);
      if (!wordLike || boundary) ranges.push([at, end]);
      from = at + 1;
    }
  }
  ranges.sort((a, b) => a[0] - b[0]);
  const merged: [number, number][] = [];
  for (const r of ranges) {
    const last = merged[merged.length - 1];
    if (last && r[0] <= last[1]) last[1] = Math.max(last[1], r[1]);
    else merged.push([r[0], r[1]]);
  }
  return merged;
}

/** A window of the text around the first match (for long extracted content). */
export function snippet(
  text: string,
  terms: string[],
  width = 240,
): { text: string; ranges: [number, number][] } | null {
  const all = matchRanges(text, terms);
  const first = all[0];
  if (!first) return null;
  const start = Math.max(0, first[0] - Math.floor(width / 3));
  const end = Math.min(text.length, start + width);
  const shown =
    (start > 0 ? '…' : '') +
    text.slice(start, end).replace(/\s+/g, ' ') +
    (end < text.length ? '…' : '');
  return { text: shown, ranges: matchRanges(shown, terms) };
}
