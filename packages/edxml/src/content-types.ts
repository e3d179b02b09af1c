/**
 * MIME types by file extension, and the zipping practice of deployed senders (standards.md §1.7):
 * Bkav sends pdf/doc/docx/xls/zip as they are and zips every other type, labelled
 * `application/zip`; VPCP-issued packets zip everything.
 */

const BY_EXTENSION: Record<string, string> = {
  pdf: 'application/pdf',
  doc: 'application/msword',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  xls: 'application/vnd.ms-excel',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  ppt: 'application/vnd.ms-powerpoint',
  pptx: 'application/vnd.openxmlformats-officedocument.presentationml.presentation',
  odt: 'application/vnd.oasis.opendocument.text',
  ods: 'application/vnd.oasis.opendocument.spreadsheet',
  rtf: 'application/rtf',
  txt: 'text/plain',
  xml: 'application/xml',
  zip: 'application/zip',
  rar: 'application/vnd.rar',
  '7z': 'application/x-7z-compressed',
  png: 'image/png',
  jpg: 'image/jpeg',
  jpeg: 'image/jpeg',
  tif: 'image/tiff',
  tiff: 'image/tiff',
};

export const OCTET_STREAM = 'application/octet-stream';
export const ZIP_CONTENT_TYPE = 'application/zip';

export function fileExtension(name: string): string {
  const base = name.split(/[\\/]/).pop() ?? '';
  const dot = base.lastIndexOf('.');
  return dot > 0 ? base.slice(dot + 1).toLowerCase() : '';
}

export function contentTypeForName(name: string): string {
  return BY_EXTENSION[fileExtension(name)] ?? OCTET_STREAM;
}

export function isZipContentType(contentType: string): boolean {
  const base = contentType.split(';')[0]?.trim().toLowerCase() ?? '';
  return (
    base === 'application/zip' ||
    base === 'application/x-zip-compressed' ||
    base === 'application/x-zip' ||
    base === 'multipart/x-zip'
  );
}

/**
 * - `none`: send every file as it is.
 * - `bkav`: pdf/doc/docx/xls/xlsx/zip as they are, everything else zipped (Bkav eDoc practice).
 * - `all`: zip everything (VPCP practice).
 */
export type ZipPolicy = 'none' | 'bkav' | 'all';

const SENT_AS_IS = new Set(['pdf', 'doc', 'docx', 'xls', 'xlsx', 'zip']);

export function shouldZip(name: string, policy: ZipPolicy): boolean {
  const ext = fileExtension(name);
  if (ext === 'zip') return false;
  if (policy === 'all') return true;
  if (policy === 'bkav') return !SENT_AS_IS.has(ext);
  return false;
}
