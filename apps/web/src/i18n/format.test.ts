import { describe, expect, it } from 'vitest';
import { formatDate, formatIsoDate } from './format';
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

describe('messages', () => {
  it('has the same keys in Vietnamese and English', () => {
    expect(keys(en).sort()).toEqual(keys(vi).sort());
  });

  it('writes Vietnamese with its diacritics', () => {
    expect(vi.login.title).toBe('Đăng nhập');
    expect(vi.nav.workRecords).toBe('Hồ sơ công việc');
  });
});
