import type { Recipient } from '@vanban/contracts';
import { describe, expect, it } from 'vitest';
import {
  composeParagraphs,
  freeTextNames,
  recipientCount,
  recipientInputs,
  recipientsFromDetail,
} from './recipients';

describe('free-text recipients', () => {
  it('takes one recipient per line, without bullets, trailing separators or repeats', () => {
    expect(freeTextNames('- Như trên;\n\n• Lưu: VT, TCBC.\n  - Như trên;  \n')).toEqual([
      'Như trên',
      'Lưu: VT, TCBC.',
    ]);
    expect(freeTextNames('   \n')).toEqual([]);
  });
});

describe('recipientInputs', () => {
  it('lists agencies by code, units by id, then the free text', () => {
    const value = {
      agencies: [{ code: '000.00.01.H26', name: 'Văn phòng UBND thành phố' }],
      unitIds: ['u1', 'u1', 'u2'],
      text: 'Lưu: VT.',
    };
    expect(recipientInputs(value)).toEqual([
      { agencyCode: '000.00.01.H26' },
      { unitId: 'u1' },
      { unitId: 'u2' },
      { name: 'Lưu: VT.' },
    ]);
    expect(recipientCount(value)).toBe(4);
  });
});

describe('recipientsFromDetail', () => {
  const base: Recipient = {
    id: 'r',
    kind: 'text',
    name: '',
    agency: null,
    unit: null,
    channel: 'paper',
    status: 'pending',
    incomingDocumentId: null,
    statusAt: null,
    statusNote: null,
  };
  it('puts a saved draft back into the form', () => {
    expect(
      recipientsFromDetail([
        {
          ...base,
          kind: 'agency',
          name: 'UBND phường Hoàn Kiếm',
          agency: { id: 'a', code: '000.00.51.H26' },
          channel: 'internal',
        },
        {
          ...base,
          kind: 'unit',
          name: 'Phòng TCBC',
          unit: { id: 'u', code: 'TCBC', name: 'Phòng TCBC' },
        },
        { ...base, name: 'Như trên' },
        { ...base, name: 'Lưu: VT' },
      ]),
    ).toEqual({
      agencies: [{ code: '000.00.51.H26', name: 'UBND phường Hoàn Kiếm' }],
      unitIds: ['u'],
      text: 'Như trên\nLưu: VT',
    });
  });
});

describe('composeParagraphs', () => {
  it('makes each non-empty line a paragraph', () => {
    expect(composeParagraphs('Căn cứ …\n\n  Điều 1. …  \r\nĐiều 2.')).toEqual([
      'Căn cứ …',
      'Điều 1. …',
      'Điều 2.',
    ]);
  });
});
