import {
  PDFArray,
  PDFDict,
  PDFHexString,
  PDFInvalidObject,
  PDFName,
  PDFNumber,
  PDFRef,
  PDFString,
  type PDFDocument,
  type PDFPage,
} from '@cantoo/pdf-lib';
import { DEFAULT_BYTE_RANGE_PLACEHOLDER, SUBFILTER_ETSI_CADES_DETACHED } from '@signpdf/utils';
import { pageOf, type Box } from './pdf-document.js';
import { vietnamLocal } from './vietnam-time.js';

/** A text string as PDF text (UTF-16BE with BOM when it is not plain ASCII: Vietnamese names). */
export const pdfText = (text: string) =>
  /^[\x20-\x7e]*$/.test(text) ? PDFString.of(text) : PDFHexString.fromText(text);

/** `D:YYYYMMDDHHmmss+07'00'`: the signing time as Vietnam time, as the signer would read it. */
export function pdfDate(date: Date): PDFString {
  return PDFString.of(`D:${vietnamLocal(date).replace(/[-T:]/g, '')}+07'00'`);
}

function acroForm(doc: PDFDocument): PDFDict {
  let form = doc.catalog.lookupMaybe(PDFName.of('AcroForm'), PDFDict);
  if (!form) {
    form = doc.context.obj({ Fields: [] });
    doc.catalog.set(PDFName.of('AcroForm'), doc.context.register(form));
  }
  return form;
}

function fields(doc: PDFDocument): PDFArray {
  const form = acroForm(doc);
  let list = form.lookupMaybe(PDFName.of('Fields'), PDFArray);
  if (!list) {
    list = doc.context.obj([]);
    form.set(PDFName.of('Fields'), list);
  }
  return list;
}

const fieldName = (field: PDFDict | undefined) =>
  field?.lookupMaybe(PDFName.of('T'), PDFString, PDFHexString)?.decodeText() ?? '';

/** `Signature1`, `Signature2`…: the first name no field has (the second signature is Signature2). */
function freeFieldName(doc: PDFDocument): string {
  const taken = new Set(
    fields(doc)
      .asArray()
      .map((ref) => fieldName(doc.context.lookupMaybe(ref, PDFDict))),
  );
  let n = 1;
  while (taken.has(`Signature${n}`)) n++;
  return `Signature${n}`;
}

function addAnnotation(page: PDFPage, ref: PDFRef) {
  const annots = page.node.lookupMaybe(PDFName.of('Annots'), PDFArray);
  if (annots) annots.push(ref);
  else page.node.set(PDFName.of('Annots'), page.doc.context.obj([ref]));
}

const rect = (box: Box) => [box.x, box.y, box.x + box.width, box.y + box.height];

/** Annotation flags: Print (4) + Locked (128) — shown, printed, not movable in a viewer. */
const PRINT_LOCKED = 4 | 128;

export interface SignatureDictionary {
  name?: string;
  reason?: string;
  location?: string;
  signingTime: Date;
  /** Bytes reserved for the CMS signature in /Contents. */
  contentsLength: number;
}

/**
 * Adds a signature field whose widget shows `appearance` in `box`, and a signature dictionary
 * with /ByteRange and /Contents placeholders for @signpdf/signpdf to fill. Written here rather
 * than with @signpdf/placeholder-pdf-lib, which names every field `Signature1`, gives the widget an
 * empty appearance and replaces an indirect /Fields array (dropping earlier fields).
 * Returns the field name.
 */
export function addSignatureField(
  doc: PDFDocument,
  box: Box,
  appearance: PDFRef,
  info: SignatureDictionary,
): string {
  const page = pageOf(doc, box);
  const byteRange = PDFArray.withContext(doc.context);
  byteRange.push(PDFNumber.of(0));
  for (let i = 0; i < 3; i++) byteRange.push(PDFName.of(DEFAULT_BYTE_RANGE_PLACEHOLDER));
  // /ByteRange must come before /Contents: @signpdf/signpdf looks for /Contents after it.
  const signature = doc.context.obj({
    Type: 'Sig',
    Filter: 'Adobe.PPKLite',
    SubFilter: SUBFILTER_ETSI_CADES_DETACHED,
    ByteRange: byteRange,
    Contents: PDFHexString.of('00'.repeat(info.contentsLength)),
    M: pdfDate(info.signingTime),
    ...(info.name ? { Name: pdfText(info.name) } : {}),
    ...(info.reason ? { Reason: pdfText(info.reason) } : {}),
    ...(info.location ? { Location: pdfText(info.location) } : {}),
    Prop_Build: { App: { Name: 'Vanban' } },
  });
  // Registered as raw bytes so the writer keeps it out of object streams: the placeholder must
  // be findable in the file as text.
  const bytes = new Uint8Array(signature.sizeInBytes());
  signature.copyBytesInto(bytes, 0);
  const signatureRef = doc.context.register(PDFInvalidObject.of(bytes));

  const name = freeFieldName(doc);
  const widget = doc.context.register(
    doc.context.obj({
      Type: 'Annot',
      Subtype: 'Widget',
      FT: 'Sig',
      Rect: rect(box),
      V: signatureRef,
      T: PDFString.of(name),
      F: PRINT_LOCKED,
      P: page.ref,
      AP: { N: appearance },
    }),
  );
  addAnnotation(page, widget);
  fields(doc).push(widget);
  const form = acroForm(doc);
  const flags = form.lookupMaybe(PDFName.of('SigFlags'), PDFNumber)?.asNumber() ?? 0;
  // SignaturesExist (1) | AppendOnly (2): viewers must save changes as incremental updates.
  form.set(PDFName.of('SigFlags'), PDFNumber.of(flags | 3));
  return name;
}

/**
 * A locked stamp annotation showing `appearance` in `box`. Used for the number written after the
 * personal signature: an annotation added in an incremental update, unlike a change to the page
 * content, is an allowed change to a signed PDF (stack-notes §4.2: Acrobat flags content changes).
 */
export function addStamp(doc: PDFDocument, box: Box, appearance: PDFRef, contents: string) {
  const page = pageOf(doc, box);
  const stamp = doc.context.register(
    doc.context.obj({
      Type: 'Annot',
      Subtype: 'Stamp',
      Name: 'Vanban',
      Rect: rect(box),
      Contents: pdfText(contents),
      F: PRINT_LOCKED | 512, // + LockedContents
      P: page.ref,
      AP: { N: appearance },
    }),
  );
  addAnnotation(page, stamp);
}

export interface SignatureWidget {
  name: string;
  box: Box;
  signature: PDFDict | null;
}

/** The signature fields of a document with their widget boxes (top-level fields, as we write). */
export function signatureWidgets(doc: PDFDocument): SignatureWidget[] {
  const form = doc.catalog.lookupMaybe(PDFName.of('AcroForm'), PDFDict);
  const list = form?.lookupMaybe(PDFName.of('Fields'), PDFArray);
  if (!list) return [];
  const pages = doc.getPages();
  const result: SignatureWidget[] = [];
  for (const ref of list.asArray()) {
    const field = doc.context.lookupMaybe(ref, PDFDict);
    if (field?.lookupMaybe(PDFName.of('FT'), PDFName)?.asString() !== '/Sig') continue;
    const [x1 = 0, y1 = 0, x2 = 0, y2 = 0] =
      field
        .lookupMaybe(PDFName.of('Rect'), PDFArray)
        ?.asArray()
        .map((n) => (n instanceof PDFNumber ? n.asNumber() : 0)) ?? [];
    // /P is optional; without it, the page is the one whose /Annots lists the widget.
    const pageRef = field.get(PDFName.of('P'));
    const pageIndex = pages.findIndex((p) =>
      pageRef instanceof PDFRef
        ? p.ref === pageRef
        : (p.node.lookupMaybe(PDFName.of('Annots'), PDFArray)?.asArray() ?? []).includes(ref),
    );
    result.push({
      name: fieldName(field),
      box: {
        page: pageIndex + 1,
        x: Math.min(x1, x2),
        y: Math.min(y1, y2),
        width: Math.abs(x2 - x1),
        height: Math.abs(y2 - y1),
      },
      signature: field.lookupMaybe(PDFName.of('V'), PDFDict) ?? null,
    });
  }
  return result;
}
