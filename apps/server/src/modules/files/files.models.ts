/** What an upload may be. `magic`: the `file-type` detections that prove it, or `text`. */
export interface FileKind {
  kind: string;
  extensions: readonly string[];
  mediaType: string;
  /** Other media types browsers send for it. */
  aliases: readonly string[];
  magic: readonly string[] | 'text';
  /** Browsers may show it in place; everything else always downloads. */
  inline: boolean;
}

export const fileKinds: readonly FileKind[] = [
  k('pdf', ['pdf'], 'application/pdf', ['application/x-pdf'], ['pdf'], true),
  k(
    'docx',
    ['docx'],
    'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    [],
    ['docx'],
  ),
  // Word 97 and Excel 97 are both OLE compound files: the signature cannot tell them apart.
  k('doc', ['doc'], 'application/msword', [], ['cfb']),
  k(
    'xlsx',
    ['xlsx'],
    'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    [],
    ['xlsx'],
  ),
  k('xls', ['xls'], 'application/vnd.ms-excel', [], ['cfb']),
  k('odt', ['odt'], 'application/vnd.oasis.opendocument.text', [], ['odt']),
  k('ods', ['ods'], 'application/vnd.oasis.opendocument.spreadsheet', [], ['ods']),
  k(
    'pptx',
    ['pptx'],
    'application/vnd.openxmlformats-officedocument.presentationml.presentation',
    [],
    ['pptx'],
  ),
  k('png', ['png'], 'image/png', [], ['png', 'apng'], true),
  k('jpeg', ['jpg', 'jpeg'], 'image/jpeg', ['image/jpg', 'image/pjpeg'], ['jpg'], true),
  k('tiff', ['tif', 'tiff'], 'image/tiff', ['image/tif'], ['tif']),
  k(
    'zip',
    ['zip'],
    'application/zip',
    ['application/x-zip-compressed', 'application/x-zip'],
    ['zip'],
  ),
  k('xml', ['xml'], 'application/xml', ['text/xml'], 'text'),
  k('txt', ['txt'], 'text/plain', [], 'text', true),
];

function k(
  kind: string,
  extensions: string[],
  mediaType: string,
  aliases: string[],
  magic: string[] | 'text',
  inline = false,
): FileKind {
  return { kind, extensions, mediaType, aliases, magic, inline };
}

/** Detected by content: programs and installers are refused whatever their name says. */
const EXECUTABLE_DETECTIONS = new Set([
  'exe',
  'elf',
  'macho',
  'class',
  'dex',
  'wasm',
  'swf',
  'apk',
  'jar',
  'crx',
  'xpi',
  'deb',
  'rpm',
  'dmg',
  'lnk',
  'reg',
  'chm',
  'msi',
]);

const EXECUTABLE_MEDIA_TYPES = new Set([
  'application/x-msdownload',
  'application/x-msdos-program',
  'application/x-dosexec',
  'application/x-executable',
  'application/x-elf',
  'application/x-sharedlib',
  'application/x-mach-binary',
  'application/vnd.microsoft.portable-executable',
  'application/x-msi',
  'application/x-ms-installer',
  'application/x-sh',
  'application/x-shellscript',
  'text/x-shellscript',
  'text/x-sh',
  'application/x-bat',
  'application/x-powershell',
  'application/javascript',
  'application/x-javascript',
  'text/javascript',
  'application/java-archive',
  'application/vnd.android.package-archive',
  'application/hta',
]);

export type Verdict =
  { ok: true; kind: FileKind } | { ok: false; problem: 'forbidden' | 'mismatch'; detail: string };

export function extensionOf(name: string): string {
  const dot = name.lastIndexOf('.');
  return dot > 0 ? name.slice(dot + 1).toLowerCase() : '';
}

function baseMediaType(claimed: string | undefined): string {
  return (claimed ?? '').split(';')[0]!.trim().toLowerCase();
}

function kindOfMediaType(mediaType: string): FileKind | undefined {
  return fileKinds.find((f) => f.mediaType === mediaType || f.aliases.includes(mediaType));
}

/**
 * First check, before reading the bytes: the name's extension picks the kind; a specific media type
 * sent by the client must agree with it (generic ones such as octet-stream say nothing).
 */
export function judgeName(name: string, claimedType: string | undefined): Verdict {
  const claimed = baseMediaType(claimedType);
  const ext = extensionOf(name);
  if (EXECUTABLE_MEDIA_TYPES.has(claimed))
    return {
      ok: false,
      problem: 'forbidden',
      detail: `Programs and scripts (${claimed}) are not accepted`,
    };
  const byName = fileKinds.find((f) => f.extensions.includes(ext));
  const byClaim = kindOfMediaType(claimed);
  if (!byName) {
    if (ext === '' && byClaim) return { ok: true, kind: byClaim };
    return {
      ok: false,
      problem: 'forbidden',
      detail: `${ext ? `.${ext} files are` : 'Files without an extension are'} not accepted; allowed: ${allowedList()}`,
    };
  }
  if (byClaim && byClaim !== byName)
    return {
      ok: false,
      problem: 'mismatch',
      detail: `The name says .${ext} but the upload was sent as ${claimed}`,
    };
  return { ok: true, kind: byName };
}

export interface ContentFacts {
  /** `file-type`'s extension for the bytes, or null when it knows no signature. */
  detected: string | null;
  /** For text kinds: valid UTF-8 without NUL bytes, and whether it starts with `#!`. */
  text?: { utf8: boolean; shebang: boolean };
}

/** Second check, on the bytes: they must be what the name claims. */
export function judgeContent(kind: FileKind, facts: ContentFacts): Verdict {
  if (facts.detected && EXECUTABLE_DETECTIONS.has(facts.detected))
    return {
      ok: false,
      problem: 'forbidden',
      detail: `The content is a program (${facts.detected}), which is not accepted`,
    };
  const mismatch = (what: string): Verdict => ({
    ok: false,
    problem: 'mismatch',
    detail: `The content is ${what}, not ${kind.kind} as the name says`,
  });
  if (kind.magic === 'text') {
    const xmlSignature = kind.kind === 'xml' && facts.detected === 'xml';
    if (facts.detected && !xmlSignature) return mismatch(facts.detected);
    if (!facts.text?.utf8) return mismatch('binary or not UTF-8');
    if (facts.text.shebang)
      return { ok: false, problem: 'forbidden', detail: 'Scripts (#!) are not accepted' };
    return { ok: true, kind };
  }
  if (!facts.detected || !kind.magic.includes(facts.detected))
    return mismatch(facts.detected ?? 'of an unknown type');
  return { ok: true, kind };
}

function allowedList(): string {
  return fileKinds.flatMap((f) => f.extensions).join(', ');
}

export function kindOf(mediaType: string): FileKind | undefined {
  return kindOfMediaType(mediaType);
}

/**
 * A display name safe to store and send back: no directories (`C:\fakepath\…`), no control or
 * bidi-override characters (they disguise `…exe` as `…pdf`), NFC so Vietnamese compares equal.
 */
export function cleanFileName(raw: string): string {
  const base = raw.split(/[/\\]/).pop() ?? '';
  const cleaned = base
    .normalize('NFC')
    .replace(/[\p{Cc}\p{Cf}]/gu, '')
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/^[.\s]+|[.\s]+$/g, '');
  if (!cleaned) return 'file';
  if (cleaned.length <= 200) return cleaned;
  const ext = extensionOf(cleaned);
  const keep = ext && ext.length < 16 ? `.${ext}` : '';
  return cleaned.slice(0, 200 - keep.length) + keep;
}

/** Extracted text is for search: about a megabyte is plenty, and keeps rows and indexes sane. */
export const MAX_TEXT_BYTES = 1024 * 1024;

/**
 * Search-ready text: NFC (PDFs often carry decomposed Vietnamese), no NULs (PostgreSQL text cannot
 * hold them) or other control characters, tidy blank lines, cut at `maxBytes` of UTF-8 without
 * splitting a character. Empty means there was no text (a scan, an image).
 */
export function normalizeExtractedText(raw: string, maxBytes = MAX_TEXT_BYTES): string {
  const text = raw
    .normalize('NFC')
    .replace(/\r\n?/g, '\n')
    // eslint-disable-next-line no-control-regex -- removing control characters is the point
    .replace(/[\u0000-\u0008\u000b-\u001f\u007f]/g, ' ')
    .replace(/[ \t]+\n/g, '\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
  const bytes = Buffer.from(text, 'utf8');
  if (bytes.length <= maxBytes) return text;
  let end = maxBytes;
  // Back off continuation bytes (10xxxxxx) so the cut falls between characters.
  while (end > 0 && (bytes[end]! & 0xc0) === 0x80) end--;
  return bytes.subarray(0, end).toString('utf8');
}
