import { signatureStatusValues } from '@vanban/contracts';
import {
  boolean,
  index,
  integer,
  jsonb,
  pgEnum,
  pgTable,
  text,
  timestamp,
  uuid,
} from 'drizzle-orm/pg-core';
import { files } from '../files/files.tables.js';
import { users } from '../identity/identity.tables.js';
import { agencies } from '../organizations/organizations.tables.js';

export const signingOwnerKind = pgEnum('signing_owner_kind', ['user', 'agency']);

/**
 * Signing certificates (chứng thư số) of people and agencies. The PKCS#12 and its password are
 * sealed with the configured secret key (AES-GCM): a copied database holds no usable key.
 */
export const certificates = pgTable(
  'certificates',
  {
    id: uuid('id').primaryKey(),
    ownerKind: signingOwnerKind('owner_kind').notNull(),
    /** The person, for personal certificates. */
    userId: uuid('user_id').references(() => users.id),
    /** The agency itself, or the person's agency. */
    agencyId: uuid('agency_id')
      .notNull()
      .references(() => agencies.id),
    subject: text('subject').notNull(),
    issuer: text('issuer').notNull(),
    serialNumber: text('serial_number').notNull(),
    validFrom: timestamp('valid_from', { withTimezone: true }).notNull(),
    validTo: timestamp('valid_to', { withTimezone: true }).notNull(),
    pkcs12Sealed: text('pkcs12_sealed').notNull(),
    passwordSealed: text('password_sealed').notNull(),
    demo: boolean('demo').notNull().default(false),
    active: boolean('active').notNull().default(true),
    createdBy: uuid('created_by').references(() => users.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    index('certificates_user_idx').on(t.userId, t.active),
    index('certificates_agency_idx').on(t.agencyId, t.ownerKind, t.active),
  ],
);

export const signatureImageKind = pgEnum('signature_image_kind', ['signature', 'seal']);

/** The visible part of a signature: a person's signature (blue) or an agency's seal (red). */
export const signatureImages = pgTable(
  'signature_images',
  {
    id: uuid('id').primaryKey(),
    ownerKind: signingOwnerKind('owner_kind').notNull(),
    userId: uuid('user_id').references(() => users.id),
    agencyId: uuid('agency_id')
      .notNull()
      .references(() => agencies.id),
    kind: signatureImageKind('kind').notNull(),
    /** PNG bytes, base64 (a few KB to a few hundred KB). */
    pngBase64: text('png_base64').notNull(),
    width: integer('width').notNull(),
    height: integer('height').notNull(),
    demo: boolean('demo').notNull().default(false),
    active: boolean('active').notNull().default(true),
    createdBy: uuid('created_by').references(() => users.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    index('signature_images_user_idx').on(t.userId, t.kind, t.active),
    index('signature_images_agency_idx').on(t.agencyId, t.ownerKind, t.kind, t.active),
  ],
);

/** Root certificates whose chains count as trusted (besides those configured by file). */
export const trustAnchors = pgTable('trust_anchors', {
  id: uuid('id').primaryKey(),
  name: text('name').notNull(),
  certificatePem: text('certificate_pem').notNull(),
  demo: boolean('demo').notNull().default(false),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
});

export const signatureStatus = pgEnum('signature_status', signatureStatusValues);

/** What our verifier found in a file's PDF signatures, checked when the file arrived. */
export const fileSignatureChecks = pgTable('file_signature_checks', {
  fileId: uuid('file_id')
    .primaryKey()
    .references(() => files.id),
  status: signatureStatus('status').notNull(),
  checks: jsonb('checks').notNull(),
  checkedAt: timestamp('checked_at', { withTimezone: true }).notNull(),
});
