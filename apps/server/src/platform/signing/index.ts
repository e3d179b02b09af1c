/**
 * PDF signing for Vietnamese e-documents: visible PAdES B-B signatures placed as Decree 30/2020
 * App. I lays them out (personal signature, agency seal, attachments), the number written after
 * signing, and verification. No domain rules and no database: callers decide who signs what.
 */
export { assertValidAt, describeCertificate, type CertificateInfo } from './certificates.js';
export {
  createDemoCa,
  DEMO_ORGANIZATION,
  type DemoCa,
  type DemoCertificateOptions,
  type DemoIdentity,
} from './demo-ca.js';
export { CertificateValidityError, SigningError, type SigningErrorCode } from './errors.js';
export { defaultSignatureBox, MM } from './layout.js';
export {
  signAgency,
  signAttachment,
  signPersonal,
  type SignOptions,
  type SignResult,
} from './pades.js';
export type { Box } from './pdf-document.js';
export { demoAgencySeal, demoPersonalSignature, describePng } from './signature-images.js';
export { Pkcs12Signer, type Signer } from './signer.js';
export { stampNumber, vietnameseDate, type StampNumberOptions } from './stamps.js';
export { verifyPdfSignatures, type SignatureCheck } from './verify.js';
export { vietnamIsoTime } from './vietnam-time.js';
