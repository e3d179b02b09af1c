import { X509Certificate } from 'node:crypto';
import type { PDFDocument, PDFRef } from '@cantoo/pdf-lib';
import { SignPdf } from '@signpdf/signpdf';
import { Signer as SignPdfSigner } from '@signpdf/utils';
import { assertValidAt } from './certificates.js';
import { createCadesDetached } from './cms.js';
import { SigningError } from './errors.js';
import { defaultSignatureBox, fitImage, MM, sealBox } from './layout.js';
import { embedImage, embedSerif, imageAppearance, textAppearance } from './appearances.js';
import { addSignatureField, signatureWidgets } from './fields.js';
import { openForUpdate, pageOf, type Box } from './pdf-document.js';
import type { Signer } from './signer.js';
import { vietnamIsoTime } from './vietnam-time.js';

export interface SignOptions {
  signer: Signer;
  /** Claimed signing time, written to /M (PAdES B-B carries no time inside the CMS). */
  signingTime: Date;
  reason?: string;
  location?: string;
}

export interface SignResult {
  pdf: Buffer;
  /** `Signature1`, `Signature2`… */
  fieldName: string;
  /** Where the signature's appearance was placed. */
  box: Box;
}

/** Adapts our `Signer` to @signpdf/signpdf, which hands over the bytes of the /ByteRange. */
class CadesSigner extends SignPdfSigner {
  constructor(private readonly signer: Signer) {
    super();
  }

  override async sign(pdfBuffer: Buffer): Promise<Buffer> {
    return createCadesDetached(pdfBuffer, this.signer);
  }
}

/**
 * The one way a signature is added: refuse a certificate outside its validity, append an
 * incremental update with the field and a /Contents placeholder, then let @signpdf/signpdf
 * compute the /ByteRange and embed the CMS.
 */
async function sign(
  pdf: Uint8Array,
  options: SignOptions,
  place: (doc: PDFDocument) => Promise<{ box: Box; appearance: PDFRef }>,
): Promise<SignResult> {
  const certificate = options.signer.describe();
  assertValidAt(certificate, options.signingTime);
  const doc = await openForUpdate(pdf);
  const { box, appearance } = await place(doc);
  // The chain, the signature and the signed attributes, plus room for a timestamp token later.
  const chainBytes = options.signer
    .certificateChain()
    .reduce((n, pem) => n + new X509Certificate(pem).raw.length, 0);
  const fieldName = addSignatureField(doc, box, appearance, {
    ...(certificate.commonName ? { name: certificate.commonName } : {}),
    ...(options.reason ? { reason: options.reason } : {}),
    ...(options.location ? { location: options.location } : {}),
    signingTime: options.signingTime,
    contentsLength: chainBytes + 8192,
  });
  const prepared = Buffer.from(await doc.commit());
  const signed = await new SignPdf().sign(prepared, new CadesSigner(options.signer));
  return { pdf: signed, fieldName, box };
}

/**
 * The competent person's signature (box 7c): the blue signature image, by default between the
 * position line and the name on the last page (see `defaultSignatureBox`), fitted into the box
 * without stretching.
 */
export async function signPersonal(
  pdf: Uint8Array,
  options: SignOptions & { image: Uint8Array; box?: Box },
): Promise<SignResult> {
  const area = options.box ?? (await defaultSignatureBox(pdf));
  return sign(pdf, options, async (doc) => {
    const image = await embedImage(doc, options.image);
    const box = fitImage(area, image);
    pageOf(doc, box);
    return { box, appearance: imageAppearance(doc, image, box) };
  });
}

/**
 * The agency signature (box 8), made by the clerk after numbering: the red seal at its real size
 * (`sealDiameter`, 35 mm unless told), over about a third of the personal signature on its left
 * (Decree 30 App. I). Without `overlapWith`, the last signature field of the PDF is taken as the
 * personal signature.
 */
export async function signAgency(
  pdf: Uint8Array,
  options: SignOptions & { sealImage: Uint8Array; overlapWith?: Box; sealDiameter?: number },
): Promise<SignResult> {
  return sign(pdf, options, async (doc) => {
    const personal = options.overlapWith ?? signatureWidgets(doc).at(-1)?.box;
    if (!personal || personal.page < 1) throw new SigningError('signing.no_signature_to_overlap');
    const image = await embedImage(doc, options.sealImage);
    const box = fitImage(sealBox(personal, options.sealDiameter ?? 35 * MM), image);
    pageOf(doc, box);
    return { box, appearance: imageAppearance(doc, image, box) };
  });
}

/**
 * The agency signature on an attachment in its own file (Decree 30 App. I): no image, at the top
 * right of page 1, showing the number and notation and the signing time (ISO 8601, Vietnam time)
 * in a Times-like upright font, size 10, black.
 */
export async function signAttachment(
  pdf: Uint8Array,
  options: SignOptions & { reference: string },
): Promise<SignResult> {
  return sign(pdf, options, async (doc) => {
    const font = await embedSerif(doc);
    const text = {
      lines: [options.reference, vietnamIsoTime(options.signingTime)],
      size: 10,
      align: 'right' as const,
    };
    const width = Math.max(...text.lines.map((l) => font.font.widthOfTextAtSize(l, text.size))) + 2;
    const height = text.lines.length * text.size * 1.2 + 2;
    const page = doc.getPages()[0];
    if (!page) throw new SigningError('signing.pdf_invalid', 'The PDF has no page');
    const size = page.getSize();
    // Inside the top margin (20–25 mm), flush with the 20 mm right margin.
    const box = {
      page: 1,
      x: size.width - 20 * MM - width,
      y: size.height - 8 * MM - height,
      width,
      height,
    };
    return { box, appearance: textAppearance(doc, font, text, box) };
  });
}
