import type { Certificate } from '@vanban/contracts';
import { describe, expect, it } from 'vitest';
import { commonName, groupByOwner } from './owners';
import type { SignatureImage } from './signatureQueries';

const certificate = (
  id: string,
  owner: Certificate['owner'],
  extra: Partial<Certificate> = {},
): Certificate => ({
  id,
  owner,
  subject: `CN=${owner.name}`,
  issuer: 'CN=Vanban DEMO CA',
  serialNumber: '01',
  validFrom: '2026-01-01T00:00:00Z',
  validTo: '2027-01-01T00:00:00Z',
  expired: false,
  demo: true,
  active: true,
  createdAt: '2026-01-01T00:00:00Z',
  ...extra,
});

const image = (id: string, owner: SignatureImage['owner']): SignatureImage => ({
  id,
  owner,
  kind: owner.kind === 'agency' ? 'seal' : 'signature',
  width: 400,
  height: 400,
  demo: true,
  createdAt: '2026-01-01T00:00:00Z',
});

describe('groupByOwner', () => {
  const binh = { kind: 'user' as const, id: 'u2', name: 'Trần Văn Bình' };
  const an = { kind: 'user' as const, id: 'u1', name: 'Nguyễn Văn An' };
  const snv = { kind: 'agency' as const, id: 'a1', name: 'Sở Nội vụ' };

  it('puts certificates and images of one owner together, agencies first', () => {
    const groups = groupByOwner(
      [certificate('c1', binh), certificate('c2', snv), certificate('c3', an)],
      [image('i1', { kind: 'agency', id: 'a1' }), image('i2', { kind: 'user', id: 'u1' })],
    );
    expect(
      groups.map((group) => [
        group.key,
        group.name,
        group.certificates.map((c) => c.id),
        group.images.map((i) => i.id),
      ]),
    ).toEqual([
      ['agency:a1', 'Sở Nội vụ', ['c2'], ['i1']],
      ['user:u1', 'Nguyễn Văn An', ['c3'], ['i2']],
      ['user:u2', 'Trần Văn Bình', ['c1'], []],
    ]);
  });

  it('names image-only owners from the given names, else leaves them unnamed and last', () => {
    const groups = groupByOwner(
      [],
      [image('i1', { kind: 'user', id: 'u9' }), image('i2', { kind: 'user', id: 'u1' })],
      new Map([['u1', 'Nguyễn Văn An']]),
    );
    expect(groups.map((group) => group.name)).toEqual(['Nguyễn Văn An', null]);
  });

  it('lists active certificates first', () => {
    const [group] = groupByOwner(
      [
        certificate('old', an, { active: false, validTo: '2028-01-01T00:00:00Z' }),
        certificate('new', an),
      ],
      [],
    );
    expect(group?.certificates.map((c) => c.id)).toEqual(['new', 'old']);
  });
});

describe('commonName', () => {
  it('reads the CN of a subject', () => {
    expect(commonName('CN=Nguyễn Văn An, O=Vanban DEMO, C=VN')).toBe('Nguyễn Văn An');
    expect(commonName('C=VN, O=UBND, CN=Sở Nội vụ\\, Hà Nội')).toBe('Sở Nội vụ, Hà Nội');
    expect(commonName('O=No common name')).toBe('O=No common name');
  });
});
