import { PDFDocument, type PDFPage } from '@cantoo/pdf-lib';
import { SigningError } from './errors.js';
import { fontkit } from './fonts.js';

/** A rectangle on a page: `page` counts from 1, x/y/width/height in PDF points from bottom-left. */
export interface Box {
  page: number;
  x: number;
  y: number;
  width: number;
  height: number;
}

/**
 * Opens a PDF so that saving appends an incremental update and never rewrites a byte already
 * there: earlier signatures stay valid (stack-notes §4.2, @cantoo/pdf-lib `forIncrementalUpdate`).
 */
export async function openForUpdate(bytes: Uint8Array): Promise<PDFDocument> {
  try {
    const doc = await PDFDocument.load(bytes, {
      forIncrementalUpdate: true,
      updateMetadata: false,
    });
    doc.registerFontkit(fontkit);
    return doc;
  } catch (error) {
    throw new SigningError('signing.pdf_invalid', (error as Error).message, error);
  }
}

export function pageOf(doc: PDFDocument, box: Box): PDFPage {
  const page = doc.getPages()[box.page - 1];
  if (!page) throw new SigningError('signing.box_invalid', `The PDF has no page ${box.page}`);
  const { width, height } = page.getSize();
  const inside =
    box.width > 0 &&
    box.height > 0 &&
    box.x >= 0 &&
    box.y >= 0 &&
    box.x + box.width <= width + 0.01 &&
    box.y + box.height <= height + 0.01;
  if (!inside) throw new SigningError('signing.box_invalid', `The box leaves page ${box.page}`);
  return page;
}
