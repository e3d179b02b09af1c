import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { EdxmlError } from './errors.js';
import { buildPacket } from './packet-builder.js';
import { parsePacket } from './packet-parser.js';
import type { ParsedDocumentPacket, ParsedPacket } from './types.js';
import { PDF_BYTES, richDocumentSpec } from './test-support/specs.js';

const fixture = (name: string): Buffer =>
  readFileSync(fileURLToPath(new URL(`../test-fixtures/${name}`, import.meta.url)));

function doc(p: ParsedPacket): ParsedDocumentPacket {
  if (p.kind !== 'document') throw new Error('expected a document packet');
  return p;
}

function errorCode(fn: () => unknown): string {
  try {
    fn();
  } catch (e) {
    if (e instanceof EdxmlError) return e.code;
    throw e;
  }
  return 'no error';
}

describe('deployed-sender fixtures', () => {
  it('VPCP-style packet: dd/MM/yyyy, empty DueDate/SignerInfo, dummy signature, zipped PDF named .pdf', () => {
    const p = doc(parsePacket(fixture('vpcp-zipped-pdf.edxml')));
    expect(p.header.promulgationInfo).toEqual({ place: 'Hà Nội', promulgationDate: '2025-03-05' });
    expect(p.header.dueDate).toBeUndefined();
    expect(p.header.signerInfo).toBeUndefined();
    expect(p.header.code).toEqual({ codeNumber: '24', codeNotation: '2025/QĐ-TTg' });
    expect(p.header.documentType).toEqual({ type: 1, typeDetail: 8, typeName: 'Quyết định' });
    expect(p.header.to.map((t) => t.organId)).toEqual(['000.00.00.H26', '000.00.00.H29']);
    expect(p.header.from.telephone).toBeUndefined();
    expect(p.header.otherInfo).toMatchObject({ priority: 0, direction: false, pageAmount: 1 });
    expect(p.header.otherInfo?.appendixes).toBeUndefined();
    expect(p.header.toPlaces).toEqual(['Các Bộ, cơ quan ngang Bộ', 'Lưu: VT, TTĐT']);
    expect(p.signature).toBe('dummy');
    expect(p.warnings).toEqual(
      expect.arrayContaining([
        expect.stringContaining('PromulgationDate'),
        expect.stringContaining('signature block'),
        expect.stringContaining('VendorExtension'),
      ]),
    );
    const [a] = p.attachments;
    expect(a).toBeDefined();
    expect(a?.contentType).toBe('application/zip');
    expect(a?.isZipWrapped).toBe(true);
    expect(a?.base64().startsWith('UEsDB')).toBe(true);
    const file = a?.extract();
    expect(file).toMatchObject({
      name: 'Quyết định 24-2025.pdf',
      contentType: 'application/pdf',
      unzipped: true,
    });
    expect(file && Buffer.compare(file.data, PDF_BYTES)).toBe(0);
  });

  it('LGSP-style packet: no prefixes, Decision 20 codes, empty DigitalSignature, wrapped base64', () => {
    const p = doc(parsePacket(fixture('lgsp-unprefixed.edxml')));
    expect(p.header.from.organId).toBe('H37.02.02');
    expect(p.header.code).toEqual({ codeNumber: '05', codeNotation: 'SKHCN-VP' });
    expect(p.header.promulgationInfo.promulgationDate).toBe('2025-01-07');
    expect(p.header.dueDate).toBe('2025-01-20');
    expect(p.header.documentType).toEqual({ type: 18, typeDetail: -1, typeName: 'Công văn' });
    expect(p.header.content).toBeUndefined();
    expect(p.header.toPlaces).toEqual(['Như trên', 'Lưu: VT, VP']);
    expect(p.header.responseFor).toEqual([
      {
        organId: 'G09.20',
        code: '123/BNV-CCVC',
        promulgationDate: '2024-12-20',
        documentId: 'G09.20,2024/12/20,123/BNV-CCVC',
      },
    ]);
    expect(p.header.steeringType).toBe(0);
    expect(p.traceHeaders).toEqual([{ organId: 'H37.02.02', timestamp: '2025-01-07T14:30:00' }]);
    expect(p.business?.staffInfo).toEqual({
      department: 'Văn phòng Sở',
      staff: 'Trần Thị Hoa',
      mobile: '0912345678',
      email: 'vanthu@skhcn.example.vn',
    });
    expect(p.signature).toBe('dummy');
    expect(p.warnings.some((w) => w.includes('without the edXML: prefix'))).toBe(true);
    const [a] = p.attachments;
    expect(a?.isZipWrapped).toBe(false);
    expect(a && Buffer.compare(a.bytes(), PDF_BYTES)).toBe(0);
    expect(a?.decodedSize).toBe(PDF_BYTES.length);
  });

  it('status packet: code without leading zero, legacy timestamp, empty StaffInfo children', () => {
    const p = parsePacket(fixture('status-received.edxml'));
    expect(p).toMatchObject({
      kind: 'status',
      status: {
        from: { organId: '000.00.00.H54', organName: 'UBND tỉnh Thái Bình' },
        responseFor: {
          organId: '000.00.00.G22',
          code: '7816/VPCP-TTĐT',
          promulgationDate: '2015-09-30',
        },
        staffInfo: { department: 'Văn phòng UBND tỉnh', staff: 'Phạm Thu Hà' },
        statusCode: '03',
        description: 'Đã tiếp nhận văn bản đến',
        timestamp: '2015-10-01T08:05:10',
      },
    });
    expect(p.warnings).toHaveLength(2);
  });

  it('revocation with Type=1/TypeDetail=0 "Công văn" and a placeholder certificate', () => {
    const p = doc(parsePacket(fixture('revoke-notice.edxml')));
    expect(p.business).toEqual({
      docType: 'revoke',
      reason: 'Thu hồi do sai sót nội dung',
      documentId: '000.00.00.H26,2025/04/02,12/UBND-VX',
      paper: 0,
      staffInfo: { department: 'Văn phòng UBND thành phố', staff: 'Lê Minh Tuấn' },
    });
    expect(p.header.documentType).toEqual({ type: 1, typeDetail: 0, typeName: 'Công văn' });
    expect(p.attachments).toEqual([]);
    expect(p.signature).toBe('dummy');
  });
});

describe('typed failures on what cannot be a packet', () => {
  const good = buildPacket(richDocumentSpec(), { zipPolicy: 'none' });

  it.each([
    [
      'malformed XML',
      '<edXML xmlns="http://www.mic.gov.vn/TBT/QCVN_102_2016"><a></edXML>',
      'edxml.malformed_xml',
    ],
    ['empty input', '   ', 'edxml.malformed_xml'],
    ['not XML at all', '%PDF-1.4 binary', 'edxml.malformed_xml'],
    ['DOCTYPE', '<!DOCTYPE edXML [<!ENTITY a "x">]><edXML/>', 'edxml.forbidden_doctype'],
    ['other root', '<root xmlns="http://www.mic.gov.vn/TBT/QCVN_102_2016"/>', 'edxml.wrong_root'],
    [
      'wrong namespace',
      good.replaceAll('http://www.mic.gov.vn/TBT/QCVN_102_2016', 'urn:other'),
      'edxml.wrong_namespace',
    ],
    [
      'no envelope',
      '<edXML xmlns="http://www.mic.gov.vn/TBT/QCVN_102_2016"/>',
      'edxml.missing_envelope',
    ],
    ['no From', good.replace(/<edXML:From>[\s\S]*?<\/edXML:From>/, ''), 'edxml.missing_from'],
    ['no To', good.replace(/<edXML:To>[\s\S]*?<\/edXML:To>/g, ''), 'edxml.missing_to'],
    [
      'bad base64',
      good.replace(/(<edXML:ContentTransferEncoded>)[^<]{8}/, '$1%%%%****'),
      'edxml.bad_base64',
    ],
    [
      'truncated base64',
      good.replace(/(<edXML:ContentTransferEncoded>[^<]*)[^<]{3}</, '$1<'),
      'edxml.bad_base64',
    ],
  ])('%s → %s', (_name, input, code) => {
    expect(errorCode(() => parsePacket(input))).toBe(code);
  });

  it('unknown status code', () => {
    const status = readFileSync(
      fileURLToPath(new URL('../test-fixtures/status-received.edxml', import.meta.url)),
      'utf8',
    );
    expect(
      errorCode(() => parsePacket(status.replace('<edXML:StatusCode>3<', '<edXML:StatusCode>99<'))),
    ).toBe('edxml.unknown_status_code');
  });

  it('attachment above the size limit', () => {
    expect(errorCode(() => parsePacket(good, { maxAttachmentBytes: 10 }))).toBe(
      'edxml.attachment_too_large',
    );
    expect(doc(parsePacket(good, { maxAttachmentBytes: 10_000 })).attachments).toHaveLength(3);
  });

  it('accepts Buffer input with a byte-order mark', () => {
    const p = parsePacket(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(good)]));
    expect(p.kind).toBe('document');
  });
});

describe('lenient reading of odd but recoverable packets', () => {
  it('warns on manifest/attachment mismatches and duplicate singletons', () => {
    let xml = buildPacket(richDocumentSpec(), { zipPolicy: 'none' });
    xml = xml.replace(
      '<edXML:ContentId>cid:a1</edXML:ContentId>',
      '<edXML:ContentId>cid:zz</edXML:ContentId>',
    );
    xml = xml.replace(/(<edXML:Subject>[^<]*<\/edXML:Subject>)/, '$1$1');
    const p = doc(parsePacket(xml));
    expect(p.attachments).toHaveLength(3);
    expect(p.warnings.some((w) => w.includes('not listed in the manifest'))).toBe(true);
    expect(p.warnings.some((w) => w.includes('cid:zz has no attachment'))).toBe(true);
    expect(p.warnings.some((w) => w.includes('Subject: appears 2 times'))).toBe(true);
  });

  it('reads the correct spelling "Business" with a warning and non-numeric fields as absent', () => {
    let xml = buildPacket(richDocumentSpec(), { zipPolicy: 'none' });
    xml = xml.replaceAll('edXML:Bussiness>', 'edXML:Business>');
    xml = xml.replace('<edXML:PageAmount>5<', '<edXML:PageAmount>năm<');
    const p = doc(parsePacket(xml));
    expect(p.business?.docType).toBe('new');
    expect(p.header.otherInfo?.pageAmount).toBeUndefined();
    expect(p.warnings.some((w) => w.includes('"Business"'))).toBe(true);
    expect(p.warnings.some((w) => w.includes('not an integer'))).toBe(true);
  });
});
