/**
 * Safe file names for extracted attachments. Names come from the sender and are untrusted: path
 * separators, `..`, control characters and characters Windows forbids are removed, so that a name
 * can never leave the output directory.
 */

const MAX_NAME_BYTES = 200;
const WINDOWS_RESERVED = /^(con|prn|aux|nul|com\d|lpt\d)(\..*)?$/i;

export function safeFileName(name: string, fallback = 'attachment'): string {
  // Keep only the last path segment, whichever separator the sender used.
  const base = name.normalize('NFC').split(/[\\/]/).pop() ?? '';
  let clean = base
    // Control characters and what Windows forbids in names.
    // eslint-disable-next-line no-control-regex -- matching control characters is the point
    .replace(/[\u0000-\u001F\u007F<>:"|?*]/g, '_')
    .replace(/^[\s.]+|[\s.]+$/g, '')
    .replace(/\s+/g, ' ');
  if (clean === '' || WINDOWS_RESERVED.test(clean))
    clean = `${fallback}${clean === '' ? '' : `_${clean}`}`;
  // Truncate on UTF-8 bytes (file systems count bytes), keeping the extension.
  if (Buffer.byteLength(clean) > MAX_NAME_BYTES) {
    const dot = clean.lastIndexOf('.');
    const ext = dot > 0 && clean.length - dot <= 10 ? clean.slice(dot) : '';
    let stem = clean.slice(0, clean.length - ext.length);
    while (Buffer.byteLength(stem + ext) > MAX_NAME_BYTES)
      stem = Array.from(stem).slice(0, -1).join('');
    clean = stem + ext;
  }
  return clean;
}

/** Makes `name` unique against `taken` (case-insensitively) by adding " (2)", " (3)" … */
export function uniqueFileName(name: string, taken: Set<string>): string {
  const dot = name.lastIndexOf('.');
  const stem = dot > 0 ? name.slice(0, dot) : name;
  const ext = dot > 0 ? name.slice(dot) : '';
  let candidate = name;
  for (let n = 2; taken.has(candidate.toLowerCase()); n++) candidate = `${stem} (${n})${ext}`;
  taken.add(candidate.toLowerCase());
  return candidate;
}
