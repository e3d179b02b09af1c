import { embedSerif, textAppearance } from './appearances.js';
import { addStamp } from './fields.js';
import { openForUpdate, type Box } from './pdf-document.js';
import { vietnamLocal } from './vietnam-time.js';

/**
 * "ngày 05 tháng 02 năm 2026" in Vietnam time: Decree 30 App. I §II.4 writes a leading zero for
 * days below 10 and for months 1 and 2 only.
 */
export function vietnameseDate(date: Date, place?: string): string {
  const [y, m, d] = vietnamLocal(date).slice(0, 10).split('-').map(Number) as [
    number,
    number,
    number,
  ];
  const day = String(d).padStart(2, '0');
  const month = m < 3 ? String(m).padStart(2, '0') : String(m);
  return `${place ? `${place}, ` : ''}ngày ${day} tháng ${month} năm ${y}`;
}

export interface StampNumberOptions {
  /** Number and notation as it is shown, e.g. `15/QĐ-UBND`. */
  reference: string;
  date: Date;
  /** Where the number goes (box 3); the date goes under it unless `dateBox` is given. */
  box: Box;
  /** Where the place and date line goes (box 4). */
  dateBox?: Box;
  /** Place name before the date, e.g. `Hà Nội`. */
  place?: string;
  /** Decree 30 App. I: number 13 pt, date line 13–14 pt italic. */
  fontSize?: number;
}

/**
 * Writes the number and the date the clerk assigns after the personal signature (Decree 30
 * Art. 15: documents are numbered after signing) as locked stamp annotations in an incremental
 * update, so the personal signature stays valid, and the agency signature that follows covers them.
 */
export async function stampNumber(pdf: Uint8Array, options: StampNumberOptions): Promise<Buffer> {
  const doc = await openForUpdate(pdf);
  const size = options.fontSize ?? 13;
  const upright = await embedSerif(doc);
  const dateText = vietnameseDate(options.date, options.place);
  if (options.dateBox) {
    const italic = await embedSerif(doc, true);
    const number = { lines: [options.reference], size, align: 'left' as const };
    addStamp(
      doc,
      options.box,
      textAppearance(doc, upright, number, options.box),
      options.reference,
    );
    const date = { lines: [dateText], size, align: 'center' as const };
    addStamp(doc, options.dateBox, textAppearance(doc, italic, date, options.dateBox), dateText);
  } else {
    const both = { lines: [options.reference, dateText], size, align: 'left' as const };
    const appearance = textAppearance(doc, upright, both, options.box);
    addStamp(doc, options.box, appearance, `${options.reference}\n${dateText}`);
  }
  return Buffer.from(await doc.commit());
}
