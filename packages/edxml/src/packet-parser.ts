/**
 * Lenient edXML parser (QCVN 102:2016; standards.md §1). Accepts what deployed senders emit —
 * dd/MM/yyyy dates, empty elements, empty DueDate, dummy signature blocks without the xmldsig
 * namespace, unknown extra elements, both agency-code forms, prefixed or unprefixed names — and
 * reports each deviation as a warning. Fails with `EdxmlError` only on what cannot be a packet.
 */
import { X509Certificate } from 'node:crypto';
import type { Element } from '@xmldom/xmldom';
import { parseAgencyCode } from './agency-code.js';
import { PacketAttachment, assertBase64, base64MaxDecodedSize } from './attachments.js';
import { businessDocTypeFromCode, isPriority, isSteeringType } from './codes.js';
import { contentTypeForName } from './content-types.js';
import { parseWireDate, parseWireTimestamp } from './dates.js';
import { EdxmlError } from './errors.js';
import {
  EDXML_NAMESPACE,
  XMLDSIG_NAMESPACE,
  XLINK_NAMESPACE,
  DOCUMENT_HEADER_ORDER,
} from './namespaces.js';
import { normalizeStatusCode } from './status-codes.js';
import type {
  BusinessDocumentInfo,
  BusinessInfo,
  BusinessReceiver,
  DocumentHeader,
  Organization,
  OtherInfo,
  ParsedDocumentPacket,
  ParsedPacket,
  ParsedStatusPacket,
  ReplacementInfo,
  ResponseFor,
  SignatureBlockKind,
  SignerInfo,
  StaffInfo,
  StatusHeader,
  TraceHeader,
} from './types.js';
import {
  childNamed,
  childText,
  childrenNamed,
  elementChildren,
  localNameOf,
  readXml,
  textOf,
} from './xml-reader.js';

export interface ParseOptions {
  /** Largest decoded attachment accepted, in bytes (default 200 MB). */
  maxAttachmentBytes?: number;
}

export const DEFAULT_MAX_ATTACHMENT_BYTES = 200 * 1024 * 1024;

/** Kinds of recoverable deviation; the validator decides how serious each one is. */
export type ParseIssueCode =
  | 'xml_warning'
  | 'no_namespace'
  | 'unprefixed'
  | 'date_format'
  | 'date_unreadable'
  | 'missing_field'
  | 'missing_recommended'
  | 'duplicate_element'
  | 'unknown_element'
  | 'invalid_number'
  | 'invalid_agency_code'
  | 'code_out_of_range'
  | 'dummy_signature'
  | 'manifest_mismatch'
  | 'missing_content'
  | 'status_code_format'
  | 'element_spelling';

export interface ParseIssue {
  code: ParseIssueCode;
  path: string;
  message: string;
}

class Issues {
  readonly list: ParseIssue[] = [];
  add(code: ParseIssueCode, path: string, message: string): void {
    this.list.push({ code, path, message: `${path}: ${message}` });
  }
}

/** Drops undefined properties so parsed objects equal builder input and serialise cleanly. */
function compact<T extends object>(obj: T): T {
  for (const k of Object.keys(obj) as (keyof T)[]) {
    if (obj[k] === undefined) delete obj[k];
  }
  return obj;
}

interface Ctx {
  issues: Issues;
}

function single(
  ctx: Ctx,
  parent: Element | undefined,
  name: string,
  path: string,
): Element | undefined {
  const all = childrenNamed(parent, name);
  if (all.length > 1)
    ctx.issues.add(
      'duplicate_element',
      `${path}/${name}`,
      `appears ${all.length} times; the first is used`,
    );
  return all[0];
}

function text(
  ctx: Ctx,
  parent: Element | undefined,
  name: string,
  path: string,
): string | undefined {
  return textOf(single(ctx, parent, name, path));
}

function int(
  ctx: Ctx,
  parent: Element | undefined,
  name: string,
  path: string,
): number | undefined {
  const t = text(ctx, parent, name, path);
  if (t === undefined) return undefined;
  if (!/^[+-]?\d+$/.test(t)) {
    ctx.issues.add('invalid_number', `${path}/${name}`, `"${t}" is not an integer; ignored`);
    return undefined;
  }
  return Number.parseInt(t, 10);
}

function bool(
  ctx: Ctx,
  parent: Element | undefined,
  name: string,
  path: string,
): boolean | undefined {
  const t = text(ctx, parent, name, path)?.toLowerCase();
  if (t === undefined) return undefined;
  if (t === '1' || t === 'true') return true;
  if (t === '0' || t === 'false') return false;
  ctx.issues.add('invalid_number', `${path}/${name}`, `"${t}" is not a boolean; ignored`);
  return undefined;
}

function date(
  ctx: Ctx,
  parent: Element | undefined,
  name: string,
  path: string,
): string | undefined {
  const r = parseWireDate(text(ctx, parent, name, path), `${path}/${name}`);
  if (r.warning)
    ctx.issues.add(
      r.value ? 'date_format' : 'date_unreadable',
      `${path}/${name}`,
      r.warning.replace(/^[^:]*: /, ''),
    );
  return r.value;
}

function timestamp(
  ctx: Ctx,
  parent: Element | undefined,
  name: string,
  path: string,
): string | undefined {
  const r = parseWireTimestamp(text(ctx, parent, name, path), `${path}/${name}`);
  if (r.warning)
    ctx.issues.add(
      r.value ? 'date_format' : 'date_unreadable',
      `${path}/${name}`,
      r.warning.replace(/^[^:]*: /, ''),
    );
  return r.value;
}

function checkAgencyCode(ctx: Ctx, code: string, path: string): void {
  const r = parseAgencyCode(code);
  if (!r.ok)
    ctx.issues.add(
      'invalid_agency_code',
      path,
      `"${code}" is not a valid agency code: ${r.message}`,
    );
}

function organization(ctx: Ctx, el: Element, path: string): Organization | undefined {
  const organId = text(ctx, el, 'OrganId', path);
  if (organId === undefined) return undefined;
  checkAgencyCode(ctx, organId, `${path}/OrganId`);
  return compact<Organization>({
    organId,
    organizationInCharge: text(ctx, el, 'OrganizationInCharge', path),
    organName: text(ctx, el, 'OrganName', path),
    organAdd: text(ctx, el, 'OrganAdd', path),
    email: text(ctx, el, 'Email', path),
    telephone: text(ctx, el, 'Telephone', path),
    fax: text(ctx, el, 'Fax', path),
    website: text(ctx, el, 'Website', path),
  });
}

function fromOf(ctx: Ctx, header: Element, path: string): Organization {
  const el = single(ctx, header, 'From', path);
  const from = el ? organization(ctx, el, `${path}/From`) : undefined;
  if (!from)
    throw new EdxmlError(
      'edxml.missing_from',
      'The packet has no sender (MessageHeader/From/OrganId)',
    );
  return from;
}

function staffInfo(ctx: Ctx, el: Element | undefined, path: string): StaffInfo | undefined {
  if (!el) return undefined;
  const s = compact<StaffInfo>({
    department: text(ctx, el, 'Department', path),
    staff: text(ctx, el, 'Staff', path),
    mobile: text(ctx, el, 'Mobile', path),
    email: text(ctx, el, 'Email', path),
  });
  return Object.keys(s).length > 0 ? s : undefined;
}

function responseFor(ctx: Ctx, el: Element, path: string): ResponseFor {
  const organId = text(ctx, el, 'OrganId', path) ?? '';
  if (organId === '') ctx.issues.add('missing_field', `${path}/OrganId`, 'missing');
  else checkAgencyCode(ctx, organId, `${path}/OrganId`);
  const codeEl = single(ctx, el, 'Code', path);
  // Some senders nest CodeNumber/CodeNotation as in MessageHeader/Code; join them into one string.
  let code = textOf(codeEl) ?? '';
  if (codeEl && childNamed(codeEl, 'CodeNumber')) {
    code = `${childText(codeEl, 'CodeNumber') ?? ''}/${childText(codeEl, 'CodeNotation') ?? ''}`;
  }
  if (code === '') ctx.issues.add('missing_field', `${path}/Code`, 'missing');
  return compact<ResponseFor>({
    organId,
    code,
    promulgationDate: date(ctx, el, 'PromulgationDate', path),
    documentId: text(ctx, el, 'DocumentId', path),
  });
}

// QCVN 102 §1.3 items 1.1–1.14, plus extras deployed builders are known to add (§1.3 [O]).
const DOCUMENT_HEADER_CHILDREN = new Set<string>(DOCUMENT_HEADER_ORDER);
const KNOWN_EXTRAS = new Set([
  'ReplyFors',
  'ReferenceCodes',
  'Direction',
  'Signature',
  'DigitalSignature',
]);

function warnUnknownChildren(ctx: Ctx, el: Element, known: Set<string>, path: string): void {
  for (const c of elementChildren(el)) {
    const n = localNameOf(c);
    if (!known.has(n) && !KNOWN_EXTRAS.has(n))
      ctx.issues.add('unknown_element', `${path}/${n}`, 'unknown element ignored');
  }
}

function documentHeader(ctx: Ctx, mh: Element): DocumentHeader {
  const P = 'MessageHeader';
  const from = fromOf(ctx, mh, P);
  const to: Organization[] = [];
  childrenNamed(mh, 'To').forEach((el, i) => {
    const org = organization(ctx, el, `${P}/To[${i + 1}]`);
    if (org) to.push(org);
    else
      ctx.issues.add(
        'missing_field',
        `${P}/To[${i + 1}]/OrganId`,
        'recipient without OrganId ignored',
      );
  });
  if (to.length === 0)
    throw new EdxmlError(
      'edxml.missing_to',
      'The document packet has no recipient (MessageHeader/To/OrganId)',
    );
  warnUnknownChildren(ctx, mh, DOCUMENT_HEADER_CHILDREN, P);

  const codeEl = single(ctx, mh, 'Code', P);
  const codeNumber = text(ctx, codeEl, 'CodeNumber', `${P}/Code`) ?? '';
  const codeNotation = text(ctx, codeEl, 'CodeNotation', `${P}/Code`) ?? '';
  if (codeNumber === '') ctx.issues.add('missing_field', `${P}/Code/CodeNumber`, 'missing');
  if (codeNotation === '') ctx.issues.add('missing_field', `${P}/Code/CodeNotation`, 'missing');

  const pi = single(ctx, mh, 'PromulgationInfo', P);
  const promulgationDate = date(ctx, pi, 'PromulgationDate', `${P}/PromulgationInfo`);
  if (
    promulgationDate === undefined &&
    !ctx.issues.list.some((i) => i.path.endsWith('/PromulgationDate'))
  ) {
    ctx.issues.add('missing_field', `${P}/PromulgationInfo/PromulgationDate`, 'missing');
  }

  const dt = single(ctx, mh, 'DocumentType', P);
  const typeName = text(ctx, dt, 'TypeName', `${P}/DocumentType`) ?? '';
  if (typeName === '') ctx.issues.add('missing_field', `${P}/DocumentType/TypeName`, 'missing');
  // Bkav's reader defaults a missing Type to 2 and TypeDetail to -1 (standards.md §1.4).
  const type = int(ctx, dt, 'Type', `${P}/DocumentType`) ?? 2;
  const typeDetail = int(ctx, dt, 'TypeDetail', `${P}/DocumentType`) ?? -1;

  const subject = text(ctx, mh, 'Subject', P) ?? '';
  if (subject === '') ctx.issues.add('missing_field', `${P}/Subject`, 'missing');

  const si = single(ctx, mh, 'SignerInfo', P);
  const signerInfo = si
    ? compact<SignerInfo>({
        competence: text(ctx, si, 'Competence', `${P}/SignerInfo`),
        position: text(ctx, si, 'Position', `${P}/SignerInfo`),
        fullName: text(ctx, si, 'FullName', `${P}/SignerInfo`),
      })
    : undefined;

  const tp = single(ctx, mh, 'ToPlaces', P);
  const toPlaces = childrenNamed(tp, 'Place')
    .map((p) => textOf(p))
    .filter((p): p is string => p !== undefined);

  const oi = single(ctx, mh, 'OtherInfo', P);
  let otherInfo: OtherInfo | undefined;
  if (oi) {
    const path = `${P}/OtherInfo`;
    const appendixes = childrenNamed(single(ctx, oi, 'Appendixes', path), 'Appendix')
      .map((a) => textOf(a))
      .filter((a): a is string => a !== undefined);
    otherInfo = compact<OtherInfo>({
      priority: int(ctx, oi, 'Priority', path),
      sphereOfPromulgation: text(ctx, oi, 'SphereOfPromulgation', path),
      typerNotation: text(ctx, oi, 'TyperNotation', path),
      promulgationAmount: int(ctx, oi, 'PromulgationAmount', path),
      pageAmount: int(ctx, oi, 'PageAmount', path),
      appendixes: appendixes.length > 0 ? appendixes : undefined,
      direction: bool(ctx, oi, 'Direction', path),
    });
    if (otherInfo.priority !== undefined && !isPriority(otherInfo.priority)) {
      ctx.issues.add(
        'code_out_of_range',
        `${path}/Priority`,
        `${otherInfo.priority} is not a priority code 0–4`,
      );
    }
  }

  const responses = childrenNamed(mh, 'ResponseFor').map((el, i) =>
    responseFor(ctx, el, `${P}/ResponseFor[${i + 1}]`),
  );
  const steeringType = int(ctx, mh, 'SteeringType', P);
  if (steeringType !== undefined && !isSteeringType(steeringType)) {
    ctx.issues.add(
      'code_out_of_range',
      `${P}/SteeringType`,
      `${steeringType} is not a steering type 0–3`,
    );
  }
  const documentId = text(ctx, mh, 'DocumentId', P);
  if (documentId === undefined) ctx.issues.add('missing_recommended', `${P}/DocumentId`, 'missing');

  return compact<DocumentHeader>({
    from,
    to,
    code: { codeNumber, codeNotation },
    promulgationInfo: compact({
      place: text(ctx, pi, 'Place', `${P}/PromulgationInfo`),
      promulgationDate: promulgationDate ?? '',
    }),
    documentType: { type, typeDetail, typeName },
    subject,
    content: text(ctx, mh, 'Content', P),
    signerInfo: signerInfo && Object.keys(signerInfo).length > 0 ? signerInfo : undefined,
    dueDate: date(ctx, mh, 'DueDate', P),
    toPlaces: toPlaces.length > 0 ? toPlaces : undefined,
    otherInfo: otherInfo && Object.keys(otherInfo).length > 0 ? otherInfo : undefined,
    responseFor: responses.length > 0 ? responses : undefined,
    steeringType,
    documentId,
  });
}

function business(ctx: Ctx, list: Element): BusinessInfo | undefined {
  let el = single(ctx, list, 'Bussiness', 'TraceHeaderList');
  let name = 'Bussiness';
  if (!el) {
    el = single(ctx, list, 'Business', 'TraceHeaderList');
    name = 'Business';
    if (!el) return undefined;
    ctx.issues.add(
      'element_spelling',
      'TraceHeaderList/Business',
      'spelled "Business"; the wire spelling is "Bussiness"',
    );
  }
  const P = `TraceHeaderList/${name}`;
  const code = int(ctx, el, 'BussinessDocType', P);
  const docType = code === undefined ? undefined : businessDocTypeFromCode(code);
  if (docType === undefined) {
    ctx.issues.add(
      'code_out_of_range',
      `${P}/BussinessDocType`,
      `"${code ?? ''}" is not 0–3; business info ignored`,
    );
    return undefined;
  }
  const bdi = single(ctx, el, 'BussinessDocumentInfo', P);
  let documentInfo: BusinessDocumentInfo | undefined;
  if (bdi) {
    const path = `${P}/BussinessDocumentInfo`;
    const receivers: BusinessReceiver[] = [];
    childrenNamed(single(ctx, bdi, 'ReceiverList', path), 'Receiver').forEach((r, i) => {
      const rp = `${path}/ReceiverList/Receiver[${i + 1}]`;
      const organId = text(ctx, r, 'OrganId', rp);
      const t = int(ctx, r, 'ReceiverType', rp);
      if (organId === undefined || (t !== 0 && t !== 1)) {
        ctx.issues.add('missing_field', rp, 'receiver without OrganId or ReceiverType 0/1 ignored');
        return;
      }
      receivers.push({ organId, change: t === 1 ? 'added' : 'removed' });
    });
    documentInfo = compact<BusinessDocumentInfo>({
      documentInfo: int(ctx, bdi, 'DocumentInfo', path),
      documentReceiver: int(ctx, bdi, 'DocumentReceiver', path),
      receivers: receivers.length > 0 ? receivers : undefined,
    });
  }
  const replacements: ReplacementInfo[] = [];
  childrenNamed(single(ctx, el, 'ReplacementInfoList', P), 'ReplacementInfo').forEach((r, i) => {
    const rp = `${P}/ReplacementInfoList/ReplacementInfo[${i + 1}]`;
    const documentId = text(ctx, r, 'DocumentId', rp);
    if (documentId === undefined) {
      ctx.issues.add('missing_field', `${rp}/DocumentId`, 'replacement without DocumentId ignored');
      return;
    }
    const organIds = childrenNamed(single(ctx, r, 'OrganIdList', rp), 'OrganId')
      .map((o) => textOf(o))
      .filter((o): o is string => o !== undefined);
    replacements.push({ documentId, organIds });
  });
  return compact<BusinessInfo>({
    docType,
    reason: text(ctx, el, 'BussinessDocReason', P),
    documentId: text(ctx, el, 'DocumentId', P),
    paper: int(ctx, el, 'Paper', P),
    documentInfo,
    staffInfo: staffInfo(ctx, single(ctx, el, 'StaffInfo', P), `${P}/StaffInfo`),
    replacements: replacements.length > 0 ? replacements : undefined,
  });
}

function traces(ctx: Ctx, list: Element | undefined): TraceHeader[] {
  return childrenNamed(list, 'TraceHeader').flatMap((t, i) => {
    const path = `TraceHeaderList/TraceHeader[${i + 1}]`;
    const organId = text(ctx, t, 'OrganId', path);
    const ts = timestamp(ctx, t, 'Timestamp', path);
    if (organId === undefined) {
      ctx.issues.add('missing_field', `${path}/OrganId`, 'trace without OrganId ignored');
      return [];
    }
    return [{ organId, timestamp: ts ?? '' }];
  });
}

function stripCid(id: string): string {
  return id.replace(/^<|>$/g, '').replace(/^cid:/i, '');
}

interface ManifestRef {
  contentId: string;
  contentType?: string;
  description?: string;
  name?: string;
}

function manifest(ctx: Ctx, envelope: Element): ManifestRef[] {
  const m = childNamed(childNamed(envelope, 'edXMLBody'), 'edXMLManifest');
  return childrenNamed(m, 'Reference').flatMap((r, i) => {
    const path = `edXMLManifest/Reference[${i + 1}]`;
    // VPCP-style references may carry only xlink:href="cid:…" (standards.md §1.7).
    const contentId =
      text(ctx, r, 'ContentId', path) ??
      r.getAttributeNS(XLINK_NAMESPACE, 'href') ??
      r.getAttribute('href') ??
      '';
    if (contentId === '') {
      ctx.issues.add('manifest_mismatch', path, 'reference without ContentId ignored');
      return [];
    }
    return [
      compact<ManifestRef>({
        contentId,
        contentType: text(ctx, r, 'ContentType', path),
        description: text(ctx, r, 'Description', path),
        name: text(ctx, r, 'AttachmentName', path),
      }),
    ];
  });
}

function attachments(
  ctx: Ctx,
  root: Element,
  envelope: Element,
  payload: (t: string) => string | undefined,
  opts: ParseOptions,
): PacketAttachment[] {
  const limit = opts.maxAttachmentBytes ?? DEFAULT_MAX_ATTACHMENT_BYTES;
  const refs = manifest(ctx, envelope);
  // AttachmentEncoded is a sibling of the envelope; some senders put it inside the envelope or body.
  const container =
    childNamed(root, 'AttachmentEncoded') ??
    childNamed(envelope, 'AttachmentEncoded') ??
    childNamed(childNamed(envelope, 'edXMLBody'), 'AttachmentEncoded');
  const used = new Set<ManifestRef>();
  const out: PacketAttachment[] = [];
  childrenNamed(container, 'Attachment').forEach((a, i) => {
    const path = `AttachmentEncoded/Attachment[${i + 1}]`;
    const contentId = text(ctx, a, 'ContentId', path) ?? '';
    const ref = refs.find((r) => contentId !== '' && stripCid(r.contentId) === stripCid(contentId));
    if (ref) used.add(ref);
    else
      ctx.issues.add(
        'manifest_mismatch',
        path,
        `attachment ${contentId || '(no ContentId)'} is not listed in the manifest`,
      );
    const name = text(ctx, a, 'AttachmentName', path) ?? ref?.name ?? `attachment-${i + 1}`;
    const cte = single(ctx, a, 'ContentTransferEncoded', path);
    const raw = cte ? (cte.textContent ?? '') : '';
    const base64 = payload(raw.trim()) ?? raw;
    if (base64.trim() === '') {
      ctx.issues.add(
        'missing_content',
        `${path}/ContentTransferEncoded`,
        `attachment "${name}" has no content; ignored`,
      );
      return;
    }
    if (base64MaxDecodedSize(base64) > limit) {
      // Only count exactly when the cheap upper bound is above the limit.
      const size = assertBase64(base64, `${path} "${name}"`);
      if (size > limit) {
        throw new EdxmlError(
          'edxml.attachment_too_large',
          `Attachment "${name}" is ${size} bytes, above the limit of ${limit}`,
        );
      }
    }
    const decodedSize = assertBase64(base64, `${path} "${name}"`);
    const contentType =
      text(ctx, a, 'ContentType', path) ?? ref?.contentType ?? contentTypeForName(name);
    const description = text(ctx, a, 'Description', path) ?? ref?.description;
    out.push(
      new PacketAttachment({
        contentId: contentId || `cid:${i + 1}`,
        name,
        ...(description !== undefined ? { description } : {}),
        contentType,
        base64,
        decodedSize,
      }),
    );
  });
  for (const r of refs) {
    if (!used.has(r))
      ctx.issues.add(
        'manifest_mismatch',
        'edXMLManifest',
        `reference ${r.contentId} has no attachment`,
      );
  }
  return out;
}

/** Dummy blocks carry placeholder or truncated certificates (standards.md §1.1). */
function hasReadableCertificate(signature: Element): boolean {
  const text =
    signature.getElementsByTagNameNS(XMLDSIG_NAMESPACE, 'X509Certificate')[0]?.textContent ?? '';
  try {
    new X509Certificate(Buffer.from(text.replace(/\s+/g, ''), 'base64'));
    return true;
  } catch {
    return false;
  }
}

function signatureKind(ctx: Ctx, header: Element): SignatureBlockKind {
  let kind: SignatureBlockKind = 'none';
  for (const el of elementChildren(header)) {
    const n = localNameOf(el);
    if (n !== 'Signature' && n !== 'DigitalSignature') continue;
    if (n === 'Signature' && el.namespaceURI === XMLDSIG_NAMESPACE && hasReadableCertificate(el)) {
      kind = 'xmldsig';
    } else if (kind === 'none') {
      kind = 'dummy';
      // Deployed packets carry dummy or unnamespaced blocks; they are not a reason to reject (§1.7).
      ctx.issues.add(
        'dummy_signature',
        `edXMLHeader/${n}`,
        'signature block without the xmldsig namespace or a readable certificate (not verifiable); ignored',
      );
    }
  }
  return kind;
}

function statusHeader(ctx: Ctx, mh: Element): StatusHeader {
  const P = 'MessageHeader';
  const from = fromOf(ctx, mh, P);
  const rawCode = text(ctx, mh, 'StatusCode', P) ?? '';
  const statusCode = normalizeStatusCode(rawCode);
  if (statusCode === undefined) {
    throw new EdxmlError(
      'edxml.unknown_status_code',
      `Unknown status code "${rawCode}" (QCVN 102 status codes: 01–06, 13, 15, 16)`,
    );
  }
  if (statusCode !== rawCode)
    ctx.issues.add('status_code_format', `${P}/StatusCode`, `"${rawCode}" read as ${statusCode}`);
  const rf = single(ctx, mh, 'ResponseFor', P);
  if (!rf) ctx.issues.add('missing_field', `${P}/ResponseFor`, 'missing');
  const description = text(ctx, mh, 'Description', P);
  // Decree 30 Art. 20: a returned document must say why.
  if (statusCode === '02' && description === undefined) {
    ctx.issues.add('missing_field', `${P}/Description`, 'a rejection (02) must carry a reason');
  }
  const ts = timestamp(ctx, mh, 'Timestamp', P);
  if (ts === undefined && !ctx.issues.list.some((i) => i.path === `${P}/Timestamp`)) {
    ctx.issues.add('missing_field', `${P}/Timestamp`, 'missing');
  }
  return compact<StatusHeader>({
    from,
    responseFor: rf ? responseFor(ctx, rf, `${P}/ResponseFor`) : { organId: '', code: '' },
    staffInfo: staffInfo(ctx, single(ctx, mh, 'StaffInfo', P), `${P}/StaffInfo`),
    statusCode,
    description,
    timestamp: ts ?? '',
  });
}

export interface DetailedParse {
  packet: ParsedPacket;
  issues: ParseIssue[];
}

/** Parse with structured issues (used by the validator). */
export function parsePacketDetailed(
  input: string | Uint8Array,
  options: ParseOptions = {},
): DetailedParse {
  const xml = readXml(input);
  const ctx: Ctx = { issues: new Issues() };
  for (const w of xml.warnings) ctx.issues.add('xml_warning', '/', w);

  const root = xml.document.documentElement;
  if (!root || localNameOf(root) !== 'edXML') {
    throw new EdxmlError(
      'edxml.wrong_root',
      `Root element is <${root?.nodeName ?? ''}>, not <edXML>`,
    );
  }
  const ns = root.namespaceURI ?? '';
  if (ns === '') {
    ctx.issues.add('no_namespace', 'edXML', `root has no namespace; expected ${EDXML_NAMESPACE}`);
  } else if (ns !== EDXML_NAMESPACE) {
    throw new EdxmlError(
      'edxml.wrong_namespace',
      `Root namespace is "${ns}", expected "${EDXML_NAMESPACE}"`,
    );
  }
  const envelope = childNamed(root, 'edXMLEnvelope');
  if (!envelope) throw new EdxmlError('edxml.missing_envelope', 'The packet has no edXMLEnvelope');
  const header = childNamed(envelope, 'edXMLHeader');
  const mh = childNamed(header, 'MessageHeader');
  if (!header || !mh)
    throw new EdxmlError('edxml.missing_header', 'The packet has no edXMLHeader/MessageHeader');
  const unprefixed = [envelope, header, mh, ...elementChildren(mh)].filter((e) => !e.prefix);
  if (unprefixed.length > 0) {
    ctx.issues.add(
      'unprefixed',
      'edXMLEnvelope',
      `${unprefixed.length} envelope element(s) without the edXML: prefix (e.g. <${unprefixed[0]?.nodeName ?? ''}>); the VPCP side rejects such packets`,
    );
  }
  const signature = signatureKind(ctx, header);

  let packet: ParsedPacket;
  if (childNamed(mh, 'StatusCode')) {
    const status: ParsedStatusPacket = {
      kind: 'status',
      status: statusHeader(ctx, mh),
      signature,
      warnings: [],
    };
    packet = status;
  } else {
    const h = documentHeader(ctx, mh);
    const list = childNamed(header, 'TraceHeaderList');
    if (!list) ctx.issues.add('missing_recommended', 'edXMLHeader/TraceHeaderList', 'missing');
    const b = list ? business(ctx, list) : undefined;
    const doc: ParsedDocumentPacket = {
      kind: 'document',
      header: h,
      traceHeaders: traces(ctx, list),
      ...(b ? { business: b } : {}),
      attachments: attachments(ctx, root, envelope, (t) => xml.payload(t), options),
      signature,
      warnings: [],
    };
    packet = doc;
  }
  packet.warnings = ctx.issues.list.map((i) => i.message);
  return { packet, issues: ctx.issues.list };
}

/**
 * Parses a document or status packet. Deviations are listed in `warnings`; an `EdxmlError` with a
 * stable `code` is thrown only when the input cannot be an edXML packet.
 */
export function parsePacket(input: string | Uint8Array, options: ParseOptions = {}): ParsedPacket {
  return parsePacketDetailed(input, options).packet;
}
