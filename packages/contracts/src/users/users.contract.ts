import { z } from 'zod';
import { isoDateTimeSchema, roleSchema, uuidSchema } from '../common/primitives.contract.js';
import {
  agencyRefSchema,
  positionSchema,
  roleAssignmentSchema,
  unitRefSchema,
} from '../auth/auth.contract.js';

export const usernameSchema = z
  .string()
  .trim()
  .min(3)
  .max(64)
  .regex(/^[a-z0-9][a-z0-9._-]*$/, 'lowercase letters, digits, dot, dash, underscore');

export const passwordSchema = z.string().min(10).max(200);

export const userSchema = z.object({
  id: uuidSchema,
  username: z.string(),
  fullName: z.string(),
  email: z.string().nullable(),
  phone: z.string().nullable(),
  agency: agencyRefSchema,
  disabled: z.boolean(),
  totpEnabled: z.boolean(),
  lockedUntil: isoDateTimeSchema.nullable(),
  createdAt: isoDateTimeSchema,
  roles: z.array(roleAssignmentSchema),
  positions: z.array(positionSchema),
  units: z.array(unitRefSchema),
});
export type User = z.infer<typeof userSchema>;

export const createUserBodySchema = z.strictObject({
  username: usernameSchema,
  fullName: z.string().trim().min(1).max(200),
  email: z.email().optional(),
  phone: z.string().trim().max(30).optional(),
  agencyId: uuidSchema,
  password: passwordSchema,
});
export const updateUserBodySchema = z.strictObject({
  fullName: z.string().trim().min(1).max(200).optional(),
  email: z.email().nullable().optional(),
  phone: z.string().trim().max(30).nullable().optional(),
  disabled: z.boolean().optional(),
});
export const resetPasswordBodySchema = z.strictObject({ password: passwordSchema });

export const assignRoleBodySchema = z.strictObject({
  role: roleSchema,
  agencyId: uuidSchema,
  unitId: uuidSchema.optional(),
});
export const assignPositionBodySchema = z.strictObject({
  title: z.string().trim().min(1).max(200),
  agencyId: uuidSchema,
  unitId: uuidSchema.optional(),
});

export const userListQuerySchema = z.strictObject({
  agencyId: uuidSchema.optional(),
  q: z.string().trim().max(100).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  after: z.string().optional(),
});
export const userListResponseSchema = z.object({
  items: z.array(userSchema),
  nextCursor: z.string().nullable(),
});
