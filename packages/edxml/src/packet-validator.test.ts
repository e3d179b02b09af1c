import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { buildPacket } from './packet-builder.js';
import { validatePacket } from './packet-validator.js';
import { richDocumentSpec, statusSpec } from './test-support/specs.js';

const fixture = (name: string): string =>
  readFileSync(fileURLToPath(new URL(`../test-fixtures/${name}`, import.meta.url)), 'utf8');

const codes = (r: ReturnType<typeof validatePacket>, severity: 'error' | 'warning'): string[] =>
  r.problems.filter((p) => p.severity === severity).map((p) => p.code);

describe('validatePacket', () => {
  it('finds nothing wrong with what the builder emits', () => {
    expect(validatePacket(buildPacket(richDocumentSpec()))).toEqual({
      valid: true,
      kind: 'document',
      problems: [],
    });
    expect(validatePacket(buildPacket(statusSpec()))).toEqual({
      valid: true,
      kind: 'status',
      problems: [],
    });
  });

  it('reports wrong dates, order, codes and agency codes as errors', () => {
    let xml = buildPacket(richDocumentSpec());
    xml = xml.replace('<edXML:PromulgationDate>2025/03/05<', '<edXML:PromulgationDate>05/03/2025<');
    xml = xml.replace(
      '<edXML:OrganId>G09.20</edXML:OrganId>',
      '<edXML:OrganId>g09-20</edXML:OrganId>',
    );
    xml = xml.replace('<edXML:Priority>2<', '<edXML:Priority>9<');
    xml = xml.replace('<edXML:SteeringType>2<', '<edXML:SteeringType>7<');
    // Move DocumentId (1.14) right after the last To (1.2), as some deployed builders do.
    const docId =
      /\s*<edXML:DocumentId>[^<]*<\/edXML:DocumentId>(?=\s*<\/edXML:MessageHeader>)/.exec(
        xml,
      )?.[0] ?? '';
    expect(docId).not.toBe('');
    xml = xml.replace(docId, '').replace(/(<\/edXML:To>)(\s*<edXML:Code>)/, `$1${docId}$2`);
    const r = validatePacket(xml);
    expect(r.valid).toBe(false);
    expect(codes(r, 'error')).toEqual(
      expect.arrayContaining([
        'date_format',
        'invalid_agency_code',
        'code_out_of_range',
        'element_order',
      ]),
    );
    expect(r.problems.find((p) => p.code === 'element_order')?.message).toContain(
      '<Code> comes after <DocumentId>',
    );
    expect(r.problems.find((p) => p.code === 'invalid_agency_code')?.path).toBe(
      'MessageHeader/To[2]/OrganId',
    );
  });

  it('reports missing required elements', () => {
    let xml = buildPacket(richDocumentSpec());
    xml = xml.replace(/<edXML:Subject>[^<]*<\/edXML:Subject>/, '');
    xml = xml.replace(
      /<edXML:TypeName>[^<]*<\/edXML:TypeName>/,
      '<edXML:TypeName></edXML:TypeName>',
    );
    xml = xml.replace(/<edXML:Code>[\s\S]*?<\/edXML:Code>/, '');
    const r = validatePacket(xml);
    expect(r.valid).toBe(false);
    expect(r.problems.filter((p) => p.code === 'missing_field').map((p) => p.path)).toEqual(
      expect.arrayContaining([
        'MessageHeader/Subject',
        'MessageHeader/DocumentType/TypeName',
        'MessageHeader/Code/CodeNumber',
        'MessageHeader/Code/CodeNotation',
      ]),
    );
  });

  it('turns parse failures into a single error problem', () => {
    expect(validatePacket('<nope/>')).toEqual({
      valid: false,
      problems: [
        { severity: 'error', code: 'edxml.wrong_root', path: '/', message: expect.any(String) },
      ],
    });
  });

  it('requires a reason on a rejection status', () => {
    const spec = statusSpec();
    delete spec.status.description;
    const r = validatePacket(buildPacket(spec));
    expect(r.valid).toBe(false);
    expect(r.problems[0]).toMatchObject({
      code: 'missing_field',
      path: 'MessageHeader/Description',
    });
  });

  it('classifies the deployed fixtures: quirks as errors or warnings, never a crash', () => {
    const vpcp = validatePacket(fixture('vpcp-zipped-pdf.edxml'));
    expect(vpcp.valid).toBe(false);
    expect(codes(vpcp, 'error')).toEqual(expect.arrayContaining(['date_format', 'element_order']));
    expect(codes(vpcp, 'warning')).toEqual(
      expect.arrayContaining(['dummy_signature', 'unknown_element']),
    );

    const lgsp = validatePacket(fixture('lgsp-unprefixed.edxml'));
    expect(codes(lgsp, 'warning')).toContain('unprefixed');
    expect(codes(lgsp, 'error')).toContain('date_format');

    const revoke = validatePacket(fixture('revoke-notice.edxml'));
    expect(revoke.valid).toBe(true);
    expect(codes(revoke, 'warning')).toEqual(['dummy_signature']);

    const status = validatePacket(fixture('status-received.edxml'));
    expect(codes(status, 'error')).toEqual(
      expect.arrayContaining(['status_code_format', 'date_format']),
    );
  });
});
