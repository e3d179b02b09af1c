import { createPrivateKey, sign as cryptoSign, X509Certificate } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildPacket } from './packet-builder.js';
import { parsePacket } from './packet-parser.js';
import { makeTestPki, type TestPki } from './test-support/pki.js';
import { richDocumentSpec, statusSpec } from './test-support/specs.js';
import { signPacket, verifyPacketSignature } from './xml-signature.js';
import {
  ecdsaDerToRaw,
  signPacketWith,
  type ExternalPacketSigner,
} from './xml-signature-signer.js';

let pki: TestPki;
const packet = () => buildPacket(richDocumentSpec(), { zipPolicy: 'none' });

/** What the server's Signer does: the key stays inside, only signatures come out. */
function keyHolder(keyPem: string, certificate: string | Uint8Array, chain?: string[]) {
  const key = createPrivateKey(keyPem);
  const calls: Uint8Array[] = [];
  const signer: ExternalPacketSigner = {
    certificate,
    ...(chain ? { chain } : {}),
    sign: (data) => {
      calls.push(data);
      return Promise.resolve(cryptoSign('sha256', data, key));
    },
  };
  return { signer, calls };
}

beforeAll(() => {
  pki = makeTestPki();
});
afterAll(() => pki.cleanup());

describe('signPacketWith (key held by the signer)', () => {
  it('gives exactly the PEM-key signature for an RSA key, signing the SignedInfo once', async () => {
    const { signer, calls } = keyHolder(pki.agencyKeyPem, pki.agencyCertPem);
    const viaSigner = await signPacketWith(packet(), signer);
    expect(viaSigner).toBe(
      signPacket(packet(), { privateKeyPem: pki.agencyKeyPem, certificatePem: pki.agencyCertPem }),
    );
    expect(calls).toHaveLength(1);
    expect(Buffer.from(calls[0]!).toString('utf8')).toMatch(/^<SignedInfo xmlns=/);
    expect(
      verifyPacketSignature(viaSigner, { trustedCertificatesPem: pki.caCertPem }),
    ).toMatchObject({ valid: true, reason: 'ok', trusted: true });
  });

  it('takes the certificate as DER bytes too, and signs status packets', async () => {
    const der = new X509Certificate(pki.agencyCertPem).raw;
    const { signer } = keyHolder(pki.agencyKeyPem, der);
    const signed = await signPacketWith(buildPacket(statusSpec()), signer);
    expect(parsePacket(signed)).toMatchObject({ kind: 'status', signature: 'xmldsig' });
    expect(verifyPacketSignature(signed).valid).toBe(true);
  });

  it('signs with an EC key (ECDSA-SHA256, r‖s) and publishes the chain up to the root', async () => {
    const { signer } = keyHolder(pki.ecKeyPem, pki.ecCertPem, [pki.intermediateCertPem]);
    const signed = await signPacketWith(packet(), signer);
    expect(signed).toContain('Algorithm="http://www.w3.org/2001/04/xmldsig-more#ecdsa-sha256"');
    const value = /<SignatureValue>([^<]+)</.exec(signed)![1]!;
    expect(Buffer.from(value, 'base64')).toHaveLength(64);
    expect(signed.match(/<X509Certificate>/g)).toHaveLength(2);
    expect(verifyPacketSignature(signed, { trustedCertificatesPem: pki.caCertPem })).toMatchObject({
      valid: true,
      trusted: true,
      signerSubject: 'CN=Văn thư Sở Nội vụ,O=Sở Nội vụ,C=VN',
    });
    // Without the intermediate the root is out of reach: intact, but not trusted.
    const { signer: bare } = keyHolder(pki.ecKeyPem, pki.ecCertPem);
    const leafOnly = await signPacketWith(packet(), bare);
    expect(
      verifyPacketSignature(leafOnly, { trustedCertificatesPem: pki.caCertPem }),
    ).toMatchObject({ valid: false, reason: 'untrusted_certificate' });
    expect(verifyPacketSignature(leafOnly).valid).toBe(true);
    expect(verifyPacketSignature(signed.replace('Chủ tịch', 'Phó Chủ tịch'))).toMatchObject({
      valid: false,
      reason: 'invalid_signature',
    });
  });

  it('refuses a signer whose key does not match its certificate', async () => {
    const { signer } = keyHolder(pki.otherKeyPem, pki.agencyCertPem);
    await expect(signPacketWith(packet(), signer)).rejects.toMatchObject({
      code: 'edxml.signing_failed',
      message: expect.stringContaining('does not match the certificate'),
    });
  });

  it('passes on a failing signer and an unreadable certificate as edxml.signing_failed', async () => {
    const down: ExternalPacketSigner = {
      certificate: pki.agencyCertPem,
      sign: () => Promise.reject(new Error('token removed')),
    };
    await expect(signPacketWith(packet(), down)).rejects.toMatchObject({
      code: 'edxml.signing_failed',
      cause: expect.objectContaining({ message: 'token removed' }),
    });
    await expect(
      signPacketWith(packet(), { ...down, certificate: 'not a certificate' }),
    ).rejects.toMatchObject({ code: 'edxml.signing_failed' });
  });
});

describe('trust and integrity are judged separately', () => {
  it('reports a tampered packet as invalid even when its certificate is not trusted', () => {
    const signed = signPacket(packet(), {
      privateKeyPem: pki.agencyKeyPem,
      certificatePem: pki.agencyCertPem,
    });
    const tampered = signed.replace('Chủ tịch', 'Phó Chủ tịch');
    expect(
      verifyPacketSignature(tampered, { trustedCertificatesPem: pki.otherCertPem }),
    ).toMatchObject({ valid: false, reason: 'invalid_signature', trusted: false });
  });
});

describe('ecdsaDerToRaw', () => {
  it('strips the sign byte and left-pads short integers', () => {
    // r = 0x00ff… (33 bytes with the sign byte), s = 0x01 (one byte).
    const r = Buffer.concat([Buffer.from([0x00]), Buffer.alloc(32, 0xff)]);
    const der = Buffer.concat([
      Buffer.from([0x30, 2 + r.length + 3, 0x02, r.length]),
      r,
      Buffer.from([0x02, 0x01, 0x01]),
    ]);
    const raw = ecdsaDerToRaw(der, 32);
    expect(raw).toHaveLength(64);
    expect(raw.subarray(0, 32)).toEqual(Buffer.alloc(32, 0xff));
    expect(raw.subarray(32)).toEqual(Buffer.concat([Buffer.alloc(31), Buffer.from([1])]));
    expect(() => ecdsaDerToRaw(Buffer.from([0x02, 0x01, 0x01]), 32)).toThrow();
  });
});
