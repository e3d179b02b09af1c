/**
 * Typed failure for packets that cannot be read as edXML at all. Recoverable deviations from
 * QCVN 102:2016 are reported as `warnings` by the parser instead (standards.md §1.1).
 */
export const EDXML_ERROR_CODES = [
  'edxml.malformed_xml',
  'edxml.forbidden_doctype',
  'edxml.wrong_root',
  'edxml.wrong_namespace',
  'edxml.missing_envelope',
  'edxml.missing_header',
  'edxml.missing_from',
  'edxml.missing_to',
  'edxml.unknown_status_code',
  'edxml.bad_base64',
  'edxml.attachment_too_large',
  'edxml.bad_zip',
  'edxml.invalid_spec',
  'edxml.signing_failed',
] as const;

export type EdxmlErrorCode = (typeof EDXML_ERROR_CODES)[number];

export class EdxmlError extends Error {
  override readonly name = 'EdxmlError';
  readonly code: EdxmlErrorCode;

  constructor(code: EdxmlErrorCode, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.code = code;
  }
}

export function isEdxmlError(value: unknown): value is EdxmlError {
  return value instanceof EdxmlError;
}
