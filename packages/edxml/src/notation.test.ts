import { describe, expect, it } from 'vitest';
import {
  formatDocumentNumber,
  formatReference,
  fromEdxmlCode,
  parseReference,
  referenceKey,
  referenceKeyOf,
  toEdxmlCode,
} from './notation.js';

describe('parseReference (Decree 30 App. I §II.3)', () => {
  it('parses a công văn notation: agency then drafting unit, no type', () => {
    expect(parseReference('12/UBND-VX')).toEqual({
      ok: true,
      value: {
        number: 12,
        notation: 'UBND-VX',
        issuerAbbreviation: 'UBND',
        groups: ['UBND', 'VX'],
      },
    });
    expect(parseReference('05/BNV-VP')).toMatchObject({
      ok: true,
      value: { number: 5, issuerAbbreviation: 'BNV', groups: ['BNV', 'VP'] },
    });
  });

  it('parses typed and legal normative notations with a year', () => {
    expect(parseReference('15/QĐ-UBND')).toMatchObject({
      ok: true,
      value: { number: 15, typeAbbreviation: 'QĐ', issuerAbbreviation: 'UBND' },
    });
    const legal = parseReference('24/2025/QĐ-UBND');
    expect(legal).toEqual({
      ok: true,
      value: {
        number: 24,
        year: 2025,
        notation: 'QĐ-UBND',
        typeAbbreviation: 'QĐ',
        issuerAbbreviation: 'UBND',
        groups: ['QĐ', 'UBND'],
      },
    });
    expect(parseReference('30/2020/NĐ-CP')).toMatchObject({
      ok: true,
      value: { typeAbbreviation: 'NĐ', year: 2020 },
    });
  });

  it('recognises mixed-case abbreviations exactly and keeps case', () => {
    expect(parseReference('03/QyĐ-UBND')).toMatchObject({
      ok: true,
      value: { typeAbbreviation: 'QyĐ' },
    });
    expect(parseReference('07/TTr-SNV')).toMatchObject({
      ok: true,
      value: { typeAbbreviation: 'TTr', issuerAbbreviation: 'SNV' },
    });
    expect(parseReference('2/CTr-UBND')).toMatchObject({
      ok: true,
      value: { typeAbbreviation: 'CTr', number: 2 },
    });
    expect(parseReference('11/TrS-VP')).toMatchObject({
      ok: true,
      value: { typeAbbreviation: 'TrS' },
    });
    // "CTR" is not "CTr": upper-cased it is not a known abbreviation, so it is read as the issuer.
    expect(parseReference('2/CTR-UBND')).toMatchObject({
      ok: true,
      value: { issuerAbbreviation: 'CTR' },
    });
    const r = parseReference('2/CTR-UBND');
    expect(r.ok && r.value.typeAbbreviation).toBeUndefined();
  });

  it('is Unicode-aware: NFD input, the eth look-alike, the "Số:" label and spaces around separators', () => {
    const nfd = '15/QĐ-UBND'.normalize('NFD');
    expect(parseReference(nfd)).toMatchObject({
      ok: true,
      value: { notation: 'QĐ-UBND', typeAbbreviation: 'QĐ' },
    });
    expect(parseReference('15/Q\u00D0-UBND')).toMatchObject({
      ok: true,
      value: { notation: 'QĐ-UBND' },
    });
    expect(parseReference('Số: 05/BNV-VP')).toMatchObject({ ok: true, value: { number: 5 } });
    expect(parseReference(' 12 / UBND - VX ')).toMatchObject({
      ok: true,
      value: { notation: 'UBND-VX' },
    });
  });

  it.each([
    ['', 'empty'],
    ['12 UBND', 'missing_separator'],
    ['/UBND', 'missing_number'],
    ['12/', 'missing_notation'],
    ['abc/UBND', 'invalid_number'],
    ['0/UBND-VX', 'zero_number'],
    ['00/UBND-VX', 'zero_number'],
    ['12/1066/QĐ-UBND', 'year_out_of_range'],
    ['12/3025/QĐ-UBND', 'year_out_of_range'],
    ['12/25/QĐ-UBND', 'invalid_year'],
    ['12/UBND--VX', 'invalid_notation'],
    ['12/UBND-VX-', 'invalid_notation'],
    ['12/2024/UBND/VX', 'too_many_parts'],
    ['15/QĐ', 'missing_issuer'],
    ['12/UB ND', 'invalid_notation'],
    ['12/9-UBND', 'invalid_notation'],
  ])('rejects %j with reason %s', (input, reason) => {
    const r = parseReference(input);
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.reason).toBe(reason);
      expect(r.message.length).toBeGreaterThan(5);
    }
  });

  it('honours a custom year range', () => {
    expect(parseReference('1/1990/QĐ-UBND', { minYear: 2000 })).toMatchObject({
      ok: false,
      reason: 'year_out_of_range',
    });
  });
});

describe('formatReference', () => {
  it('pads numbers below 10 with a leading zero', () => {
    expect(formatReference({ number: 5, notation: 'BNV-VP' })).toBe('05/BNV-VP');
    expect(formatReference({ number: 12, notation: 'UBND-VX' })).toBe('12/UBND-VX');
    expect(formatReference({ number: 24, year: 2025, notation: 'QĐ-UBND' })).toBe(
      '24/2025/QĐ-UBND',
    );
    expect(formatDocumentNumber(123)).toBe('123');
  });

  it('rejects numbers that cannot occur', () => {
    expect(() => formatDocumentNumber(0)).toThrow(RangeError);
    expect(() => formatDocumentNumber(1.5)).toThrow(RangeError);
    expect(() => formatReference({ number: 1, notation: ' ' })).toThrow(RangeError);
  });

  it('round-trips through parseReference', () => {
    for (const text of ['05/BNV-VP', '24/2025/QĐ-UBND', '03/QyĐ-UBND', '120/TTr-SNV']) {
      const r = parseReference(text);
      expect(r.ok && formatReference(r.value)).toBe(text);
    }
  });
});

describe('referenceKey (duplicate detection)', () => {
  it('treats 5 and 05, NFD and NFC, eth and Đ, and spaces alike', () => {
    const a = referenceKeyOf('05/QĐ-UBND');
    expect(a).toBeDefined();
    expect(referenceKeyOf('5/QĐ-UBND')).toBe(a);
    expect(referenceKeyOf('05/QĐ-UBND'.normalize('NFD'))).toBe(a);
    expect(referenceKeyOf('05/Q\u00D0-UBND')).toBe(a);
    expect(referenceKey({ number: 5, notation: 'QĐ - UBND' })).toBe(a);
  });

  it('keeps case and the year significant', () => {
    expect(referenceKeyOf('05/CT-UBND')).not.toBe(referenceKeyOf('05/CTr-UBND'));
    expect(referenceKeyOf('05/2024/QĐ-UBND')).not.toBe(referenceKeyOf('05/2025/QĐ-UBND'));
    expect(referenceKeyOf('not a reference')).toBeUndefined();
  });
});

describe('edXML Code split', () => {
  it('keeps the year of a legal document in CodeNotation', () => {
    expect(toEdxmlCode({ number: 24, year: 2025, notation: 'QĐ-UBND' })).toEqual({
      codeNumber: '24',
      codeNotation: '2025/QĐ-UBND',
    });
    expect(toEdxmlCode({ number: 7, notation: 'UBND-VX' })).toEqual({
      codeNumber: '07',
      codeNotation: 'UBND-VX',
    });
    expect(fromEdxmlCode({ codeNumber: '7816', codeNotation: 'VPCP-TTĐT' })).toMatchObject({
      ok: true,
      value: { number: 7816, issuerAbbreviation: 'VPCP' },
    });
  });
});
