import { describe, expect, it } from 'vitest';
import { EdxmlError } from './errors.js';
import { buildPacket, buildPacketBuffer, makeDocumentId } from './packet-builder.js';
import { parsePacket } from './packet-parser.js';
import type { ParsedDocumentPacket } from './types.js';
import {
  BUSINESS_VARIANTS,
  PDF_BYTES,
  richDocumentSpec,
  statusSpec,
} from './test-support/specs.js';

const NOW = new Date('2025-03-05T02:15:00Z');

function asDocument(p: ReturnType<typeof parsePacket>): ParsedDocumentPacket {
  if (p.kind !== 'document') throw new Error('expected a document packet');
  return p;
}

describe('buildPacket → parsePacket round trip', () => {
  it.each(Object.keys(BUSINESS_VARIANTS))(
    'is lossless for a rich document with %s business info',
    (variant) => {
      const spec = richDocumentSpec(BUSINESS_VARIANTS[variant]);
      const xml = buildPacket(spec, { now: NOW, zipPolicy: 'bkav' });
      const parsed = asDocument(parsePacket(xml));
      expect(parsed.warnings).toEqual([]);
      expect(parsed.signature).toBe('none');
      expect(parsed.header).toEqual(spec.header);
      expect(parsed.traceHeaders).toEqual(spec.traceHeaders);
      expect(parsed.business).toEqual(spec.business);

      const inputs = spec.attachments ?? [];
      expect(parsed.attachments).toHaveLength(inputs.length);
      parsed.attachments.forEach((a, i) => {
        const input = inputs[i];
        if (!input) throw new Error('missing input');
        expect(a.name).toBe(input.name);
        expect(a.description).toBe(input.description);
        const file = a.extract();
        expect(Buffer.compare(file.data, Buffer.from(input.data))).toBe(0);
        expect(file.name).toBe(input.name);
      });
      // Bkav practice: pdf/xlsx travel as they are, the .txt is zipped and labelled application/zip.
      expect(parsed.attachments.map((a) => a.contentType)).toEqual([
        'application/pdf',
        'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
        'application/zip',
      ]);
      expect(parsed.attachments.map((a) => a.contentId)).toEqual(['cid:a1', 'cid:2', 'cid:3']);
      expect(parsed.attachments[2]?.isZipWrapped).toBe(true);
      expect(parsed.attachments[2]?.extract().unzipped).toBe(true);
      expect(parsed.attachments[0]?.decodedSize).toBe(PDF_BYTES.length);
    },
  );

  it('gives the same packet as UTF-8 bytes, and parses bytes like text', () => {
    const spec = richDocumentSpec(BUSINESS_VARIANTS.update);
    const text = buildPacket(spec, { now: NOW });
    const bytes = buildPacketBuffer(spec, { now: NOW });
    expect(bytes.toString('utf8')).toBe(text);
    const fromBytes = asDocument(parsePacket(bytes));
    const fromText = asDocument(parsePacket(text));
    expect(fromBytes.header).toEqual(fromText.header);
    expect(fromBytes.business).toEqual(fromText.business);
    expect(fromBytes.attachments.map((a) => a.sha256())).toEqual(
      fromText.attachments.map((a) => a.sha256()),
    );
  });

  it('is lossless for a status packet', () => {
    const spec = statusSpec();
    const parsed = parsePacket(buildPacket(spec));
    expect(parsed).toEqual({
      kind: 'status',
      status: spec.status,
      signature: 'none',
      warnings: [],
    });
  });

  it('fills defaults: DocumentId, one trace hop at build time, new-document business', () => {
    const spec = richDocumentSpec();
    delete spec.header.documentId;
    delete spec.traceHeaders;
    delete spec.business;
    const parsed = asDocument(parsePacket(buildPacket(spec, { now: NOW })));
    expect(parsed.header.documentId).toBe('000.00.00.H26,2025/03/05,24/2025/QĐ-UBND');
    expect(parsed.traceHeaders).toEqual([
      { organId: '000.00.00.H26', timestamp: '2025-03-05T09:15:00' },
    ]);
    expect(parsed.business).toEqual({ docType: 'new', reason: 'Văn bản điện tử mới', paper: 0 });
    expect(makeDocumentId(spec.header)).toBe(parsed.header.documentId);
  });

  it('normalises decomposed Vietnamese text to NFC', () => {
    const spec = richDocumentSpec();
    spec.header.subject = 'Quyết định về việc'.normalize('NFD');
    const parsed = asDocument(parsePacket(buildPacket(spec)));
    expect(parsed.header.subject).toBe('Quyết định về việc'.normalize('NFC'));
  });
});

describe('emitted shape (what deployed receivers accept)', () => {
  const xml = buildPacket(richDocumentSpec(), { now: NOW, zipPolicy: 'none' });

  it('uses the QCVN namespace, edXML: prefixes inside the envelope, AttachmentEncoded as sibling', () => {
    expect(
      xml.startsWith(
        '<?xml version="1.0" encoding="UTF-8"?>\n<edXML xmlns="http://www.mic.gov.vn/TBT/QCVN_102_2016"',
      ),
    ).toBe(true);
    const envelope = xml.slice(
      xml.indexOf('<edXML:edXMLEnvelope'),
      xml.indexOf('</edXML:edXMLEnvelope>'),
    );
    // Every element tag in the envelope carries the prefix.
    const tags = envelope.match(/<\/?([A-Za-z:]+)/g) ?? [];
    expect(tags.length).toBeGreaterThan(50);
    expect(tags.filter((t) => !t.replace(/^<\/?/, '').startsWith('edXML:'))).toEqual([]);
    expect(xml.indexOf('</edXML:edXMLEnvelope>')).toBeLessThan(xml.indexOf('<AttachmentEncoded>'));
    expect(xml).toContain('<edXML:ContentTransferEncoded>');
    expect(xml).toContain('<edXML:Bussiness>');
    expect(xml).toContain('<edXML:edXMLManifest version="1.0">');
  });

  it('orders MessageHeader children by the standard numbering 1.1 → 1.14', () => {
    const header = xml.slice(
      xml.indexOf('<edXML:MessageHeader>'),
      xml.indexOf('</edXML:MessageHeader>'),
    );
    const order = [
      'From',
      'To',
      'Code',
      'PromulgationInfo',
      'DocumentType',
      'Subject',
      'Content',
      'SignerInfo',
      'DueDate',
      'ToPlaces',
      'OtherInfo',
      'ResponseFor',
      'SteeringType',
      'DocumentId',
    ];
    const depth1 = [...header.matchAll(/\n {8}<edXML:(\w+)>/g)].map((m) => m[1]);
    const firsts = order.map((n) => depth1.indexOf(n));
    expect(firsts.every((i) => i >= 0)).toBe(true);
    expect([...firsts].sort((a, b) => a - b)).toEqual(firsts);
  });

  it('writes dates as yyyy/MM/dd and timestamps as yyyy/MM/dd HH:mm:ss', () => {
    expect(xml).toContain('<edXML:PromulgationDate>2025/03/05</edXML:PromulgationDate>');
    expect(xml).toContain('<edXML:DueDate>2025/03/31</edXML:DueDate>');
    expect(xml).toContain('<edXML:Timestamp>2025/03/05 09:15:00</edXML:Timestamp>');
    expect(xml).toContain(
      '<edXML:DocumentId>000.00.00.H26,2025/03/05,24/2025/QĐ-UBND</edXML:DocumentId>',
    );
    expect(xml).toContain('&lt;liên thông&gt; văn bản điện tử &amp; quản lý');
  });

  it('zips every attachment under the VPCP policy and keeps file names', () => {
    const all = asDocument(parsePacket(buildPacket(richDocumentSpec(), { zipPolicy: 'all' })));
    expect(
      all.attachments.every((a) => a.contentType === 'application/zip' && a.isZipWrapped),
    ).toBe(true);
    expect(all.attachments.every((a) => a.base64().startsWith('UEsDB'))).toBe(true);
    expect(all.attachments[0]?.extract()).toMatchObject({
      name: 'Quyết định 24-2025 ký số.pdf',
      contentType: 'application/pdf',
      unzipped: true,
    });
  });
});

describe('builder refuses specs that cannot become a packet', () => {
  const cases: [string, (s: ReturnType<typeof richDocumentSpec>) => void, string][] = [
    ['no sender', (s) => (s.header.from.organId = ' '), 'edxml.missing_from'],
    ['no recipient', (s) => (s.header.to = []), 'edxml.missing_to'],
    [
      'bad date',
      (s) => (s.header.promulgationInfo.promulgationDate = '05/03/2025'),
      'edxml.invalid_spec',
    ],
    ['bad due date', (s) => (s.header.dueDate = '2025-02-30'), 'edxml.invalid_spec'],
    ['empty subject', (s) => (s.header.subject = ''), 'edxml.invalid_spec'],
    ['priority out of range', (s) => (s.header.otherInfo = { priority: 7 }), 'edxml.invalid_spec'],
    ['control character', (s) => (s.header.subject = 'a\u0001b'), 'edxml.invalid_spec'],
    [
      'bad timestamp',
      (s) => (s.traceHeaders = [{ organId: 'H26', timestamp: '2025/03/05 09:00:00' }]),
      'edxml.invalid_spec',
    ],
    [
      'duplicate content ids',
      (s) => s.attachments?.forEach((a) => (a.contentId = 'x')),
      'edxml.invalid_spec',
    ],
  ];
  it.each(cases)('%s', (_name, mutate, code) => {
    const spec = richDocumentSpec();
    mutate(spec);
    expect(() => buildPacket(spec)).toThrow(EdxmlError);
    try {
      buildPacket(spec);
    } catch (e) {
      expect((e as EdxmlError).code).toBe(code);
    }
  });

  it('rejects an unknown status code', () => {
    const spec = statusSpec();
    (spec.status as { statusCode: string }).statusCode = '07';
    expect(() => buildPacket(spec)).toThrow(
      expect.objectContaining({ code: 'edxml.unknown_status_code' }),
    );
  });
});
