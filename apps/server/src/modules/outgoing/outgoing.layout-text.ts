import fs from 'node:fs';
import { createRequire } from 'node:module';
import {
  beginText,
  endText,
  moveText,
  PDFNumber,
  PDFOperator,
  PDFOperatorNames,
  popGraphicsState,
  pushGraphicsState,
  setFillingGrayscaleColor,
  setFontAndSize,
  type PDFDocument,
  type PDFFont,
  type PDFName,
  type PDFObject,
  type PDFPage,
} from '@cantoo/pdf-lib';
import { fontFiles, fontkit, verticalMetrics } from '../../platform/signing/fonts.js';

/**
 * Text primitives of the Decree 30 layout: the four DejaVu Serif faces, word wrapping (greedy for
 * body text, balanced for centred headings) and justified lines.
 */

const require = createRequire(import.meta.url);
const bytesOf = (file: string) => fs.readFileSync(require.resolve(`dejavu-fonts-ttf/ttf/${file}`));

/** App. I wants bold and bold italic too; fonts.ts only ships the faces the stamps use. */
const faces = {
  regular: fontFiles.serif,
  italic: fontFiles.serifItalic,
  bold: () => bytesOf('DejaVuSerif-Bold.ttf'),
  boldItalic: () => bytesOf('DejaVuSerif-BoldItalic.ttf'),
};
export type Face = keyof typeof faces;
export type Fonts = Record<Face, PDFFont>;

export async function embedFonts(doc: PDFDocument): Promise<Fonts> {
  doc.registerFontkit(fontkit);
  const entries = await Promise.all(
    (Object.keys(faces) as Face[]).map(
      async (face) => [face, await doc.embedFont(faces[face](), { subset: true })] as const,
    ),
  );
  return Object.fromEntries(entries) as Fonts;
}

/** Every face of DejaVu Serif shares these (per point of size). */
export const { ascent: ASCENT, descent: DESCENT } = verticalMetrics(fontFiles.serif());

export interface Word {
  text: string;
  font: PDFFont;
  width: number;
}
export interface Run {
  text: string;
  font: PDFFont;
}
export type Line = Word[];

/** Words of the runs at `size`; a word wider than `max` (a URL) is cut into pieces that fit. */
export function words(runs: Run[], size: number, max: number): Word[] {
  const out: Word[] = [];
  for (const { text, font } of runs)
    for (const raw of text.normalize('NFC').split(/\s+/).filter(Boolean)) {
      let piece = '';
      for (const ch of raw) {
        if (piece && font.widthOfTextAtSize(piece + ch, size) > max) {
          out.push({ text: piece, font, width: font.widthOfTextAtSize(piece, size) });
          piece = '';
        }
        piece += ch;
      }
      out.push({ text: piece, font, width: font.widthOfTextAtSize(piece, size) });
    }
  return out;
}

const space = (word: Word, size: number) => word.font.widthOfTextAtSize(' ', size);

export function lineWidth(line: Line, size: number): number {
  return line.reduce((sum, w, i) => sum + w.width + (i > 0 ? space(line[i - 1]!, size) : 0), 0);
}

/** Greedy wrap; the first line may be narrower (first-line indent, App. I §II.6). */
export function wrap(all: Word[], size: number, first: number, rest = first): Line[] {
  const lines: Line[] = [];
  let line: Line = [];
  let width = 0;
  for (const word of all) {
    const max = lines.length === 0 ? first : rest;
    const next = line.length ? width + space(line.at(-1)!, size) + word.width : word.width;
    if (line.length && next > max) {
      lines.push(line);
      [line, width] = [[word], word.width];
    } else [line, width] = [[...line, word], next];
  }
  if (line.length) lines.push(line);
  return lines;
}

/**
 * As few lines as the greedy wrap, but as even as possible: "ỦY BAN NHÂN DÂN / THÀNH PHỐ HÀ NỘI"
 * rather than "ỦY BAN NHÂN DÂN THÀNH / PHỐ HÀ NỘI", as headers and titles are set by hand.
 */
export function wrapBalanced(all: Word[], size: number, max: number): Line[] {
  const count = wrap(all, size, max).length;
  let [low, high] = [max / count, max];
  for (let i = 0; i < 24; i++) {
    const mid = (low + high) / 2;
    if (wrap(all, size, mid).length <= count) high = mid;
    else low = mid;
  }
  return wrap(all, size, high);
}

/** Font resource names per page: one entry per face, as drawText's `setFont` would add. */
const fontKeys = new WeakMap<PDFPage, Map<PDFFont, PDFName>>();

function fontKey(page: PDFPage, font: PDFFont): PDFName {
  let keys = fontKeys.get(page);
  if (!keys) fontKeys.set(page, (keys = new Map()));
  let key = keys.get(font);
  if (!key) keys.set(font, (key = page.node.newFontDictionary(font.name, font.ref)));
  return key;
}

/**
 * One line as a single text object. Each word keeps its space glyph (so extracted text reads
 * right); for a justified line (App. I §II.6: "căn đều hai lề") the extra room goes after each
 * space as a TJ adjustment, since the Tw operator does not apply to two-byte (Type0) fonts.
 */
export function drawLine(
  page: PDFPage,
  line: Line,
  at: { x: number; y: number; size: number; justify?: number },
): void {
  const gaps = line.length - 1;
  const extra = at.justify && gaps > 0 ? (at.justify - lineWidth(line, at.size)) / gaps : 0;
  const ops = [pushGraphicsState(), setFillingGrayscaleColor(0), beginText(), moveText(at.x, at.y)];
  let font: PDFFont | undefined;
  let items: PDFObject[] = [];
  const flush = () => {
    if (items.length)
      ops.push(PDFOperator.of(PDFOperatorNames.ShowTextAdjusted, [page.doc.context.obj(items)]));
    items = [];
  };
  line.forEach((word, i) => {
    if (word.font !== font) {
      flush();
      font = word.font;
      ops.push(setFontAndSize(fontKey(page, font), at.size));
    }
    items.push(font.encodeText(i < gaps ? `${word.text} ` : word.text));
    if (i < gaps && extra > 0) items.push(PDFNumber.of((-extra * 1000) / at.size));
  });
  flush();
  ops.push(endText(), popGraphicsState());
  page.pushOperators(...ops);
}
