import { errorCodes } from '@vanban/contracts';
import { describe, expect, it } from 'vitest';
import { ApiError } from '../../app/api';
import { columnKey, formatOfFile, importFailure, rowProblemKey } from './importReport';

const problem = (code: string, extra: Partial<ConstructorParameters<typeof ApiError>[0]> = {}) =>
  new ApiError({ status: 400, code, title: code, ...extra });

describe('importFailure', () => {
  it('maps row problems to rows and columns, sorted by row', () => {
    const failure = importFailure(
      problem(errorCodes.agencyImportInvalid, {
        errors: [
          { path: 'rows[3].level', message: 'Too big', code: 'agencies.import_invalid' },
          { path: 'rows[2].code', message: 'XYZ: bad', code: 'agencies.code_invalid' },
          { path: 'rows[3].successors', message: 'successor agency X not found' },
        ],
      }),
    );
    expect(failure).toEqual({
      kind: 'rows',
      fileProblems: [],
      rows: [
        { row: 2, field: 'code', code: 'agencies.code_invalid', message: 'XYZ: bad' },
        { row: 3, field: 'level', code: 'agencies.import_invalid', message: 'Too big' },
        { row: 3, field: 'successors', message: 'successor agency X not found' },
      ],
    });
  });

  it('keeps problems of the whole file apart', () => {
    const failure = importFailure(
      problem(errorCodes.agencyImportInvalid, {
        errors: [{ path: 'content', message: 'Cannot read the CSV file' }],
      }),
    );
    expect(failure).toEqual({ kind: 'rows', rows: [], fileProblems: ['Cannot read the CSV file'] });
  });

  it('names other refusals', () => {
    expect(importFailure(problem(errorCodes.forbidden))).toEqual({
      kind: 'message',
      message: 'admin.import.errors.forbidden',
    });
    expect(importFailure(problem(errorCodes.payloadTooLarge))).toEqual({
      kind: 'message',
      message: 'admin.import.errors.tooLarge',
    });
    expect(importFailure(new Error('boom'))).toEqual({ kind: 'generic' });
  });
});

describe('rowProblemKey', () => {
  it('says what is wrong by code, then by column', () => {
    expect(
      rowProblemKey({ row: 1, field: 'code', code: 'agencies.code_invalid', message: '' }),
    ).toBe('admin.import.problems.code');
    expect(
      rowProblemKey({
        row: 1,
        field: 'parent_code',
        code: 'agencies.parent_not_found',
        message: '',
      }),
    ).toBe('admin.import.problems.parentNotFound');
    expect(
      rowProblemKey({ row: 1, field: 'parent_code', code: 'agencies.code_invalid', message: '' }),
    ).toBe('admin.import.problems.parentCodeInvalid');
    expect(
      rowProblemKey({ row: 1, field: 'level', code: 'agencies.import_invalid', message: '' }),
    ).toBe('admin.import.problems.level');
    expect(rowProblemKey({ row: 1, field: 'other', message: '' })).toBe(
      'admin.import.problems.invalid',
    );
  });
});

describe('file names and columns', () => {
  it('detects the format from the extension', () => {
    expect(formatOfFile('danh-muc.CSV')).toBe('csv');
    expect(formatOfFile('agencies.json')).toBe('json');
    expect(formatOfFile('agencies.xlsx')).toBeNull();
  });

  it('names known columns', () => {
    expect(columnKey('parent_code')).toBe('admin.import.columns.parent_code');
    expect(columnKey('nope')).toBeNull();
    expect(columnKey(undefined)).toBeNull();
  });
});
