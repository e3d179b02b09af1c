import { parseAgencyCode } from '@vanban/edxml';
import {
  agencyImportRowSchema,
  successionKindValues,
  type AgencyImportRow,
  type AgencyTier,
  type SuccessionKind,
} from '@vanban/contracts';
import { parse as parseCsv } from 'csv-parse/sync';
import type { FieldProblem } from '../../platform/errors/app-error.js';

/** Column order of the directory exchange format (CSV header and JSON keys). */
export const directoryColumns = [
  'code',
  'name',
  'short_name',
  'level',
  'tier',
  'parent_code',
  'address',
  'email',
  'phone',
  'website',
  'valid_from',
  'valid_to',
  'successors',
] as const;

/** Lower case without diacritics (đ → d), single spaces: "Uỷ ban" and "Ủy ban" fold alike. */
export function foldName(name: string): string {
  return name
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/[đĐ]/g, 'd')
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .trim();
}

const PEOPLES_COMMITTEE = '(?:uy ban nhan dan|ubnd)';
/** Commune-level units (Law on Local Government 2015 Art. 2, as amended 2025: đặc khu). */
const COMMUNE_NAME = new RegExp(`^${PEOPLES_COMMITTEE} (?:phuong|xa|thi tran|dac khu)\\b`);
/** District-level units until 1 July 2025, incl. cities under a province or under the city. */
const DISTRICT_NAME = new RegExp(`^${PEOPLES_COMMITTEE} (?:quan|huyen|thi xa|thanh pho)\\b`);

/**
 * The dashboard tier of an agency when the directory file does not give one: the level-1 agency
 * is the city; a People's Committee of a ward, commune, township or special zone is a commune;
 * one of an urban or rural district, town or city below level 1 is a district; everything else
 * (departments, the office, boards) is a department. The migration's backfill applies the same
 * rules in SQL (f_unaccent folds the same way).
 */
export function deriveAgencyTier(name: string, level: number): AgencyTier {
  if (level === 1) return 'city';
  const folded = foldName(name);
  if (COMMUNE_NAME.test(folded)) return 'commune';
  if (DISTRICT_NAME.test(folded)) return 'district';
  return 'department';
}

export interface SuccessorRef {
  kind: SuccessionKind;
  code: string;
  effectiveDate: string | null;
}

export interface DirectoryRow extends Omit<AgencyImportRow, 'successors' | 'tier'> {
  /** As given, or derived from the name and level. */
  tier: AgencyTier;
  successorRefs: SuccessorRef[];
  /** 1-based line/position in the file, for error reports. */
  index: number;
}

/** `split_into:H26.01@2025-07-01; merged_into:000.00.01.H26` → references. */
export function parseSuccessors(text: string | undefined): {
  refs: SuccessorRef[];
  problem?: string;
} {
  if (!text) return { refs: [] };
  const refs: SuccessorRef[] = [];
  for (const part of text
    .split(';')
    .map((p) => p.trim())
    .filter(Boolean)) {
    const m = /^([a-z_]+):([^@\s]+)(?:@(\d{4}-\d{2}-\d{2}))?$/.exec(part);
    if (!m || !successionKindValues.includes(m[1] as SuccessionKind)) {
      return {
        refs,
        problem: `"${part}" is not kind:code[@YYYY-MM-DD] with kind one of ${successionKindValues.join(', ')}`,
      };
    }
    refs.push({ kind: m[1] as SuccessionKind, code: m[2]!, effectiveDate: m[3] ?? null });
  }
  return { refs };
}

export function formatSuccessors(refs: SuccessorRef[]): string {
  return refs
    .map((r) => `${r.kind}:${r.code}${r.effectiveDate ? `@${r.effectiveDate}` : ''}`)
    .join(';');
}

function blankToUndefined(record: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(
    Object.entries(record).filter(
      ([, v]) => !(v === null || v === undefined || (typeof v === 'string' && v.trim() === '')),
    ),
  );
}

/** Parses and validates a directory file; every problem is reported with its row number. */
export function parseDirectoryFile(
  format: 'csv' | 'json',
  content: string,
): { rows: DirectoryRow[]; problems: FieldProblem[] } {
  let records: Record<string, unknown>[];
  const problems: FieldProblem[] = [];
  try {
    if (format === 'csv') {
      records = parseCsv(content.replace(/^\uFEFF/, ''), {
        columns: true,
        skip_empty_lines: true,
        trim: true,
      }) as Record<string, unknown>[];
    } else {
      const parsed: unknown = JSON.parse(content);
      const list = Array.isArray(parsed) ? parsed : (parsed as { agencies?: unknown })?.agencies;
      if (!Array.isArray(list))
        throw new Error('expected an array of agencies (or {"agencies": [...]})');
      records = list as Record<string, unknown>[];
    }
  } catch (error) {
    return {
      rows: [],
      problems: [
        {
          path: 'content',
          message: `Cannot read the ${format.toUpperCase()} file: ${(error as Error).message}`,
        },
      ],
    };
  }
  const rows: DirectoryRow[] = [];
  records.forEach((record, i) => {
    const index = i + 1;
    const result = agencyImportRowSchema.safeParse(blankToUndefined(record ?? {}));
    if (!result.success) {
      for (const issue of result.error.issues) {
        problems.push({
          path: `rows[${index}].${issue.path.join('.')}`,
          message: issue.message,
          code: 'agencies.import_invalid',
        });
      }
      return;
    }
    const row = result.data;
    const code = parseAgencyCode(row.code);
    if (!code.ok)
      problems.push({
        path: `rows[${index}].code`,
        message: `${row.code}: ${code.message}`,
        code: 'agencies.code_invalid',
      });
    if (row.parent_code) {
      const parent = parseAgencyCode(row.parent_code);
      if (!parent.ok)
        problems.push({
          path: `rows[${index}].parent_code`,
          message: `${row.parent_code}: ${parent.message}`,
          code: 'agencies.code_invalid',
        });
    }
    if (row.valid_from && row.valid_to && row.valid_to <= row.valid_from) {
      problems.push({
        path: `rows[${index}].valid_to`,
        message: 'valid_to must be after valid_from',
      });
    }
    const successors = parseSuccessors(row.successors);
    if (successors.problem)
      problems.push({ path: `rows[${index}].successors`, message: successors.problem });
    const { successors: _ignored, tier, ...rest } = row;
    rows.push({
      ...rest,
      tier: tier ?? deriveAgencyTier(row.name, row.level),
      successorRefs: successors.refs,
      index,
    });
  });
  return { rows, problems };
}
