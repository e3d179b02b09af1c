import { getDocumentProxy } from 'unpdf';
import { MM, type Box } from '../../platform/signing/index.js';
import {
  blankOnBaseline,
  DATE_WIDTH,
  NUMBER_GAP,
  numberBlankWidth,
  serifWidth,
  STAMP_SIZE,
} from './outgoing.layout-page.js';

/**
 * Where the clerk's number and date go on a document Vanban did not draw (an uploaded PDF), found
 * from its text layer the way platform/signing/layout.ts finds the signature's room.
 */

interface TextItem {
  str: string;
  x: number;
  y: number;
  width: number;
  size: number;
}

/** Text items of page 1 (pdf.js positions: baseline origin, PDF points from bottom-left). */
async function firstPageText(pdf: Uint8Array) {
  // A copy: pdf.js may take ownership of (detach) the buffer it is given.
  const doc = await getDocumentProxy(new Uint8Array(pdf), { verbosity: 0, isEvalSupported: false });
  try {
    const page = await doc.getPage(1);
    const [, , width = 0, height = 0] = page.view;
    const items = (await page.getTextContent()).items.flatMap((item): TextItem[] =>
      'str' in item && item.str.trim() !== ''
        ? [
            {
              str: item.str.normalize('NFC'),
              x: item.transform[4] as number,
              y: item.transform[5] as number,
              width: item.width,
              size: Math.abs(item.transform[3] as number) || item.height,
            },
          ]
        : [],
    );
    return { width, height, items };
  } finally {
    await doc.destroy();
  }
}

/** Where the text after `prefix` starts in the item, by the widths of the two in a serif font. */
function endOf(item: TextItem, prefix: string): number {
  const whole = serifWidth(item.str, item.size);
  return item.x + (whole > 0 ? (item.width * serifWidth(prefix, item.size)) / whole : 0);
}

/** A place, a comma, then "ngày … tháng … năm …" to the end of the line (App. I §II.4). */
const PLACE_AND_DATE = /^\s*[\p{L} .'-]{2,60},\s*ngày\b.*tháng.*năm[\s\d.]*$/iu;

const clamp = (value: number, low: number, high: number) =>
  Math.min(Math.max(value, low), Math.max(low, high));

/**
 * Boxes for `stampNumber` on page 1 of an arbitrary PDF. The number goes right after "Số:" (box 3
 * of Decree 30 App. I). The date goes over the place-and-date line ("… ngày … tháng … năm …",
 * box 4) when there is one; else on the "Số:" row (App. I sets both on one row), centred under
 * the motto ("Độc lập - Tự do - Hạnh phúc") or in the right half. Without "Số:", the number goes
 * under the left header column; without anything, both sit 45 mm below the top edge, under the
 * two header columns.
 */
export async function defaultNumberBoxes(pdf: Uint8Array): Promise<{ number: Box; date: Box }> {
  const { width, height, items } = await firstPageText(pdf);
  const header = items.filter((i) => i.y > height * 0.55);
  const label = header.find((i) => /^\s*Số\s*:/u.test(i.str));
  // "Hà Nội, ngày … tháng … năm …" as a line of its own, near the "Số:" row when there is one
  // (a "Căn cứ … ngày 16 tháng 6 năm 2025;" of the preamble is no date line).
  const dateLine = header.find(
    (i) =>
      PLACE_AND_DATE.test(i.str) &&
      (label ? Math.abs(i.y - label.y) < 3 * label.size : i.y > height * 0.65),
  );
  const motto = header.find((i) => /Độc\s*lập/u.test(i.str));

  const row = label?.y ?? dateLine?.y ?? (motto ? motto.y - 2 * STAMP_SIZE : height - 45 * MM);
  const left = 30 * MM;
  const right = width - 15 * MM;
  const blank = numberBlankWidth();
  const numberX = label
    ? endOf(label, /^\s*Số\s*:/u.exec(label.str)![0]) + NUMBER_GAP
    : left + 10 * MM;
  const number = blankOnBaseline(clamp(numberX, 0, width - blank), row, blank);

  let date: Box;
  if (dateLine) {
    const w = Math.max(dateLine.width, serifWidth('Hà Nội, ngày 05 tháng 02 năm 2026', STAMP_SIZE));
    const x = clamp(dateLine.x + dateLine.width / 2 - w / 2, 0, width - w);
    date = blankOnBaseline(x, dateLine.y, Math.min(w, width));
  } else {
    const cx = motto ? motto.x + motto.width / 2 : (width / 2 + right) / 2;
    const half = Math.min(cx - Math.max(left, number.x + number.width), right - cx);
    const w = Math.min(Math.max(half, 40 * MM) * 2, DATE_WIDTH);
    date = blankOnBaseline(clamp(cx - w / 2, 0, width - w), row, Math.min(w, width));
  }
  return { number, date };
}
