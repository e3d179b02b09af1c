import { z } from 'zod';
import { isoDateTimeSchema, uuidSchema } from '../common/primitives.contract.js';

/** One signature in a PDF as our verifier sees it (integrity, PAdES form, chain, validity). */
export const signatureCheckSchema = z.object({
  fieldName: z.string(),
  signerName: z.string().nullable(),
  organization: z.string().nullable(),
  issuerName: z.string().nullable(),
  signingTime: isoDateTimeSchema.nullable(),
  /** The signed bytes are unchanged and the CMS signature verifies. */
  intact: z.boolean(),
  coversWholeDocument: z.boolean(),
  certificateValidAtSigningTime: z.boolean(),
  /** The chain reaches the configured trust list; null when no list applies. */
  trusted: z.boolean().nullable(),
  problems: z.array(z.string()),
});
export type SignatureCheckView = z.infer<typeof signatureCheckSchema>;

/**
 * Overall verdict for a file: `none` (no signature), `valid` (all intact, trusted, in validity),
 * `untrusted` (intact but the issuer is not on the trust list or the certificate was not valid),
 * `invalid` (altered or broken: a tampered file is flagged, never silently accepted), `pending`.
 */
export const signatureStatusValues = ['pending', 'none', 'valid', 'untrusted', 'invalid'] as const;
export const signatureStatusSchema = z.enum(signatureStatusValues);
export type SignatureStatus = z.infer<typeof signatureStatusSchema>;

export const fileSignaturesSchema = z.object({
  status: signatureStatusSchema,
  checkedAt: isoDateTimeSchema.nullable(),
  signatures: z.array(signatureCheckSchema),
});
export type FileSignatures = z.infer<typeof fileSignaturesSchema>;

export const certificateOwnerSchema = z.union([
  z.strictObject({ kind: z.literal('user'), userId: uuidSchema.optional() }),
  z.strictObject({ kind: z.literal('agency'), agencyId: uuidSchema }),
]);

export const importCertificateBodySchema = z.strictObject({
  owner: certificateOwnerSchema,
  /** The .p12/.pfx file, base64. */
  pkcs12: z.base64().max(200_000),
  password: z.string().max(200),
});
export type ImportCertificateBody = z.infer<typeof importCertificateBodySchema>;

export const certificateSchema = z.object({
  id: uuidSchema,
  owner: z.object({ kind: z.enum(['user', 'agency']), id: uuidSchema, name: z.string() }),
  subject: z.string(),
  issuer: z.string(),
  serialNumber: z.string(),
  validFrom: isoDateTimeSchema,
  validTo: isoDateTimeSchema,
  expired: z.boolean(),
  /** Issued by the built-in demo CA: no legal value. */
  demo: z.boolean(),
  active: z.boolean(),
  createdAt: isoDateTimeSchema,
});
export type Certificate = z.infer<typeof certificateSchema>;

export const certificateListSchema = z.object({ items: z.array(certificateSchema) });

export const signatureImageKindSchema = z.enum(['signature', 'seal']);
export const signatureImageBodySchema = z.strictObject({
  owner: certificateOwnerSchema,
  kind: signatureImageKindSchema,
  /** Transparent PNG, base64. */
  png: z.base64().max(2_000_000),
});

export const signatureImageSchema = z.object({
  id: uuidSchema,
  owner: z.object({ kind: z.enum(['user', 'agency']), id: uuidSchema }),
  kind: signatureImageKindSchema,
  width: z.number().int(),
  height: z.number().int(),
  demo: z.boolean(),
  createdAt: isoDateTimeSchema,
});
