import { describe, expect, it } from 'vitest';
import {
  addMonths,
  archiveDueDate,
  archiveFlags,
  archiveNoticeDate,
  closeProblems,
  entryNotation,
  higherSecrecy,
  isValidNotation,
  maintenanceOf,
  mustSubmitToArchive,
  nextEntryNumber,
  nextRecordState,
  onlineVerdict,
  recordCode,
  retentionOf,
  romanNumeral,
  type CloseItemFacts,
} from './records.models.js';

describe('records catalogue numbering (Decree 30 Appendix V)', () => {
  it('numbers top headings with Roman numerals', () => {
    expect([1, 2, 3, 4, 9, 14, 40, 1994].map(romanNumeral)).toEqual([
      'I',
      'II',
      'III',
      'IV',
      'IX',
      'XIV',
      'XL',
      'MCMXCIV',
    ]);
    expect(() => romanNumeral(0)).toThrow(RangeError);
  });

  it('writes the notation as a two-digit number and the heading abbreviation', () => {
    expect(entryNotation(1, 'TCCB')).toBe('01.TCCB');
    expect(entryNotation(12, 'VP')).toBe('12.VP');
    expect(entryNotation(105, 'TH')).toBe('105.TH');
    expect(() => entryNotation(1, 'A VERY LONG HEADING')).toThrow(
      expect.objectContaining({ code: 'records.entry_invalid' }),
    );
  });

  it('takes the next number after the highest one in scope', () => {
    expect(nextEntryNumber([])).toBe(1);
    expect(nextEntryNumber([1, 2, 7])).toBe(8);
  });

  it('accepts FileNotation of at most 20 letters, digits, dots and hyphens', () => {
    for (const ok of ['01.TCCB', 'HS-05', '7', '01.QLĐT', '12.2026.KH'])
      expect(isValidNotation(ok), ok).toBe(true);
    for (const bad of ['', ' 01.TC', '01..TC', '01.TC.', '01/TCCB', '01 TCCB', 'x'.repeat(21)])
      expect(isValidNotation(bad), bad).toBe(false);
  });

  it('writes retention as App. VI does and reads it back', () => {
    expect(maintenanceOf('permanent')).toBe('Vĩnh viễn');
    expect(maintenanceOf(20)).toBe('20 năm');
    expect(retentionOf('Vĩnh viễn')).toBe('permanent');
    expect(retentionOf('5 năm')).toBe(5);
    expect(retentionOf('năm năm')).toBeNull();
  });
});

describe('record code (App. VI §III item 1)', () => {
  it('joins OrganId, FileCatalog and FileNotation', () => {
    expect(recordCode('000.00.00.H26', 2026, '01.TCCB')).toBe('000.00.00.H26.2026.01.TCCB');
    expect(recordCode('H26.01.05', 2025, '03.VP')).toBe('H26.01.05.2025.03.VP');
  });

  it('refuses a bad notation or year', () => {
    expect(() => recordCode('000.00.00.H26', 2026, '01 TCCB')).toThrow(
      expect.objectContaining({ code: 'records.entry_invalid' }),
    );
    expect(() => recordCode('000.00.00.H26', 26, '01.TCCB')).toThrow();
  });
});

describe('record states', () => {
  it('opens → closes → archives, reopens only before the archive', () => {
    expect(nextRecordState('open', 'close')).toBe('closed');
    expect(nextRecordState('closed', 'reopen')).toBe('open');
    expect(nextRecordState('closed', 'archive')).toBe('archived');
    expect(() => nextRecordState('open', 'archive')).toThrow(
      expect.objectContaining({ code: 'records.invalid_transition', status: 409 }),
    );
    expect(() => nextRecordState('closed', 'close')).toThrow(
      expect.objectContaining({ code: 'records.invalid_transition' }),
    );
    for (const action of ['close', 'reopen', 'archive'] as const)
      expect(() => nextRecordState('archived', action)).toThrow(
        expect.objectContaining({ code: 'records.locked', status: 409 }),
      );
  });

  it('never lowers secrecy', () => {
    expect(higherSecrecy('normal', 'secret')).toBe('secret');
    expect(higherSecrecy('top_secret', 'confidential')).toBe('top_secret');
    expect(higherSecrecy('normal', 'normal')).toBe('normal');
  });
});

describe('closing checks (Art. 29 §4)', () => {
  const complete = {
    title: 'Hồ sơ tuyển dụng công chức năm 2026',
    maintenance: '20 năm',
    startDate: '2026-01-05',
    endDate: '2026-02-27',
  };
  const items: CloseItemFacts[] = [
    { id: 'a', ordinal: 1, kind: 'incoming', reference: '12/UBND-VX', state: 'completed' },
    { id: 'b', ordinal: 2, kind: 'outgoing', reference: '5/SNV-TCBC', state: 'issued' },
  ];

  it('passes a finished record with complete metadata', () => {
    expect(closeProblems(complete, items, '2026-03-02')).toEqual([]);
  });

  it('lists every open document and missing field with a stable code', () => {
    const problems = closeProblems(
      { title: ' ', maintenance: null, startDate: '2026-01-05', endDate: null },
      [
        { ...items[0]!, state: 'in_progress' },
        { ...items[1]!, state: 'signed', reference: null },
      ],
      '2026-03-02',
    );
    expect(problems.map((p) => [p.path, p.code])).toEqual([
      ['title', 'records.metadata_missing'],
      ['maintenance', 'records.metadata_missing'],
      ['endDate', 'records.metadata_missing'],
      ['items.1', 'records.item_not_completed'],
      ['items.2', 'records.item_not_issued'],
    ]);
    expect(problems[3]!.message).toContain('12/UBND-VX');
  });

  it('refuses an empty record and impossible dates', () => {
    const codes = (facts: typeof complete) =>
      closeProblems(facts, [], '2026-03-02').map((p) => p.code);
    expect(codes(complete)).toEqual(['records.empty']);
    expect(codes({ ...complete, endDate: '2025-12-31' })).toContain('records.end_before_start');
    expect(codes({ ...complete, endDate: '2026-03-03' })).toContain('records.end_in_future');
  });
});

describe('processed online (issue 8)', () => {
  it('requires every document received and issued in the system', () => {
    expect(
      onlineVerdict([
        { id: 'a', kind: 'incoming', state: 'completed', source: 'internal', signedPdf: false },
        { id: 'b', kind: 'incoming', state: 'completed', source: 'hub', signedPdf: false },
        { id: 'c', kind: 'outgoing', state: 'issued', source: null, signedPdf: true },
      ]),
    ).toEqual({ online: true, offline: [] });
  });

  it('names the paper, e-mail and unsigned documents that keep it offline', () => {
    const verdict = onlineVerdict([
      { id: 'a', kind: 'incoming', state: 'completed', source: 'paper', signedPdf: false },
      { id: 'b', kind: 'incoming', state: 'completed', source: 'email', signedPdf: false },
      { id: 'c', kind: 'outgoing', state: 'issued', source: null, signedPdf: false },
      { id: 'd', kind: 'incoming', state: 'completed', source: 'internal', signedPdf: false },
    ]);
    expect(verdict.online).toBe(false);
    expect(verdict.offline).toEqual([
      { itemId: 'a', kind: 'incoming', reason: 'incoming_not_electronic' },
      { itemId: 'b', kind: 'incoming', reason: 'incoming_not_electronic' },
      { itemId: 'c', kind: 'outgoing', reason: 'outgoing_not_signed' },
    ]);
  });

  it('does not count an empty record', () => {
    expect(onlineVerdict([]).online).toBe(false);
  });
});

describe('archive transfer (Art. 30 §2, Art. 31 §3c, App. VI §III.5)', () => {
  it('adds months, keeping the day or falling back to the month end', () => {
    expect(addMonths('2026-03-15', 12)).toBe('2027-03-15');
    expect(addMonths('2024-02-29', 12)).toBe('2025-02-28');
    expect(addMonths('2026-11-30', 3)).toBe('2027-02-28');
    expect(addMonths('2026-01-31', 1)).toBe('2026-02-28');
  });

  it('is due one year after the work ends, three months for construction', () => {
    const base = { endDate: '2026-03-15', maintenance: '10 năm', construction: false };
    expect(archiveDueDate(base)).toBe('2027-03-15');
    expect(archiveDueDate({ ...base, construction: true })).toBe('2026-06-15');
    expect(archiveDueDate({ ...base, maintenance: 'Vĩnh viễn' })).toBe('2027-03-15');
    expect(archiveDueDate({ ...base, endDate: null })).toBeNull();
  });

  it('is not required for records kept less than five years', () => {
    expect(mustSubmitToArchive('2 năm')).toBe(false);
    expect(mustSubmitToArchive('5 năm')).toBe(true);
    expect(mustSubmitToArchive('Vĩnh viễn')).toBe(true);
    expect(mustSubmitToArchive(null)).toBe(false);
    expect(
      archiveDueDate({ endDate: '2026-03-15', maintenance: '3 năm', construction: false }),
    ).toBeNull();
  });

  it('announces 30 days ahead and flags late records', () => {
    expect(archiveNoticeDate('2027-03-15')).toBe('2027-02-13');
    const closed = { state: 'closed' as const, archiveDueDate: '2027-03-15' };
    expect(archiveFlags(closed, '2027-02-12')).toEqual({
      dueSoon: false,
      overdue: false,
      daysLeft: 31,
    });
    expect(archiveFlags(closed, '2027-02-13')).toEqual({
      dueSoon: true,
      overdue: false,
      daysLeft: 30,
    });
    expect(archiveFlags(closed, '2027-03-16')).toEqual({
      dueSoon: true,
      overdue: true,
      daysLeft: -1,
    });
    expect(archiveFlags({ ...closed, state: 'archived' }, '2027-03-16').dueSoon).toBe(false);
  });
});
