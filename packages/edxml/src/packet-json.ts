/**
 * JSON view of a parsed packet (used by the CLI `parse` command): every header field with ISO
 * dates, business info, status code with its Vietnamese description, and per attachment its name,
 * type, description, decoded size and SHA-256 — of the file itself when it travelled zipped.
 */
import { createHash } from 'node:crypto';
import { resolveEdxmlDocumentType } from './document-types.js';
import { isEdxmlError } from './errors.js';
import { getStatusCodeInfo } from './status-codes.js';
import type { ParsedPacket, SignatureBlockKind } from './types.js';
import type { ZipLimits } from './zip.js';

export interface AttachmentJson {
  contentId: string;
  name: string;
  contentType: string;
  description?: string;
  /** Size and hash of the bytes as transferred. */
  size: number;
  sha256: string;
  /** The file inside, when the part is a zip-wrapped single file (standards.md §1.7). */
  file?: { name: string; contentType: string; size: number; sha256: string };
  problem?: string;
}

export interface PacketJson {
  kind: 'document' | 'status';
  signature: SignatureBlockKind;
  [field: string]: unknown;
  warnings: string[];
}

function sha256(data: Uint8Array): string {
  return createHash('sha256').update(data).digest('hex');
}

export function packetToJson(packet: ParsedPacket, limits: ZipLimits = {}): PacketJson {
  if (packet.kind === 'status') {
    const info = getStatusCodeInfo(packet.status.statusCode);
    return {
      kind: 'status',
      ...packet.status,
      statusName: info.name,
      statusDescription: info.description,
      signature: packet.signature,
      warnings: packet.warnings,
    };
  }
  const warnings = [...packet.warnings];
  const attachments: AttachmentJson[] = packet.attachments.map((a) => {
    const bytes = a.bytes();
    const json: AttachmentJson = {
      contentId: a.contentId,
      name: a.name,
      contentType: a.contentType,
      ...(a.description !== undefined ? { description: a.description } : {}),
      size: bytes.length,
      sha256: sha256(bytes),
    };
    if (a.isZipWrapped) {
      try {
        const f = a.extract(limits);
        warnings.push(...f.warnings);
        if (f.unzipped) {
          json.file = {
            name: f.name,
            contentType: f.contentType,
            size: f.data.length,
            sha256: sha256(f.data),
          };
        }
      } catch (e) {
        if (!isEdxmlError(e)) throw e;
        json.problem = `${e.code}: ${e.message}`;
      }
    }
    return json;
  });
  const type = resolveEdxmlDocumentType(packet.header.documentType);
  return {
    kind: 'document',
    ...packet.header,
    resolvedDocumentType: type ? { code: type.code, name: type.name, legal: type.legal } : null,
    traceHeaders: packet.traceHeaders,
    business: packet.business ?? null,
    attachments,
    signature: packet.signature,
    warnings,
  };
}
