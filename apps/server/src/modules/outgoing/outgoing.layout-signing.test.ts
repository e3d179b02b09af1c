import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makePdf } from '../../../test/fixtures/files.js';
import {
  demoAgencySeal,
  demoPersonalSignature,
  MM,
  signAgency,
  signPersonal,
  stampNumber,
  verifyPdfSignatures,
  type Box,
  type SignResult,
} from '../../platform/signing/index.js';
import { makeDecisionPdf } from '../../platform/signing/testing/documents.js';
import {
  makeTrustStore,
  pdfsig,
  pdfToolsSkipMessage,
  skipPdfTools,
} from '../../platform/signing/testing/pdf-tools.js';
import { demoPki, signingTime } from '../../platform/signing/testing/pki.js';
import { NUMBER_GAP, serifWidth } from './outgoing.layout-page.js';
import {
  defaultNumberBoxes,
  renderOfficialDocument,
  type RenderedDocument,
} from './outgoing.layout.js';
import { sampleDecision } from './outgoing.sample.js';

const pki = demoPki();
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'vanban-layout-signing-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));
/** 10:30 in Hanoi, an hour after the personal signature: the clerk numbers and seals. */
const later = new Date(signingTime.getTime() + 3600_000);
const inside = (inner: Box, outer: Box) =>
  inner.page === outer.page &&
  inner.x >= outer.x - 0.01 &&
  inner.y >= outer.y - 0.01 &&
  inner.x + inner.width <= outer.x + outer.width + 0.01 &&
  inner.y + inner.height <= outer.y + outer.height + 0.01;

let rendered: RenderedDocument;
let personal: SignResult;
let agency: SignResult;

beforeAll(async () => {
  rendered = await renderOfficialDocument(sampleDecision());
  personal = await signPersonal(rendered.pdf, {
    signer: pki.personSigner,
    image: demoPersonalSignature('Nguyễn Văn An'),
    box: rendered.boxes.signature,
    signingTime,
  });
  const numbered = await stampNumber(personal.pdf, {
    reference: '15/QĐ-UBND',
    date: later,
    box: rendered.boxes.number,
    dateBox: rendered.boxes.date,
    place: 'Hà Nội',
  });
  agency = await signAgency(numbered, {
    signer: pki.agencySigner,
    sealImage: demoAgencySeal('Ủy ban nhân dân thành phố Hà Nội'),
    signingTime: later,
  });
});

describe('signing a rendered decision: signPersonal → stampNumber → signAgency', () => {
  it('signs in the room left for it, on the last page, with the seal over its left third', () => {
    expect(rendered.boxes.signature.page).toBe(2);
    expect(inside(personal.box, rendered.boxes.signature)).toBe(true);
    expect(agency.box.page).toBe(2);
    expect(agency.box.x).toBeLessThan(personal.box.x);
    expect(agency.box.x + agency.box.width - personal.box.x).toBeCloseTo(personal.box.width / 3, 0);
  });

  it('keeps both signatures intact and trusted', async () => {
    const checks = await verifyPdfSignatures(agency.pdf, { trustAnchors: [pki.ca.certificatePem] });
    expect(checks.map((c) => [c.fieldName, c.intact, c.pades, c.trusted, c.problems])).toEqual([
      ['Signature1', true, true, true, []],
      ['Signature2', true, true, true, []],
    ]);
  });

  describe.skipIf(skipPdfTools)('independent checks: pdfsig and pdftotext (poppler)', () => {
    it('reports both signatures valid and trusted', () => {
      const file = path.join(dir, 'signed.pdf');
      fs.writeFileSync(file, agency.pdf);
      const report = pdfsig(file, makeTrustStore(dir, pki.ca.certificatePem));
      expect(report.map((s) => [s.signatureValidation, s.certificateValidation])).toEqual([
        ['Signature is Valid.', 'Certificate is Trusted.'],
        ['Signature is Valid.', 'Certificate is Trusted.'],
      ]);
    });

    it('reads the number after "Số:" and the date on the same row, diacritics intact', () => {
      const file = path.join(dir, 'text.pdf');
      fs.writeFileSync(file, agency.pdf);
      const text = execFileSync('pdftotext', ['-layout', '-f', '1', '-l', '1', file, '-'], {
        encoding: 'utf8',
      });
      expect(text).toMatch(/^\s*Số: 15\/QĐ-UBND\s+Hà Nội, ngày 21 tháng 11 năm 2026$/m);
      expect(text).toMatch(/^\s*ỦY BAN NHÂN DÂN\s+CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM$/m);
      expect(text).toMatch(/^\s*THÀNH PHỐ HÀ NỘI\s+Độc lập - Tự do - Hạnh phúc$/m);
    });
  });
});

describe('defaultNumberBoxes', () => {
  const near = (a: Box, b: Box) => {
    expect(a.page).toBe(b.page);
    expect(a.x).toBeCloseTo(b.x, 0);
    expect(a.y).toBeCloseTo(b.y, 0);
  };

  it('finds the blanks of a rendered document where the renderer left them', async () => {
    const letter = await renderOfficialDocument({
      ...sampleDecision(),
      isOfficialLetter: true,
      docTypeName: 'Công văn',
      parentAgencyName: 'Ủy ban nhân dân thành phố Hà Nội',
      agencyName: 'Sở Nội vụ',
      notationSuffix: 'SNV-TCBC',
    });
    for (const { pdf, boxes } of [rendered, letter]) {
      const found = await defaultNumberBoxes(pdf);
      near(found.number, boxes.number);
      near(found.date, boxes.date);
      expect(found.date.width).toBeCloseTo(boxes.date.width, 0);
      expect(found.number.width).toBeGreaterThan(serifWidth('1234/2026/QĐ-UBND', 13));
    }
  });

  it('puts the number after "Số:" and the date on its row under the motto of another PDF', async () => {
    // makeDecisionPdf: "Số:" at (110, 730) in 13 pt, the motto centred on x = 400.
    const { number, date } = await defaultNumberBoxes((await makeDecisionPdf()).pdf);
    expect(number.x).toBeCloseTo(110 + serifWidth('Số:', 13) + NUMBER_GAP, 0);
    for (const box of [number, date]) {
      expect(box.y).toBeLessThan(730);
      expect(box.y + box.height).toBeGreaterThan(730 + 9);
    }
    expect(date.x + date.width / 2).toBeCloseTo(400, 0);
    expect(date.x).toBeGreaterThanOrEqual(number.x + number.width);
  });

  it('puts the date over a printed place-and-date line', async () => {
    // makePdf: the line at (50, 700) in DejaVu Sans 12 pt.
    const line = 'Hà Nội, ngày 10 tháng 3 năm 2026';
    const { number, date } = await defaultNumberBoxes(await makePdf([line]));
    expect(date.y).toBeLessThan(700);
    expect(date.y + date.height).toBeGreaterThan(709);
    expect(date.width).toBeGreaterThanOrEqual(serifWidth(line, 13));
    expect(number.y).toBeCloseTo(date.y, 5);
  });

  it('falls back under the two header columns when page 1 has neither', async () => {
    const { number, date } = await defaultNumberBoxes(await makePdf(['Trang một', 'Trang hai']));
    expect(number).toMatchObject({ page: 1, x: expect.closeTo(40 * MM, 0) as number });
    expect(date.page).toBe(1);
    expect(number.y).toBeCloseTo(date.y, 5);
    expect(number.y + number.height / 2).toBeCloseTo(841.89 - 45 * MM, -1);
    expect(date.x).toBeGreaterThanOrEqual(number.x + number.width);
    expect(date.x + date.width).toBeLessThanOrEqual(595.28 - 15 * MM + 0.01);
  });
});

if (skipPdfTools) console.warn(pdfToolsSkipMessage);
