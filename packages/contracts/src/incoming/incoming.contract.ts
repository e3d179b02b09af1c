import { z } from 'zod';
import { isoDateSchema, isoDateTimeSchema, uuidSchema } from '../common/primitives.contract.js';
import { fileSignaturesSchema } from '../signatures/signatures.contract.js';

export const urgencyValues = ['normal', 'urgent', 'top_urgent', 'flash'] as const;
export const urgencySchema = z.enum(urgencyValues);
export type Urgency = z.infer<typeof urgencySchema>;

export const secrecyValues = ['normal', 'confidential', 'secret', 'top_secret'] as const;
export const secrecySchema = z.enum(secrecyValues);
export type Secrecy = z.infer<typeof secrecySchema>;

export const incomingStateValues = [
  'received',
  'registered',
  'submitted',
  'assigned',
  'in_progress',
  'completed',
  'returned',
  'revoked',
] as const;
export const incomingStateSchema = z.enum(incomingStateValues);
export type IncomingState = z.infer<typeof incomingStateSchema>;

export const incomingSourceSchema = z.enum(['paper', 'internal', 'hub', 'email']);

export const assignmentRoleValues = ['lead', 'co_handler', 'for_information'] as const;
export const assignmentRoleSchema = z.enum(assignmentRoleValues);
export type AssignmentRole = z.infer<typeof assignmentRoleSchema>;

export const assignmentStateValues = [
  'assigned',
  'in_progress',
  'reported',
  'completed',
  'returned',
  'reassigned',
] as const;
export const assignmentStateSchema = z.enum(assignmentStateValues);
export type AssignmentState = z.infer<typeof assignmentStateSchema>;

const text = (max: number) => z.string().trim().min(1).max(max);

/** A due date: a calendar date, or a number of working days from today (Sat, Sun, holidays skipped). */
export const dueSchema = z.union([
  z.strictObject({ date: isoDateSchema }),
  z.strictObject({ workingDays: z.number().int().min(1).max(365) }),
]);
export type Due = z.infer<typeof dueSchema>;

/** Sender: an agency of the directory by code, or free text for anyone else (citizens, firms). */
export const senderInputSchema = z.union([
  z.strictObject({ agencyCode: z.string().trim().min(3).max(35) }),
  z.strictObject({ name: text(300) }),
]);

export const incomingMetadataSchema = z.strictObject({
  sender: senderInputSchema,
  /** Number and notation as printed: `12/UBND-VX`, `24/2025/QĐ-UBND`. */
  reference: text(60),
  issueDate: isoDateSchema,
  /** Document type code (Decree 30 Art. 7), see GET /api/document-types. */
  docType: text(60),
  subject: text(2000),
  signerName: z.string().trim().max(100).optional(),
  signerPosition: z.string().trim().max(100).optional(),
  urgency: urgencySchema.default('normal'),
  secrecy: secrecySchema.default('normal'),
  pageCount: z.number().int().min(1).max(100000).optional(),
  due: dueSchema.optional(),
  notes: z.string().trim().max(2000).optional(),
});

export const registerIncomingBodySchema = incomingMetadataSchema.extend({
  /** Uploaded files (POST /api/files); the first is the main document. */
  fileIds: z.array(uuidSchema).max(50).default([]),
  /** Register although a document with the same sender, reference and year exists. */
  confirmDuplicate: z.boolean().default(false),
  /** Submit at once to a leader (or the agency's default route) after registering. */
  submitTo: z
    .union([z.strictObject({ userId: uuidSchema }), z.strictObject({ unitId: uuidSchema })])
    .optional(),
});
export type RegisterIncomingBody = z.infer<typeof registerIncomingBodySchema>;

/** Registering a document that arrived from another agency: metadata may be corrected. */
export const registerReceivedBodySchema = incomingMetadataSchema.partial().extend({
  fileIds: z.array(uuidSchema).max(50).default([]),
  confirmDuplicate: z.boolean().default(false),
  submitTo: registerIncomingBodySchema.shape.submitTo,
});

export const submitBodySchema = z.union([
  z.strictObject({ userId: uuidSchema, note: z.string().trim().max(2000).optional() }),
  z.strictObject({ unitId: uuidSchema, note: z.string().trim().max(2000).optional() }),
]);

export type SubmitBody = z.infer<typeof submitBodySchema>;

export const assigneeInputSchema = z
  .strictObject({
    unitId: uuidSchema.optional(),
    userId: uuidSchema.optional(),
    due: dueSchema.optional(),
  })
  .refine((a) => a.unitId !== undefined || a.userId !== undefined, {
    message: 'unitId or userId is required',
  });

export const directBodySchema = z.strictObject({
  /** Ý kiến chỉ đạo / bút phê. */
  direction: text(4000),
  lead: assigneeInputSchema,
  coHandlers: z.array(assigneeInputSchema).max(50).default([]),
  forInformation: z.array(assigneeInputSchema).max(100).default([]),
  /** Due date of the document (default: the lead's due date). */
  due: dueSchema.optional(),
});
export type DirectBody = z.infer<typeof directBodySchema>;

export const reassignBodySchema = z.strictObject({
  userId: uuidSchema,
  direction: z.string().trim().max(4000).optional(),
  due: dueSchema.optional(),
});

export const commentBodySchema = z.strictObject({
  body: text(4000),
  fileIds: z.array(uuidSchema).max(20).default([]),
});
export const reportBodySchema = z.strictObject({
  result: text(4000),
  fileIds: z.array(uuidSchema).max(20).default([]),
});
export const reasonBodySchema = z.strictObject({ reason: text(2000) });
export const extensionRequestBodySchema = z.strictObject({
  until: isoDateSchema,
  reason: text(2000),
});
export const extensionDecisionBodySchema = z.strictObject({
  approve: z.boolean(),
  note: z.string().trim().max(2000).optional(),
});
export const completeBodySchema = z.strictObject({
  result: text(4000),
  fileIds: z.array(uuidSchema).max(20).default([]),
});

export const personRefSchema = z.object({ id: uuidSchema, fullName: z.string() });
export const unitRefLiteSchema = z.object({ id: uuidSchema, code: z.string(), name: z.string() });

export const assignmentSchema = z.object({
  id: uuidSchema,
  parentId: uuidSchema.nullable(),
  role: assignmentRoleSchema,
  state: assignmentStateSchema,
  active: z.boolean(),
  unit: unitRefLiteSchema.nullable(),
  user: personRefSchema.nullable(),
  direction: z.string().nullable(),
  dueDate: isoDateSchema.nullable(),
  overdue: z.boolean(),
  assignedBy: personRefSchema,
  assignedAt: isoDateTimeSchema,
  readAt: isoDateTimeSchema.nullable(),
  startedAt: isoDateTimeSchema.nullable(),
  result: z.string().nullable(),
  reportedAt: isoDateTimeSchema.nullable(),
  completedAt: isoDateTimeSchema.nullable(),
  returnReason: z.string().nullable(),
  extensionRequest: z.object({ until: isoDateSchema, reason: z.string() }).nullable(),
});
export type Assignment = z.infer<typeof assignmentSchema>;

export const incomingFileSchema = z.object({
  id: uuidSchema,
  name: z.string(),
  mediaType: z.string(),
  size: z.number().int(),
  pageCount: z.number().int().nullable(),
  role: z.enum(['main', 'attachment', 'handling']),
  addedBy: personRefSchema,
  addedAt: isoDateTimeSchema,
  /** Our verification of the file's PDF signatures, made when it arrived. */
  signatures: fileSignaturesSchema,
});

/** One row of an inbox or search result. */
export const incomingSummarySchema = z.object({
  id: uuidSchema,
  state: incomingStateSchema,
  source: incomingSourceSchema,
  senderName: z.string(),
  reference: z.string(),
  issueDate: isoDateSchema,
  docType: z.string(),
  subject: z.string(),
  urgency: urgencySchema,
  secrecy: secrecySchema,
  arrivalNumber: z.number().int().nullable(),
  arrivalDate: isoDateSchema.nullable(),
  receivedAt: isoDateTimeSchema,
  dueDate: isoDateSchema.nullable(),
  overdue: z.boolean(),
  dueSoon: z.boolean(),
});
export type IncomingSummary = z.infer<typeof incomingSummarySchema>;

/**
 * Our check of the XML signature of the exchange packet a document came in (QCVN 102 §1.7):
 * `valid`, `untrusted` (intact, certificate not trusted here), `invalid` (broken) or `none`
 * (unsigned or a dummy block). Informative only: the files' PDF signatures are the legal ones.
 */
export const packetSignatureSchema = z.object({
  status: z.enum(['valid', 'untrusted', 'invalid', 'none']),
  reason: z.string(),
  signer: z.string().nullable(),
});
export type PacketSignature = z.infer<typeof packetSignatureSchema>;

export const incomingDetailSchema = incomingSummarySchema.extend({
  agency: z.object({ id: uuidSchema, code: z.string(), name: z.string() }),
  senderAgency: z.object({ id: uuidSchema, code: z.string(), name: z.string() }).nullable(),
  docTypeName: z.string(),
  signerName: z.string().nullable(),
  signerPosition: z.string().nullable(),
  pageCount: z.number().int().nullable(),
  registerName: z.string().nullable(),
  registeredAt: isoDateTimeSchema.nullable(),
  registeredBy: personRefSchema.nullable(),
  submittedTo: z
    .object({ user: personRefSchema.nullable(), unit: unitRefLiteSchema.nullable() })
    .nullable(),
  submittedAt: isoDateTimeSchema.nullable(),
  direction: z.string().nullable(),
  directedBy: personRefSchema.nullable(),
  directedAt: isoDateTimeSchema.nullable(),
  completedAt: isoDateTimeSchema.nullable(),
  completedBy: personRefSchema.nullable(),
  result: z.string().nullable(),
  returnReason: z.string().nullable(),
  notes: z.string().nullable(),
  /** Documents from the exchange hub: the packet's XML signature; null for the others. */
  packetSignature: packetSignatureSchema.nullable(),
  files: z.array(incomingFileSchema),
  assignments: z.array(assignmentSchema),
  comments: z.array(
    z.object({
      id: uuidSchema,
      author: personRefSchema,
      onBehalfOf: personRefSchema.nullable(),
      body: z.string(),
      assignmentId: uuidSchema.nullable(),
      createdAt: isoDateTimeSchema,
    }),
  ),
  /** What the viewer may do now; the web shows these buttons and nothing else. */
  actions: z.array(z.string()),
});
export type IncomingDetail = z.infer<typeof incomingDetailSchema>;

export const incomingViewValues = [
  'to_register',
  'to_direct',
  'to_handle',
  'co_handling',
  'for_information',
  'overdue',
  'all',
] as const;
export const incomingViewSchema = z.enum(incomingViewValues);
export type IncomingView = z.infer<typeof incomingViewSchema>;

export const incomingSortValues = ['urgency', 'newest', 'oldest', 'due'] as const;

const listFilters = {
  from: isoDateSchema.optional(),
  to: isoDateSchema.optional(),
  senderAgencyId: uuidSchema.optional(),
  sender: z.string().trim().min(1).max(200).optional(),
  docType: z.string().trim().min(1).max(60).optional(),
  urgency: urgencySchema.optional(),
  state: incomingStateSchema.optional(),
  assigneeUserId: uuidSchema.optional(),
  assigneeUnitId: uuidSchema.optional(),
};

export const incomingListQuerySchema = z.strictObject({
  view: incomingViewSchema.default('all'),
  sort: z.enum(incomingSortValues).default('urgency'),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  /** Opaque keyset cursor from the previous page's `nextCursor`. */
  cursor: z.string().max(500).optional(),
  ...listFilters,
});
export type IncomingListQuery = z.infer<typeof incomingListQuerySchema>;

export const incomingListResponseSchema = z.object({
  items: z.array(incomingSummarySchema),
  nextCursor: z.string().nullable(),
});

export const incomingCountsSchema = z.record(incomingViewSchema, z.number().int());

export const incomingStatsQuerySchema = z.strictObject({
  /** How many months back, the current month included. */
  months: z.coerce.number().int().min(1).max(24).default(6),
});

const countSchema = z.number().int().min(0);

/**
 * Handling on time, per month (Asia/Ho_Chi_Minh): documents completed (on time: on or before
 * their due date, or with none; late: after it), and documents still open and past their due date
 * at the end of the month (today for the current month). `scope`: `agency` for clerks and leaders
 * (the agency's documents), `visible` for others (the documents they take part in).
 */
export const incomingStatsSchema = z.object({
  asOf: isoDateSchema,
  scope: z.enum(['agency', 'visible']),
  months: z.array(
    z.object({
      month: z.string().regex(/^\d{4}-\d{2}$/),
      completed: countSchema,
      onTime: countSchema,
      late: countSchema,
      overdueOpen: countSchema,
    }),
  ),
  completed: countSchema,
  onTime: countSchema,
  late: countSchema,
  /** onTime / completed over the months, 0–1; null when nothing was completed. */
  onTimeRate: z.number().min(0).max(1).nullable(),
});
export type IncomingStats = z.infer<typeof incomingStatsSchema>;

export const incomingSearchQuerySchema = z.strictObject({
  q: z.string().trim().min(1).max(200),
  limit: z.coerce.number().int().min(1).max(100).default(20),
  offset: z.coerce.number().int().min(0).max(1000).default(0),
  ...listFilters,
});

/** A piece of text with the matched ranges `[start, end)` — the web marks them, no HTML here. */
export const highlightSchema = z.object({
  field: z.enum(['subject', 'reference', 'sender', 'content']),
  text: z.string(),
  ranges: z.array(z.tuple([z.number().int(), z.number().int()])),
});

export type Highlight = z.infer<typeof highlightSchema>;

export const incomingSearchResponseSchema = z.object({
  items: z.array(
    incomingSummarySchema.extend({ rank: z.number(), highlights: z.array(highlightSchema) }),
  ),
  /**
   * Visible matches, counted up to 1,000: only the 1,000 most recent matches are ranked (a broad
   * term matches a third of a city). `totalCapped`: there are more ("1000+").
   */
  total: z.number().int(),
  totalCapped: z.boolean(),
});

export const duplicateProblemDataSchema = z.array(
  z.object({ id: uuidSchema, reference: z.string(), arrivalNumber: z.number().int().nullable() }),
);

export const registerReportQuerySchema = z.strictObject({
  from: isoDateSchema,
  to: isoDateSchema,
  format: z.enum(['xlsx', 'pdf', 'json']).default('xlsx'),
  secret: z.stringbool().default(false),
});

export const documentTypeSchema = z.object({
  code: z.string(),
  name: z.string(),
  abbreviation: z.string().nullable(),
  legal: z.boolean(),
});
