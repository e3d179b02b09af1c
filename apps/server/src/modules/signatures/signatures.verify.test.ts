import { describe, expect, it } from 'vitest';
import type { SignatureCheck } from '../../platform/signing/index.js';
import { signatureStatusOf } from './signatures.verify.js';

const good: SignatureCheck = {
  fieldName: 'Signature1',
  signer: null,
  signingTime: new Date('2026-03-02T02:00:00Z'),
  reason: null,
  location: null,
  subFilter: 'ETSI.CAdES.detached',
  byteRange: [0, 10, 20, 30],
  coversWholeDocument: true,
  intact: true,
  pades: true,
  certificateValidAtSigningTime: true,
  trusted: true,
  problems: [],
};

describe('one verdict per file', () => {
  it('is none without signatures and valid when every check passes', () => {
    expect(signatureStatusOf([])).toBe('none');
    expect(signatureStatusOf([{ ...good, coversWholeDocument: false }, good])).toBe('valid');
  });

  it('flags any broken signature as invalid, whatever else holds', () => {
    expect(signatureStatusOf([good, { ...good, intact: false, trusted: false }])).toBe('invalid');
  });

  it('is untrusted for an unknown issuer, an expired certificate or bytes after the last signature', () => {
    expect(signatureStatusOf([{ ...good, trusted: false }])).toBe('untrusted');
    expect(signatureStatusOf([{ ...good, trusted: null }])).toBe('untrusted');
    expect(signatureStatusOf([{ ...good, certificateValidAtSigningTime: false }])).toBe(
      'untrusted',
    );
    expect(signatureStatusOf([{ ...good, coversWholeDocument: false }])).toBe('untrusted');
  });
});
