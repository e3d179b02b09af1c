/**
 * Minimal indented XML writer for the packet builder. Text is NFC-normalised (TCVN 6909:2001 is
 * Unicode; NFC avoids decomposed diacritics from some editors) and escaped; characters that XML 1.0
 * forbids are rejected rather than silently dropped.
 */
import { EdxmlError } from './errors.js';

// XML 1.0 §2.2 Char production, minus what we refuse to emit; lone surrogates included.
const FORBIDDEN =
  // eslint-disable-next-line no-control-regex -- these are exactly the characters XML forbids
  /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

export function escapeText(value: string, field: string): string {
  const text = value.normalize('NFC');
  if (FORBIDDEN.test(text)) {
    throw new EdxmlError(
      'edxml.invalid_spec',
      `${field} contains a character that XML does not allow`,
    );
  }
  return text.replace(/[&<>]/g, (c) => (c === '&' ? '&amp;' : c === '<' ? '&lt;' : '&gt;'));
}

export function escapeAttribute(value: string, field: string): string {
  return escapeText(value, field).replace(/"/g, '&quot;');
}

export class XmlWriter {
  readonly #parts: string[] = [];
  #depth = 0;

  #indent(): string {
    return '  '.repeat(this.#depth);
  }

  declaration(): this {
    this.#parts.push('<?xml version="1.0" encoding="UTF-8"?>\n');
    return this;
  }

  open(name: string, attributes: Record<string, string> = {}): this {
    const attrs = Object.entries(attributes)
      .map(([k, v]) => ` ${k}="${escapeAttribute(v, `${name}/@${k}`)}"`)
      .join('');
    this.#parts.push(`${this.#indent()}<${name}${attrs}>\n`);
    this.#depth++;
    return this;
  }

  close(name: string): this {
    this.#depth--;
    this.#parts.push(`${this.#indent()}</${name}>\n`);
    return this;
  }

  /** `<name>text</name>`; numbers and booleans are written as integers (true → 1). */
  leaf(name: string, value: string | number | boolean): this {
    const text =
      typeof value === 'boolean'
        ? value
          ? '1'
          : '0'
        : typeof value === 'number'
          ? String(value)
          : value;
    this.#parts.push(`${this.#indent()}<${name}>${escapeText(text, name)}</${name}>\n`);
    return this;
  }

  /** Like `leaf`, but writes nothing for undefined. */
  optional(name: string, value: string | number | boolean | undefined): this {
    if (value !== undefined) this.leaf(name, value);
    return this;
  }

  /** Pre-escaped content (base64 payloads): pushed as one part, never copied piecewise. */
  rawLeaf(name: string, content: string): this {
    this.#parts.push(`${this.#indent()}<${name}>`, content, `</${name}>\n`);
    return this;
  }

  toString(): string {
    return this.#parts.join('');
  }

  /**
   * UTF-8 bytes written part by part into one buffer. Vietnamese text makes a joined JS string
   * two bytes per character, so for large packets this avoids a UTF-16 copy of the base64.
   */
  toBuffer(): Buffer {
    let total = 0;
    for (const p of this.#parts) total += Buffer.byteLength(p, 'utf8');
    const out = Buffer.allocUnsafe(total);
    let offset = 0;
    for (const p of this.#parts) offset += out.write(p, offset, 'utf8');
    return out;
  }
}
