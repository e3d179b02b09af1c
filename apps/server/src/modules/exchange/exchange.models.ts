import type { IncomingState, RecipientStatus, Urgency } from '@vanban/contracts';
import {
  BUSINESS_DOC_TYPE_REASONS,
  isDocumentTypeCode,
  resolveEdxmlDocumentType,
  StatusCode,
  toEdxmlDocumentType,
  toEdxmlCode,
  parseReference,
  type BusinessDocType,
  type DocumentPacketSpec,
  type ParsedDocumentPacket,
  type SignatureCheck,
  type StatusCodeValue,
} from '@vanban/edxml';

/**
 * The status packet a receiving agency sends as its copy moves (QCVN 102 §1.6; standards.md):
 * 01 arrived, 03 registered, 04 assigned, 05 in progress, 06 done, 02 returned with a reason.
 */
export function statusCodeForIncoming(state: IncomingState): StatusCodeValue | null {
  switch (state) {
    case 'received':
      return StatusCode.Received;
    case 'registered':
    case 'submitted':
      return StatusCode.Accepted;
    case 'assigned':
      return StatusCode.Assigned;
    case 'in_progress':
      return StatusCode.InProgress;
    case 'completed':
      return StatusCode.Completed;
    case 'returned':
      return StatusCode.Rejected;
    case 'revoked':
      return null;
  }
}

/** What the sender shows for a recipient on a status packet; null leaves it unchanged. */
export function recipientStatusForCode(code: StatusCodeValue): RecipientStatus | null {
  switch (code) {
    case StatusCode.Received:
      return 'delivered';
    case StatusCode.Rejected:
      return 'returned';
    case StatusCode.Accepted:
      return 'registered';
    case StatusCode.Assigned:
      return 'assigned';
    case StatusCode.InProgress:
      return 'processing';
    case StatusCode.Completed:
      return 'done';
    case StatusCode.Revoked:
      return 'revoked';
    default:
      return null;
  }
}

/** edXML `Priority` (QCVN 102 §1.11): 0 normal, 1 urgent, 2 top urgent, 3 flash. */
export const priorityOf: Record<Urgency, number> = {
  normal: 0,
  urgent: 1,
  top_urgent: 2,
  flash: 3,
};
const urgencyOfPriority: Urgency[] = ['normal', 'urgent', 'top_urgent', 'flash'];

export interface OutgoingPacketInput {
  from: { code: string; name: string; address?: string | null };
  to: { code: string; name: string }[];
  reference: string;
  issueDate: string;
  place: string | null;
  docType: string;
  subject: string;
  signer: { name: string | null; position: string | null };
  urgency: Urgency;
  pageCount: number | null;
  business: { type: BusinessDocType; documentId?: string; reason?: string };
  files: { name: string; data: Uint8Array; contentType: string }[];
}

/** The document packet for an issued document (QCVN 102 §1.3; standards.md §1.2–1.7). */
export function documentPacketSpec(input: OutgoingPacketInput): DocumentPacketSpec {
  const parsed = parseReference(input.reference);
  if (!parsed.ok) throw new Error(`Not a reference: ${input.reference}`);
  if (!isDocumentTypeCode(input.docType)) throw new Error(`Unknown type ${input.docType}`);
  return {
    kind: 'document',
    header: {
      from: {
        organId: input.from.code,
        organName: input.from.name,
        ...(input.from.address ? { organAdd: input.from.address } : {}),
      },
      to: input.to.map((t) => ({ organId: t.code, organName: t.name })),
      code: toEdxmlCode(parsed.value),
      promulgationInfo: {
        ...(input.place ? { place: input.place } : {}),
        promulgationDate: input.issueDate,
      },
      documentType: toEdxmlDocumentType(input.docType),
      subject: input.subject,
      signerInfo: {
        ...(input.signer.position ? { position: input.signer.position } : {}),
        ...(input.signer.name ? { fullName: input.signer.name } : {}),
      },
      otherInfo: {
        priority: priorityOf[input.urgency],
        ...(input.pageCount ? { pageAmount: input.pageCount } : {}),
      },
    },
    business: {
      docType: input.business.type,
      reason: input.business.reason ?? BUSINESS_DOC_TYPE_REASONS[input.business.type],
      ...(input.business.documentId ? { documentId: input.business.documentId } : {}),
    },
    attachments: input.files.map((f) => ({
      name: f.name,
      data: f.data,
      contentType: f.contentType,
    })),
  };
}

/** Metadata to prefill the receiving clerk's form from a received packet. */
export function intakeMetadataOf(packet: ParsedDocumentPacket) {
  const h = packet.header;
  const type = resolveEdxmlDocumentType(h.documentType);
  const priority = h.otherInfo?.priority ?? 0;
  return {
    senderName: h.from.organName ?? h.from.organId,
    senderCode: h.from.organId,
    reference: `${h.code.codeNumber}/${h.code.codeNotation}`,
    issueDate: h.promulgationInfo.promulgationDate,
    docType: type?.code ?? 'official_letter',
    subject: h.subject,
    ...(h.signerInfo?.fullName ? { signerName: h.signerInfo.fullName } : {}),
    ...(h.signerInfo?.position ? { signerPosition: h.signerInfo.position } : {}),
    urgency: urgencyOfPriority[priority] ?? 'normal',
    ...(h.otherInfo?.pageAmount ? { pageCount: h.otherInfo.pageAmount } : {}),
  };
}

/** Our verdict on a received packet's XML signature, kept with what the packet created. */
export interface PacketSignatureVerdict {
  status: 'valid' | 'untrusted' | 'invalid' | 'none';
  /** The library's reason: `ok`, `no_signature`, `dummy_signature`, `invalid_signature`, … */
  reason: string;
  /** Subject of the signing certificate (RFC 2253), when one could be read. */
  signer: string | null;
}

/**
 * QCVN 102 §1.7 (standards.md): deployed senders put dummy blocks where the signature goes, so a
 * packet is never refused for its XML signature — the verdict is recorded and shown, and the PAdES
 * signatures inside the PDFs (checked by `signatures.verify_file`) are the legally relevant ones.
 * A dummy block counts as no signature; a broken one as `invalid`.
 */
export function packetSignatureVerdict(check: SignatureCheck): PacketSignatureVerdict {
  const signer = check.signerSubject ?? null;
  switch (check.reason) {
    case 'ok':
      return { status: check.trusted ? 'valid' : 'untrusted', reason: check.reason, signer };
    case 'untrusted_certificate':
      return { status: 'untrusted', reason: check.reason, signer };
    case 'no_signature':
    case 'dummy_signature':
      return { status: 'none', reason: check.reason, signer: null };
    default:
      return { status: 'invalid', reason: check.reason, signer };
  }
}
