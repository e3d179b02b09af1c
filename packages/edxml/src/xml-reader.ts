/**
 * Reads packet text into a small DOM. Base64 payloads (`ContentTransferEncoded`) are lifted out
 * before DOM parsing and kept as slices of the source string, so a 50 MB packet yields a tree of a
 * few kilobytes plus references into the original text instead of further copies.
 */
import { randomBytes } from 'node:crypto';
import { DOMParser } from '@xmldom/xmldom';
import type { Document, Element } from '@xmldom/xmldom';
import { EdxmlError } from './errors.js';

export interface ReadXml {
  document: Document;
  /** Payload lookup: returns the base64 slice for a marker text, else undefined. */
  payload(text: string): string | undefined;
  warnings: string[];
}

const PAYLOAD_TAG = 'ContentTransferEncoded';
const BASE64_ONLY = /^[A-Za-z0-9+/=\s]*$/;

function isNameChar(c: number): boolean {
  return (
    (c >= 0x61 && c <= 0x7a) || // a-z
    (c >= 0x41 && c <= 0x5a) || // A-Z
    (c >= 0x30 && c <= 0x39) || // 0-9
    c === 0x5f || // _
    c === 0x2d || // -
    c === 0x2e || // .
    c === 0x3a // :
  );
}

/** Decodes packet bytes: UTF-8 (QCVN 102 packets are UTF-8), a byte-order mark removed. */
export function decodePacketBytes(input: string | Uint8Array): string {
  const text =
    typeof input === 'string'
      ? input
      : Buffer.from(input.buffer, input.byteOffset, input.byteLength).toString('utf8');
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

interface Lifted {
  text: string;
  payloads: string[];
  marker: string;
}

/**
 * Replaces the content of each `<[prefix:]ContentTransferEncoded>` holding only base64 by a marker.
 * `source` is scanned for ASCII markup only; `segment` yields the real text between two offsets.
 * For byte input, `source` is the latin1 view of the bytes (offsets = byte offsets, one byte per
 * character), so payloads stay compact one-byte strings and only the markup is UTF-8 decoded.
 */
function liftPayloads(source: string, segment: (start: number, end: number) => string): Lifted {
  const marker = `#edxml-payload-${randomBytes(6).toString('hex')}-`;
  const parts: string[] = [];
  const payloads: string[] = [];
  let copied = 0;
  let pos = 0;
  for (;;) {
    const at = source.indexOf(PAYLOAD_TAG, pos);
    if (at < 0) break;
    pos = at + PAYLOAD_TAG.length;
    let start = at - 1;
    while (start >= 0 && isNameChar(source.charCodeAt(start))) start--;
    if (start < 0 || source.charCodeAt(start) !== 0x3c /* < */) continue;
    const qname = source.slice(start + 1, pos);
    if (qname !== PAYLOAD_TAG && !/^[A-Za-z_][\w.-]*:ContentTransferEncoded$/.test(qname)) continue;
    const gt = source.indexOf('>', pos);
    if (gt < 0) break;
    const attrs = source.slice(pos, gt);
    if (attrs.includes('<') || attrs.endsWith('/') || (attrs !== '' && !/^\s/.test(attrs)))
      continue;
    const lt = source.indexOf('<', gt + 1);
    if (lt < 0) break;
    const closing = `</${qname}`;
    if (!source.startsWith(closing, lt)) continue;
    const content = source.slice(gt + 1, lt);
    if (content.length === 0 || !BASE64_ONLY.test(content)) continue;
    parts.push(segment(copied, gt + 1), `${marker}${payloads.length}#`);
    payloads.push(content);
    copied = lt;
    pos = lt;
  }
  if (payloads.length === 0) return { text: segment(0, source.length), payloads, marker };
  parts.push(segment(copied, source.length));
  return { text: parts.join(''), payloads, marker };
}

function lift(input: string | Uint8Array): Lifted {
  if (typeof input === 'string') {
    const text = input.charCodeAt(0) === 0xfeff ? input.slice(1) : input;
    return liftPayloads(text, (a, b) => text.slice(a, b));
  }
  let bytes = Buffer.from(input.buffer, input.byteOffset, input.byteLength);
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) bytes = bytes.subarray(3);
  // Segment boundaries fall on ASCII "<" and ">", never inside a multi-byte UTF-8 sequence.
  return liftPayloads(bytes.toString('latin1'), (a, b) => bytes.toString('utf8', a, b));
}

/** Parses packet text or UTF-8 bytes; throws `EdxmlError` when it is not well-formed XML. */
export function readXml(input: string | Uint8Array): ReadXml {
  const lifted = lift(input);
  if (lifted.text.trim() === '') throw new EdxmlError('edxml.malformed_xml', 'The packet is empty');
  // edXML has no DTD; refusing one rules out entity-expansion attacks and external fetches.
  if (lifted.text.includes('<!DOCTYPE')) {
    throw new EdxmlError(
      'edxml.forbidden_doctype',
      'Packets with a DOCTYPE declaration are not accepted',
    );
  }
  const warnings: string[] = [];
  let document: Document;
  try {
    document = new DOMParser({
      onError: (level, message) => {
        if (level === 'warning') {
          warnings.push(`XML: ${message.split('\n')[0] ?? message}`);
          return;
        }
        // Recoverable "error"s of xmldom include mismatched tags; a packet with them is not trusted.
        throw new EdxmlError(
          'edxml.malformed_xml',
          `Not well-formed XML: ${message.split('\n')[0] ?? message}`,
        );
      },
    }).parseFromString(lifted.text, 'text/xml');
  } catch (cause) {
    if (cause instanceof EdxmlError) throw cause;
    const detail = cause instanceof Error ? cause.message.split('\n')[0] : String(cause);
    throw new EdxmlError('edxml.malformed_xml', `Not well-formed XML: ${detail}`, { cause });
  }
  if (!document.documentElement) {
    throw new EdxmlError('edxml.malformed_xml', 'No root element');
  }
  const { payloads, marker } = lifted;
  return {
    document,
    warnings,
    payload(text: string): string | undefined {
      if (!text.startsWith(marker) || !text.endsWith('#')) return undefined;
      const index = Number(text.slice(marker.length, -1));
      return Number.isInteger(index) ? payloads[index] : undefined;
    },
  };
}

// ---- Namespace-agnostic navigation: deployed senders mix prefixed and unprefixed names (§1.1).

export function elementChildren(parent: Element): Element[] {
  const out: Element[] = [];
  for (let n = parent.firstChild; n !== null; n = n.nextSibling) {
    if (n.nodeType === 1) out.push(n as Element);
  }
  return out;
}

export function localNameOf(el: Element): string {
  return el.localName ?? el.nodeName.replace(/^.*:/, '');
}

export function childNamed(parent: Element | undefined, name: string): Element | undefined {
  if (!parent) return undefined;
  for (let n = parent.firstChild; n !== null; n = n.nextSibling) {
    if (n.nodeType === 1 && localNameOf(n as Element) === name) return n as Element;
  }
  return undefined;
}

export function childrenNamed(parent: Element | undefined, name: string): Element[] {
  if (!parent) return [];
  return elementChildren(parent).filter((e) => localNameOf(e) === name);
}

/** Trimmed text content; undefined when the element is absent or empty. */
export function textOf(el: Element | undefined): string | undefined {
  if (!el) return undefined;
  const t = (el.textContent ?? '').trim();
  return t === '' ? undefined : t;
}

export function childText(parent: Element | undefined, name: string): string | undefined {
  return textOf(childNamed(parent, name));
}
