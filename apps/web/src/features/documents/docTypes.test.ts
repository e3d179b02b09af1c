import { describe, expect, it } from 'vitest';
import { docTypeLabel, englishDocTypeNames } from './docTypes';

describe('document type labels', () => {
  it('keeps the official Vietnamese name and adds the English one in English', () => {
    expect(docTypeLabel('decision', 'Quyết định', 'vi')).toBe('Quyết định');
    expect(docTypeLabel('decision', 'Quyết định', 'en')).toBe('Decision (Quyết định)');
    expect(docTypeLabel('unknown_type', 'Loại khác', 'en')).toBe('Loại khác');
  });

  it('names all 42 types of Decree 30 and the legal-documents law', () => {
    expect(Object.keys(englishDocTypeNames)).toHaveLength(42);
  });
});
