/**
 * Number and notation (số, ký hiệu) — Decree 30/2020/NĐ-CP App. I §II.3 (standards.md §3.2):
 * `<number>/<notation>` for administrative documents (`15/QĐ-UBND`, `12/UBND-VX`), and
 * `<number>/<year>/<notation>` for legal normative documents (`24/2025/QĐ-UBND`). Groups of the
 * notation are joined by `-`; type abbreviations are mixed case (`QyĐ`, `TTr`, `CTr`, `TrS`), so
 * parsing is Unicode-aware and case-preserving.
 */
import { findCopyFormByAbbreviation, findDocumentTypeByAbbreviation } from './document-types.js';
import { normalizeVietnamese } from './vietnamese.js';

export interface ParsedReference {
  /** Sequential number in the year (Decree 30 Art. 15), as an integer: "05" → 5. */
  number: number;
  /** Year group, present for legal normative documents ("24/2025/QĐ-UBND"). */
  year?: number;
  /** Notation after the number (and year), NFC, case preserved: "QĐ-UBND". */
  notation: string;
  /** First group when it is a known document-type or copy-form abbreviation (Decree 30 App. III). */
  typeAbbreviation?: string;
  /** Issuing agency abbreviation: the group after the type abbreviation, else the first group. */
  issuerAbbreviation: string;
  /** Notation groups split on "-". */
  groups: string[];
}

export type ReferenceProblem =
  | 'empty'
  | 'missing_separator'
  | 'missing_number'
  | 'invalid_number'
  | 'zero_number'
  | 'invalid_year'
  | 'year_out_of_range'
  | 'missing_notation'
  | 'invalid_notation'
  | 'missing_issuer'
  | 'too_many_parts';

export type ReferenceResult =
  { ok: true; value: ParsedReference } | { ok: false; reason: ReferenceProblem; message: string };

export interface ReferenceParseOptions {
  /** Earliest plausible year (default 1945, the first year of the Democratic Republic's documents). */
  minYear?: number;
  /** Latest plausible year (default: next calendar year). */
  maxYear?: number;
}

/** Longest number accepted; edXML `CodeNumber` is String(11) in Decree 30 App. VI. */
const MAX_NUMBER_DIGITS = 9;
const GROUP = /^[\p{L}\p{N}]+$/u;

function fail(reason: ReferenceProblem, message: string): ReferenceResult {
  return { ok: false, reason, message };
}

function isKnownTypeAbbreviation(group: string): boolean {
  return (
    findDocumentTypeByAbbreviation(group) !== undefined ||
    findCopyFormByAbbreviation(group) !== undefined
  );
}

export function parseReference(input: string, opts: ReferenceParseOptions = {}): ReferenceResult {
  const minYear = opts.minYear ?? 1945;
  const maxYear = opts.maxYear ?? new Date().getFullYear() + 1;
  // "Số: 05/BNV-VP" is how box 3 prints it; the label is not part of the reference.
  const text = normalizeVietnamese(input)
    .trim()
    .replace(/^số\s*:?\s*/iu, '')
    // Decree 30 App. I §II.3 says no spaces; tolerate them around separators only.
    .replace(/\s*([/-])\s*/g, '$1');
  if (text === '') return fail('empty', 'Number and notation are empty');
  if (!text.includes('/')) {
    return fail('missing_separator', 'Expected "<number>/<notation>", e.g. "12/UBND-VX"');
  }
  const parts = text.split('/');
  if (parts.length > 3) {
    return fail('too_many_parts', 'Expected at most "<number>/<year>/<notation>"');
  }
  const [numberPart = '', ...rest] = parts;
  if (numberPart === '') return fail('missing_number', 'The number before "/" is missing');
  if (!/^\d+$/.test(numberPart) || numberPart.length > MAX_NUMBER_DIGITS) {
    return fail('invalid_number', `"${numberPart}" is not a document number (Arabic digits)`);
  }
  const number = Number.parseInt(numberPart, 10);
  // Decree 30 Art. 15: numbering starts at 01 on 1 January, so 0 never occurs.
  if (number === 0) return fail('zero_number', 'Document numbers start at 01; 0 is not a number');

  let year: number | undefined;
  if (rest.length === 2) {
    const yearPart = rest[0] ?? '';
    if (!/^\d{4}$/.test(yearPart)) {
      return fail('invalid_year', `"${yearPart}" is not a four-digit year`);
    }
    year = Number.parseInt(yearPart, 10);
    if (year < minYear || year > maxYear) {
      return fail('year_out_of_range', `Year ${year} is outside ${minYear}–${maxYear}`);
    }
  }
  const notation = rest[rest.length - 1] ?? '';
  if (notation === '') return fail('missing_notation', 'The notation after "/" is missing');
  if (/\s/.test(notation)) {
    return fail('invalid_notation', 'The notation may not contain spaces (Decree 30 App. I §II.3)');
  }
  const groups = notation.split('-');
  if (groups.some((g) => !GROUP.test(g))) {
    return fail(
      'invalid_notation',
      'Notation groups must be letters or digits separated by single "-" (e.g. "QĐ-UBND")',
    );
  }
  const first = groups[0] ?? '';
  if (!/^\p{L}/u.test(first)) {
    return fail('invalid_notation', 'The notation must start with an abbreviation, not a digit');
  }
  const typeAbbreviation = isKnownTypeAbbreviation(first) ? first : undefined;
  const issuer = typeAbbreviation !== undefined ? groups[1] : first;
  if (issuer === undefined) {
    return fail('missing_issuer', `"${notation}" names a document type but no issuing agency`);
  }
  return {
    ok: true,
    value: {
      number,
      ...(year !== undefined ? { year } : {}),
      notation,
      ...(typeAbbreviation !== undefined ? { typeAbbreviation } : {}),
      issuerAbbreviation: issuer,
      groups,
    },
  };
}

export interface ReferenceParts {
  number: number;
  year?: number;
  notation: string;
}

/** Number as printed: numbers below 10 get a leading zero ("05") — Decree 30 App. I §II.3. */
export function formatDocumentNumber(number: number): string {
  if (!Number.isInteger(number) || number < 1) {
    throw new RangeError(`Document number must be a positive integer, got ${number}`);
  }
  return number < 10 ? `0${number}` : String(number);
}

/** `05/BNV-VP`, `24/2025/QĐ-UBND`. */
export function formatReference(ref: ReferenceParts): string {
  const notation = normalizeVietnamese(ref.notation).replace(/\s+/g, '');
  if (notation === '') throw new RangeError('Notation is empty');
  const year = ref.year !== undefined ? `${ref.year}/` : '';
  return `${formatDocumentNumber(ref.number)}/${year}${notation}`;
}

/**
 * Key for duplicate detection (Decree 30 App. VI §III.1: warn on duplicate number + notation +
 * issuer): number as an integer ("05" = "5"), year, and the notation in NFC with whitespace removed
 * and Ð folded to Đ. Case is kept: `CT` (Chỉ thị) and `CTr` (Chương trình) differ.
 */
export function referenceKey(ref: ReferenceParts): string {
  const notation = normalizeVietnamese(ref.notation).replace(/\s+/g, '');
  return `${ref.number}/${ref.year ?? ''}/${notation}`;
}

/** Parse then key; undefined when the text is not a reference. */
export function referenceKeyOf(text: string, opts?: ReferenceParseOptions): string | undefined {
  const r = parseReference(text, opts);
  return r.ok ? referenceKey(r.value) : undefined;
}

/**
 * Split a reference into edXML `CodeNumber` / `CodeNotation` (QCVN 102 §1.3). The year of a legal
 * document stays in the notation ("24" + "2025/QĐ-UBND"), so `CodeNumber/CodeNotation` re-forms
 * the printed reference.
 */
export function toEdxmlCode(ref: ReferenceParts): { codeNumber: string; codeNotation: string } {
  const printed = formatReference(ref);
  const slash = printed.indexOf('/');
  return { codeNumber: printed.slice(0, slash), codeNotation: printed.slice(slash + 1) };
}

export function fromEdxmlCode(
  code: { codeNumber: string; codeNotation: string },
  opts?: ReferenceParseOptions,
): ReferenceResult {
  return parseReference(`${code.codeNumber.trim()}/${code.codeNotation.trim()}`, opts);
}
