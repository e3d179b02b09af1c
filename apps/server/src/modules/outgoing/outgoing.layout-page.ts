import type { Font } from '@cantoo/fontkit';
import { rgb, type PDFDocument, type PDFPage } from '@cantoo/pdf-lib';
import { fontFiles, fontkit } from '../../platform/signing/fonts.js';
import { MM, type Box } from '../../platform/signing/index.js';
import {
  ASCENT,
  DESCENT,
  drawLine,
  lineWidth,
  words,
  wrap,
  wrapBalanced,
  type Fonts,
  type Line,
  type Run,
} from './outgoing.layout-text.js';

/**
 * Page geometry of Decree 30/2020 App. I, the blanks the clerk's stamp fills (shared with
 * `defaultNumberBoxes`), and a writer that fills pages top to bottom.
 */

// App. I §I: A4; margins top and bottom 20–25 mm, left 30–35 mm, right 15–20 mm.
export const PAGE = { width: 595.28, height: 841.89 };
export const MARGIN = { top: 20 * MM, bottom: 20 * MM, left: 30 * MM, right: 15 * MM };
export const TEXT = { x: MARGIN.left, width: PAGE.width - MARGIN.left - MARGIN.right };
export const TOP = PAGE.height - MARGIN.top;
export interface Column {
  x: number;
  width: number;
}
export const centre = (c: Column) => c.x + c.width / 2;

/** The number and the date are stamped at 13 pt (stampNumber's default; App. I §II.3, §II.4). */
export const STAMP_SIZE = 13;
/** Height of the number and date blanks: one 13 pt line with some air. */
const BLANK_HEIGHT = 20;
/** The widest number the blank must hold (a legal document's, with the year). */
export const WIDEST_NUMBER = '1234/2026/QĐ-UBND';
/** Gap between "Số:" and the blank: about a space at 13 pt. */
export const NUMBER_GAP = 1.5 * MM;
/**
 * Width of the date blank, centred under the motto: room for "Thành phố Hồ Chí Minh, ngày 05
 * tháng 02 năm 2026" at 13 pt would take 117 mm, so a long place name is shrunk by the stamp.
 */
export const DATE_WIDTH = 97 * MM;

/** Baseline of a line of `size` whose slot of height `leading` starts at `top`. */
export function baseline(top: number, size: number, leading = size * 1.2): number {
  return top - (leading + (ASCENT - DESCENT) * size) / 2;
}

/**
 * A blank whose stamped line (stampNumber centres its text vertically in the box) sits on
 * `baseline`, so the number continues the "Số:" line and the date sits where it is printed.
 */
export function blankOnBaseline(x: number, baseline: number, width: number): Box {
  const block = (ASCENT + DESCENT) * STAMP_SIZE;
  const y = baseline - DESCENT * STAMP_SIZE - (BLANK_HEIGHT - block) / 2;
  return { page: 1, x, y, width, height: BLANK_HEIGHT };
}

let measureFont: Font | undefined;

/** Width at `size` of upright DejaVu Serif text without a PDF at hand (the stamps' face). */
export function serifWidth(text: string, size: number): number {
  if (!measureFont) {
    const font = fontkit.create(fontFiles.serif());
    if (!('layout' in font)) throw new Error('Not a single font');
    measureFont = font;
  }
  return (measureFont.layout(text.normalize('NFC')).advanceWidth / measureFont.unitsPerEm) * size;
}

/** Width of the number blank: the widest number, or this notation with a four-digit number. */
export function numberBlankWidth(notation?: string): number {
  const widest = Math.max(
    serifWidth(WIDEST_NUMBER, STAMP_SIZE),
    notation ? serifWidth(`1234/2026/${notation}`, STAMP_SIZE) : 0,
  );
  return Math.ceil(widest + 2);
}

/** Paragraph spacing at least 6 pt, first-line indent 1–1.27 cm (App. I §II.6). */
const PARAGRAPH_GAP = 6;
const INDENT = 12.7 * MM;
/** Body text 13–14 pt (App. I §II.6): 13, as DejaVu Serif is wider than Times New Roman. */
const BODY_SIZE = 13;
const BODY_LEADING = BODY_SIZE * 1.25;

/** Fills pages top to bottom: `y` is the top of the next line's slot. */
export class Writer {
  readonly pages: PDFPage[] = [];
  y = TOP;

  constructor(
    readonly doc: PDFDocument,
    readonly fonts: Fonts,
  ) {
    this.newPage();
  }

  get page(): PDFPage {
    return this.pages.at(-1)!;
  }

  /** App. I §II (page numbers): 13–14 pt, centred in the top margin, none on page 1. */
  newPage(): void {
    this.pages.push(this.doc.addPage([PAGE.width, PAGE.height]));
    this.y = TOP;
    const n = this.pages.length;
    if (n > 1) {
      const line = words([{ text: String(n), font: this.fonts.regular }], 13, TEXT.width);
      this.text(line, { x: centre(TEXT), y: PAGE.height - MARGIN.top / 2 - 4, size: 13 }, true);
    }
  }

  /** Moves to a new page unless `height` more points fit above the bottom margin. */
  room(height: number): void {
    if (this.y - height < MARGIN.bottom) this.newPage();
  }

  text(line: Line, at: { x: number; y: number; size: number; justify?: number }, centred = false) {
    const x = centred ? at.x - lineWidth(line, at.size) / 2 : at.x;
    drawLine(this.page, line, { ...at, x });
  }

  /**
   * Lines centred in a column from `top` (balanced, as headings are set by hand); returns the
   * top of the next line and the widest line's width (for the rules under them).
   */
  centred(runs: Run[], size: number, column: Column, top: number) {
    let y = top;
    const lines = wrapBalanced(words(runs, size, column.width), size, column.width);
    for (const line of lines) {
      this.text(line, { x: centre(column), y: baseline(y, size), size }, true);
      y -= size * 1.2;
    }
    return { y, width: Math.max(...lines.map((l) => lineWidth(l, size))) };
  }

  /** A thin solid rule centred on `cx` (App. I: "đường kẻ ngang, nét liền"). */
  rule(cx: number, y: number, length: number): void {
    const [start, end] = [
      { x: cx - length / 2, y },
      { x: cx + length / 2, y },
    ];
    this.page.drawLine({ start, end, thickness: 0.6, color: rgb(0, 0, 0) });
  }

  /**
   * A body paragraph: wrapped, justified but for its last line, paginated line by line. When the
   * `keep` points that follow would not fit after it, its last two lines go to the next page.
   */
  paragraph(text: string, keep = 0): void {
    const { runs, heading } = paragraphRuns(text.normalize('NFC'), this.fonts);
    const all = words(runs, BODY_SIZE, TEXT.width - INDENT);
    const lines = heading
      ? wrapBalanced(all, BODY_SIZE, TEXT.width)
      : wrap(all, BODY_SIZE, TEXT.width - INDENT, TEXT.width);
    lines.forEach((line, i) => {
      const left = lines.length - i;
      const tail = left * BODY_LEADING + PARAGRAPH_GAP + keep;
      // A heading ("QUYẾT ĐỊNH:") never ends a page: it needs room for two lines after it.
      const need = heading && i === 0 ? BODY_LEADING * (lines.length + 2) : BODY_LEADING;
      this.room(keep && left <= 2 && this.y - tail < MARGIN.bottom ? tail : need);
      const y = baseline(this.y, BODY_SIZE, BODY_LEADING);
      if (heading) this.text(line, { x: centre(TEXT), y, size: BODY_SIZE }, true);
      else {
        const x = TEXT.x + (i === 0 ? INDENT : 0);
        const justify = i < lines.length - 1 ? TEXT.x + TEXT.width - x : undefined;
        this.text(line, { x, y, size: BODY_SIZE, ...(justify ? { justify } : {}) });
      }
      this.y -= BODY_LEADING;
    });
    this.y -= PARAGRAPH_GAP;
  }
}

/**
 * How App. I §II.6 sets the parts of the content: headings without lowercase letters ("QUYẾT
 * ĐỊNH:") centred bold; the legal grounds ("Căn cứ…", "Theo đề nghị…") italic; "Điều 1." bold.
 */
function paragraphRuns(text: string, fonts: Fonts): { runs: Run[]; heading: boolean } {
  if (/\p{L}/u.test(text) && !/\p{Ll}/u.test(text))
    return { runs: [{ text, font: fonts.bold }], heading: true };
  if (/^(Căn cứ|Theo đề nghị|Xét đề nghị)/u.test(text))
    return { runs: [{ text, font: fonts.italic }], heading: false };
  const article = /^(Điều \d+\p{L}?\.)\s*(.*)$/su.exec(text);
  if (article)
    return {
      runs: [
        { text: article[1]!, font: fonts.bold },
        { text: article[2]!, font: fonts.regular },
      ],
      heading: false,
    };
  return { runs: [{ text, font: fonts.regular }], heading: false };
}
