import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildPacket } from './packet-builder.js';
import { parsePacket } from './packet-parser.js';
import { signPacket, verifyPacketSignature } from './xml-signature.js';
import { makeTestPki } from './test-support/pki.js';
import type { TestPki } from './test-support/pki.js';
import { richDocumentSpec, statusSpec } from './test-support/specs.js';

const fixture = (name: string): string =>
  readFileSync(fileURLToPath(new URL(`../test-fixtures/${name}`, import.meta.url)), 'utf8');

function hasXmlsec(): boolean {
  try {
    execFileSync('xmlsec1', ['--version'], { stdio: 'pipe' });
    return true;
  } catch {
    return false;
  }
}
const HAS_XMLSEC = hasXmlsec();

let pki: TestPki;
let signed: string;

beforeAll(() => {
  pki = makeTestPki();
  const xml = buildPacket(richDocumentSpec(), { zipPolicy: 'none' });
  signed = signPacket(xml, { privateKeyPem: pki.agencyKeyPem, certificatePem: pki.agencyCertPem });
});

afterAll(() => pki.cleanup());

describe('signPacket', () => {
  it('adds one enveloped RSA-SHA256 / exc-c14n / SHA-256 signature inside edXMLHeader', () => {
    const sig = signed.slice(signed.indexOf('<Signature'), signed.indexOf('</Signature>'));
    expect(sig).toContain('xmlns="http://www.w3.org/2000/09/xmldsig#"');
    expect(sig).toContain('Algorithm="http://www.w3.org/2001/04/xmldsig-more#rsa-sha256"');
    expect(sig).toContain('Algorithm="http://www.w3.org/2001/10/xml-exc-c14n#"');
    expect(sig).toContain('Algorithm="http://www.w3.org/2001/04/xmlenc#sha256"');
    expect(sig).toContain('<Reference URI="">');
    expect(sig).toContain(
      '<X509SubjectName>CN=Văn thư UBND thành phố,O=UBND thành phố Hà Nội,C=VN</X509SubjectName>',
    );
    expect(signed.indexOf('</edXML:TraceHeaderList>')).toBeLessThan(signed.indexOf('<Signature'));
    expect(signed.indexOf('<Signature')).toBeLessThan(signed.indexOf('</edXML:edXMLHeader>'));
  });

  it('leaves the packet content intact', () => {
    const before = parsePacket(buildPacket(richDocumentSpec(), { zipPolicy: 'none' }));
    const after = parsePacket(signed);
    expect(after.signature).toBe('xmldsig');
    expect(after.warnings).toEqual([]);
    if (after.kind !== 'document' || before.kind !== 'document')
      throw new Error('document expected');
    expect(after.header).toEqual(before.header);
    expect(after.attachments.map((a) => a.sha256())).toEqual(
      before.attachments.map((a) => a.sha256()),
    );
  });

  it('replaces a dummy block instead of nesting a second signature', () => {
    const resigned = signPacket(fixture('vpcp-zipped-pdf.edxml'), {
      privateKeyPem: pki.agencyKeyPem,
      certificatePem: pki.agencyCertPem,
    });
    expect(resigned.match(/<Signature[\s>]/g)).toHaveLength(1);
    expect(verifyPacketSignature(resigned).valid).toBe(true);
  });

  it('signs status packets too', () => {
    const s = signPacket(buildPacket(statusSpec()), {
      privateKeyPem: pki.agencyKeyPem,
      certificatePem: pki.agencyCertPem,
    });
    expect(verifyPacketSignature(s, { trustedCertificatesPem: pki.caCertPem })).toMatchObject({
      valid: true,
      trusted: true,
    });
  });

  it('refuses an unreadable key', () => {
    expect(() =>
      signPacket(signed, { privateKeyPem: 'nope', certificatePem: pki.agencyCertPem }),
    ).toThrow(expect.objectContaining({ code: 'edxml.signing_failed' }));
  });
});

describe('verifyPacketSignature', () => {
  it('accepts the signed packet and reports the signer', () => {
    expect(verifyPacketSignature(signed)).toMatchObject({
      valid: true,
      reason: 'ok',
      trusted: false,
      signerSubject: 'CN=Văn thư UBND thành phố,O=UBND thành phố Hà Nội,C=VN',
    });
  });

  it('trusts a certificate issued by a trusted CA, or listed itself; rejects others', () => {
    expect(verifyPacketSignature(signed, { trustedCertificatesPem: pki.caCertPem })).toMatchObject({
      valid: true,
      trusted: true,
    });
    expect(
      verifyPacketSignature(signed, {
        trustedCertificatesPem: [pki.otherCertPem, pki.agencyCertPem],
      }).trusted,
    ).toBe(true);
    expect(
      verifyPacketSignature(signed, { trustedCertificatesPem: pki.otherCertPem }),
    ).toMatchObject({
      valid: false,
      reason: 'untrusted_certificate',
    });
  });

  it('detects tampering with the header and with an attachment', () => {
    const header = signed.replace('Chủ tịch', 'Phó Chủ tịch');
    expect(verifyPacketSignature(header)).toMatchObject({
      valid: false,
      reason: 'invalid_signature',
    });
    const b64start =
      signed.indexOf('<edXML:ContentTransferEncoded>') + '<edXML:ContentTransferEncoded>'.length;
    const flipped =
      signed.slice(0, b64start) +
      (signed[b64start] === 'J' ? 'K' : 'J') +
      signed.slice(b64start + 1);
    expect(verifyPacketSignature(flipped)).toMatchObject({
      valid: false,
      reason: 'invalid_signature',
    });
  });

  it('detects a signature made with a key that does not match the certificate', () => {
    const forged = signPacket(buildPacket(statusSpec()), {
      privateKeyPem: pki.otherKeyPem,
      certificatePem: pki.agencyCertPem,
    });
    expect(verifyPacketSignature(forged)).toMatchObject({
      valid: false,
      reason: 'invalid_signature',
    });
  });

  it('reports dummy and missing signatures without throwing', () => {
    expect(verifyPacketSignature(fixture('vpcp-zipped-pdf.edxml'))).toMatchObject({
      valid: false,
      reason: 'dummy_signature',
    });
    expect(verifyPacketSignature(fixture('lgsp-unprefixed.edxml'))).toMatchObject({
      valid: false,
      reason: 'dummy_signature',
    });
    expect(verifyPacketSignature(fixture('revoke-notice.edxml'))).toMatchObject({
      valid: false,
      reason: 'dummy_signature',
    });
    expect(verifyPacketSignature(fixture('status-received.edxml'))).toMatchObject({
      valid: false,
      reason: 'no_signature',
    });
    expect(verifyPacketSignature('<edXML')).toMatchObject({
      valid: false,
      reason: 'malformed_xml',
    });
  });

  it('refuses a signature whose reference does not cover the whole packet', () => {
    const partial = signed.replace('<Reference URI="">', '<Reference URI="#x">');
    expect(verifyPacketSignature(partial)).toMatchObject({
      valid: false,
      reason: 'unsupported_reference',
    });
  });

  it.skipIf(!HAS_XMLSEC)('interoperates with xmlsec1', () => {
    const file = join(pki.dir, 'signed.edxml');
    writeFileSync(file, signed);
    const ca = join(pki.dir, 'ca.pem');
    const out = execFileSync('xmlsec1', ['--verify', '--trusted-pem', ca, file], { stdio: 'pipe' });
    expect(out).toBeDefined();
  });
});
