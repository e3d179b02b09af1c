/**
 * Document types. Administrative types and abbreviations: Decree 30/2020/NĐ-CP Art. 7 and
 * Appendix III (standards.md §3.1). Legal normative types and the edXML `DocumentType` codes:
 * QCVN 102:2016 as amended by SĐ1:2022, table in two groups (standards.md §1.4).
 */
import { normalizeVietnamese, vietnameseNameKey } from './vietnamese.js';

export type AdministrativeDocumentTypeCode =
  | 'resolution'
  | 'decision'
  | 'directive'
  | 'regulation'
  | 'rule'
  | 'communique'
  | 'notice'
  | 'guidance'
  | 'programme'
  | 'plan'
  | 'scheme'
  | 'proposal'
  | 'project'
  | 'report'
  | 'minutes'
  | 'submission'
  | 'contract'
  | 'official_letter'
  | 'official_telegram'
  | 'memorandum_of_understanding'
  | 'agreement'
  | 'power_of_attorney'
  | 'invitation'
  | 'letter_of_introduction'
  | 'leave_permit'
  | 'dispatch_slip'
  | 'transfer_slip'
  | 'notification_slip'
  | 'public_letter';

export type LegalDocumentTypeCode =
  | 'constitution'
  | 'law'
  | 'ordinance'
  | 'order'
  | 'legal_resolution'
  | 'joint_resolution'
  | 'decree'
  | 'legal_decision'
  | 'circular'
  | 'joint_circular'
  | 'legal_directive'
  | 'legal_code'
  | 'special_zone_legal_document';

export type DocumentTypeCode = AdministrativeDocumentTypeCode | LegalDocumentTypeCode;

/**
 * How sure the edXML code is: `confirmed` when visible in the SĐ1:2022 table, `inferred` from
 * the order of the older Circular 01/2011/TT-BNV list, `unknown` when no code is known (then the
 * receiver relies on `TypeName`, as it must anyway — standards.md §1.4).
 */
export type EdxmlCodeBasis = 'confirmed' | 'inferred' | 'unknown';

export interface DocumentTypeInfo {
  code: DocumentTypeCode;
  /** Vietnamese name as written in the type line of the document, e.g. "Quyết định". */
  name: string;
  /** Qualifier used by Decree 30 Art. 7 to tell the administrative form apart, e.g. "cá biệt". */
  qualifier?: string;
  /** Abbreviation used in the notation (Decree 30 App. III); none for Công văn and Thư công. */
  abbreviation?: string;
  /** True for legal normative documents (văn bản quy phạm pháp luật). */
  legal: boolean;
  /** Position in the Decree 30 Art. 7 list (administrative) or the QPPL group of QCVN 102. */
  ordinal: number;
  edxml: { type: 1 | 2; typeDetail: number | null; basis: EdxmlCodeBasis };
}

/** edXML `DocumentType/Type`: 1 = legal normative, 2 = administrative (QCVN 102 §1.4, [I]). */
export const EDXML_TYPE_LEGAL = 1;
export const EDXML_TYPE_ADMINISTRATIVE = 2;

type Row = [
  code: DocumentTypeCode,
  name: string,
  abbreviation: string | undefined,
  typeDetail: number | null,
  basis: EdxmlCodeBasis,
  qualifier?: string,
];

// Decree 30 Art. 7, in order; abbreviations from App. III; TypeDetail from QCVN 102 SĐ1:2022 group B.
const ADMINISTRATIVE: Row[] = [
  ['resolution', 'Nghị quyết', 'NQ', 1, 'confirmed', 'cá biệt'],
  ['decision', 'Quyết định', 'QĐ', 2, 'confirmed', 'cá biệt'],
  ['directive', 'Chỉ thị', 'CT', 3, 'confirmed'],
  ['regulation', 'Quy chế', 'QC', 4, 'confirmed'],
  ['rule', 'Quy định', 'QyĐ', 5, 'confirmed'],
  ['communique', 'Thông cáo', 'TC', 6, 'confirmed'],
  ['notice', 'Thông báo', 'TB', 7, 'confirmed'],
  ['guidance', 'Hướng dẫn', 'HD', 8, 'confirmed'],
  ['programme', 'Chương trình', 'CTr', 9, 'confirmed'],
  ['plan', 'Kế hoạch', 'KH', 10, 'inferred'],
  ['scheme', 'Phương án', 'PA', 11, 'inferred'],
  ['proposal', 'Đề án', 'ĐA', 12, 'inferred'],
  ['project', 'Dự án', 'DA', 13, 'inferred'],
  ['report', 'Báo cáo', 'BC', 14, 'inferred'],
  ['minutes', 'Biên bản', 'BB', 15, 'inferred'],
  ['submission', 'Tờ trình', 'TTr', 16, 'inferred'],
  ['contract', 'Hợp đồng', 'HĐ', 17, 'inferred'],
  ['official_letter', 'Công văn', undefined, 18, 'confirmed'],
  ['official_telegram', 'Công điện', 'CĐ', 19, 'confirmed'],
  ['memorandum_of_understanding', 'Bản ghi nhớ', 'BGN', 20, 'confirmed'],
  // 21 (Bản cam kết) and 23 (Giấy chứng nhận) are in the edXML table but not in Decree 30.
  ['agreement', 'Bản thỏa thuận', 'BTT', 22, 'confirmed'],
  ['power_of_attorney', 'Giấy ủy quyền', 'GUQ', 24, 'confirmed'],
  ['invitation', 'Giấy mời', 'GM', 25, 'confirmed'],
  ['letter_of_introduction', 'Giấy giới thiệu', 'GGT', 26, 'confirmed'],
  ['leave_permit', 'Giấy nghỉ phép', 'GNP', 27, 'inferred'],
  ['dispatch_slip', 'Phiếu gửi', 'PG', 28, 'inferred'],
  ['transfer_slip', 'Phiếu chuyển', 'PC', 29, 'inferred'],
  ['notification_slip', 'Phiếu báo', 'PB', null, 'unknown'],
  ['public_letter', 'Thư công', undefined, null, 'unknown'],
];

// QCVN 102 SĐ1:2022 group A (legal normative documents). Abbreviations as used in notations
// such as "24/2025/QĐ-UBND", "30/2020/NĐ-CP", "01/2019/TT-BNV", "05/2023/L-CTN"; laws, codes and
// ordinances carry the issuing body only ("33/2024/QH15").
const LEGAL: Row[] = [
  ['constitution', 'Hiến pháp', undefined, 1, 'confirmed'],
  ['law', 'Luật', undefined, 2, 'confirmed'],
  ['ordinance', 'Pháp lệnh', undefined, 3, 'confirmed'],
  ['order', 'Lệnh', 'L', 4, 'confirmed'],
  ['legal_resolution', 'Nghị quyết', 'NQ', 5, 'confirmed'],
  ['joint_resolution', 'Nghị quyết liên tịch', 'NQLT', 6, 'confirmed'],
  ['decree', 'Nghị định', 'NĐ', 7, 'confirmed'],
  ['legal_decision', 'Quyết định', 'QĐ', 8, 'confirmed'],
  ['circular', 'Thông tư', 'TT', 9, 'confirmed'],
  ['joint_circular', 'Thông tư liên tịch', 'TTLT', 10, 'confirmed'],
  ['legal_directive', 'Chỉ thị', 'CT', 11, 'confirmed'],
  ['legal_code', 'Bộ luật', undefined, 12, 'confirmed'],
  [
    'special_zone_legal_document',
    'Văn bản quy phạm pháp luật của đơn vị hành chính - kinh tế đặc biệt',
    undefined,
    13,
    'confirmed',
  ],
];

function toInfo(row: Row, index: number, legal: boolean): DocumentTypeInfo {
  const [code, name, abbreviation, typeDetail, basis, qualifier] = row;
  return {
    code,
    name,
    ...(qualifier !== undefined ? { qualifier } : {}),
    ...(abbreviation !== undefined ? { abbreviation } : {}),
    legal,
    ordinal: index + 1,
    edxml: { type: legal ? 1 : 2, typeDetail, basis },
  };
}

export const ADMINISTRATIVE_DOCUMENT_TYPES: readonly DocumentTypeInfo[] = Object.freeze(
  ADMINISTRATIVE.map((r, i) => toInfo(r, i, false)),
);
export const LEGAL_DOCUMENT_TYPES: readonly DocumentTypeInfo[] = Object.freeze(
  LEGAL.map((r, i) => toInfo(r, i, true)),
);
export const DOCUMENT_TYPES: readonly DocumentTypeInfo[] = Object.freeze([
  ...ADMINISTRATIVE_DOCUMENT_TYPES,
  ...LEGAL_DOCUMENT_TYPES,
]);

const BY_CODE = new Map(DOCUMENT_TYPES.map((t) => [t.code, t]));

export function getDocumentType(code: DocumentTypeCode): DocumentTypeInfo {
  const t = BY_CODE.get(code);
  if (!t) throw new RangeError(`Unknown document type code ${code}`);
  return t;
}

export function isDocumentTypeCode(value: string): value is DocumentTypeCode {
  return BY_CODE.has(value as DocumentTypeCode);
}

export interface TypeLookupOptions {
  /** Restrict to legal (true) or administrative (false) types; administrative wins ties when unset. */
  legal?: boolean;
}

function pick(
  candidates: DocumentTypeInfo[],
  opts: TypeLookupOptions,
): DocumentTypeInfo | undefined {
  if (opts.legal !== undefined) return candidates.find((t) => t.legal === opts.legal);
  return candidates.find((t) => !t.legal) ?? candidates[0];
}

/**
 * Type by notation abbreviation. Matching is exact and case-sensitive after NFC: `QyĐ`, `CTr`,
 * `TTr` are mixed case in Decree 30 App. III, and `CT` (Chỉ thị) differs from `CTr` (Chương trình).
 */
export function findDocumentTypeByAbbreviation(
  abbreviation: string,
  opts: TypeLookupOptions = {},
): DocumentTypeInfo | undefined {
  const a = normalizeVietnamese(abbreviation.trim());
  return pick(
    DOCUMENT_TYPES.filter((t) => t.abbreviation === a),
    opts,
  );
}

const QUALIFIER_SUFFIX = /\s*\((?:cá biệt|qppl|quy phạm pháp luật)\)\s*$/u;

/** Type by Vietnamese name, tolerant of case, old tone placement and a "(cá biệt)" suffix. */
export function findDocumentTypeByName(
  name: string,
  opts: TypeLookupOptions = {},
): DocumentTypeInfo | undefined {
  const key = vietnameseNameKey(name).replace(QUALIFIER_SUFFIX, '');
  if (key === '') return undefined;
  return pick(
    DOCUMENT_TYPES.filter((t) => vietnameseNameKey(t.name) === key),
    opts,
  );
}

export interface EdxmlDocumentType {
  type: number;
  typeDetail: number;
  typeName: string;
}

/**
 * The edXML `DocumentType` to emit for a type (QCVN 102 §1.4). When no code is known the detail
 * is 0 and `TypeName` carries the meaning; receivers must rely on `TypeName` anyway.
 */
export function toEdxmlDocumentType(code: DocumentTypeCode): EdxmlDocumentType {
  const t = getDocumentType(code);
  return { type: t.edxml.type, typeDetail: t.edxml.typeDetail ?? 0, typeName: t.name };
}

/**
 * Resolve a received `DocumentType`. Deployed senders emit arbitrary integers (`Type=1,
 * TypeDetail=0, TypeName=Công văn`; `Type=18`), so `TypeName` decides (standards.md §1.4) and the
 * integers only break a tie between the legal and administrative forms of the same name, or stand
 * in when the name is empty.
 */
export function resolveEdxmlDocumentType(
  dt: Partial<EdxmlDocumentType>,
): DocumentTypeInfo | undefined {
  const name = dt.typeName?.trim() ?? '';
  if (name !== '') {
    const legalHint =
      dt.type === EDXML_TYPE_LEGAL
        ? true
        : dt.type === EDXML_TYPE_ADMINISTRATIVE
          ? false
          : undefined;
    const byName =
      (legalHint !== undefined ? findDocumentTypeByName(name, { legal: legalHint }) : undefined) ??
      findDocumentTypeByName(name);
    return byName;
  }
  if (dt.type === EDXML_TYPE_LEGAL || dt.type === EDXML_TYPE_ADMINISTRATIVE) {
    const legal = dt.type === EDXML_TYPE_LEGAL;
    return DOCUMENT_TYPES.find(
      (t) =>
        t.legal === legal && t.edxml.typeDetail !== null && t.edxml.typeDetail === dt.typeDetail,
    );
  }
  return undefined;
}

export type CopyFormCode = 'true_copy' | 'extract_copy' | 'transcribed_copy';

export interface CopyFormInfo {
  code: CopyFormCode;
  name: string;
  abbreviation: string;
}

// Decree 30 App. III: Bản sao y (SY), Bản trích sao (TrS), Bản sao lục (SL).
export const COPY_FORMS: readonly CopyFormInfo[] = Object.freeze([
  { code: 'true_copy', name: 'Bản sao y', abbreviation: 'SY' },
  { code: 'extract_copy', name: 'Bản trích sao', abbreviation: 'TrS' },
  { code: 'transcribed_copy', name: 'Bản sao lục', abbreviation: 'SL' },
]);

export function findCopyFormByAbbreviation(abbreviation: string): CopyFormInfo | undefined {
  const a = normalizeVietnamese(abbreviation.trim());
  return COPY_FORMS.find((c) => c.abbreviation === a);
}
