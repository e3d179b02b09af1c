import type { Agency } from '@vanban/contracts';
import { describe, expect, it } from 'vitest';
import { buildAgencyTree, countNodes, filterTree, fold, versionsOn } from './agencyTree';

let counter = 0;
function agency(init: Partial<Agency> & { id: string; code: string }): Agency {
  counter += 1;
  return {
    name: `Cơ quan ${String(counter)}`,
    shortName: null,
    level: 2,
    tier: 'department',
    parentId: null,
    parentCode: null,
    validFrom: '2008-08-01',
    validTo: null,
    address: null,
    email: null,
    phone: null,
    website: null,
    successors: [],
    predecessors: [],
    ...init,
  };
}

const id = (n: number) => `00000000-0000-7000-8000-${String(n).padStart(12, '0')}`;
const city = agency({
  id: id(1),
  code: '000.00.00.H26',
  level: 1,
  name: 'Ủy ban nhân dân thành phố Hà Nội',
});
const office = agency({ id: id(2), code: '000.00.01.H26', parentId: id(1), name: 'Văn phòng' });
const ward = agency({
  id: id(3),
  code: '000.00.51.H26',
  parentId: id(1),
  validFrom: '2025-07-01',
  name: 'Phường Hoàn Kiếm',
});
const district = agency({
  id: id(4),
  code: '000.00.81.H26',
  parentId: id(1),
  validTo: '2025-07-01',
  name: 'Quận Hoàn Kiếm',
});
const renamedOld = agency({
  id: id(5),
  code: '000.00.09.H26',
  parentId: id(1),
  validTo: '2020-01-01',
  name: 'Sở cũ',
});
const renamedNew = agency({
  id: id(5),
  code: '000.00.09.H26',
  parentId: id(1),
  validFrom: '2020-01-01',
  name: 'Sở mới',
});

describe('versionsOn', () => {
  const all = [city, office, ward, district, renamedOld, renamedNew];

  it('keeps the version in force on the date and marks ended agencies closed', () => {
    const today = versionsOn(all, '2026-01-15');
    expect(today.map((entry) => [entry.agency.code, entry.closed])).toEqual([
      ['000.00.00.H26', false],
      ['000.00.01.H26', false],
      ['000.00.09.H26', false],
      ['000.00.51.H26', false],
      ['000.00.81.H26', true],
    ]);
    expect(today.find((entry) => entry.agency.id === id(5))?.agency.name).toBe('Sở mới');
  });

  it('leaves out agencies not founded yet and shows the older name before a change', () => {
    const before = versionsOn(all, '2019-06-01');
    expect(before.map((entry) => entry.agency.code)).not.toContain('000.00.51.H26');
    expect(before.find((entry) => entry.agency.id === id(5))?.agency.name).toBe('Sở cũ');
    expect(before.find((entry) => entry.agency.id === id(4))?.closed).toBe(false);
  });

  it('treats validTo as exclusive', () => {
    expect(versionsOn([district], '2025-06-30')[0]?.closed).toBe(false);
    expect(versionsOn([district], '2025-07-01')[0]?.closed).toBe(true);
  });
});

describe('buildAgencyTree', () => {
  it('nests agencies under their parents, open ones first, then by code', () => {
    const tree = buildAgencyTree(versionsOn([district, ward, office, city], '2026-01-15'));
    expect(tree).toHaveLength(1);
    expect(tree[0]?.agency.code).toBe('000.00.00.H26');
    expect(tree[0]?.children.map((node) => [node.agency.code, node.closed])).toEqual([
      ['000.00.01.H26', false],
      ['000.00.51.H26', false],
      ['000.00.81.H26', true],
    ]);
    expect(countNodes(tree)).toBe(4);
  });

  it('makes agencies whose parent is missing roots', () => {
    const tree = buildAgencyTree(versionsOn([office, ward], '2026-01-15'));
    expect(tree.map((node) => node.agency.code)).toEqual(['000.00.01.H26', '000.00.51.H26']);
  });

  it('does not loop on a parent cycle', () => {
    const a = agency({ id: id(10), code: 'A', parentId: id(11) });
    const b = agency({ id: id(11), code: 'B', parentId: id(10) });
    const tree = buildAgencyTree(versionsOn([a, b], '2026-01-15'));
    expect(countNodes(tree)).toBe(2);
  });
});

describe('filterTree', () => {
  const tree = buildAgencyTree(versionsOn([city, office, ward, district], '2026-01-15'));

  it('keeps matches with their ancestors, ignoring diacritics and case', () => {
    const result = filterTree(tree, 'hoan kiem');
    expect(result[0]?.agency.code).toBe('000.00.00.H26');
    expect(result[0]?.children.map((node) => node.agency.code)).toEqual([
      '000.00.51.H26',
      '000.00.81.H26',
    ]);
  });

  it('matches codes by prefix', () => {
    expect(countNodes(filterTree(tree, '000.00.01'))).toBe(2);
    expect(filterTree(tree, 'không có')).toEqual([]);
  });

  it('folds đ to d', () => {
    expect(fold('Đống Đa')).toBe('dong da');
  });
});
