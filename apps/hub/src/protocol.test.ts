import { createHash, createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { parseToParameter } from './packets.js';
import {
  formatTimestamp,
  hashFile,
  hexEquals,
  parseTimestamp,
  signRequest,
  unpaddedHex,
} from './protocol.js';

describe("timestamps (ddMMyyyy'T'HHmmss+SSSS, Vietnam local time)", () => {
  it('writes the Java SimpleDateFormat shape: milliseconds padded to four digits, no zone', () => {
    // 2026-03-05 02:04:09.007 UTC = 09:04:09.007 in Vietnam.
    expect(formatTimestamp(new Date(Date.UTC(2026, 2, 5, 2, 4, 9, 7)))).toBe(
      '05032026T090409+0007',
    );
  });

  it('reads what the SDK writes, as Vietnam time', () => {
    expect(parseTimestamp('05032026T090409+0007')?.toISOString()).toBe('2026-03-05T02:04:09.007Z');
    expect(parseTimestamp('31122025T235959+0999')?.toISOString()).toBe('2025-12-31T16:59:59.999Z');
    const now = new Date(Date.UTC(2026, 0, 1, 12, 0, 0, 123));
    expect(parseTimestamp(formatTimestamp(now))?.getTime()).toBe(now.getTime());
  });

  it('refuses what is not a timestamp', () => {
    for (const bad of [
      '',
      '2026-03-05T09:04:09',
      '32012026T000000+0000',
      '05132026T000000+0000',
      '30022026T000000+0000',
      '05032026T250000+0000',
      'abc',
    ])
      expect(parseTimestamp(bad), bad).toBeNull();
  });
});

describe('hash-file (SHA-256 without zero padding per byte)', () => {
  it('drops the leading zero of every byte below 0x10, like Integer.toHexString', () => {
    expect(unpaddedHex(Uint8Array.from([0x00, 0x0f, 0x10, 0xab]))).toBe('0f10ab');
  });

  it('is shorter than the padded hex whenever a byte is below 0x10', () => {
    // Find an input whose digest has small bytes, and compare both renderings.
    for (let i = 0; i < 50; i++) {
      const data = Buffer.from(`packet ${i}`);
      const digest = createHash('sha256').update(data).digest();
      const expected = [...digest].map((b) => b.toString(16)).join('');
      expect(hashFile(data)).toBe(expected);
      expect(hashFile(data).length).toBe(64 - digest.filter((b) => b < 0x10).length);
    }
  });
});

describe('request signing', () => {
  it('signs the compact JSON of the XroadVnpt- headers in insertion order, as the SDK', () => {
    const { headers, signHeader, hash } = signRequest(
      [
        ['timestamp', '05032026T090409+0007'],
        ['systemid', '000.00.00.H26'],
        ['Content-Type', 'application/json'],
        ['docId', 'a1'],
      ],
      'secret-0123456789abcdef',
    );
    expect(signHeader).toBe(
      '{"XroadVnpt-timestamp":"05032026T090409+0007","XroadVnpt-systemid":"000.00.00.H26","XroadVnpt-Content-Type":"application/json","XroadVnpt-docId":"a1"}',
    );
    expect(hash).toBe(
      createHmac('sha256', 'secret-0123456789abcdef').update(signHeader, 'utf8').digest('hex'),
    );
    expect(headers).toMatchObject({
      'XroadVnpt-sign-header-key': 'timestamp;systemid;Content-Type;docId',
      'XroadVnpt-sign-header': signHeader,
      'XroadVnpt-hash-header': hash,
      'XroadVnpt-docId': 'a1',
      'Content-Type': 'application/json',
      'User-Agent': 'JAVASDKAgent/1.0.0 XRoad/VPCP',
      'XroadVnpt-version': '3.0.201608',
    });
  });

  it('carries non-ASCII values as UTF-8 bytes and signs those bytes', () => {
    const { headers, signHeader, hash } = signRequest(
      [['name', 'Hà Nội']],
      'secret-0123456789abcdef',
    );
    const received = Buffer.from(headers['XroadVnpt-sign-header']!, 'latin1');
    expect(received.toString('utf8')).toBe(signHeader);
    expect(createHmac('sha256', 'secret-0123456789abcdef').update(received).digest('hex')).toBe(
      hash,
    );
  });

  it('compares hex in constant time, ignoring case', () => {
    expect(hexEquals('ABcd', 'abCD')).toBe(true);
    expect(hexEquals('abcd', 'abce')).toBe(false);
    expect(hexEquals('abc', 'abcd')).toBe(false);
  });
});

describe('the "to" parameter', () => {
  it('accepts a JSON array of codes or of organisation objects, and a bare list', () => {
    expect(parseToParameter('["000.00.00.H29"," h26.01 "]')).toEqual(['000.00.00.H29', 'H26.01']);
    expect(parseToParameter('[{"OrganId":"000.00.00.H29"},{"code":"G09.20"}]')).toEqual([
      '000.00.00.H29',
      'G09.20',
    ]);
    expect(parseToParameter('000.00.00.H29,G09.20')).toEqual(['000.00.00.H29', 'G09.20']);
    expect(() => parseToParameter('{"a":1}')).toThrow(/JSON array/);
  });
});
