/** A piece of text, marked when it matched the search. */
export interface Segment {
  text: string;
  marked: boolean;
}

/**
 * Splits `text` on the server's match ranges (`[start, end)`, UTF-16 offsets) into plain and marked
 * segments. Ranges are clamped to the text, sorted and merged, so bad input never throws or
 * duplicates text; the segments always join back to `text`.
 */
export function splitHighlights(
  text: string,
  ranges: readonly (readonly [number, number])[],
): Segment[] {
  const clean = ranges
    .map(
      ([start, end]) =>
        [
          Math.max(0, Math.min(start, text.length)),
          Math.max(0, Math.min(end, text.length)),
        ] as const,
    )
    .filter(([start, end]) => end > start)
    .sort((a, b) => a[0] - b[0]);
  const merged: [number, number][] = [];
  for (const [start, end] of clean) {
    const last = merged.at(-1);
    if (last && start <= last[1]) {
      last[1] = Math.max(last[1], end);
    } else {
      merged.push([start, end]);
    }
  }
  const segments: Segment[] = [];
  let at = 0;
  for (const [start, end] of merged) {
    if (start > at) segments.push({ text: text.slice(at, start), marked: false });
    segments.push({ text: text.slice(start, end), marked: true });
    at = end;
  }
  if (at < text.length || segments.length === 0) {
    segments.push({ text: text.slice(at), marked: false });
  }
  return segments;
}
