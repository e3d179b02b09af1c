import {
  beginText,
  concatTransformationMatrix,
  drawObject,
  endText,
  moveText,
  popGraphicsState,
  pushGraphicsState,
  setFillingGrayscaleColor,
  setFontAndSize,
  showText,
  type PDFDocument,
  type PDFFont,
  type PDFImage,
  type PDFRef,
} from '@cantoo/pdf-lib';
import { SigningError } from './errors.js';
import { fontFiles, verticalMetrics } from './fonts.js';
import type { Box } from './pdf-document.js';

/** The normal appearances (/AP /N) of our widgets and stamps: an image, or lines of text. */

export async function embedImage(doc: PDFDocument, png: Uint8Array): Promise<PDFImage> {
  try {
    return await doc.embedPng(png);
  } catch (error) {
    throw new SigningError('signing.image_invalid', (error as Error).message, error);
  }
}

/** A form XObject that paints the image over the whole box: the widget's normal appearance. */
export function imageAppearance(doc: PDFDocument, image: PDFImage, box: Box): PDFRef {
  const ops = [
    pushGraphicsState(),
    concatTransformationMatrix(box.width, 0, 0, box.height, 0, 0),
    drawObject('Im0'),
    popGraphicsState(),
  ];
  return doc.context.register(
    doc.context.formXObject(ops, {
      BBox: [0, 0, box.width, box.height],
      Resources: { XObject: { Im0: image.ref } },
    }),
  );
}

export interface TextLines {
  lines: string[];
  size: number;
  align: 'left' | 'right' | 'center';
}

/** An embedded font with its vertical metrics (pdf-lib's `heightAtSize` mis-scales the descent). */
export interface TextFont {
  font: PDFFont;
  ascent: number;
  descent: number;
}

export async function embedSerif(doc: PDFDocument, italic = false): Promise<TextFont> {
  const bytes = italic ? fontFiles.serifItalic() : fontFiles.serif();
  return { font: await doc.embedFont(bytes, { subset: true }), ...verticalMetrics(bytes) };
}

/**
 * A form XObject with black text lines, centred vertically in the box; the size shrinks when the
 * widest line would not fit (a long place name must not be clipped).
 */
export function textAppearance(
  doc: PDFDocument,
  { font, ascent, descent }: TextFont,
  text: TextLines,
  box: Box,
): PDFRef {
  const widest = Math.max(...text.lines.map((line) => font.widthOfTextAtSize(line, text.size)));
  const size = widest > box.width ? (text.size * box.width) / widest : text.size;
  const leading = size * 1.2;
  const block = (text.lines.length - 1) * leading + (ascent + descent) * size;
  const firstBaseline = box.height - (box.height - block) / 2 - ascent * size;
  const ops = [pushGraphicsState(), setFillingGrayscaleColor(0)];
  text.lines.forEach((line, i) => {
    const width = font.widthOfTextAtSize(line, size);
    const free = box.width - width;
    const x = text.align === 'left' ? 0 : text.align === 'right' ? free : free / 2;
    ops.push(
      beginText(),
      setFontAndSize('F0', size),
      moveText(x, firstBaseline - i * leading),
      showText(font.encodeText(line)),
      endText(),
    );
  });
  ops.push(popGraphicsState());
  return doc.context.register(
    doc.context.formXObject(ops, {
      BBox: [0, 0, box.width, box.height],
      Resources: { Font: { F0: font.ref } },
    }),
  );
}
