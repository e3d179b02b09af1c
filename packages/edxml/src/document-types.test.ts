import { describe, expect, it } from 'vitest';
import {
  ADMINISTRATIVE_DOCUMENT_TYPES,
  COPY_FORMS,
  DOCUMENT_TYPES,
  LEGAL_DOCUMENT_TYPES,
  findCopyFormByAbbreviation,
  findDocumentTypeByAbbreviation,
  findDocumentTypeByName,
  getDocumentType,
  resolveEdxmlDocumentType,
  toEdxmlDocumentType,
} from './document-types.js';

describe('document types (Decree 30 Art. 7, App. III)', () => {
  it('lists the 29 administrative types in order with correct names', () => {
    expect(ADMINISTRATIVE_DOCUMENT_TYPES).toHaveLength(29);
    expect(ADMINISTRATIVE_DOCUMENT_TYPES.map((t) => t.name)).toEqual([
      'Nghị quyết',
      'Quyết định',
      'Chỉ thị',
      'Quy chế',
      'Quy định',
      'Thông cáo',
      'Thông báo',
      'Hướng dẫn',
      'Chương trình',
      'Kế hoạch',
      'Phương án',
      'Đề án',
      'Dự án',
      'Báo cáo',
      'Biên bản',
      'Tờ trình',
      'Hợp đồng',
      'Công văn',
      'Công điện',
      'Bản ghi nhớ',
      'Bản thỏa thuận',
      'Giấy ủy quyền',
      'Giấy mời',
      'Giấy giới thiệu',
      'Giấy nghỉ phép',
      'Phiếu gửi',
      'Phiếu chuyển',
      'Phiếu báo',
      'Thư công',
    ]);
    expect(
      ADMINISTRATIVE_DOCUMENT_TYPES.every((t) => !t.legal && t.name === t.name.normalize('NFC')),
    ).toBe(true);
    expect(new Set(DOCUMENT_TYPES.map((t) => t.code)).size).toBe(DOCUMENT_TYPES.length);
  });

  it('has no abbreviation for Công văn and Thư công only', () => {
    const without = ADMINISTRATIVE_DOCUMENT_TYPES.filter((t) => t.abbreviation === undefined).map(
      (t) => t.code,
    );
    expect(without).toEqual(['official_letter', 'public_letter']);
    expect(getDocumentType('decision')).toMatchObject({
      name: 'Quyết định',
      abbreviation: 'QĐ',
      qualifier: 'cá biệt',
    });
    expect(getDocumentType('rule').abbreviation).toBe('QyĐ');
  });

  it('flags legal normative types', () => {
    expect(LEGAL_DOCUMENT_TYPES.every((t) => t.legal && t.edxml.type === 1)).toBe(true);
    expect(LEGAL_DOCUMENT_TYPES.map((t) => t.name)).toContain('Luật');
    expect(getDocumentType('decree')).toMatchObject({
      name: 'Nghị định',
      abbreviation: 'NĐ',
      legal: true,
    });
    expect(getDocumentType('circular')).toMatchObject({
      name: 'Thông tư',
      abbreviation: 'TT',
      legal: true,
    });
  });

  it('looks up by exact abbreviation, administrative first unless asked', () => {
    expect(findDocumentTypeByAbbreviation('CTr')?.code).toBe('programme');
    expect(findDocumentTypeByAbbreviation('CT')?.code).toBe('directive');
    expect(findDocumentTypeByAbbreviation('QĐ', { legal: true })?.code).toBe('legal_decision');
    expect(findDocumentTypeByAbbreviation('ctr')).toBeUndefined();
  });

  it('looks up by name, tolerating case, old tone placement and "(cá biệt)"', () => {
    expect(findDocumentTypeByName('Bản thoả thuận')?.code).toBe('agreement');
    expect(findDocumentTypeByName('GIẤY UỶ QUYỀN')?.code).toBe('power_of_attorney');
    expect(findDocumentTypeByName('Quyết định (cá biệt)')?.code).toBe('decision');
    expect(findDocumentTypeByName('Quyết định', { legal: true })?.code).toBe('legal_decision');
    expect(findDocumentTypeByName('Công văn'.normalize('NFD'))?.code).toBe('official_letter');
    expect(findDocumentTypeByName('Không có')).toBeUndefined();
  });

  it('copy forms SY / TrS / SL', () => {
    expect(COPY_FORMS.map((c) => c.abbreviation)).toEqual(['SY', 'TrS', 'SL']);
    expect(findCopyFormByAbbreviation('TrS')?.name).toBe('Bản trích sao');
  });
});

describe('edXML DocumentType mapping (QCVN 102 §1.4)', () => {
  it('emits Type 2 / TypeDetail 18 for a công văn and Type 1 for QPPL', () => {
    expect(toEdxmlDocumentType('official_letter')).toEqual({
      type: 2,
      typeDetail: 18,
      typeName: 'Công văn',
    });
    expect(toEdxmlDocumentType('decree')).toEqual({
      type: 1,
      typeDetail: 7,
      typeName: 'Nghị định',
    });
    expect(toEdxmlDocumentType('public_letter')).toEqual({
      type: 2,
      typeDetail: 0,
      typeName: 'Thư công',
    });
  });

  it('resolves received types by TypeName first, whatever the integers say', () => {
    expect(resolveEdxmlDocumentType({ type: 1, typeDetail: 0, typeName: 'Công văn' })?.code).toBe(
      'official_letter',
    );
    expect(resolveEdxmlDocumentType({ type: 18, typeDetail: -1, typeName: 'Công văn' })?.code).toBe(
      'official_letter',
    );
    expect(resolveEdxmlDocumentType({ type: 1, typeDetail: 8, typeName: 'Quyết định' })?.code).toBe(
      'legal_decision',
    );
    expect(resolveEdxmlDocumentType({ type: 2, typeDetail: 2, typeName: 'Quyết định' })?.code).toBe(
      'decision',
    );
    expect(resolveEdxmlDocumentType({ type: 2, typeDetail: 7, typeName: '' })?.code).toBe('notice');
    expect(resolveEdxmlDocumentType({ type: 9, typeDetail: 9, typeName: '' })).toBeUndefined();
  });
});
