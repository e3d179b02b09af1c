/**
 * Builds edXML packets as deployed receivers accept them (QCVN 102:2016; standards.md §1.2–1.7):
 * root `edXML` with the default namespace, every element inside the envelope prefixed `edXML:`
 * (the VPCP side rejects unprefixed children), MessageHeader children in the standard's numbering
 * order 1.1 → 1.14, dates `yyyy/MM/dd`, timestamps `yyyy/MM/dd HH:mm:ss`, and `AttachmentEncoded`
 * as a sibling of the envelope.
 */
import {
  BUSINESS_DOC_TYPE_CODES,
  BUSINESS_DOC_TYPE_REASONS,
  isPriority,
  isSteeringType,
} from './codes.js';
import { ZIP_CONTENT_TYPE, contentTypeForName, shouldZip } from './content-types.js';
import type { ZipPolicy } from './content-types.js';
import { dateToVietnamIso, isIsoTimestamp, toWireDate, toWireTimestamp } from './dates.js';
import { EdxmlError } from './errors.js';
import { EDXML_NAMESPACE } from './namespaces.js';
import { isStatusCode } from './status-codes.js';
import type {
  AttachmentInput,
  BusinessInfo,
  DocumentHeader,
  DocumentPacketSpec,
  Organization,
  PacketSpec,
  ResponseFor,
  StaffInfo,
  StatusPacketSpec,
  TraceHeader,
} from './types.js';
import { XmlWriter } from './xml-writer.js';
import { zipSingleFile } from './zip.js';

export interface BuildOptions {
  /** Which attachments to zip (standards.md §1.7); default `bkav`. */
  zipPolicy?: ZipPolicy;
  /** Clock for default trace timestamps and ZIP entry times. */
  now?: Date;
}

const E = (local: string): string => `edXML:${local}`;

function invalid(message: string): EdxmlError {
  return new EdxmlError('edxml.invalid_spec', message);
}

function requireText(value: string | undefined, field: string): string {
  if (value === undefined || value.trim() === '') throw invalid(`${field} is required`);
  return value;
}

function wireDate(value: string, field: string): string {
  const w = toWireDate(value);
  if (w === undefined) throw invalid(`${field} must be an ISO date YYYY-MM-DD, got "${value}"`);
  return w;
}

function wireTimestamp(value: string, field: string): string {
  const w = isIsoTimestamp(value) ? toWireTimestamp(value) : undefined;
  if (w === undefined) {
    throw invalid(`${field} must be an ISO timestamp YYYY-MM-DDTHH:mm:ss, got "${value}"`);
  }
  return w;
}

function integer(value: number | undefined, field: string): number | undefined {
  if (value === undefined) return undefined;
  if (!Number.isInteger(value)) throw invalid(`${field} must be an integer, got ${value}`);
  return value;
}

/** `<OrganId>,<yyyy/MM/dd>,<CodeNumber>/<CodeNotation>` — the form seen everywhere (§1.3). */
export function makeDocumentId(
  header: Pick<DocumentHeader, 'from' | 'code' | 'promulgationInfo'>,
): string {
  const date = wireDate(header.promulgationInfo.promulgationDate, 'PromulgationDate');
  return `${header.from.organId.trim()},${date},${header.code.codeNumber.trim()}/${header.code.codeNotation.trim()}`;
}

function writeOrganization(w: XmlWriter, tag: string, org: Organization): void {
  w.open(E(tag));
  w.leaf(E('OrganId'), org.organId.trim());
  w.optional(E('OrganizationInCharge'), org.organizationInCharge);
  w.optional(E('OrganName'), org.organName);
  w.optional(E('OrganAdd'), org.organAdd);
  w.optional(E('Email'), org.email);
  w.optional(E('Telephone'), org.telephone);
  w.optional(E('Fax'), org.fax);
  w.optional(E('Website'), org.website);
  w.close(E(tag));
}

function writeResponseFor(w: XmlWriter, r: ResponseFor, field: string): void {
  w.open(E('ResponseFor'));
  w.leaf(E('OrganId'), requireText(r.organId, `${field}.organId`));
  w.leaf(E('Code'), requireText(r.code, `${field}.code`));
  if (r.promulgationDate !== undefined) {
    w.leaf(E('PromulgationDate'), wireDate(r.promulgationDate, `${field}.promulgationDate`));
  }
  w.optional(E('DocumentId'), r.documentId);
  w.close(E('ResponseFor'));
}

function writeStaffInfo(w: XmlWriter, s: StaffInfo): void {
  w.open(E('StaffInfo'));
  w.optional(E('Department'), s.department);
  w.optional(E('Staff'), s.staff);
  w.optional(E('Mobile'), s.mobile);
  w.optional(E('Email'), s.email);
  w.close(E('StaffInfo'));
}

function checkFrom(from: Organization | undefined): Organization {
  if (!from || from.organId === undefined || from.organId.trim() === '') {
    throw new EdxmlError('edxml.missing_from', 'The sender (From/OrganId) is required');
  }
  return from;
}

// QCVN 102 §1.3, items 1.1 → 1.14 in the standard's numbering order.
function writeDocumentHeader(w: XmlWriter, h: DocumentHeader): void {
  const from = checkFrom(h.from);
  if (
    !Array.isArray(h.to) ||
    h.to.length === 0 ||
    h.to.some((t) => !t.organId || t.organId.trim() === '')
  ) {
    throw new EdxmlError('edxml.missing_to', 'At least one recipient (To/OrganId) is required');
  }
  w.open(E('MessageHeader'));
  writeOrganization(w, 'From', from); // 1.1
  for (const to of h.to) writeOrganization(w, 'To', to); // 1.2
  w.open(E('Code')); // 1.3
  w.leaf(E('CodeNumber'), requireText(h.code?.codeNumber, 'code.codeNumber').trim());
  w.leaf(E('CodeNotation'), requireText(h.code?.codeNotation, 'code.codeNotation').trim());
  w.close(E('Code'));
  w.open(E('PromulgationInfo')); // 1.4
  w.optional(E('Place'), h.promulgationInfo?.place);
  w.leaf(
    E('PromulgationDate'),
    wireDate(h.promulgationInfo?.promulgationDate ?? '', 'promulgationInfo.promulgationDate'),
  );
  w.close(E('PromulgationInfo'));
  w.open(E('DocumentType')); // 1.5
  w.leaf(E('Type'), integer(h.documentType?.type, 'documentType.type') ?? 2);
  w.leaf(E('TypeDetail'), integer(h.documentType?.typeDetail, 'documentType.typeDetail') ?? 0);
  w.leaf(E('TypeName'), requireText(h.documentType?.typeName, 'documentType.typeName'));
  w.close(E('DocumentType'));
  w.leaf(E('Subject'), requireText(h.subject, 'subject')); // 1.6
  w.optional(E('Content'), h.content); // 1.7
  if (h.signerInfo) {
    // 1.8
    w.open(E('SignerInfo'));
    w.optional(E('Competence'), h.signerInfo.competence);
    w.optional(E('Position'), h.signerInfo.position);
    w.optional(E('FullName'), h.signerInfo.fullName);
    w.close(E('SignerInfo'));
  }
  if (h.dueDate !== undefined) w.leaf(E('DueDate'), wireDate(h.dueDate, 'dueDate')); // 1.9
  if (h.toPlaces && h.toPlaces.length > 0) {
    // 1.10
    w.open(E('ToPlaces'));
    for (const p of h.toPlaces) w.leaf(E('Place'), p);
    w.close(E('ToPlaces'));
  }
  if (h.otherInfo) {
    // 1.11
    const o = h.otherInfo;
    if (o.priority !== undefined && !isPriority(o.priority)) {
      throw invalid(`otherInfo.priority must be 0–4, got ${o.priority}`);
    }
    w.open(E('OtherInfo'));
    w.optional(E('Priority'), o.priority);
    w.optional(E('SphereOfPromulgation'), o.sphereOfPromulgation);
    w.optional(E('TyperNotation'), o.typerNotation);
    w.optional(
      E('PromulgationAmount'),
      integer(o.promulgationAmount, 'otherInfo.promulgationAmount'),
    );
    w.optional(E('PageAmount'), integer(o.pageAmount, 'otherInfo.pageAmount'));
    if (o.appendixes && o.appendixes.length > 0) {
      w.open(E('Appendixes'));
      for (const a of o.appendixes) w.leaf(E('Appendix'), a);
      w.close(E('Appendixes'));
    }
    // Bkav extension, after the standard children so strict readers meet them in order.
    w.optional(E('Direction'), o.direction);
    w.close(E('OtherInfo'));
  }
  (h.responseFor ?? []).forEach((r, i) => writeResponseFor(w, r, `responseFor[${i}]`)); // 1.12
  if (h.steeringType !== undefined) {
    // 1.13
    if (!isSteeringType(h.steeringType))
      throw invalid(`steeringType must be 0–3, got ${h.steeringType}`);
    w.leaf(E('SteeringType'), h.steeringType);
  }
  w.leaf(E('DocumentId'), h.documentId ?? makeDocumentId(h)); // 1.14
  w.close(E('MessageHeader'));
}

function writeBusiness(w: XmlWriter, b: BusinessInfo): void {
  const code = BUSINESS_DOC_TYPE_CODES[b.docType];
  if (code === undefined)
    throw invalid(`business.docType must be new/revoke/update/replace, got ${String(b.docType)}`);
  // Element spelling "Bussiness" (double s) is what travels on the wire (standards.md §1.5).
  w.open(E('Bussiness'));
  w.leaf(E('BussinessDocType'), code);
  w.optional(E('BussinessDocReason'), b.reason);
  w.optional(E('DocumentId'), b.documentId);
  w.optional(E('Paper'), integer(b.paper, 'business.paper'));
  if (b.documentInfo) {
    const d = b.documentInfo;
    w.open(E('BussinessDocumentInfo'));
    w.optional(E('DocumentInfo'), integer(d.documentInfo, 'business.documentInfo.documentInfo'));
    w.optional(
      E('DocumentReceiver'),
      integer(d.documentReceiver, 'business.documentInfo.documentReceiver'),
    );
    if (d.receivers && d.receivers.length > 0) {
      w.open(E('ReceiverList'));
      for (const r of d.receivers) {
        w.open(E('Receiver'));
        w.leaf(E('ReceiverType'), r.change === 'added' ? 1 : 0);
        w.leaf(E('OrganId'), requireText(r.organId, 'business receiver organId'));
        w.close(E('Receiver'));
      }
      w.close(E('ReceiverList'));
    }
    w.close(E('BussinessDocumentInfo'));
  }
  if (b.staffInfo) writeStaffInfo(w, b.staffInfo);
  if (b.replacements && b.replacements.length > 0) {
    w.open(E('ReplacementInfoList'));
    for (const r of b.replacements) {
      w.open(E('ReplacementInfo'));
      w.leaf(E('DocumentId'), requireText(r.documentId, 'business replacement documentId'));
      w.open(E('OrganIdList'));
      for (const id of r.organIds) w.leaf(E('OrganId'), id);
      w.close(E('OrganIdList'));
      w.close(E('ReplacementInfo'));
    }
    w.close(E('ReplacementInfoList'));
  }
  w.close(E('Bussiness'));
}

function writeTraces(w: XmlWriter, traces: TraceHeader[], business: BusinessInfo): void {
  w.open(E('TraceHeaderList'));
  traces.forEach((t, i) => {
    w.open(E('TraceHeader'));
    w.leaf(E('OrganId'), requireText(t.organId, `traceHeaders[${i}].organId`));
    w.leaf(E('Timestamp'), wireTimestamp(t.timestamp, `traceHeaders[${i}].timestamp`));
    w.close(E('TraceHeader'));
  });
  writeBusiness(w, business);
  w.close(E('TraceHeaderList'));
}

interface PreparedAttachment {
  contentId: string;
  name: string;
  description?: string;
  contentType: string;
  base64: string;
}

function prepareAttachments(
  list: AttachmentInput[],
  policy: ZipPolicy,
  now: Date,
): PreparedAttachment[] {
  const seen = new Set<string>();
  return list.map((a, i) => {
    const name = requireText(a.name, `attachments[${i}].name`).normalize('NFC');
    if (!(a.data instanceof Uint8Array)) throw invalid(`attachments[${i}].data must be bytes`);
    const rawId = a.contentId?.trim() || String(i + 1);
    const contentId = rawId.startsWith('cid:') ? rawId : `cid:${rawId}`;
    if (seen.has(contentId)) throw invalid(`attachments[${i}]: duplicate contentId ${contentId}`);
    seen.add(contentId);
    const zip = a.zip ?? shouldZip(name, policy);
    // Zipped parts keep the file's own name and are labelled application/zip (§1.7).
    const bytes = zip ? zipSingleFile(name, a.data, now) : a.data;
    const contentType = zip ? ZIP_CONTENT_TYPE : (a.contentType ?? contentTypeForName(name));
    const base64 = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('base64');
    return {
      contentId,
      name,
      ...(a.description !== undefined ? { description: a.description } : {}),
      contentType,
      base64,
    };
  });
}

function buildDocument(spec: DocumentPacketSpec, opts: BuildOptions): XmlWriter {
  const now = opts.now ?? new Date();
  const header = spec.header;
  const from = checkFrom(header?.from);
  const nowIso = dateToVietnamIso(now);
  if (nowIso === undefined) throw invalid('options.now is not a valid date');
  const traces = spec.traceHeaders ?? [{ organId: from.organId, timestamp: nowIso }];
  const business = spec.business ?? {
    docType: 'new',
    reason: BUSINESS_DOC_TYPE_REASONS.new,
    paper: 0,
  };
  const attachments = prepareAttachments(spec.attachments ?? [], opts.zipPolicy ?? 'bkav', now);

  const w = new XmlWriter().declaration();
  w.open('edXML', { xmlns: EDXML_NAMESPACE, 'xmlns:edXML': EDXML_NAMESPACE });
  w.open(E('edXMLEnvelope'), { 'xmlns:edXML': EDXML_NAMESPACE });
  w.open(E('edXMLHeader'));
  writeDocumentHeader(w, header);
  writeTraces(w, traces, business);
  w.close(E('edXMLHeader'));
  w.open(E('edXMLBody'));
  w.open(E('edXMLManifest'), { version: '1.0' });
  for (const a of attachments) {
    w.open(E('Reference'));
    w.leaf(E('ContentId'), a.contentId);
    w.leaf(E('ContentType'), a.contentType);
    w.optional(E('Description'), a.description);
    w.leaf(E('AttachmentName'), a.name);
    w.close(E('Reference'));
  }
  w.close(E('edXMLManifest'));
  w.close(E('edXMLBody'));
  w.close(E('edXMLEnvelope'));
  if (attachments.length > 0) {
    // Sibling of the envelope, default namespace; only ContentTransferEncoded is prefixed (Bkav).
    w.open('AttachmentEncoded');
    for (const a of attachments) {
      w.open('Attachment');
      w.leaf('ContentId', a.contentId);
      w.leaf('AttachmentName', a.name);
      w.optional('Description', a.description);
      w.leaf('ContentType', a.contentType);
      w.rawLeaf(E('ContentTransferEncoded'), a.base64);
      w.close('Attachment');
    }
    w.close('AttachmentEncoded');
  }
  w.close('edXML');
  return w;
}

function buildStatus(spec: StatusPacketSpec): XmlWriter {
  const s = spec.status;
  if (!s) throw invalid('status is required for a status packet');
  const from = checkFrom(s.from);
  if (!isStatusCode(s.statusCode)) {
    throw new EdxmlError(
      'edxml.unknown_status_code',
      `Unknown status code "${String(s.statusCode)}"`,
    );
  }
  if (!s.responseFor) throw invalid('status.responseFor is required');
  const w = new XmlWriter().declaration();
  w.open('edXML', { xmlns: EDXML_NAMESPACE, 'xmlns:edXML': EDXML_NAMESPACE });
  w.open(E('edXMLEnvelope'), { 'xmlns:edXML': EDXML_NAMESPACE });
  w.open(E('edXMLHeader'));
  // Status MessageHeader, standards.md §1.6.
  w.open(E('MessageHeader'));
  writeOrganization(w, 'From', from);
  writeResponseFor(w, s.responseFor, 'status.responseFor');
  if (s.staffInfo) writeStaffInfo(w, s.staffInfo);
  w.leaf(E('StatusCode'), s.statusCode);
  w.optional(E('Description'), s.description);
  w.leaf(E('Timestamp'), wireTimestamp(s.timestamp, 'status.timestamp'));
  w.close(E('MessageHeader'));
  w.close(E('edXMLHeader'));
  w.open(E('edXMLBody'));
  w.open(E('edXMLManifest'), { version: '1.0' });
  w.close(E('edXMLManifest'));
  w.close(E('edXMLBody'));
  w.close(E('edXMLEnvelope'));
  w.close('edXML');
  return w;
}

function build(spec: PacketSpec, options: BuildOptions): XmlWriter {
  if (spec.kind === 'document') return buildDocument(spec, options);
  if (spec.kind === 'status') return buildStatus(spec);
  throw invalid(`kind must be "document" or "status"`);
}

/** Builds a document or status packet; throws `EdxmlError` on an invalid spec. */
export function buildPacket(spec: PacketSpec, options: BuildOptions = {}): string {
  return build(spec, options).toString();
}

/** Same as `buildPacket`, as UTF-8 bytes; the cheaper form for large packets written to disk. */
export function buildPacketBuffer(spec: PacketSpec, options: BuildOptions = {}): Buffer {
  return build(spec, options).toBuffer();
}
