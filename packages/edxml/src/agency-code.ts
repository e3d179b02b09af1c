/**
 * Agency electronic identifier codes (mã định danh điện tử).
 *
 * Two orientations are in use (standards.md §2):
 * - QCVN 102:2016: `V1V2V3.Z1Z2.Y1Y2.MX1X2` — level 4 … level 1, read right to left, exactly
 *   13 characters, unused levels zero-filled (`000.00.00.H26` is Hanoi People's Committee).
 * - Decision 20/2020/QĐ-TTg Art. 4(1): up to 35 characters of `.`, `0-9`, `A-Z`; one group per
 *   level, level 1 leftmost (`H26`, `G09.20`, `H37.02.02`).
 * The hierarchy must never be derived by slicing a code without knowing its orientation.
 */

export type AgencyCodeForm = 'qcvn102' | 'decision20';

export interface ParsedAgencyCode {
  code: string;
  form: AgencyCodeForm;
  /** Level-1 group, e.g. `H26` (a letter and two digits). */
  level1: string;
  /** Groups from level 1 downwards, zero-filled groups of the QCVN form removed. */
  groups: string[];
  /** Depth in the hierarchy implied by the code (1 = level-1 body itself). */
  impliedLevel: number;
}

export type AgencyCodeResult =
  { ok: true; value: ParsedAgencyCode } | { ok: false; reason: AgencyCodeProblem; message: string };

export type AgencyCodeProblem =
  'empty' | 'too_long' | 'invalid_characters' | 'invalid_level1' | 'invalid_structure';

export const AGENCY_CODE_MAX_LENGTH = 35;

const QCVN_FORM = /^(\d{3})\.(\d{2})\.(\d{2})\.([A-Z]\d{2})$/;
const LEVEL1 = /^[A-Z]\d{2}$/;
const LOWER_GROUP = /^[0-9A-Z]{1,5}$/;

function fail(reason: AgencyCodeProblem, message: string): AgencyCodeResult {
  return { ok: false, reason, message };
}

export function parseAgencyCode(input: string): AgencyCodeResult {
  const code = input.trim();
  if (code.length === 0) return fail('empty', 'Agency code is empty');
  if (code.length > AGENCY_CODE_MAX_LENGTH) {
    return fail('too_long', `Agency code is longer than ${AGENCY_CODE_MAX_LENGTH} characters`);
  }
  if (!/^[0-9A-Z.]+$/.test(code)) {
    return fail(
      'invalid_characters',
      'Agency code may contain only digits, upper-case letters A-Z and dots',
    );
  }
  const qcvn = QCVN_FORM.exec(code);
  if (qcvn) {
    const [, l4 = '', l3 = '', l2 = '', l1 = ''] = qcvn;
    const lower = [l2, l3, l4];
    // Zero-filled groups mean "no unit at this level"; the deepest filled group gives the level.
    const deepest = lower.reduce((acc, g, i) => (/^0+$/.test(g) ? acc : i), -1);
    return {
      ok: true,
      value: {
        code,
        form: 'qcvn102',
        level1: l1,
        groups: [l1, ...lower.slice(0, deepest + 1)],
        impliedLevel: deepest + 2,
      },
    };
  }
  const groups = code.split('.');
  const [first = '', ...rest] = groups;
  if (!LEVEL1.test(first)) {
    if (groups.length > 1 && /^[A-Z]/.test(groups[groups.length - 1] ?? '')) {
      return fail(
        'invalid_structure',
        'A code with level 1 on the right must have the 13-character QCVN 102 form ddd.dd.dd.Xdd (e.g. 000.00.00.H26)',
      );
    }
    return fail(
      'invalid_level1',
      'Level-1 group must be one upper-case letter followed by two digits (e.g. H26)',
    );
  }
  if (rest.some((g) => !LOWER_GROUP.test(g))) {
    return fail(
      'invalid_structure',
      'Groups after level 1 must be 1–5 digits or upper-case letters, separated by single dots',
    );
  }
  return {
    ok: true,
    value: { code, form: 'decision20', level1: first, groups, impliedLevel: groups.length },
  };
}

export function isValidAgencyCode(input: string): boolean {
  return parseAgencyCode(input).ok;
}
