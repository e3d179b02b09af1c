import { describe, expect, it } from 'vitest';
import {
  dateToVietnamIso,
  parseWireDate,
  parseWireTimestamp,
  toWireDate,
  toWireTimestamp,
} from './dates.js';

describe('edXML dates', () => {
  it('writes yyyy/MM/dd and yyyy/MM/dd HH:mm:ss', () => {
    expect(toWireDate('2025-03-05')).toBe('2025/03/05');
    expect(toWireDate('2025-02-30')).toBeUndefined();
    expect(toWireTimestamp('2025-03-05T08:02:03')).toBe('2025/03/05 08:02:03');
    // Vietnam is UTC+7.
    expect(toWireTimestamp(new Date('2025-03-05T20:00:00Z'))).toBe('2025/03/06 03:00:00');
    expect(dateToVietnamIso(new Date(Number.NaN))).toBeUndefined();
  });

  it('reads the standard form silently and deployed forms with a warning', () => {
    expect(parseWireDate('2025/03/05', 'd')).toEqual({ value: '2025-03-05' });
    expect(parseWireDate('05/03/2025', 'd')).toMatchObject({
      value: '2025-03-05',
      warning: expect.any(String),
    });
    expect(parseWireDate('2025-3-5', 'd')).toMatchObject({
      value: '2025-03-05',
      warning: expect.any(String),
    });
    expect(parseWireDate('', 'd')).toEqual({});
    expect(parseWireDate('  ', 'd')).toEqual({});
    expect(parseWireDate('31/02/2025', 'd')).toEqual({
      warning: expect.stringContaining('unreadable'),
    });
    expect(parseWireDate('hôm qua', 'd').value).toBeUndefined();
  });

  it('reads timestamps in wire, legacy and ISO forms', () => {
    expect(parseWireTimestamp('2025/03/05 08:02:03', 't')).toEqual({
      value: '2025-03-05T08:02:03',
    });
    expect(parseWireTimestamp('05/03/2025 08:02:03', 't').value).toBe('2025-03-05T08:02:03');
    expect(parseWireTimestamp('2025-03-05T01:02:03Z', 't').value).toBe('2025-03-05T08:02:03');
    expect(parseWireTimestamp('2025/03/05', 't').value).toBe('2025-03-05T00:00:00');
    expect(parseWireTimestamp('2025/03/05 25:00:00', 't').value).toBeUndefined();
  });
});
