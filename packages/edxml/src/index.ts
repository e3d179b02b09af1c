export * from './agency-code.js';
export * from './errors.js';
export * from './namespaces.js';
export * from './dates.js';
export * from './notation.js';
export * from './document-types.js';
export * from './status-codes.js';
export * from './codes.js';
export * from './content-types.js';
export type * from './types.js';
export { PacketAttachment, isBase64Text, base64DecodedSize } from './attachments.js';
export type { ExtractedFile, PacketAttachmentInit } from './attachments.js';
export {
  DEFAULT_MAX_COMPRESSION_RATIO,
  DEFAULT_MAX_UNCOMPRESSED_BYTES,
  isZipData,
  listZipEntries,
  extractZipEntry,
  zipSingleFile,
} from './zip.js';
export type { ZipEntryInfo, ZipLimits } from './zip.js';
export { buildPacket, buildPacketBuffer, makeDocumentId } from './packet-builder.js';
export type { BuildOptions } from './packet-builder.js';
export { parsePacket, parsePacketDetailed, DEFAULT_MAX_ATTACHMENT_BYTES } from './packet-parser.js';
export type { ParseOptions, ParseIssue, ParseIssueCode, DetailedParse } from './packet-parser.js';
export { validatePacket } from './packet-validator.js';
export type { ValidationProblem, ValidationResult, ProblemSeverity } from './packet-validator.js';
export { signPacket, verifyPacketSignature } from './xml-signature.js';
export { signPacketWith, ecdsaDerToRaw } from './xml-signature-signer.js';
export type { ExternalPacketSigner } from './xml-signature-signer.js';
export type {
  SignOptions,
  VerifyOptions,
  SignatureCheck,
  SignatureCheckReason,
} from './xml-signature.js';
export { safeFileName, uniqueFileName } from './file-names.js';
export { normalizeVietnamese, vietnameseNameKey } from './vietnamese.js';
export { packetToJson } from './packet-json.js';
export type { PacketJson, AttachmentJson } from './packet-json.js';
export { specFromJson } from './spec-json.js';
