import { z } from 'zod';
import {
  isoDateSchema,
  isoDateTimeSchema,
  roleSchema,
  uuidSchema,
} from '../common/primitives.contract.js';

export const loginBodySchema = z.strictObject({
  username: z.string().trim().min(1).max(100),
  password: z.string().min(1).max(200),
  /** Six-digit TOTP code, required when the account has the second factor enabled. */
  totp: z
    .string()
    .regex(/^\d{6}$/)
    .optional(),
});
export type LoginBody = z.infer<typeof loginBodySchema>;

export const agencyRefSchema = z.object({
  id: uuidSchema,
  code: z.string(),
  name: z.string(),
});
export const unitRefSchema = z.object({
  id: uuidSchema,
  agencyId: uuidSchema,
  code: z.string(),
  name: z.string(),
});

export const roleAssignmentSchema = z.object({
  id: uuidSchema,
  role: roleSchema,
  agency: agencyRefSchema,
  unit: unitRefSchema.nullable(),
});
export const positionSchema = z.object({
  id: uuidSchema,
  title: z.string(),
  agency: agencyRefSchema,
  unit: unitRefSchema.nullable(),
});

export const delegationSchema = z.object({
  id: uuidSchema,
  fromUser: z.object({ id: uuidSchema, username: z.string(), fullName: z.string() }),
  toUser: z.object({ id: uuidSchema, username: z.string(), fullName: z.string() }),
  agency: agencyRefSchema,
  roles: z.array(roleSchema),
  validFrom: isoDateSchema,
  validTo: isoDateSchema,
  note: z.string().nullable(),
  revokedAt: isoDateTimeSchema.nullable(),
});
export type Delegation = z.infer<typeof delegationSchema>;

export const meResponseSchema = z.object({
  user: z.object({
    id: uuidSchema,
    username: z.string(),
    fullName: z.string(),
    email: z.string().nullable(),
    totpEnabled: z.boolean(),
  }),
  agency: agencyRefSchema,
  units: z.array(unitRefSchema),
  positions: z.array(positionSchema),
  roles: z.array(roleAssignmentSchema),
  /** Delegations in force today: given by this user and received by this user. */
  delegations: z.object({
    given: z.array(delegationSchema),
    received: z.array(delegationSchema),
  }),
  /** The delegation this request acts under (header `X-On-Behalf-Of`), if any. */
  actingFor: z.object({ id: uuidSchema, fullName: z.string() }).nullable(),
  auth: z.object({
    method: z.enum(['session', 'token']),
    /** Echo of the CSRF token to send as `X-CSRF-Token` on cookie-authenticated writes. */
    csrfToken: z.string().nullable(),
    expiresAt: isoDateTimeSchema.nullable(),
  }),
});
export type MeResponse = z.infer<typeof meResponseSchema>;

export const loginResponseSchema = meResponseSchema;

export const totpSetupResponseSchema = z.object({
  secret: z.string(),
  otpauthUrl: z.string(),
});
export const totpCodeBodySchema = z.strictObject({ code: z.string().regex(/^\d{6}$/) });

export const tokenScopeValues = ['read', 'write', 'admin'] as const;
export const tokenScopeSchema = z.enum(tokenScopeValues);
export type TokenScope = z.infer<typeof tokenScopeSchema>;

export const createTokenBodySchema = z.strictObject({
  name: z.string().trim().min(1).max(100),
  scopes: z.array(tokenScopeSchema).min(1),
  expiresAt: isoDateTimeSchema.optional(),
});
export const apiTokenSchema = z.object({
  id: uuidSchema,
  name: z.string(),
  scopes: z.array(tokenScopeSchema),
  prefix: z.string(),
  createdAt: isoDateTimeSchema,
  lastUsedAt: isoDateTimeSchema.nullable(),
  expiresAt: isoDateTimeSchema.nullable(),
  revokedAt: isoDateTimeSchema.nullable(),
});
export const createTokenResponseSchema = z.object({
  token: apiTokenSchema,
  /** The secret, shown once. Send as `Authorization: Bearer <secret>`. */
  secret: z.string(),
});
export const tokenListResponseSchema = z.object({ items: z.array(apiTokenSchema) });

export const createDelegationBodySchema = z.strictObject({
  toUserId: uuidSchema,
  agencyId: uuidSchema.optional(),
  roles: z.array(roleSchema).min(1).optional(),
  validFrom: isoDateSchema,
  validTo: isoDateSchema,
  note: z.string().trim().max(500).optional(),
});
export const delegationListResponseSchema = z.object({ items: z.array(delegationSchema) });

export const changePasswordBodySchema = z.strictObject({
  currentPassword: z.string().min(1),
  newPassword: z.string().min(10).max(200),
});
