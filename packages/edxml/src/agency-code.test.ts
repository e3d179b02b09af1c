import { describe, expect, it } from 'vitest';
import { parseAgencyCode } from './agency-code.js';

describe('agency electronic codes', () => {
  it('accepts the 13-character QCVN 102 form with level 1 on the right', () => {
    const r = parseAgencyCode('000.00.00.H26');
    expect(r).toEqual({
      ok: true,
      value: {
        code: '000.00.00.H26',
        form: 'qcvn102',
        level1: 'H26',
        groups: ['H26'],
        impliedLevel: 1,
      },
    });
    const ward = parseAgencyCode('000.12.34.H26');
    expect(ward.ok && ward.value.groups).toEqual(['H26', '34', '12']);
    expect(ward.ok && ward.value.impliedLevel).toBe(3);
  });

  it('accepts the Decision 20/2020 form with level 1 on the left, up to 35 characters', () => {
    expect(parseAgencyCode('H26')).toMatchObject({
      ok: true,
      value: { form: 'decision20', impliedLevel: 1 },
    });
    expect(parseAgencyCode('G09.20')).toMatchObject({ ok: true, value: { groups: ['G09', '20'] } });
    expect(parseAgencyCode('H37.02.02')).toMatchObject({ ok: true, value: { impliedLevel: 3 } });
    const longest =
      'H26.' +
      Array.from({ length: 6 }, () => '12345')
        .join('.')
        .slice(0, 31);
    expect(longest.length).toBeLessThanOrEqual(35);
    expect(parseAgencyCode(longest).ok).toBe(true);
  });

  it.each([
    ['', 'empty'],
    ['00.00.H26X', 'invalid_structure'],
    ['000.00.00.h26', 'invalid_characters'],
    ['000.00.00.H2', 'invalid_structure'],
    ['H26..01', 'invalid_structure'],
    ['26.01', 'invalid_level1'],
    ['H26.01 ', 'ok'],
    ['H26-01', 'invalid_characters'],
    ['H26.' + '1'.repeat(40), 'too_long'],
    ['Đ26', 'invalid_characters'],
  ])('classifies %j as %s', (code, expected) => {
    const r = parseAgencyCode(code);
    expect(r.ok ? 'ok' : r.reason).toBe(expected);
  });

  it('explains a right-oriented code that is not 13 characters', () => {
    const r = parseAgencyCode('00.00.H26X');
    expect(r.ok).toBe(false);
    const shortForm = parseAgencyCode('00.64.H29');
    expect(!shortForm.ok && shortForm.message).toMatch(/000\.00\.00\.H26/);
  });
});
