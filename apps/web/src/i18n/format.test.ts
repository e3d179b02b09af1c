import { describe, expect, it } from 'vitest';
import { formatDate, formatFileSize, formatIsoDate, parseDisplayDate, toIsoDate } from './format';
import { en } from './en';
import { vi } from './vi';

describe('dates', () => {
  it('writes calendar dates as dd/MM/yyyy', () => {
    expect(formatIsoDate('2026-03-09')).toBe('09/03/2026');
    expect(formatDate(new Date(2026, 0, 5))).toBe('05/01/2026');
  });
});

function keys(value: object, prefix = ''): string[] {
  return Object.entries(value as Record<string, unknown>).flatMap(([key, child]) =>
    typeof child === 'object' && child !== null
      ? keys(child, `${prefix}${key}.`)
      : [`${prefix}${key}`],
  );
}

function entries(value: object, prefix = ''): [string, string][] {
  return Object.entries(value as Record<string, unknown>).flatMap(([key, child]) =>
    typeof child === 'object' && child !== null
      ? entries(child, `${prefix}${key}.`)
      : [[`${prefix}${key}`, String(child)] as [string, string]],
  );
}

describe('messages', () => {
  it('has the same keys in Vietnamese and English', () => {
    expect(keys(en).sort()).toEqual(keys(vi).sort());
  });

  it('writes Vietnamese with its diacritics', () => {
    expect(vi.login.title).toBe('Đăng nhập');
    expect(vi.nav.workRecords).toBe('Hồ sơ công việc');
    expect(vi.incoming.urgency.flash).toBe('Hỏa tốc');
    expect(vi.incoming.urgency.top_urgent).toBe('Thượng khẩn');
    expect(vi.incoming.fields.reference).toBe('Số, ký hiệu');
  });

  it('uses the same {{placeholders}} in both languages', () => {
    const placeholders = (value: object) =>
      Object.fromEntries(
        entries(value).map(([key, text]) => [
          key,
          [...text.matchAll(/{{(\w+)}}/g)].map((m) => m[1]).sort(),
        ]),
      );
    expect(placeholders(en)).toEqual(placeholders(vi));
  });
});

describe('typed dates and sizes', () => {
  it('reads dd/MM/yyyy as typed', () => {
    expect(parseDisplayDate('09/03/2026')).toBe('2026-03-09');
    expect(parseDisplayDate('9/3/2026')).toBe('2026-03-09');
    expect(parseDisplayDate('2026-03-09')).toBe('2026-03-09');
    expect(parseDisplayDate('31/02/2026')).toBeNull();
    expect(parseDisplayDate('hôm nay')).toBeNull();
    expect(toIsoDate(new Date(2026, 11, 31))).toBe('2026-12-31');
  });

  it('writes file sizes with the decimal mark of the language', () => {
    expect(formatFileSize(830, 'vi')).toBe('830 B');
    expect(formatFileSize(12_800, 'vi')).toBe('12,5 KB');
    expect(formatFileSize(12_800, 'en')).toBe('12.5 KB');
    expect(formatFileSize(3 * 1024 * 1024, 'en')).toBe('3.0 MB');
  });
});
