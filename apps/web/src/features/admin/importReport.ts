import { errorCodes, type agencyImportRowErrorSchema } from '@vanban/contracts';
import type { z } from 'zod';
import { isApiError } from '../../app/api';
import type { MessageKey } from '../incoming/problems';

export type ImportFormat = 'csv' | 'json';
export type ImportRowError = z.infer<typeof agencyImportRowErrorSchema>;

/** Why the server refused a directory file: bad rows, an unreadable file, or something else. */
export type ImportFailure =
  | { kind: 'rows'; rows: ImportRowError[]; fileProblems: string[] }
  | { kind: 'message'; message: MessageKey }
  | { kind: 'generic' };

/** `agencies.csv` → csv, `x.JSON` → json; other names → null. */
export function formatOfFile(name: string): ImportFormat | null {
  const extension = name.toLowerCase().split('.').pop();
  return extension === 'csv' || extension === 'json' ? extension : null;
}

const rowPath = /^rows\[(\d+)\](?:\.(.+))?$/;

/**
 * The problems of `agencies.import_invalid` (`errors[]` with paths like `rows[3].parent_code`) as
 * one entry per row and column, sorted by row; problems of the whole file (`content`) apart.
 */
export function importFailure(error: unknown): ImportFailure {
  if (!isApiError(error)) return { kind: 'generic' };
  if (error.code === errorCodes.agencyImportInvalid) {
    const rows: ImportRowError[] = [];
    const fileProblems: string[] = [];
    for (const problem of error.errors) {
      const match = rowPath.exec(problem.path);
      if (!match) {
        fileProblems.push(problem.message);
        continue;
      }
      const entry: ImportRowError = { row: Number(match[1]), message: problem.message };
      if (match[2]) entry.field = match[2];
      if (problem.code) entry.code = problem.code;
      rows.push(entry);
    }
    rows.sort((a, b) => a.row - b.row);
    if (rows.length === 0 && fileProblems.length === 0 && error.detail) {
      fileProblems.push(error.detail);
    }
    return { kind: 'rows', rows, fileProblems };
  }
  if (error.code === errorCodes.payloadTooLarge) {
    return { kind: 'message', message: 'admin.import.errors.tooLarge' };
  }
  if (error.code === errorCodes.forbidden) {
    return { kind: 'message', message: 'admin.import.errors.forbidden' };
  }
  if (error.code === errorCodes.validationFailed) {
    return { kind: 'message', message: 'admin.import.errors.empty' };
  }
  return { kind: 'generic' };
}

const columnKeys: Partial<Record<string, MessageKey>> = {
  code: 'admin.import.columns.code',
  name: 'admin.import.columns.name',
  short_name: 'admin.import.columns.short_name',
  level: 'admin.import.columns.level',
  parent_code: 'admin.import.columns.parent_code',
  address: 'admin.import.columns.address',
  email: 'admin.import.columns.email',
  phone: 'admin.import.columns.phone',
  website: 'admin.import.columns.website',
  valid_from: 'admin.import.columns.valid_from',
  valid_to: 'admin.import.columns.valid_to',
  successors: 'admin.import.columns.successors',
};

/** The name of a file column in the user's language (unknown columns keep their name). */
export function columnKey(field: string | undefined): MessageKey | null {
  return field ? (columnKeys[field] ?? null) : null;
}

const fieldProblemKeys: Partial<Record<string, MessageKey>> = {
  code: 'admin.import.problems.code',
  name: 'admin.import.problems.name',
  short_name: 'admin.import.problems.tooLong',
  level: 'admin.import.problems.level',
  parent_code: 'admin.import.problems.parentCode',
  address: 'admin.import.problems.tooLong',
  email: 'admin.import.problems.tooLong',
  phone: 'admin.import.problems.tooLong',
  website: 'admin.import.problems.tooLong',
  valid_from: 'admin.import.problems.date',
  valid_to: 'admin.import.problems.validTo',
  successors: 'admin.import.problems.successors',
};

/**
 * What is wrong with a row in the user's language: by the problem code where it says more than
 * the column (invalid code, unknown parent), else by the column. The server's own text (which
 * quotes the value) is shown beside it.
 */
export function rowProblemKey(problem: ImportRowError): MessageKey {
  if (problem.code === errorCodes.agencyCodeInvalid) {
    return problem.field === 'parent_code'
      ? 'admin.import.problems.parentCodeInvalid'
      : 'admin.import.problems.code';
  }
  if (problem.code === 'agencies.parent_not_found') return 'admin.import.problems.parentNotFound';
  if (problem.field === 'successors' && problem.code === undefined) {
    return 'admin.import.problems.successors';
  }
  return (problem.field && fieldProblemKeys[problem.field]) || 'admin.import.problems.invalid';
}

/** The header line of a CSV template in the exchange format. */
export const csvTemplate =
  'code,name,short_name,level,parent_code,address,email,phone,website,valid_from,valid_to,successors\n';
