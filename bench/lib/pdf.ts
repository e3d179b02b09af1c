/**
 * Small valid PDFs without a PDF library: a few pages of text in a standard font plus an
 * unreferenced filler stream up to the wanted size (as an embedded scan or font would add).
 * pdf.js opens them, counts their pages and extracts their text like a real letter's.
 */

function escapeText(s: string): string {
  return s.replace(/[\\()]/g, '\\$&');
}

/** ASCII only: the standard fonts have no Vietnamese glyphs, so text is given unaccented. */
export function buildPdf(options: { pages: string[][]; size: number; fill?: string }): Buffer {
  const objects: string[] = [];
  const pageIds: number[] = [];
  // 1 catalog, 2 pages, 3 font; then per page: page + content; then the filler.
  objects[1] = '<< /Type /Catalog /Pages 2 0 R >>';
  objects[3] = '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>';
  let next = 4;
  for (const lines of options.pages) {
    const pageId = next++;
    const contentId = next++;
    pageIds.push(pageId);
    const ops = ['BT', '/F1 11 Tf', '14 TL', '56 780 Td'];
    for (const line of lines) ops.push(`(${escapeText(line)}) '`);
    ops.push('ET');
    const stream = ops.join('\n');
    objects[pageId] =
      `<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] ` +
      `/Resources << /Font << /F1 3 0 R >> >> /Contents ${contentId} 0 R >>`;
    objects[contentId] = `<< /Length ${Buffer.byteLength(stream)} >>\nstream\n${stream}\nendstream`;
  }
  objects[2] = `<< /Type /Pages /Kids [${pageIds.map((id) => `${id} 0 R`).join(' ')}] /Count ${pageIds.length} >>`;
  const fillerId = next++;

  const render = (fillerLength: number): Buffer => {
    const fill = (options.fill ?? 'vanban-bench ').repeat(Math.ceil(fillerLength / 13) + 1);
    const filler = fill.slice(0, fillerLength);
    objects[fillerId] = `<< /Length ${filler.length} >>\nstream\n${filler}\nendstream`;
    let out = '%PDF-1.4\n%\xe2\xe3\xcf\xd3\n';
    const offsets: number[] = [];
    for (let id = 1; id < next; id++) {
      offsets[id] = Buffer.byteLength(out, 'latin1');
      out += `${id} 0 obj\n${objects[id]}\nendobj\n`;
    }
    const xref = Buffer.byteLength(out, 'latin1');
    out += `xref\n0 ${next}\n0000000000 65535 f \n`;
    for (let id = 1; id < next; id++) out += `${String(offsets[id]).padStart(10, '0')} 00000 n \n`;
    out += `trailer\n<< /Size ${next} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
    return Buffer.from(out, 'latin1');
  };
  // Lengths and offsets grow by a few digits with the filler: correct once more.
  let filler = Math.max(0, options.size - render(0).length);
  filler = Math.max(0, filler - (render(filler).length - options.size));
  return render(filler);
}

/** Folds Vietnamese to ASCII for the PDF text layer (đ → d, tones removed). */
export function asciiFold(s: string): string {
  return s
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/đ/g, 'd')
    .replace(/Đ/g, 'D');
}

/** Lines of at most `width` characters. */
export function wrap(text: string, width = 90): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/)) {
    if (line && line.length + word.length + 1 > width) {
      lines.push(line);
      line = word;
    } else line = line ? `${line} ${word}` : word;
  }
  if (line) lines.push(line);
  return lines;
}
