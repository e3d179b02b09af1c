import { describe, expect, it } from 'vitest';
import { checkReference, suggestDocType } from './reference';

const types = [
  { code: 'decision', abbreviation: 'QĐ', legal: false },
  { code: 'legal_decision', abbreviation: 'QĐ', legal: true },
  { code: 'official_letter', abbreviation: null, legal: false },
  { code: 'plan', abbreviation: 'KH', legal: false },
];

describe('checkReference', () => {
  const today = new Date(2026, 2, 2);

  it('accepts administrative and legal references', () => {
    expect(checkReference('12/UBND-VX', today)).toMatchObject({
      state: 'valid',
      number: 12,
      notation: 'UBND-VX',
      issuer: 'UBND',
      typeAbbreviation: undefined,
    });
    expect(checkReference('24/2025/QĐ-UBND', today)).toMatchObject({
      state: 'valid',
      year: 2025,
      typeAbbreviation: 'QĐ',
    });
  });

  it('names the problem as the server would', () => {
    expect(checkReference('   ', today)).toEqual({ state: 'empty' });
    expect(checkReference('12 UBND', today)).toEqual({
      state: 'invalid',
      problem: 'missing_separator',
    });
    expect(checkReference('0/UBND', today)).toEqual({ state: 'invalid', problem: 'zero_number' });
    expect(checkReference('5/2027/QĐ-UBND', today)).toEqual({
      state: 'invalid',
      problem: 'year_out_of_range',
    });
  });
});

describe('suggestDocType', () => {
  const today = new Date(2026, 2, 2);
  const suggest = (reference: string) =>
    suggestDocType(types, checkReference(reference, today))?.code;

  it('follows the type abbreviation, legal when there is a year', () => {
    expect(suggest('15/QĐ-UBND')).toBe('decision');
    expect(suggest('24/2025/QĐ-UBND')).toBe('legal_decision');
    expect(suggest('3/KH-UBND')).toBe('plan');
  });

  it('takes công văn when the notation starts with the issuer', () => {
    expect(suggest('12/UBND-VX')).toBe('official_letter');
    expect(suggest('12/')).toBeUndefined();
  });
});
