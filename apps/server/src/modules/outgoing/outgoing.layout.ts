import { PDFDocument, type PDFFont } from '@cantoo/pdf-lib';
import { MM, type Box } from '../../platform/signing/index.js';
import {
  baseline,
  blankOnBaseline,
  centre,
  DATE_WIDTH,
  NUMBER_GAP,
  numberBlankWidth,
  STAMP_SIZE,
  TEXT,
  TOP,
  Writer,
  type Column,
} from './outgoing.layout-page.js';
import {
  DESCENT,
  embedFonts,
  lineWidth,
  words,
  wrap,
  wrapBalanced,
} from './outgoing.layout-text.js';

export { defaultNumberBoxes } from './outgoing.layout-find.js';

/** What a document says, to be laid out as Decree 30/2020 Appendix I draws it. */
export interface OfficialDocumentInput {
  /** Direct parent agency, e.g. "Ủy ban nhân dân thành phố Hà Nội" (printed uppercase, regular). */
  parentAgencyName?: string;
  /** Issuing agency, e.g. "Sở Nội vụ thành phố Hà Nội" (printed uppercase, bold). */
  agencyName: string;
  /** "Quyết định", "Công văn", "Kế hoạch"… */
  docTypeName: string;
  /** Công văn: no type title; the subject goes as "V/v …" under the number. */
  isOfficialLetter: boolean;
  /**
   * What follows the number, e.g. "QĐ-UBND". Not printed: the clerk's stamp writes the whole
   * reference into the blank after "Số:", which is made wide enough for it.
   */
  notationSuffix: string;
  /** Place of issue, e.g. "Hà Nội": stamped with the date (kept in the PDF's metadata). */
  place: string;
  /** Trích yếu. */
  subject: string;
  /**
   * Paragraphs, wrapped, justified and paginated. A paragraph without lowercase letters
   * ("QUYẾT ĐỊNH:") is a centred bold heading, "Căn cứ…"/"Theo đề nghị…" are italic, and the
   * "Điều 1." of an article is bold (App. I §II.6).
   */
  body: string[];
  /** "TM. ỦY BAN NHÂN DÂN", "KT. GIÁM ĐỐC"… */
  authority?: string;
  /** "CHỦ TỊCH", "GIÁM ĐỐC". */
  signerPosition: string;
  signerName: string;
  /** "Nơi nhận:" lines, e.g. "- Như trên;", "- Lưu: VT, TCBC.". */
  recipients: string[];
}

export interface RenderedDocument {
  pdf: Buffer;
  /**
   * `number` and `date`: the blanks after "Số:" and under the motto (page 1, boxes 3 and 4) for
   * `stampNumber`; `signature`: the room between position and name (box 7c) for `signPersonal`.
   */
  boxes: { number: Box; date: Box; signature: Box };
}

// The header is a two-column table: agency on the left, motto on the right (App. I boxes 1–2).
// DejaVu Serif runs ~20 % wider than Times New Roman: the motto at 12 pt needs 104 of the 165 mm.
const HEAD_LEFT = { x: TEXT.x, width: 60 * MM };
const HEAD_RIGHT = { x: TEXT.x + 60 * MM, width: TEXT.width - 60 * MM };
// The closing is a table too: recipients on the left, the signer on the right (boxes 9b and 7).
const END_LEFT = { x: TEXT.x, width: 70 * MM };
const END_RIGHT = { x: TEXT.x + 70 * MM, width: TEXT.width - 70 * MM };
/** Room for the personal signature image, between the position line and the name (box 7c). */
const SIGNATURE = { width: 70 * MM, height: 30 * MM };
/** Rules sit 2 pt under the slot of the line they underline, ~5 pt under its baseline. */
const RULE_DROP = 2;
/** Space between the body and the closing block. */
const CLOSING_GAP = 8;

const upper = (text: string) => text.normalize('NFC').toLocaleUpperCase('vi');

/** Agency, motto, the number and date blanks, type and subject (App. I boxes 1–5). */
function header(w: Writer, input: OfficialDocumentInput): { number: Box; date: Box } {
  const { bold, regular } = w.fonts;
  const centred = (text: string, font: PDFFont, size: number, column: Column, top: number) =>
    w.centred([{ text, font }], size, column, top);
  // App. I §II.2: parent agency uppercase regular, agency uppercase bold, both 12–13 pt, and a
  // rule 1/3–1/2 of the agency line's length centred under it.
  const parent = input.parentAgencyName;
  const left = parent ? centred(upper(parent), regular, 12, HEAD_LEFT, TOP).y : TOP;
  const agency = centred(upper(input.agencyName), bold, 12, HEAD_LEFT, left);
  w.rule(centre(HEAD_LEFT), agency.y - RULE_DROP, agency.width * 0.4);

  // App. I §II.1: motto uppercase bold 12–13 pt; slogan bold 13–14 pt ruled along its length.
  const motto = centred('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', bold, 12, HEAD_RIGHT, TOP);
  const slogan = centred('Độc lập - Tự do - Hạnh phúc', bold, 13, HEAD_RIGHT, motto.y);
  w.rule(centre(HEAD_RIGHT), slogan.y - RULE_DROP, slogan.width);

  // Number (box 3: "Số:" 13 pt centred under the agency) and place and date (box 4: italic
  // 13–14 pt centred under the motto) share a row below the lower rule. Both are left blank:
  // the clerk numbers and dates the document after it is signed (Decree 30 Art. 15).
  const row = baseline(Math.min(agency.y, slogan.y) - RULE_DROP - 6, STAMP_SIZE);
  const label = words([{ text: 'Số:', font: regular }], STAMP_SIZE, HEAD_LEFT.width);
  const labelWidth = lineWidth(label, STAMP_SIZE) + NUMBER_GAP;
  const x = Math.max(HEAD_LEFT.x, centre(HEAD_LEFT) - (labelWidth + numberBlankWidth()) / 2);
  w.text(label, { x, y: row, size: STAMP_SIZE });
  const date = blankOnBaseline(centre(HEAD_RIGHT) - DATE_WIDTH / 2, row, DATE_WIDTH);
  // A notation longer than "QĐ-UBND" widens the blank up to the date's; beyond, the stamp shrinks.
  const blank = Math.min(numberBlankWidth(input.notationSuffix), date.x - x - labelWidth - 2);
  const number = blankOnBaseline(x + labelWidth, row, blank);
  w.y = row - DESCENT * STAMP_SIZE - 3;

  if (input.isOfficialLetter) {
    // App. I §II.5b: "V/v" and the subject, 12–13 pt, centred under the number, 6 pt below it.
    w.y = centred(`V/v ${input.subject}`, regular, 12, HEAD_LEFT, w.y - 6).y - 18;
  } else {
    // App. I §II.5a: type name uppercase bold 13–14 pt, subject bold 13–14 pt right under it,
    // and a rule of 1/3–1/2 of the subject's length under that.
    const type = centred(upper(input.docTypeName), bold, 14, TEXT, w.y - 22);
    const column = { x: TEXT.x + TEXT.width * 0.075, width: TEXT.width * 0.85 };
    const subject = centred(input.subject, bold, 14, column, type.y);
    w.rule(centre(TEXT), subject.y - RULE_DROP, subject.width * 0.4);
    w.y = subject.y - RULE_DROP - 14;
  }
  return { number, date };
}

/**
 * Recipients on the left ("Nơi nhận:" bold italic 12 pt, the list 11 pt: App. I §II.9b); on the
 * right authority and position (uppercase bold 13–14 pt), the signature's room and the name (bold
 * 13–14 pt: §II.7). Measured first, so the body can keep its last lines with it.
 */
function closing(w: Writer, input: OfficialDocumentInput) {
  const { bold, boldItalic, regular } = w.fonts;
  const dash = regular.widthOfTextAtSize('- ', 11);
  const recipients = input.recipients.flatMap((text) => {
    const hang = text.trimStart().startsWith('-') ? dash : 0;
    const all = words([{ text, font: regular }], 11, END_LEFT.width - hang);
    const lines = wrap(all, 11, END_LEFT.width, END_LEFT.width - hang);
    return lines.map((line, i) => ({ line, x: END_LEFT.x + (i ? hang : 0) }));
  });
  const titles = [input.authority, input.signerPosition].flatMap((t) => (t ? [upper(t)] : []));
  const titleLines = titles.flatMap((t) =>
    wrapBalanced(words([{ text: t, font: bold }], 13, END_RIGHT.width), 13, END_RIGHT.width),
  );
  const height =
    CLOSING_GAP +
    Math.max(
      (1 + recipients.length) * 12 * 1.2,
      (titleLines.length + 1) * 13 * 1.2 + SIGNATURE.height,
    );

  /** The block is never split: when it does not fit, it starts a new page. */
  const draw = (): Box => {
    w.room(height);
    const top = w.y - (w.y === TOP ? 0 : CLOSING_GAP);
    let y = top;
    const label = words([{ text: 'Nơi nhận:', font: boldItalic }], 12, END_LEFT.width);
    w.text(label, { x: END_LEFT.x, y: baseline(y, 12), size: 12 });
    y -= 12 * 1.2;
    for (const { line, x } of recipients) {
      w.text(line, { x, y: baseline(y, 11, 12 * 1.2), size: 11 });
      y -= 12 * 1.2;
    }
    let r = top;
    for (const t of titles) r = w.centred([{ text: t, font: bold }], 13, END_RIGHT, r).y;
    const width = Math.min(SIGNATURE.width, END_RIGHT.width);
    const x = centre(END_RIGHT) - width / 2;
    const signature = {
      page: w.pages.length,
      x,
      y: r - SIGNATURE.height,
      width,
      height: SIGNATURE.height,
    };
    r = w.centred([{ text: input.signerName, font: bold }], 13, END_RIGHT, signature.y).y;
    w.y = Math.min(y, r);
    return signature;
  };
  return { height, draw };
}

/**
 * Draws the document as Decree 30/2020 App. I lays it out (A4, DejaVu Serif standing in for
 * Times New Roman) with the number, the date and the signature left blank, and says where
 * those blanks are, so the signing pipeline (signPersonal → stampNumber → signAgency) fills them.
 */
export async function renderOfficialDocument(
  input: OfficialDocumentInput,
): Promise<RenderedDocument> {
  const doc = await PDFDocument.create();
  const writer = new Writer(doc, await embedFonts(doc));
  const blanks = header(writer, input);
  const end = closing(writer, input);
  // The last paragraph keeps its last lines with the signature block: a page holding only the
  // signature would look as if it could be attached to any text.
  input.body.forEach((text, i) =>
    writer.paragraph(text, i === input.body.length - 1 ? end.height : 0),
  );
  const signature = end.draw();
  doc.setTitle(`${input.docTypeName} ${input.subject}`.normalize('NFC'));
  doc.setSubject(input.subject.normalize('NFC'));
  doc.setAuthor(input.agencyName.normalize('NFC'));
  doc.setKeywords(
    [input.docTypeName, input.notationSuffix, input.place].map((k) => k.normalize('NFC')),
  );
  doc.setLanguage('vi-VN');
  doc.setProducer('Vanban');
  doc.setCreator('Vanban');
  return { pdf: Buffer.from(await doc.save()), boxes: { ...blanks, signature } };
}
