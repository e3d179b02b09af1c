import { describe, expect, it } from 'vitest';
import { notesOf, typeAndSubject, type RegisterReportMeta } from './registers.export.models.js';
import {
  copiesOf,
  optionalVnDate,
  OUTGOING_REGISTER_TITLE,
  outgoingRegisterColumns,
  outgoingRegisterTitle,
  recipientsOf,
  referenceOf,
  type OutgoingRegisterRow,
} from './registers.outgoing-export.models.js';

const row: OutgoingRegisterRow = {
  number: 24,
  reference: '24/2026/QĐ-UBND',
  issueDate: '2026-03-12',
  typeName: 'Quyết định',
  subject: 'Về việc ban hành Quy chế quản lý văn bản điện tử',
  signerName: 'Nguyễn Văn An',
  recipients: 'Sở Tài chính; Sở Xây dựng; UBND phường Ba Đình',
  fileCopyHolder: 'Lưu: VT, TCBC',
  copies: 5,
  transferDate: '2026-03-13',
  notes: null,
  secret: false,
};

const meta = (registerName: string): RegisterReportMeta => ({
  agencyName: 'Ủy ban nhân dân thành phố Hà Nội',
  parentAgencyName: null,
  registerName,
  year: 2026,
  from: '2026-01-01',
  to: '2026-03-31',
  generatedAt: new Date('2026-03-31T09:15:00Z'),
});

describe('outgoing register formatting (Decree 30 Appendix IV)', () => {
  it('has the ten columns of the outgoing register, in order', () => {
    expect(outgoingRegisterColumns.map((c) => c.header)).toEqual([
      'Số, ký hiệu văn bản',
      'Ngày tháng văn bản',
      'Tên loại và trích yếu nội dung văn bản',
      'Người ký',
      'Nơi nhận văn bản',
      'Đơn vị, người nhận bản lưu',
      'Số lượng bản',
      'Ngày chuyển',
      'Ký nhận',
      'Ghi chú',
    ]);
    expect(outgoingRegisterColumns.filter((c) => c.pdfWidth === '*')).toHaveLength(1);
  });

  it('titles the register by its name: ordinary, confidential and legal series', () => {
    expect(outgoingRegisterTitle(meta('Sổ đăng ký văn bản đi'))).toBe('SỔ ĐĂNG KÝ VĂN BẢN ĐI');
    expect(outgoingRegisterTitle(meta('Sổ đăng ký văn bản đi mật'))).toBe(
      'SỔ ĐĂNG KÝ VĂN BẢN ĐI MẬT',
    );
    expect(outgoingRegisterTitle(meta('Sổ đăng ký văn bản quy phạm pháp luật'))).toBe(
      'SỔ ĐĂNG KÝ VĂN BẢN QUY PHẠM PHÁP LUẬT',
    );
    // Decomposed input comes out composed; no name at all falls back to the plain title.
    expect(outgoingRegisterTitle(meta('Sổ đăng ký văn bản đi mật'.normalize('NFD')))).toBe(
      'SỔ ĐĂNG KÝ VĂN BẢN ĐI MẬT',
    );
    expect(outgoingRegisterTitle(meta('  '))).toBe(OUTGOING_REGISTER_TITLE);
  });

  it('writes the number and notation as issued, or the bare number with a leading zero', () => {
    expect(referenceOf(row)).toBe('24/2026/QĐ-UBND');
    expect(referenceOf({ number: 5, reference: ' 05/UBND-VX ' })).toBe('05/UBND-VX');
    expect(referenceOf({ number: 5, reference: '' })).toBe('05');
  });

  it('lists recipients "; "-separated, composed, without blanks', () => {
    expect(recipientsOf(row)).toBe('Sở Tài chính; Sở Xây dựng; UBND phường Ba Đình');
    expect(
      recipientsOf({ recipients: 'Sở Tài chính;\nSở Xây dựng\n; ;Ủy ban phường'.normalize('NFD') }),
    ).toBe('Sở Tài chính; Sở Xây dựng; Ủy ban phường');
    expect(recipientsOf({ recipients: '' })).toBe('');
  });

  it('writes copies and the transfer date, blank when unknown', () => {
    expect(copiesOf(row)).toBe('5');
    expect(copiesOf({ copies: null })).toBe('');
    expect(optionalVnDate('2026-03-13')).toBe('13/03/2026');
    expect(optionalVnDate('2026-03-12T18:30:00Z')).toBe('13/03/2026');
    expect(optionalVnDate(null)).toBe('');
  });

  it('opens the subject with the type name, marks and (if asked) masks confidential rows', () => {
    expect(typeAndSubject(row, false)).toBe(
      'Quyết định về việc ban hành Quy chế quản lý văn bản điện tử',
    );
    const secret = { ...row, secret: true, notes: 'Thu hồi sau khi họp' };
    expect(notesOf(secret)).toBe('Mật. Thu hồi sau khi họp');
    expect(typeAndSubject(secret, false)).toContain('Quy chế');
    expect(typeAndSubject(secret, true)).not.toContain('Quy chế');
  });
});
