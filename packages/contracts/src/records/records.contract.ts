import { z } from 'zod';
import { isoDateSchema, isoDateTimeSchema, uuidSchema } from '../common/primitives.contract.js';
import {
  personRefSchema,
  secrecySchema,
  unitRefLiteSchema,
  urgencySchema,
} from '../incoming/incoming.contract.js';

/**
 * Work records (hồ sơ công việc), Decree 30/2020 Art. 28–31 and Appendix V; record metadata of
 * Appendix VI Part II §III. A record is opened from the agency's yearly records catalogue (or ad
 * hoc), collects incoming and outgoing documents, is closed when the work is done and is then
 * transferred to the agency archive, which locks it.
 */

export const recordStateValues = ['open', 'closed', 'archived'] as const;
export const recordStateSchema = z.enum(recordStateValues);
export type RecordState = z.infer<typeof recordStateSchema>;

export const recordItemKindValues = ['incoming', 'outgoing'] as const;
export const recordItemKindSchema = z.enum(recordItemKindValues);
export type RecordItemKind = z.infer<typeof recordItemKindSchema>;

/** Appendix V §I.2: numbers run through the whole catalogue or restart under each top heading. */
export const catalogueNumberingValues = ['per_heading', 'continuous'] as const;
export const catalogueNumberingSchema = z.enum(catalogueNumberingValues);

/** Retention (thời hạn bảo quản): permanent or a number of years (Appendix V §I.4). */
export const retentionSchema = z.union([z.literal('permanent'), z.number().int().min(1).max(99)]);
export type Retention = z.infer<typeof retentionSchema>;

/**
 * Record number and notation (FileNotation, App. VI §III item 1.3, at most 20 characters), e.g.
 * `01.TCCB`: letters, digits, dots and hyphens, so the record code stays one dotted token.
 */
export const recordNotationSchema = z
  .string()
  .trim()
  .min(1)
  .max(20)
  .regex(/^[\p{L}\p{N}]+(?:[.-][\p{L}\p{N}]+)*$/u, 'letters and digits separated by . or -');

/** Abbreviation of a top heading, as in `01.TCCB`. */
export const headingAbbreviationSchema = z
  .string()
  .trim()
  .min(1)
  .max(10)
  .regex(/^[\p{Lu}\p{N}]+$/u, 'upper-case letters and digits');

const yearSchema = z.coerce.number().int().min(2000).max(2100);
const text = (max: number) => z.string().trim().min(1).max(max);

// ---------------------------------------------------------------------------------------------
// Catalogue (Danh mục hồ sơ)

export const catalogueQuerySchema = z.strictObject({
  year: yearSchema.optional(),
  /** Another agency's catalogue (admins of a parent agency); default the actor's agency. */
  agencyId: uuidSchema.optional(),
});

export const createCatalogueBodySchema = z.strictObject({
  year: yearSchema,
  numbering: catalogueNumberingSchema.default('per_heading'),
  /** The decision approving it ("Kèm theo Quyết định số … ngày … của …"), Art. 28. */
  approvalRef: z.string().trim().max(300).optional(),
  /** Copy the headings and entries of an earlier year's catalogue. */
  copyFromYear: yearSchema.optional(),
});

export const createHeadingBodySchema = z.strictObject({
  year: yearSchema,
  /** A sub-heading's top heading; top headings are numbered I, II, III… */
  parentId: uuidSchema.optional(),
  /** Required for top headings: the `TCCB` of `01.TCCB`. */
  abbreviation: headingAbbreviationSchema.optional(),
  title: text(500),
  /** Place among its siblings (1 = first); default last. */
  position: z.number().int().min(1).max(999).optional(),
});

export const createEntryBodySchema = z.strictObject({
  year: yearSchema,
  headingId: uuidSchema,
  /** Default: the next number (per top heading or through the catalogue, as it numbers). */
  number: z.number().int().min(1).max(999).optional(),
  title: text(500),
  retention: retentionSchema,
  creatorUnitId: uuidSchema.optional(),
  creatorUserId: uuidSchema.optional(),
  notes: z.string().trim().max(1000).optional(),
});

export const catalogueHeadingSchema = z.object({
  id: uuidSchema,
  parentId: uuidSchema.nullable(),
  /** `I`, `II`… for top headings, `1`, `2`… for sub-headings. */
  numeral: z.string(),
  abbreviation: z.string().nullable(),
  title: z.string(),
  position: z.number().int(),
});

export const catalogueEntrySchema = z.object({
  id: uuidSchema,
  headingId: uuidSchema,
  number: z.number().int(),
  notation: z.string(),
  title: z.string(),
  retention: retentionSchema,
  /** As App. VI writes it: `Vĩnh viễn` or `10 năm`. */
  maintenance: z.string(),
  creatorUnit: unitRefLiteSchema.nullable(),
  creatorUser: personRefSchema.nullable(),
  notes: z.string().nullable(),
  /** The record opened from this entry, if any. */
  recordId: uuidSchema.nullable(),
});

export const catalogueSchema = z.object({
  id: uuidSchema,
  agency: z.object({ id: uuidSchema, code: z.string(), name: z.string() }),
  year: z.number().int(),
  numbering: catalogueNumberingSchema,
  approvalRef: z.string().nullable(),
  headings: z.array(catalogueHeadingSchema),
  entries: z.array(catalogueEntrySchema),
  /** Appendix V §II: "… hồ sơ, gồm … bảo quản vĩnh viễn; … có thời hạn". */
  counts: z.object({
    total: z.number().int(),
    permanent: z.number().int(),
    limited: z.number().int(),
  }),
});
export type Catalogue = z.infer<typeof catalogueSchema>;

export const catalogueResponseSchema = z.object({
  year: z.number().int(),
  agencyId: uuidSchema,
  canManage: z.boolean(),
  catalogue: catalogueSchema.nullable(),
});
export type CatalogueResponse = z.infer<typeof catalogueResponseSchema>;

// ---------------------------------------------------------------------------------------------
// Records

const recordOptionalFields = {
  startDate: isoDateSchema.optional(),
  description: z.string().trim().max(500).optional(),
  /** Chế độ sử dụng (App. VI §III item 4). */
  rights: z.string().trim().max(30).optional(),
  language: z.string().trim().min(1).max(50).optional(),
  secrecy: secrecySchema.optional(),
  /** Capital construction records: archive due 3 months after settlement (Art. 30 §2a). */
  construction: z.boolean().optional(),
};

/** Open a record: from a catalogue entry, or ad hoc with its own title and notation (Art. 29 §2c). */
export const openRecordBodySchema = z.union([
  z.strictObject({ entryId: uuidSchema, ...recordOptionalFields }),
  z.strictObject({
    title: text(500),
    notation: recordNotationSchema,
    retention: retentionSchema.optional(),
    /** FileCatalog: default the year of the start date. */
    year: yearSchema.optional(),
    ...recordOptionalFields,
  }),
]);
export type OpenRecordBody = z.infer<typeof openRecordBodySchema>;

export const updateRecordBodySchema = z.strictObject({
  title: text(500).optional(),
  notation: recordNotationSchema.optional(),
  retention: retentionSchema.optional(),
  rights: z.string().trim().max(30).nullable().optional(),
  language: z.string().trim().min(1).max(50).optional(),
  startDate: isoDateSchema.optional(),
  endDate: isoDateSchema.nullable().optional(),
  description: z.string().trim().max(500).nullable().optional(),
  construction: z.boolean().optional(),
});
export type UpdateRecordBody = z.infer<typeof updateRecordBodySchema>;

/** Closing may fill what is still missing in the same step (Art. 29 §4b, §4d). */
export const closeRecordBodySchema = z.strictObject({
  title: text(500).optional(),
  retention: retentionSchema.optional(),
  endDate: isoDateSchema.optional(),
  description: z.string().trim().max(500).optional(),
});
export const reopenRecordBodySchema = z.strictObject({ reason: text(2000) });
export const archiveRecordBodySchema = z.strictObject({
  note: z.string().trim().max(2000).optional(),
});

export const addRecordItemBodySchema = z.strictObject({
  kind: recordItemKindSchema,
  documentId: uuidSchema,
});
export const reorderRecordItemsBodySchema = z.union([
  /** Every item of the record, in the new order. */
  z.strictObject({ itemIds: z.array(uuidSchema).min(1).max(2000) }),
  /** Chronological: by document date, then by when it was added. */
  z.strictObject({ by: z.literal('date') }),
]);

export const recordListQuerySchema = z.strictObject({
  year: yearSchema.optional(),
  state: recordStateSchema.optional(),
  q: z.string().trim().min(1).max(200).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  offset: z.coerce.number().int().min(0).max(100000).default(0),
});
export type RecordListQuery = z.infer<typeof recordListQuerySchema>;

export const recordSummarySchema = z.object({
  id: uuidSchema,
  /** `OrganId.FileCatalog.FileNotation`, e.g. `000.00.00.H26.2026.01.TCCB`. */
  code: z.string(),
  organId: z.string(),
  year: z.number().int(),
  notation: z.string(),
  title: z.string(),
  maintenance: z.string().nullable(),
  state: recordStateSchema,
  secrecy: secrecySchema,
  agencyId: uuidSchema,
  creator: personRefSchema,
  creatorUnit: unitRefLiteSchema.nullable(),
  startDate: isoDateSchema.nullable(),
  endDate: isoDateSchema.nullable(),
  docTotal: z.number().int(),
  closedAt: isoDateTimeSchema.nullable(),
  /** Set at closing: every document received, handled and issued in the system. */
  processedOnline: z.boolean().nullable(),
  /** Transfer to the agency archive due by (Art. 30 §2); null when not required. */
  archiveDueDate: isoDateSchema.nullable(),
  /** Closed, not yet transferred and due within 30 days (App. VI §III.5) or overdue. */
  archiveDueSoon: z.boolean(),
  archiveOverdue: z.boolean(),
  archivedAt: isoDateTimeSchema.nullable(),
});
export type RecordSummary = z.infer<typeof recordSummarySchema>;

export const recordListResponseSchema = z.object({
  items: z.array(recordSummarySchema),
  total: z.number().int(),
});

/** A document in a record with the Appendix VI Part II §I / §II fields. */
export const recordDocumentSchema = z.object({
  state: z.string(),
  reference: z.string().nullable(),
  docType: z.string(),
  typeName: z.string(),
  codeNumber: z.string().nullable(),
  codeNotation: z.string().nullable(),
  issuedDate: isoDateSchema.nullable(),
  organName: z.string(),
  subject: z.string(),
  language: z.string(),
  pageAmount: z.number().int().nullable(),
  description: z.string().nullable(),
  signer: z.object({ position: z.string().nullable(), fullName: z.string() }).nullable(),
  urgency: urgencySchema,
  secrecy: secrecySchema,
  dueDate: isoDateSchema.nullable(),
  /** Incoming only. */
  source: z.string().nullable(),
  arrivalDate: isoDateSchema.nullable(),
  arrivalNumber: z.number().int().nullable(),
  /** Incoming: units and people it was given to (ToPlaces). */
  toPlaces: z.string().nullable(),
  /** Outgoing: recipients (To) and their count (IssuedAmount). */
  to: z.array(z.object({ organId: z.string().nullable(), organName: z.string() })),
  /** Whether a main PDF goes into the exported record. */
  hasPdf: z.boolean(),
});

export const recordItemSchema = z.object({
  id: uuidSchema,
  ordinal: z.number().int(),
  kind: recordItemKindSchema,
  documentId: uuidSchema,
  addedBy: personRefSchema,
  addedAt: isoDateTimeSchema,
  document: recordDocumentSchema,
});
export type RecordItem = z.infer<typeof recordItemSchema>;

export const recordDetailSchema = recordSummarySchema.extend({
  rights: z.string().nullable(),
  language: z.string(),
  description: z.string().nullable(),
  construction: z.boolean(),
  catalogueEntry: z
    .object({ id: uuidSchema, notation: z.string(), headingTitle: z.string() })
    .nullable(),
  pageTotal: z.number().int(),
  openedAt: isoDateTimeSchema,
  closedBy: personRefSchema.nullable(),
  archivedBy: personRefSchema.nullable(),
  reopenReason: z.string().nullable(),
  /** Why a closed record is not processed online: the items received or issued on paper. */
  onlineBasis: z
    .object({
      offline: z.array(
        z.object({ itemId: uuidSchema, kind: recordItemKindSchema, reason: z.string() }),
      ),
    })
    .nullable(),
  items: z.array(recordItemSchema),
  /** What the viewer may do now: edit, add_item, remove_item, reorder, close, reopen, archive. */
  actions: z.array(z.string()),
});
export type RecordDetail = z.infer<typeof recordDetailSchema>;

export const dueForArchiveResponseSchema = z.object({
  items: z.array(recordSummarySchema.extend({ daysLeft: z.number().int() })),
});

/** Stable problem codes of the records module. */
export const recordsErrorCodes = {
  notFound: 'records.not_found',
  forbidden: 'records.forbidden',
  invalidTransition: 'records.invalid_transition',
  locked: 'records.locked',
  codeTaken: 'records.code_taken',
  closeIncomplete: 'records.close_incomplete',
  catalogueNotFound: 'records.catalogue_not_found',
  catalogueExists: 'records.catalogue_exists',
  headingInvalid: 'records.heading_invalid',
  entryInvalid: 'records.entry_invalid',
  entryOpened: 'records.entry_already_opened',
  documentNotFound: 'records.document_not_found',
  documentNotEligible: 'records.document_not_eligible',
  documentAlreadyInRecord: 'records.document_already_in_record',
  secretNeedsOwner: 'records.secret_needs_owner',
  itemNotFound: 'records.item_not_found',
  reorderInvalid: 'records.reorder_invalid',
  datesInvalid: 'records.dates_invalid',
  // Field problems listed by records.close_incomplete (each `errors[].code`):
  empty: 'records.empty',
  itemNotCompleted: 'records.item_not_completed',
  itemNotIssued: 'records.item_not_issued',
  metadataMissing: 'records.metadata_missing',
  endBeforeStart: 'records.end_before_start',
  endInFuture: 'records.end_in_future',
} as const;
