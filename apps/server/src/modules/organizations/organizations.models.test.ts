import { describe, expect, it } from 'vitest';
import { deriveAgencyTier, foldName, parseDirectoryFile } from './organizations.models.js';

describe('agency tier derived from name and level', () => {
  it('makes the level-1 agency the city', () => {
    expect(deriveAgencyTier('Ủy ban nhân dân thành phố Hà Nội', 1)).toBe('city');
    expect(deriveAgencyTier('Ủy ban nhân dân tỉnh Hà Nam', 1)).toBe('city');
  });

  it('recognises communes: wards, communes, townships and special zones', () => {
    expect(deriveAgencyTier('Ủy ban nhân dân phường Hoàn Kiếm', 2)).toBe('commune');
    expect(deriveAgencyTier('Ủy ban nhân dân xã Sóc Sơn', 2)).toBe('commune');
    expect(deriveAgencyTier('UBND thị trấn Đông Anh', 3)).toBe('commune');
    expect(deriveAgencyTier('Ủy ban nhân dân đặc khu Phú Quốc', 2)).toBe('commune');
    // The other spelling of "Ủy" (tone mark on the y) and decomposed text fold alike.
    expect(deriveAgencyTier('Uỷ ban nhân dân phường Cửa Nam', 2)).toBe('commune');
    expect(deriveAgencyTier('Ủy ban nhân dân phường Ba Đình'.normalize('NFD'), 2)).toBe('commune');
  });

  it('recognises districts, towns and cities below level 1', () => {
    expect(deriveAgencyTier('Ủy ban nhân dân quận Ba Đình', 2)).toBe('district');
    expect(deriveAgencyTier('Ủy ban nhân dân huyện Sóc Sơn', 2)).toBe('district');
    expect(deriveAgencyTier('Ủy ban nhân dân thị xã Sơn Tây', 2)).toBe('district');
    expect(deriveAgencyTier('Ủy ban nhân dân thành phố Thủ Đức', 2)).toBe('district');
  });

  it('makes everything else a department', () => {
    expect(deriveAgencyTier('Sở Nội vụ thành phố Hà Nội', 2)).toBe('department');
    expect(deriveAgencyTier('Văn phòng Ủy ban nhân dân thành phố Hà Nội', 2)).toBe('department');
    expect(deriveAgencyTier('Ủy ban nhân dân Xanh', 2)).toBe('department');
  });

  it('folds Vietnamese names', () => {
    expect(foldName('  Ủy  ban nhân dân ĐẶC KHU ')).toBe('uy ban nhan dan dac khu');
  });

  it('keeps a tier the file gives and derives a missing one', () => {
    const { rows, problems } = parseDirectoryFile(
      'csv',
      'code,name,level,tier,parent_code\n' +
        '000.00.00.H26,Ủy ban nhân dân thành phố Hà Nội,1,,\n' +
        '000.00.90.H26,Ban Quản lý các khu công nghiệp,2,other,000.00.00.H26\n' +
        '000.00.51.H26,Ủy ban nhân dân phường Hoàn Kiếm,2,,000.00.00.H26\n',
    );
    expect(problems).toEqual([]);
    expect(rows.map((r) => r.tier)).toEqual(['city', 'other', 'commune']);
    const bad = parseDirectoryFile(
      'json',
      JSON.stringify([{ code: '000.00.00.H26', name: 'X', level: 1, tier: 'province' }]),
    );
    expect(bad.problems[0]).toMatchObject({
      path: 'rows[1].tier',
      code: 'agencies.import_invalid',
    });
  });
});
