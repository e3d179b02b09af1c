import { z } from 'zod';
import { roleSchema, uuidSchema } from '../common/primitives.contract.js';

/** A colleague, for pickers (present to a leader, assign, re-assign). */
export const personSchema = z.object({
  id: uuidSchema,
  fullName: z.string(),
  agencyId: uuidSchema,
  positions: z.array(z.string()),
  roles: z.array(z.object({ role: roleSchema, unitId: uuidSchema.nullable() })),
});
export type Person = z.infer<typeof personSchema>;

export const peopleQuerySchema = z.strictObject({
  agencyId: uuidSchema.optional(),
  unitId: uuidSchema.optional(),
  /** Holders of any of these roles, comma-separated: `leader,deputy`. */
  roles: z
    .string()
    .transform((s) => s.split(',').filter(Boolean))
    .pipe(z.array(roleSchema).min(1))
    .optional(),
  q: z.string().trim().min(1).max(100).optional(),
  limit: z.coerce.number().int().min(1).max(500).default(200),
});

export const peopleResponseSchema = z.object({ items: z.array(personSchema) });
