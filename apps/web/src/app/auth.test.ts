import { describe, expect, it } from 'vitest';
import { safeNextPath } from './auth';

describe('safeNextPath', () => {
  it('keeps same-site paths', () => {
    expect(safeNextPath('/incoming?page=2#top')).toBe('/incoming?page=2#top');
  });

  it('refuses other sites, the login page and nothing at all', () => {
    for (const next of [
      null,
      '',
      'https://evil.example',
      '//evil.example',
      '/\\evil',
      '/login',
      '/login?next=/x',
    ]) {
      expect(safeNextPath(next)).toBe('/');
    }
  });
});
