import { DOCUMENT_HEADER_ORDER } from './namespaces.js';
/**
 * Structural validation of a packet against QCVN 102:2016 as reconstructed in standards.md §1
 * (no official XSD is public). Reports every problem instead of stopping at the first; the lenient
 * parser's deviations are re-classified here by how far they stray from the standard.
 */
import type { Element } from '@xmldom/xmldom';
import { isWireDate, isWireTimestamp } from './dates.js';
import { isEdxmlError } from './errors.js';
import { parsePacketDetailed } from './packet-parser.js';
import type { ParseIssueCode, ParseOptions } from './packet-parser.js';
import { parseReference } from './notation.js';
import {
  childNamed,
  childrenNamed,
  elementChildren,
  localNameOf,
  readXml,
  textOf,
} from './xml-reader.js';

export type ProblemSeverity = 'error' | 'warning';

export interface ValidationProblem {
  severity: ProblemSeverity;
  /** Stable code: an `EdxmlError` code, a parser issue code, or a validator code. */
  code: string;
  /** Element path, e.g. `MessageHeader/PromulgationInfo/PromulgationDate`. */
  path: string;
  message: string;
}

export interface ValidationResult {
  /** True when no problem has severity `error`. */
  valid: boolean;
  kind?: 'document' | 'status';
  problems: ValidationProblem[];
}

const SEVERITY: Record<ParseIssueCode, ProblemSeverity> = {
  xml_warning: 'warning',
  no_namespace: 'error',
  // Same namespace either way; an interop rule of the VPCP side, not of the standard (§1.1).
  unprefixed: 'warning',
  date_format: 'error',
  date_unreadable: 'error',
  missing_field: 'error',
  missing_recommended: 'warning',
  duplicate_element: 'error',
  unknown_element: 'warning',
  invalid_number: 'error',
  invalid_agency_code: 'error',
  code_out_of_range: 'error',
  dummy_signature: 'warning',
  manifest_mismatch: 'error',
  missing_content: 'error',
  status_code_format: 'error',
  element_spelling: 'error',
};

// QCVN 102 §1.3: MessageHeader children in the standard's numbering 1.1 → 1.14.
const DOCUMENT_ORDER: readonly string[] = DOCUMENT_HEADER_ORDER;
// standards.md §1.6 (status MessageHeader); the standard does not number these, so only a warning.
const STATUS_ORDER = ['From', 'ResponseFor', 'StaffInfo', 'StatusCode', 'Description', 'Timestamp'];

function checkOrder(
  parent: Element,
  order: readonly string[],
  path: string,
  severity: ProblemSeverity,
  out: ValidationProblem[],
): void {
  let last = -1;
  let lastName = '';
  for (const el of elementChildren(parent)) {
    const name = localNameOf(el);
    const idx = order.indexOf(name);
    if (idx < 0) continue;
    if (idx < last) {
      out.push({
        severity,
        code: 'element_order',
        path: `${path}/${name}`,
        message: `${path}/${name}: <${name}> comes after <${lastName}>; expected order is ${order.join(', ')}`,
      });
      return;
    }
    last = idx;
    lastName = name;
  }
}

function checkRawDates(mh: Element, out: ValidationProblem[]): void {
  // The parser accepts dd/MM/yyyy; the standard says yyyy/MM/dd (§1.3). Catch forms it normalised silently.
  const check = (el: Element | undefined, path: string, ts: boolean): void => {
    const t = textOf(el);
    if (t === undefined) return;
    if (ts ? !isWireTimestamp(t) : !isWireDate(t)) {
      const already = out.some((p) => p.path === path);
      if (!already) {
        out.push({
          severity: 'error',
          code: 'date_format',
          path,
          message: `${path}: "${t}" is not ${ts ? 'yyyy/MM/dd HH:mm:ss' : 'yyyy/MM/dd'}`,
        });
      }
    }
  };
  check(
    childNamed(childNamed(mh, 'PromulgationInfo'), 'PromulgationDate'),
    'MessageHeader/PromulgationInfo/PromulgationDate',
    false,
  );
  check(childNamed(mh, 'DueDate'), 'MessageHeader/DueDate', false);
  check(childNamed(mh, 'Timestamp'), 'MessageHeader/Timestamp', true);
}

/** Validates packet text and returns every problem found; never throws for bad input. */
export function validatePacket(
  input: string | Uint8Array,
  options: ParseOptions = {},
): ValidationResult {
  const problems: ValidationProblem[] = [];
  let detailed;
  try {
    detailed = parsePacketDetailed(input, options);
  } catch (e) {
    if (!isEdxmlError(e)) throw e;
    return {
      valid: false,
      problems: [{ severity: 'error', code: e.code, path: '/', message: e.message }],
    };
  }
  const { packet, issues } = detailed;
  for (const i of issues)
    problems.push({ severity: SEVERITY[i.code], code: i.code, path: i.path, message: i.message });

  // Second, cheap pass over the (payload-free) DOM for ordering and raw formats.
  const root = readXml(input).document.documentElement;
  const envelope = root ? childNamed(root, 'edXMLEnvelope') : undefined;
  const header = childNamed(envelope, 'edXMLHeader');
  const mh = childNamed(header, 'MessageHeader');
  if (root && envelope && header && mh) {
    if (packet.kind === 'document') {
      checkOrder(mh, DOCUMENT_ORDER, 'MessageHeader', 'error', problems);
    } else {
      checkOrder(mh, STATUS_ORDER, 'MessageHeader', 'warning', problems);
    }
    checkOrder(envelope, ['edXMLHeader', 'edXMLBody'], 'edXMLEnvelope', 'error', problems);
    checkOrder(root, ['edXMLEnvelope', 'AttachmentEncoded'], 'edXML', 'error', problems);
    checkRawDates(mh, problems);
    if (!childNamed(envelope, 'edXMLBody')) {
      problems.push({
        severity: 'error',
        code: 'missing_field',
        path: 'edXMLEnvelope/edXMLBody',
        message: 'edXMLEnvelope/edXMLBody: missing',
      });
    }
    childrenNamed(childNamed(header, 'TraceHeaderList'), 'TraceHeader').forEach((t, i) => {
      const ts = textOf(childNamed(t, 'Timestamp'));
      const path = `TraceHeaderList/TraceHeader[${i + 1}]/Timestamp`;
      if (ts !== undefined && !isWireTimestamp(ts) && !problems.some((p) => p.path === path)) {
        problems.push({
          severity: 'error',
          code: 'date_format',
          path,
          message: `${path}: "${ts}" is not yyyy/MM/dd HH:mm:ss`,
        });
      }
    });
  }

  if (packet.kind === 'document') {
    const h = packet.header;
    if (h.code.codeNumber !== '' && h.code.codeNotation !== '') {
      const ref = parseReference(`${h.code.codeNumber}/${h.code.codeNotation}`);
      if (!ref.ok) {
        problems.push({
          severity: 'warning',
          code: 'notation',
          path: 'MessageHeader/Code',
          message: `MessageHeader/Code: "${h.code.codeNumber}/${h.code.codeNotation}" does not follow Decree 30 App. I §II.3: ${ref.message}`,
        });
      }
    }
    if (h.documentId !== undefined && !/^[^,]+,\d{4}\/\d{2}\/\d{2},[^,]+$/.test(h.documentId)) {
      problems.push({
        severity: 'warning',
        code: 'document_id_format',
        path: 'MessageHeader/DocumentId',
        message: `MessageHeader/DocumentId: "${h.documentId}" is not <OrganId>,<yyyy/MM/dd>,<number>/<notation>`,
      });
    }
    if (h.responseFor) {
      h.responseFor.forEach((r, i) => {
        if (r.code !== '' && !parseReference(r.code).ok) {
          problems.push({
            severity: 'warning',
            code: 'notation',
            path: `MessageHeader/ResponseFor[${i + 1}]/Code`,
            message: `MessageHeader/ResponseFor[${i + 1}]/Code: "${r.code}" is not a number/notation`,
          });
        }
      });
    }
  }
  return { valid: !problems.some((p) => p.severity === 'error'), kind: packet.kind, problems };
}
