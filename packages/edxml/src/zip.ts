/**
 * ZIP handling for attachments (standards.md §1.7) with a bounded expansion guard against zip
 * bombs: the declared sizes are checked first, then decompression is streamed in small chunks and
 * stopped as soon as the output exceeds the limit or the compression ratio is absurd.
 */
import { Unzip, UnzipInflate, UnzipPassThrough, unzipSync, zipSync } from 'fflate';
import type { UnzipFile, UnzipFileInfo } from 'fflate';
import { EdxmlError } from './errors.js';

export interface ZipLimits {
  /** Largest uncompressed entry accepted, in bytes (default 200 MB). */
  maxUncompressedBytes?: number;
  /** Largest uncompressed/compressed ratio accepted for outputs above 1 MB (default 1000). */
  maxCompressionRatio?: number;
}

export const DEFAULT_MAX_UNCOMPRESSED_BYTES = 200 * 1024 * 1024;
export const DEFAULT_MAX_COMPRESSION_RATIO = 1000;
/** Below this size a high ratio is harmless (e.g. a blank page compresses very well). */
const RATIO_FLOOR_BYTES = 1024 * 1024;
const PUSH_CHUNK = 16 * 1024;

export function isZipData(data: Uint8Array): boolean {
  // Local file header signature "PK\x03\x04" (base64 "UEsDB…", standards.md §1.1).
  return (
    data.length >= 4 && data[0] === 0x50 && data[1] === 0x4b && data[2] === 0x03 && data[3] === 0x04
  );
}

export function zipSingleFile(
  name: string,
  data: Uint8Array,
  mtime: Date = new Date(),
): Uint8Array {
  return zipSync({ [name]: [data, { level: 6, mtime }] });
}

export interface ZipEntryInfo {
  name: string;
  compressedSize: number;
  uncompressedSize: number;
  compression: number;
}

function isIgnorableEntry(name: string): boolean {
  // Directories and macOS resource forks carry no document content.
  return name.endsWith('/') || name.startsWith('__MACOSX/') || /(^|\/)\.DS_Store$/.test(name);
}

/** Lists the file entries from the central directory without decompressing anything. */
export function listZipEntries(data: Uint8Array): ZipEntryInfo[] {
  const entries: ZipEntryInfo[] = [];
  try {
    unzipSync(data, {
      filter: (info: UnzipFileInfo) => {
        if (!isIgnorableEntry(info.name)) {
          entries.push({
            name: info.name,
            compressedSize: info.size,
            uncompressedSize: info.originalSize,
            compression: info.compression,
          });
        }
        return false;
      },
    });
  } catch (cause) {
    throw new EdxmlError(
      'edxml.bad_zip',
      'Attachment is labelled as ZIP but is not a readable ZIP archive',
      {
        cause,
      },
    );
  }
  return entries;
}

function checkRatio(out: number, compressed: number, maxRatio: number, name: string): void {
  if (out > RATIO_FLOOR_BYTES && out / Math.max(compressed, 1) > maxRatio) {
    throw new EdxmlError(
      'edxml.attachment_too_large',
      `ZIP entry "${name}" expands more than ${maxRatio}× its compressed size; refusing to unzip`,
    );
  }
}

/** Decompresses one named entry, enforcing the limits while streaming. */
export function extractZipEntry(
  data: Uint8Array,
  entry: ZipEntryInfo,
  limits: ZipLimits = {},
): Buffer {
  const maxBytes = limits.maxUncompressedBytes ?? DEFAULT_MAX_UNCOMPRESSED_BYTES;
  const maxRatio = limits.maxCompressionRatio ?? DEFAULT_MAX_COMPRESSION_RATIO;
  if (entry.uncompressedSize > maxBytes) {
    throw new EdxmlError(
      'edxml.attachment_too_large',
      `ZIP entry "${entry.name}" declares ${entry.uncompressedSize} bytes, above the limit of ${maxBytes}`,
    );
  }
  checkRatio(entry.uncompressedSize, entry.compressedSize, maxRatio, entry.name);
  if (entry.compression !== 0 && entry.compression !== 8) {
    throw new EdxmlError(
      'edxml.bad_zip',
      `ZIP entry "${entry.name}" uses unsupported compression ${entry.compression}`,
    );
  }

  const chunks: Uint8Array[] = [];
  let total = 0;
  let failure: EdxmlError | undefined;
  let done = false;
  let active: UnzipFile | undefined;
  const unzip = new Unzip((file: UnzipFile) => {
    if (file.name !== entry.name || active !== undefined) return;
    active = file;
    file.ondata = (err, chunk, final) => {
      if (failure) return;
      if (err) {
        failure = new EdxmlError(
          'edxml.bad_zip',
          `ZIP entry "${entry.name}" is corrupt: ${err.message}`,
        );
        return;
      }
      total += chunk.length;
      // Declared sizes can lie, so the limits are enforced on what actually comes out.
      if (total > maxBytes) {
        failure = new EdxmlError(
          'edxml.attachment_too_large',
          `ZIP entry "${entry.name}" expands beyond the limit of ${maxBytes} bytes`,
        );
        file.terminate();
        return;
      }
      chunks.push(chunk);
      if (final) done = true;
    };
    file.start();
  });
  unzip.register(UnzipInflate);
  unzip.register(UnzipPassThrough);
  try {
    for (let off = 0; off < data.length && !failure && !done; off += PUSH_CHUNK) {
      const end = Math.min(off + PUSH_CHUNK, data.length);
      unzip.push(data.subarray(off, end), end === data.length);
    }
  } catch (cause) {
    if (!failure) {
      failure = new EdxmlError(
        'edxml.bad_zip',
        `ZIP entry "${entry.name}" could not be decompressed`,
        { cause },
      );
    }
  }
  if (failure) throw failure;
  if (!done) throw new EdxmlError('edxml.bad_zip', `ZIP entry "${entry.name}" is truncated`);
  try {
    checkRatio(total, entry.compressedSize, maxRatio, entry.name);
  } catch (e) {
    chunks.length = 0;
    throw e;
  }
  return Buffer.concat(chunks, total);
}
