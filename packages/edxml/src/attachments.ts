/**
 * Attachments of a document packet (QCVN 102 §1.7 of standards.md): base64 in
 * `AttachmentEncoded/Attachment/ContentTransferEncoded`, referenced by `cid:` from the manifest.
 * A parsed attachment keeps its base64 as a slice of the packet text and decodes on demand, so a
 * large packet is not copied into several decoded forms at once.
 */
import { createHash } from 'node:crypto';
import { contentTypeForName, fileExtension, isZipContentType } from './content-types.js';
import { EdxmlError } from './errors.js';
import { extractZipEntry, isZipData, listZipEntries } from './zip.js';
import type { ZipLimits } from './zip.js';

const BASE64_TEXT = /^[A-Za-z0-9+/\s]*={0,2}\s*$/;

/** True when the text is base64 (whitespace allowed, as senders wrap lines at 76 characters). */
export function isBase64Text(text: string): boolean {
  return BASE64_TEXT.test(text);
}

/** Number of base64 alphabet characters, ignoring whitespace and padding. */
function base64DataChars(text: string): number {
  let dataChars = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    // Skip whitespace (space, \t, \n, \r) and padding "=".
    if (c !== 0x20 && c !== 0x09 && c !== 0x0a && c !== 0x0d && c !== 0x3d) dataChars++;
  }
  return dataChars;
}

/** Exact decoded size of base64 text; no decoding is done. */
export function base64DecodedSize(text: string): number {
  return Math.floor((base64DataChars(text) * 3) / 4);
}

/** Upper bound of the decoded size, from the length alone. */
export function base64MaxDecodedSize(text: string): number {
  return Math.floor((text.length * 3) / 4);
}

export interface ExtractedFile {
  /** File name as labelled by the sender (not sanitised; see `safeFileName`). */
  name: string;
  contentType: string;
  data: Buffer;
  /** True when a ZIP wrapper was removed (labelled application/zip, name not ending in .zip). */
  unzipped: boolean;
  warnings: string[];
}

export interface PacketAttachmentInit {
  contentId: string;
  name: string;
  description?: string;
  contentType: string;
  base64: string;
  /** Known decoded size, when the caller has already counted it. */
  decodedSize?: number;
}

export class PacketAttachment {
  readonly contentId: string;
  readonly name: string;
  readonly description?: string;
  readonly contentType: string;
  readonly #base64: string;
  #decodedSize: number | undefined;

  constructor(init: PacketAttachmentInit) {
    this.contentId = init.contentId;
    this.name = init.name;
    if (init.description !== undefined) this.description = init.description;
    this.contentType = init.contentType;
    this.#base64 = init.base64;
    this.#decodedSize = init.decodedSize;
  }

  /** Length of the base64 text as received. */
  get encodedLength(): number {
    return this.#base64.length;
  }

  /** Size of the decoded bytes (of the ZIP when the file travels zipped). */
  get decodedSize(): number {
    this.#decodedSize ??= base64DecodedSize(this.#base64);
    return this.#decodedSize;
  }

  /**
   * True when the part is labelled as ZIP but its name does not end in `.zip`: the sender zipped a
   * single file and kept its name (standards.md §1.7, VPCP/Bkav practice).
   */
  get isZipWrapped(): boolean {
    return isZipContentType(this.contentType) && fileExtension(this.name) !== 'zip';
  }

  base64(): string {
    return this.#base64;
  }

  /** Decodes the bytes as transferred (a fresh Buffer on each call; nothing is cached). */
  bytes(): Buffer {
    return Buffer.from(this.#base64, 'base64');
  }

  /** SHA-256 (hex) of the bytes as transferred. */
  sha256(): string {
    return createHash('sha256').update(this.bytes()).digest('hex');
  }

  /**
   * The file the sender meant: when zip-wrapped, the single entry is unzipped (with the expansion
   * guard of `ZipLimits`); otherwise the bytes as transferred.
   */
  extract(limits: ZipLimits = {}): ExtractedFile {
    const data = this.bytes();
    if (!this.isZipWrapped) {
      return {
        name: this.name,
        contentType: this.contentType,
        data,
        unzipped: false,
        warnings: [],
      };
    }
    const warnings: string[] = [];
    if (!isZipData(data)) {
      warnings.push(
        `Attachment "${this.name}" is labelled ${this.contentType} but is not a ZIP; kept as is`,
      );
      return {
        name: this.name,
        contentType: contentTypeForName(this.name),
        data,
        unzipped: false,
        warnings,
      };
    }
    const entries = listZipEntries(data);
    const [only] = entries;
    if (entries.length !== 1 || only === undefined) {
      warnings.push(
        `Attachment "${this.name}" is a ZIP with ${entries.length} files, not one; kept as a .zip`,
      );
      return {
        name: `${this.name}.zip`,
        contentType: this.contentType,
        data,
        unzipped: false,
        warnings,
      };
    }
    const inner = extractZipEntry(data, only, limits);
    // Keep the sender's label as the name; borrow the entry's extension if the label has none.
    const innerExt = fileExtension(only.name);
    const name =
      fileExtension(this.name) === '' && innerExt !== '' ? `${this.name}.${innerExt}` : this.name;
    return { name, contentType: contentTypeForName(name), data: inner, unzipped: true, warnings };
  }
}

/** Throws `edxml.bad_base64` unless the text is decodable base64; returns the decoded size. */
export function assertBase64(text: string, what: string): number {
  if (!isBase64Text(text)) {
    throw new EdxmlError('edxml.bad_base64', `${what}: ContentTransferEncoded is not base64`);
  }
  const dataChars = base64DataChars(text);
  // 4n+1 characters cannot come from any byte sequence: the text was cut.
  if (dataChars % 4 === 1) {
    throw new EdxmlError('edxml.bad_base64', `${what}: base64 length is impossible (truncated?)`);
  }
  return Math.floor((dataChars * 3) / 4);
}
