import { z } from 'zod';
import { isoDateSchema, uuidSchema } from '../common/primitives.contract.js';

export const successionKindValues = ['merged_into', 'split_into', 'part_transferred_to'] as const;
export const successionKindSchema = z.enum(successionKindValues);
export type SuccessionKind = z.infer<typeof successionKindSchema>;

export const agencyLevelSchema = z.number().int().min(1).max(4);

/**
 * Tier of an agency for the city's dashboards and per-level targets: the city's People's
 * Committee, a department (sở, ban, văn phòng and the like), a district (quận/huyện/thị xã/
 * thành phố thuộc tỉnh — abolished on 1 July 2025), a commune (phường/xã/thị trấn/đặc khu), other.
 * Derived from the name and level on import when not given.
 */
export const agencyTierValues = ['city', 'department', 'district', 'commune', 'other'] as const;
export const agencyTierSchema = z.enum(agencyTierValues);
export type AgencyTier = z.infer<typeof agencyTierSchema>;

export const agencyContactSchema = z.object({
  address: z.string().nullable(),
  email: z.string().nullable(),
  phone: z.string().nullable(),
  website: z.string().nullable(),
});

/** One period of an agency's life: names, codes and parents are never changed in place. */
export const agencyVersionSchema = agencyContactSchema.extend({
  code: z.string(),
  name: z.string(),
  shortName: z.string().nullable(),
  level: agencyLevelSchema,
  tier: agencyTierSchema,
  parentId: uuidSchema.nullable(),
  validFrom: isoDateSchema,
  /** Exclusive: the first day the version no longer applies; null while current. */
  validTo: isoDateSchema.nullable(),
});

export const successionSchema = z.object({
  kind: successionKindSchema,
  agencyId: uuidSchema,
  code: z.string(),
  name: z.string(),
  effectiveDate: isoDateSchema,
});

export const agencySchema = agencyVersionSchema.extend({
  id: uuidSchema,
  parentCode: z.string().nullable(),
  successors: z.array(successionSchema),
  predecessors: z.array(successionSchema),
});
export type Agency = z.infer<typeof agencySchema>;

export const agencyDetailSchema = agencySchema.extend({
  history: z.array(agencyVersionSchema),
  units: z.array(
    z.object({
      id: uuidSchema,
      code: z.string(),
      name: z.string(),
      parentUnitId: uuidSchema.nullable(),
      validFrom: isoDateSchema,
      validTo: isoDateSchema.nullable(),
    }),
  ),
});

export const agencyListQuerySchema = z.strictObject({
  asOf: isoDateSchema.optional(),
  q: z.string().trim().max(200).optional(),
  parentId: uuidSchema.optional(),
  level: z.coerce.number().int().min(1).max(4).optional(),
  tier: agencyTierSchema.optional(),
  includeClosed: z.stringbool().optional(),
  limit: z.coerce.number().int().min(1).max(1000).default(200),
});
export const agencyListResponseSchema = z.object({
  asOf: isoDateSchema,
  items: z.array(agencySchema),
});

export const agencyAsOfQuerySchema = z.strictObject({ asOf: isoDateSchema.optional() });

/** A row of the directory exchange format (CSV columns and JSON objects share these names). */
export const agencyImportRowSchema = z.strictObject({
  code: z.string().trim().min(1),
  name: z.string().trim().min(1).max(300),
  short_name: z.string().trim().max(50).optional(),
  level: z.coerce.number().int().min(1).max(4),
  /** Derived from the name and level when absent (see `agencyTierSchema`). */
  tier: agencyTierSchema.optional(),
  parent_code: z.string().trim().optional(),
  address: z.string().trim().max(500).optional(),
  email: z.string().trim().max(200).optional(),
  phone: z.string().trim().max(50).optional(),
  website: z.string().trim().max(200).optional(),
  valid_from: isoDateSchema.optional(),
  valid_to: isoDateSchema.optional(),
  /** `kind:code[@date]` entries separated by `;`, e.g. `split_into:H26.02.05@2025-07-01`. */
  successors: z.string().trim().optional(),
});
export type AgencyImportRow = z.infer<typeof agencyImportRowSchema>;

export const agencyImportBodySchema = z.strictObject({
  format: z.enum(['csv', 'json']),
  /** CSV text, or JSON text holding an array of rows. */
  content: z.string().min(1),
  dryRun: z.boolean().default(false),
});
export const agencyImportReportSchema = z.object({
  dryRun: z.boolean(),
  rows: z.number().int(),
  created: z.number().int(),
  newVersions: z.number().int(),
  updated: z.number().int(),
  unchanged: z.number().int(),
  successionsAdded: z.number().int(),
});
export type AgencyImportReport = z.infer<typeof agencyImportReportSchema>;
export const agencyImportRowErrorSchema = z.object({
  row: z.number().int(),
  code: z.string().optional(),
  field: z.string().optional(),
  message: z.string(),
});

export const createUnitBodySchema = z.strictObject({
  code: z
    .string()
    .trim()
    .min(1)
    .max(20)
    .regex(/^[\p{Lu}\p{Ll}0-9]+$/u),
  name: z.string().trim().min(1).max(300),
  parentUnitId: uuidSchema.optional(),
  validFrom: isoDateSchema.optional(),
});
export const unitSchema = z.object({
  id: uuidSchema,
  agencyId: uuidSchema,
  code: z.string(),
  name: z.string(),
  parentUnitId: uuidSchema.nullable(),
  validFrom: isoDateSchema,
  validTo: isoDateSchema.nullable(),
});
