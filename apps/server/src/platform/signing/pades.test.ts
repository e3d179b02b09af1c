import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {
  PDFArray,
  PDFDict,
  PDFDocument,
  PDFHexString,
  PDFName,
  PDFNumber,
  PDFString,
} from '@cantoo/pdf-lib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makePdf } from '../../../test/fixtures/files.js';
import { CertificateValidityError } from './errors.js';
import { MM } from './layout.js';
import { signAgency, signAttachment, signPersonal, type SignResult } from './pades.js';
import { Pkcs12Signer } from './signer.js';
import { demoAgencySeal, demoPersonalSignature } from './signature-images.js';
import { stampNumber } from './stamps.js';
import { makeDecisionPdf, type DecisionPdf } from './testing/documents.js';
import {
  makeTrustStore,
  pdfsig,
  pdfToolsSkipMessage,
  qpdfCheck,
  skipPdfTools,
  missingPdfTools,
} from './testing/pdf-tools.js';
import { demoPki, signingTime, validity } from './testing/pki.js';
import { verifyPdfSignatures } from './verify.js';

const pki = demoPki();
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'vanban-signing-'));
const file = (name: string, bytes: Uint8Array) => {
  const target = path.join(dir, name);
  fs.writeFileSync(target, bytes);
  return target;
};
const later = new Date(signingTime.getTime() + 3600_000);

/** A copy with the lowest bit of one byte flipped. */
function flip(pdf: Buffer, offset: number): Buffer {
  const copy = Buffer.from(pdf);
  copy[offset] = copy[offset]! ^ 1;
  return copy;
}

/** Offset 10 is in the binary comment on line 2: the PDF still reads; both signatures cover it. */
const tamperEarly = (pdf: Buffer) => flip(pdf, 10);

/** A digit of the number stamp's /BBox (one digit becomes another): only Signature2 covers it. */
function tamperLate(pdf: Buffer): Buffer {
  const marker = '/BBox [ 0 0 ';
  return flip(pdf, pdf.indexOf(marker, personal.pdf.length) + marker.length);
}

let source: DecisionPdf;
let personal: SignResult;
let numbered: Buffer;
let agency: SignResult;
let attachmentSource: Buffer;
let attachment: SignResult;

beforeAll(async () => {
  source = await makeDecisionPdf();
  personal = await signPersonal(source.pdf, {
    signer: pki.personSigner,
    image: demoPersonalSignature('Nguyễn Văn An'),
    reason: 'Ký ban hành',
    location: 'Hà Nội',
    signingTime,
  });
  numbered = await stampNumber(personal.pdf, {
    reference: '15/QĐ-UBND',
    date: later,
    box: source.numberBox,
    dateBox: source.dateBox,
    place: 'Hà Nội',
  });
  agency = await signAgency(numbered, {
    signer: pki.agencySigner,
    sealImage: demoAgencySeal('Ủy ban nhân dân thành phố Hà Nội'),
    signingTime: later,
  });
  attachmentSource = await makePdf(['Phụ lục I: Danh mục dự án chuyển đổi số', 'Trang 2']);
  attachment = await signAttachment(attachmentSource, {
    signer: pki.agencySigner,
    reference: '15/QĐ-UBND',
    signingTime: later,
  });
});

afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

describe('signing a decision (Decree 30 App. I)', () => {
  it('only appends: each step keeps every byte of the one before', () => {
    expect(personal.pdf.subarray(0, source.pdf.length).equals(source.pdf)).toBe(true);
    expect(numbered.subarray(0, personal.pdf.length).equals(personal.pdf)).toBe(true);
    expect(agency.pdf.subarray(0, numbered.length).equals(numbered)).toBe(true);
    expect([personal.fieldName, agency.fieldName]).toEqual(['Signature1', 'Signature2']);
  });

  it('puts the personal signature between the position line and the name, on the last page', () => {
    // makeDecisionPdf: "PHÓ CHỦ TỊCH" on baseline 664, "Nguyễn Văn An" on 570, centred on x = 420.
    const box = personal.box;
    expect(box.page).toBe(2);
    expect(box.y).toBeGreaterThan(570 + 10);
    expect(box.y + box.height).toBeLessThan(664);
    expect(box.x + box.width / 2).toBeCloseTo(420, 0);
  });

  it('lays the seal over about a third of the personal signature, on its left', () => {
    const [p, s] = [personal.box, agency.box];
    expect(s.page).toBe(p.page);
    expect(s.x).toBeLessThan(p.x);
    expect(s.x + s.width - p.x).toBeCloseTo(p.width / 3, 0);
    expect(s.y + s.height / 2).toBeCloseTo(p.y + p.height / 2, 0);
    expect(s.width).toBeCloseTo(35 * MM, 0);
  });

  it('writes the number and date as locked stamps, not page content', async () => {
    const doc = await PDFDocument.load(numbered);
    const annots = doc.getPages()[0]!.node.lookup(PDFName.of('Annots'), PDFArray).asArray();
    const stamps = annots.map((ref) => doc.context.lookup(ref, PDFDict));
    const contents = stamps.map((a) => a.lookup(PDFName.of('Contents'), PDFString, PDFHexString));
    expect(contents.map((c) => c.decodeText())).toEqual([
      '15/QĐ-UBND',
      'Hà Nội, ngày 21 tháng 11 năm 2026',
    ]);
    for (const stamp of stamps)
      expect(stamp.lookup(PDFName.of('F'), PDFNumber).asNumber() & 128).toBe(128);
  });

  it('verifies both signatures itself: intact, PAdES, trusted, only the last covering it all', async () => {
    const checks = await verifyPdfSignatures(agency.pdf, { trustAnchors: [pki.ca.certificatePem] });
    expect(checks).toMatchObject([
      {
        fieldName: 'Signature1',
        signer: { commonName: 'Nguyễn Văn An' },
        reason: 'Ký ban hành',
        location: 'Hà Nội',
        subFilter: 'ETSI.CAdES.detached',
        coversWholeDocument: false,
        intact: true,
        pades: true,
        certificateValidAtSigningTime: true,
        trusted: true,
        problems: [],
      },
      {
        fieldName: 'Signature2',
        signer: { commonName: 'Ủy ban nhân dân Thành phố Hà Nội' },
        coversWholeDocument: true,
        intact: true,
        pades: true,
        trusted: true,
        problems: [],
      },
    ]);
    expect(checks.map((c) => c.signingTime?.getTime())).toEqual([
      signingTime.getTime(),
      later.getTime(),
    ]);
    expect(await verifyPdfSignatures(source.pdf)).toEqual([]);
  });

  it('detects one changed byte inside a signed range', async () => {
    const checks = await verifyPdfSignatures(tamperEarly(agency.pdf));
    expect(checks.map((c) => [c.intact, c.problems])).toEqual([
      [false, ['digest_mismatch']],
      [false, ['digest_mismatch']],
    ]);
    const lateChecks = await verifyPdfSignatures(tamperLate(agency.pdf));
    expect(lateChecks.map((c) => c.intact)).toEqual([true, false]);
  });

  it('refuses an expired or not yet valid certificate and signs nothing', async () => {
    const expired = pki.ca.issue({
      commonName: 'Trần Thị Hết Hạn',
      validFrom: new Date('2020-01-01T00:00:00Z'),
      validTo: new Date('2021-01-01T00:00:00Z'),
    });
    const signer = Pkcs12Signer.fromPkcs12(expired.pkcs12, expired.password);
    const attempt = signPersonal(source.pdf, {
      signer,
      image: demoPersonalSignature('x'),
      signingTime,
    });
    await expect(attempt).rejects.toBeInstanceOf(CertificateValidityError);
    await expect(attempt).rejects.toMatchObject({ code: 'signing.certificate_expired' });
    const early = new Date(validity.validFrom.getTime() - 1000);
    await expect(
      signAttachment(source.pdf, {
        signer: pki.agencySigner,
        reference: '1/TB',
        signingTime: early,
      }),
    ).rejects.toMatchObject({ code: 'signing.certificate_not_yet_valid', reason: 'not_yet_valid' });
  });

  it('signs an attachment with text only, top right of page 1, with a subset font', async () => {
    const { box } = attachment;
    const doc = await PDFDocument.load(attachment.pdf);
    const { width, height } = doc.getPages()[0]!.getSize();
    expect(box.page).toBe(1);
    expect(box.x + box.width).toBeCloseTo(width - 20 * MM, 1);
    expect(box.y + box.height).toBeCloseTo(height - 8 * MM, 1);
    const widget = doc.context.lookup(
      doc.getPages()[0]!.node.lookup(PDFName.of('Annots'), PDFArray).get(0),
      PDFDict,
    );
    const appearance = widget.lookup(PDFName.of('AP'), PDFDict).lookup(PDFName.of('N'));
    const resources = (appearance as unknown as { dict: PDFDict }).dict.lookup(
      PDFName.of('Resources'),
      PDFDict,
    );
    expect(resources.has(PDFName.of('Font'))).toBe(true);
    expect(resources.has(PDFName.of('XObject'))).toBe(false);
    // A subset of DejaVu Serif; the whole font would add 372 KB.
    expect(attachment.pdf.length - attachmentSource.length).toBeLessThan(60_000);
    const [check] = await verifyPdfSignatures(attachment.pdf, {
      trustAnchors: [pki.ca.certificatePem],
    });
    expect(check).toMatchObject({ intact: true, pades: true, trusted: true });
  });
});

describe.skipIf(skipPdfTools)('independent checks: pdfsig (NSS) and qpdf', () => {
  let nssdir: string;

  beforeAll(() => {
    expect(missingPdfTools, 'CI must install poppler-utils, qpdf and libnss3-tools').toEqual([]);
    nssdir = makeTrustStore(dir, pki.ca.certificatePem);
  });

  it('reports the personal signature valid and trusted, whole document, PAdES, SHA-256', () => {
    expect(pdfsig(file('personal.pdf', personal.pdf), nssdir)).toEqual([
      {
        fieldName: 'Signature1',
        commonName: 'Nguyễn Văn An',
        totalDocumentSigned: true,
        signatureValidation: 'Signature is Valid.',
        certificateValidation: 'Certificate is Trusted.',
        signatureType: 'ETSI.CAdES.detached',
        hashAlgorithm: 'SHA-256',
      },
    ]);
  });

  it('reports both signatures valid and trusted after numbering and the agency signature', () => {
    const report = pdfsig(file('signed.pdf', agency.pdf), nssdir);
    expect(
      report.map((s) => [s.fieldName, s.signatureValidation, s.certificateValidation]),
    ).toEqual([
      ['Signature1', 'Signature is Valid.', 'Certificate is Trusted.'],
      ['Signature2', 'Signature is Valid.', 'Certificate is Trusted.'],
    ]);
    expect(report.map((s) => s.totalDocumentSigned)).toEqual([false, true]);
  });

  it('agrees with verify.ts on every signature', async () => {
    for (const [name, pdf] of [
      ['agreement-signed.pdf', agency.pdf],
      ['agreement-attachment.pdf', attachment.pdf],
    ] as const) {
      const ours = await verifyPdfSignatures(pdf, { trustAnchors: [pki.ca.certificatePem] });
      const theirs = pdfsig(file(name, pdf), nssdir);
      expect(ours.map((c) => [c.fieldName, c.signer?.commonName, c.coversWholeDocument])).toEqual(
        theirs.map((s) => [s.fieldName, s.commonName, s.totalDocumentSigned]),
      );
      expect(ours.map((c) => c.intact && c.trusted)).toEqual(
        theirs.map(
          (s) =>
            s.signatureValidation === 'Signature is Valid.' &&
            s.certificateValidation === 'Certificate is Trusted.',
        ),
      );
    }
  });

  it('fails the signatures covering a tampered byte, as verify.ts does', () => {
    const early = tamperEarly(agency.pdf);
    expect(pdfsig(file('tampered.pdf', early), nssdir).map((s) => s.signatureValidation)).toEqual([
      'Digest Mismatch.',
      'Digest Mismatch.',
    ]);
    const late = tamperLate(agency.pdf);
    expect(
      pdfsig(file('tampered-late.pdf', late), nssdir).map((s) => s.signatureValidation),
    ).toEqual(['Signature is Valid.', 'Digest Mismatch.']);
  });

  it('reports the attachment signature valid and trusted', () => {
    expect(pdfsig(file('attachment.pdf', attachment.pdf), nssdir)).toMatchObject([
      {
        fieldName: 'Signature1',
        commonName: 'Ủy ban nhân dân Thành phố Hà Nội',
        signatureValidation: 'Signature is Valid.',
        certificateValidation: 'Certificate is Trusted.',
      },
    ]);
  });

  it('passes qpdf --check at every step', () => {
    const steps = {
      personal: personal.pdf,
      numbered,
      signed: agency.pdf,
      attachment: attachment.pdf,
    };
    for (const [name, pdf] of Object.entries(steps)) {
      const check = qpdfCheck(file(`${name}.pdf`, pdf));
      expect(check.ok, `${name}: ${check.output}`).toBe(true);
    }
  });
});

if (skipPdfTools) console.warn(pdfToolsSkipMessage);
