import { z } from 'zod';
import { isoDateTimeSchema, uuidSchema } from '../common/primitives.contract.js';

export const auditEventSchema = z.object({
  id: z.number().int(),
  chain: z.string(),
  seq: z.number().int(),
  occurredAt: isoDateTimeSchema,
  type: z.string(),
  actor: z.object({ id: uuidSchema, name: z.string() }).nullable(),
  onBehalfOf: z.object({ id: uuidSchema, name: z.string() }).nullable(),
  agencyId: uuidSchema.nullable(),
  subjectType: z.string().nullable(),
  subjectId: z.string().nullable(),
  data: z.record(z.string(), z.unknown()),
});
export const auditListQuerySchema = z.strictObject({
  subjectType: z.string().optional(),
  subjectId: z.string().optional(),
  type: z.string().optional(),
  limit: z.coerce.number().int().min(1).max(500).default(100),
  beforeId: z.coerce.number().int().optional(),
});
export const auditListResponseSchema = z.object({ items: z.array(auditEventSchema) });
