import { getDocumentProxy } from 'unpdf';
import type { Box } from './pdf-document.js';

export const MM = 72 / 25.4;

/** Decree 30 App. I page margins: right 15–20 mm, bottom 20–25 mm (we keep the larger). */
const RIGHT_MARGIN = 20 * MM;
const BOTTOM_MARGIN = 20 * MM;
/** Blank space below which a gap between two lines is not the room left for a signature. */
const MIN_SIGNATURE_GAP = 14 * MM;

interface Segment {
  x: number;
  right: number;
  y: number;
  size: number;
}

/**
 * Runs of text on the last page, one per baseline, split where a wide blank separates two columns
 * ("Nơi nhận" on the left, the signer's position on the right).
 */
async function lastPageText(pdf: Uint8Array) {
  // A copy: pdf.js may take ownership of (detach) the buffer it is given.
  const doc = await getDocumentProxy(new Uint8Array(pdf), { verbosity: 0, isEvalSupported: false });
  try {
    const page = doc.numPages;
    const p = await doc.getPage(page);
    const [, , width = 0, height = 0] = p.view;
    const items = (await p.getTextContent()).items.flatMap((item) =>
      'str' in item && item.str.trim() !== ''
        ? [
            {
              x: item.transform[4] as number,
              right: (item.transform[4] as number) + item.width,
              y: item.transform[5] as number,
              size: Math.abs(item.transform[3] as number) || item.height,
            },
          ]
        : [],
    );
    items.sort((a, b) => b.y - a.y || a.x - b.x);
    const runs: Segment[] = [];
    for (const item of items) {
      const last = runs[runs.length - 1];
      if (last && Math.abs(last.y - item.y) < 2 && item.x - last.right < 3 * item.size)
        last.right = Math.max(last.right, item.right);
      else runs.push({ ...item });
    }
    return { page, width, height, runs };
  } finally {
    await doc.destroy();
  }
}

/**
 * Where the personal signature goes when the caller gives no box. Decree 30 App. I centres the
 * signature image between the signer's position line and name (box 7c): on the last page, in the
 * right-hand column, the lowest blank gap between two lines that is tall enough is that room.
 * Without one, the box goes under the last line of text, on the right, or else in the
 * bottom-right corner inside the margins.
 */
export async function defaultSignatureBox(pdf: Uint8Array): Promise<Box> {
  const { page, width, height, runs } = await lastPageText(pdf);
  const right = runs.filter((r) => r.x >= width * 0.45);
  const columnWidth = width - RIGHT_MARGIN - width * 0.45;
  for (let i = right.length - 1; i > 0; i--) {
    const [upper, lower] = [right[i - 1]!, right[i]!];
    const top = upper.y - upper.size * 0.3;
    const bottom = lower.y + lower.size * 0.9;
    if (top - bottom < MIN_SIGNATURE_GAP) continue;
    const h = Math.min(top - bottom - 4, 30 * MM);
    const w = Math.min(h * 2.6, columnWidth);
    const centre = (lower.x + lower.right) / 2;
    const x = Math.min(Math.max(centre - w / 2, width * 0.45), width - RIGHT_MARGIN - w);
    return { page, x, y: (top + bottom) / 2 - h / 2, width: w, height: h };
  }
  const [w, h] = [55 * MM, 22 * MM];
  const lowest = Math.min(height, ...runs.map((r) => r.y - r.size * 0.3));
  const y = Math.max(BOTTOM_MARGIN, lowest - 4 * MM - h);
  return { page, x: width - RIGHT_MARGIN - w, y, width: w, height: h };
}

/** The largest box of the image's aspect ratio inside `box`, centred: no stretched signatures. */
export function fitImage(box: Box, image: { width: number; height: number }): Box {
  const scale = Math.min(box.width / image.width, box.height / image.height);
  const [w, h] = [image.width * scale, image.height * scale];
  return {
    ...box,
    x: box.x + (box.width - w) / 2,
    y: box.y + (box.height - h) / 2,
    width: w,
    height: h,
  };
}

/**
 * The seal box: Decree 30 App. I puts the seal over about a third of the personal signature, on
 * its left side. The seal's right edge sits a third of the way into the signature and its centre
 * on the signature's middle line; `diameter` is the seal's real size.
 */
export function sealBox(signature: Box, diameter: number): Box {
  const x = signature.x + signature.width / 3 - diameter;
  const y = signature.y + signature.height / 2 - diameter / 2;
  return {
    page: signature.page,
    x: Math.max(0, x),
    y: Math.max(0, y),
    width: diameter,
    height: diameter,
  };
}
