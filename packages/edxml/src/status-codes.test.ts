import { describe, expect, it } from 'vitest';
import { Priority, PRIORITY_NAMES, businessDocTypeFromCode, isSteeringType } from './codes.js';
import {
  STATUS_CODES,
  StatusCode,
  getStatusCodeInfo,
  isStatusCode,
  normalizeStatusCode,
} from './status-codes.js';

describe('status codes (QCVN 102 status packet)', () => {
  it('has exactly the nine wire codes', () => {
    expect(STATUS_CODES.map((s) => s.code)).toEqual([
      '01',
      '02',
      '03',
      '04',
      '05',
      '06',
      '13',
      '15',
      '16',
    ]);
    expect(Object.values(StatusCode).sort()).toEqual(STATUS_CODES.map((s) => s.code));
    expect(getStatusCodeInfo(StatusCode.Rejected).description).toBe('Từ chối tiếp nhận');
    expect(getStatusCodeInfo('06').name).toBe('Completed');
  });

  it('normalises codes without the leading zero and rejects unknown ones', () => {
    expect(normalizeStatusCode('3')).toBe('03');
    expect(normalizeStatusCode(' 13 ')).toBe('13');
    expect(normalizeStatusCode('07')).toBeUndefined();
    expect(normalizeStatusCode('103')).toBeUndefined();
    expect(normalizeStatusCode('x')).toBeUndefined();
    expect(isStatusCode('14')).toBe(false);
  });
});

describe('small wire codes', () => {
  it('priority, steering and business types', () => {
    expect(PRIORITY_NAMES[Priority.Express]).toBe('Hỏa tốc');
    expect(isSteeringType(0)).toBe(true);
    expect(isSteeringType(4)).toBe(false);
    expect([0, 1, 2, 3, 4].map(businessDocTypeFromCode)).toEqual([
      'new',
      'revoke',
      'update',
      'replace',
      undefined,
    ]);
  });
});
