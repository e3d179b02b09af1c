import { z } from 'zod';
import { isoDateSchema, isoDateTimeSchema, uuidSchema } from '../common/primitives.contract.js';
import {
  personRefSchema,
  secrecySchema,
  unitRefLiteSchema,
  urgencySchema,
} from '../incoming/incoming.contract.js';
import { signatureCheckSchema, signatureStatusSchema } from '../signatures/signatures.contract.js';

/**
 * Văn bản đi. Decree 30 Art. 10–16: drafted, reviewed, signed by the competent person, numbered
 * after signing, agency-signed by the clerk, issued the same day.
 */
export const outgoingStateValues = [
  'draft',
  'in_review',
  'returned',
  'approved',
  'signed',
  'numbered',
  'sealed',
  'issued',
  'revoked',
] as const;
export const outgoingStateSchema = z.enum(outgoingStateValues);
export type OutgoingState = z.infer<typeof outgoingStateSchema>;

const text = (max: number) => z.string().trim().min(1).max(max);

/** A rectangle on a page: page from 1, x/y/width/height in PDF points from the bottom-left. */
export const boxSchema = z.strictObject({
  page: z.number().int().min(1).max(10000),
  x: z.number().min(0).max(5000),
  y: z.number().min(0).max(5000),
  width: z.number().positive().max(5000),
  height: z.number().positive().max(5000),
});
export type BoxInput = z.infer<typeof boxSchema>;

/** Nơi nhận: an agency of the directory, a unit of the own agency, or free text (paper only). */
export const recipientInputSchema = z.union([
  z.strictObject({ agencyCode: z.string().trim().min(3).max(35) }),
  z.strictObject({ unitId: uuidSchema }),
  z.strictObject({ name: text(300) }),
]);
export type RecipientInput = z.infer<typeof recipientInputSchema>;

/** Text the server lays out as a Decree 30 document when no PDF is uploaded. */
export const composeSchema = z.strictObject({
  body: z.array(z.string().trim().max(20000)).min(1).max(500),
  /** "TM. ỦY BAN NHÂN DÂN", "KT. GIÁM ĐỐC"… */
  authority: z.string().trim().max(100).optional(),
});

export const outgoingMetadataSchema = z.strictObject({
  /** Document type code (Decree 30 Art. 7), see GET /api/document-types. */
  docType: text(60),
  subject: text(2000),
  urgency: urgencySchema.default('normal'),
  secrecy: secrecySchema.default('normal'),
  /** The competent person who signs (người có thẩm quyền ký). */
  signerId: uuidSchema,
  recipients: z.array(recipientInputSchema).max(500).default([]),
  /** Incoming documents this one answers. */
  answers: z.array(uuidSchema).max(50).default([]),
  /** Unit code in the notation of a công văn (`UBND-VX`); default the drafter's unit. */
  notationUnit: z.string().trim().max(20).optional(),
  /** Where the signature image goes; default: between position line and name, last page. */
  signatureBox: boxSchema.optional(),
  notes: z.string().trim().max(2000).optional(),
});

export const createOutgoingBodySchema = outgoingMetadataSchema.extend({
  /** Uploaded files (POST /api/files): the first is the main document (PDF to be signed). */
  fileIds: z.array(uuidSchema).max(50).default([]),
  compose: composeSchema.optional(),
});
export type CreateOutgoingBody = z.infer<typeof createOutgoingBodySchema>;

export const updateOutgoingBodySchema = outgoingMetadataSchema.partial();
export type UpdateOutgoingBody = z.infer<typeof updateOutgoingBodySchema>;

/** A new version of the files: the main document first, then its attachments. */
export const newVersionBodySchema = z.union([
  z.strictObject({
    fileIds: z.array(uuidSchema).min(1).max(50),
    note: z.string().trim().max(2000).optional(),
  }),
  z.strictObject({ compose: composeSchema, note: z.string().trim().max(2000).optional() }),
]);

/** Review chain: steps run in order; the reviewers of one step review in parallel. */
export const submitForReviewBodySchema = z.strictObject({
  steps: z
    .array(z.strictObject({ reviewerIds: z.array(uuidSchema).min(1).max(20) }))
    .max(10)
    .default([]),
  note: z.string().trim().max(2000).optional(),
});
export type SubmitForReviewBody = z.infer<typeof submitForReviewBodySchema>;

export const reviewBodySchema = z.union([
  z.strictObject({ approve: z.literal(true), comment: z.string().trim().max(4000).optional() }),
  z.strictObject({ approve: z.literal(false), comment: text(4000) }),
]);
export type ReviewBody = z.infer<typeof reviewBodySchema>;

export const signBodySchema = z.strictObject({ box: boxSchema.optional() });
export const batchSignBodySchema = z.strictObject({
  ids: z.array(uuidSchema).min(1).max(100),
});
export const batchSignResponseSchema = z.object({
  results: z.array(
    z.object({
      id: uuidSchema,
      ok: z.boolean(),
      problem: z.object({ code: z.string(), detail: z.string().optional() }).optional(),
    }),
  ),
});

export const numberBodySchema = z.strictObject({
  /** Where the number goes (box 3) and the place and date line (box 4); found on page 1 if absent. */
  numberBox: boxSchema.optional(),
  dateBox: boxSchema.optional(),
});
export const outgoingReasonBodySchema = z.strictObject({ reason: text(2000) });
export const correctBodySchema = z.strictObject({
  subject: text(2000).optional(),
  urgency: urgencySchema.optional(),
  reason: text(2000),
});

export const recipientStatusValues = [
  'pending',
  'queued',
  'sent',
  'delivered',
  'registered',
  'assigned',
  'processing',
  'done',
  'returned',
  'revoked',
  'paper',
] as const;
export const recipientStatusSchema = z.enum(recipientStatusValues);
export type RecipientStatus = z.infer<typeof recipientStatusSchema>;

export const recipientSchema = z.object({
  id: uuidSchema,
  kind: z.enum(['agency', 'unit', 'text']),
  name: z.string(),
  agency: z.object({ id: uuidSchema, code: z.string() }).nullable(),
  unit: unitRefLiteSchema.nullable(),
  /** `internal`: delivered inside this instance; `hub`: through the exchange hub; `paper`. */
  channel: z.enum(['internal', 'hub', 'paper']),
  status: recipientStatusSchema,
  incomingDocumentId: uuidSchema.nullable(),
  statusAt: isoDateTimeSchema.nullable(),
  /** Why the recipient returned it (status `returned`; QCVN 102 §1.6 status 02 over the hub). */
  statusNote: z.string().nullable(),
});
export type Recipient = z.infer<typeof recipientSchema>;

export const outgoingFileSchema = z.object({
  id: uuidSchema,
  name: z.string(),
  mediaType: z.string(),
  size: z.number().int(),
  pageCount: z.number().int().nullable(),
  role: z.enum(['main', 'attachment']),
});

export const versionKindValues = ['draft', 'signed', 'numbered', 'sealed'] as const;
export const outgoingVersionSchema = z.object({
  version: z.number().int(),
  kind: z.enum(versionKindValues),
  files: z.array(outgoingFileSchema),
  note: z.string().nullable(),
  createdBy: personRefSchema,
  createdAt: isoDateTimeSchema,
});

export const reviewStepSchema = z.object({
  id: uuidSchema,
  round: z.number().int(),
  position: z.number().int(),
  reviewer: personRefSchema,
  state: z.enum(['waiting', 'pending', 'approved', 'returned', 'cancelled']),
  comment: z.string().nullable(),
  decidedAt: isoDateTimeSchema.nullable(),
});

export const outgoingSummarySchema = z.object({
  id: uuidSchema,
  state: outgoingStateSchema,
  reference: z.string().nullable(),
  docType: z.string(),
  subject: z.string(),
  urgency: urgencySchema,
  secrecy: secrecySchema,
  drafter: personRefSchema,
  signer: personRefSchema,
  issueDate: isoDateSchema.nullable(),
  recipientCount: z.number().int(),
  updatedAt: isoDateTimeSchema,
});
export type OutgoingSummary = z.infer<typeof outgoingSummarySchema>;

export const outgoingDetailSchema = outgoingSummarySchema.extend({
  agency: z.object({ id: uuidSchema, code: z.string(), name: z.string() }),
  docTypeName: z.string(),
  drafterUnit: unitRefLiteSchema.nullable(),
  signerPosition: z.string().nullable(),
  number: z.number().int().nullable(),
  notation: z.string().nullable(),
  registerName: z.string().nullable(),
  issuedAt: isoDateTimeSchema.nullable(),
  signatureBox: boxSchema.nullable(),
  notes: z.string().nullable(),
  recipients: z.array(recipientSchema),
  answers: z.array(z.object({ id: uuidSchema, reference: z.string(), subject: z.string() })),
  versions: z.array(outgoingVersionSchema),
  reviewSteps: z.array(reviewStepSchema),
  /** Signatures on the current main PDF, as our verifier sees them (`pending` until checked). */
  signatureStatus: signatureStatusSchema,
  signatures: z.array(signatureCheckSchema),
  notationUnit: z.string().nullable(),
  replaces: z.object({ id: uuidSchema, reference: z.string().nullable() }).nullable(),
  replacedBy: z.object({ id: uuidSchema, reference: z.string().nullable() }).nullable(),
  revokedAt: isoDateTimeSchema.nullable(),
  revokeReason: z.string().nullable(),
  /** What the viewer may do now; the web shows these buttons and nothing else. */
  actions: z.array(z.string()),
});
export type OutgoingDetail = z.infer<typeof outgoingDetailSchema>;

export const outgoingViewValues = [
  'drafts',
  'to_review',
  'to_sign',
  'to_number',
  'to_seal',
  'to_issue',
  'issued',
  'all',
] as const;
export const outgoingViewSchema = z.enum(outgoingViewValues);
export type OutgoingView = z.infer<typeof outgoingViewSchema>;

export const outgoingListQuerySchema = z.strictObject({
  view: outgoingViewSchema.default('all'),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  cursor: z.string().max(500).optional(),
  q: z.string().trim().min(1).max(200).optional(),
});
export type OutgoingListQuery = z.infer<typeof outgoingListQuerySchema>;

export const outgoingListResponseSchema = z.object({
  items: z.array(outgoingSummarySchema),
  nextCursor: z.string().nullable(),
});
export const outgoingCountsSchema = z.record(outgoingViewSchema, z.number().int());

export const outgoingRegisterQuerySchema = z.strictObject({
  from: isoDateSchema,
  to: isoDateSchema,
  format: z.enum(['xlsx', 'pdf', 'json']).default('xlsx'),
  series: z.enum(['outgoing', 'outgoing_legal', 'outgoing_secret']).default('outgoing'),
});
