import type { ImportCertificateBody, signatureImageBodySchema } from '@vanban/contracts';
import { eq } from 'drizzle-orm';
import { type z } from 'zod';
import type { AppDependencies } from '../../app/dependencies.js';
import { newId } from '../../platform/db/ids.js';
import { commonErrors } from '../../platform/errors/app-error.js';
import {
  DEMO_ORGANIZATION,
  describePng,
  Pkcs12Signer,
  SigningError,
} from '../../platform/signing/index.js';
import { recordAuditEvent } from '../audit/index.js';
import { users } from '../identity/identity.tables.js';
import { auditActorOf, hasRole, isAdmin, type Actor, type RequestMeta } from '../identity/index.js';
import { signaturesErrors } from './signatures.errors.js';
import { presentCertificate, presentImage } from './signatures.presenters.js';
import * as repo from './signatures.repository.js';
import type { Owner } from './signatures.repository.js';

type Deps = Pick<AppDependencies, 'db' | 'clock' | 'secretBox'>;
type OwnerInput = ImportCertificateBody['owner'];

/**
 * Whose certificate or image: a person manages their own; an agency's are managed by its clerks
 * (the văn thư keeps the agency's token, Decree 30 Art. 16) and its leaders; admins manage all.
 */
function resolveOwner(actor: Actor, input: OwnerInput): Owner {
  if (input.kind === 'user') {
    const userId = input.userId ?? actor.userId;
    if (userId !== actor.userId && !isAdmin(actor)) throw commonErrors.forbidden();
    // The person's agency is filled from the row for admins acting on others, below.
    return { kind: 'user', userId, agencyId: actor.agencyId };
  }
  const allowed =
    isAdmin(actor) ||
    hasRole(actor, 'clerk', input.agencyId) ||
    hasRole(actor, 'leader', input.agencyId);
  if (!allowed) throw commonErrors.forbidden();
  return { kind: 'agency', agencyId: input.agencyId };
}

async function ownerAgency(deps: Deps, owner: Owner): Promise<Owner> {
  if (owner.kind === 'agency') return owner;
  const [u] = await deps.db
    .select({ agencyId: users.agencyId })
    .from(users)
    .where(eq(users.id, owner.userId));
  if (!u) throw commonErrors.notFound('Unknown user');
  return { ...owner, agencyId: u.agencyId };
}

/** Imports a PKCS#12: opened with its password first (wrong password → 422, nothing stored). */
export async function importCertificate(
  deps: Deps,
  actor: Actor,
  meta: RequestMeta,
  body: ImportCertificateBody,
) {
  const owner = await ownerAgency(deps, resolveOwner(actor, body.owner));
  const bytes = Buffer.from(body.pkcs12, 'base64');
  const info = Pkcs12Signer.fromPkcs12(bytes, body.password).describe();
  const now = deps.clock.now();
  if (info.validTo.getTime() < now.getTime())
    throw signaturesErrors.certificateExpired(`Expired on ${info.validTo.toISOString()}`);
  const row = {
    id: newId(),
    ownerKind: owner.kind,
    userId: owner.kind === 'user' ? owner.userId : null,
    agencyId: owner.agencyId,
    subject: info.subject,
    issuer: info.issuer,
    serialNumber: info.serialNumber,
    validFrom: info.validFrom,
    validTo: info.validTo,
    pkcs12Sealed: deps.secretBox.seal(bytes),
    passwordSealed: deps.secretBox.seal(body.password),
    demo: info.organization === DEMO_ORGANIZATION,
    active: true,
    createdBy: actor.userId,
    createdAt: now,
  };
  await deps.db.transaction(async (tx) => {
    await repo.insertCertificate(tx, row, owner);
    await recordAuditEvent(tx, {
      type: 'certificates.imported',
      actor: auditActorOf(actor),
      agencyId: owner.agencyId,
      subject: { type: 'certificate', id: row.id },
      data: {
        owner,
        subject: info.subject,
        serialNumber: info.serialNumber,
        validTo: info.validTo,
      },
      occurredAt: now,
      ip: meta.ip,
      requestId: meta.requestId,
    });
  });
  return presentCertificate(deps.db, row, now);
}

const visibleFilter = (actor: Actor) =>
  isAdmin(actor)
    ? null
    : { userId: actor.userId, agencyIds: [...new Set(actor.roles.map((r) => r.agencyId))] };

export async function listCertificates(deps: Deps, actor: Actor) {
  const rows = await repo.listCertificates(deps.db, visibleFilter(actor));
  const now = deps.clock.now();
  return { items: await Promise.all(rows.map((r) => presentCertificate(deps.db, r, now))) };
}

export async function deactivateCertificate(
  deps: Deps,
  actor: Actor,
  meta: RequestMeta,
  id: string,
) {
  const row = await repo.findCertificate(deps.db, id);
  if (!row) throw signaturesErrors.notFound();
  resolveOwner(
    actor,
    row.ownerKind === 'user'
      ? { kind: 'user', userId: row.userId! }
      : { kind: 'agency', agencyId: row.agencyId },
  );
  const now = deps.clock.now();
  await deps.db.transaction(async (tx) => {
    await repo.setCertificateActive(tx, id, false);
    await recordAuditEvent(tx, {
      type: 'certificates.deactivated',
      actor: auditActorOf(actor),
      agencyId: row.agencyId,
      subject: { type: 'certificate', id },
      data: { serialNumber: row.serialNumber },
      occurredAt: now,
      ip: meta.ip,
      requestId: meta.requestId,
    });
  });
  return presentCertificate(deps.db, { ...row, active: false }, now);
}

export async function uploadSignatureImage(
  deps: Deps,
  actor: Actor,
  meta: RequestMeta,
  body: z.infer<typeof signatureImageBodySchema>,
) {
  const owner = await ownerAgency(deps, resolveOwner(actor, body.owner));
  const png = Buffer.from(body.png, 'base64');
  const { width, height } = pngSize(png);
  const now = deps.clock.now();
  const row = {
    id: newId(),
    ownerKind: owner.kind,
    userId: owner.kind === 'user' ? owner.userId : null,
    agencyId: owner.agencyId,
    kind: body.kind,
    pngBase64: png.toString('base64'),
    width,
    height,
    demo: false,
    active: true,
    createdBy: actor.userId,
    createdAt: now,
  };
  await deps.db.transaction(async (tx) => {
    await repo.insertImage(tx, row, owner);
    await recordAuditEvent(tx, {
      type: 'signature_images.uploaded',
      actor: auditActorOf(actor),
      agencyId: owner.agencyId,
      subject: { type: 'signature_image', id: row.id },
      data: { owner, kind: body.kind, width, height },
      occurredAt: now,
      ip: meta.ip,
      requestId: meta.requestId,
    });
  });
  return presentImage(row);
}

export async function listSignatureImages(deps: Deps, actor: Actor) {
  return { items: (await repo.listImages(deps.db, visibleFilter(actor))).map(presentImage) };
}

/** The PNG, to whoever may list it. */
export async function signatureImageContent(deps: Deps, actor: Actor, id: string) {
  const row = await repo.findImage(deps.db, id);
  const filter = visibleFilter(actor);
  const visible =
    row &&
    (!filter ||
      row.userId === filter.userId ||
      (row.ownerKind === 'agency' && filter.agencyIds.includes(row.agencyId)));
  if (!visible) throw commonErrors.notFound('Signature image not found');
  return Buffer.from(row.pngBase64, 'base64');
}

/** Decree 30 App. I: signature images and seals are PNG with a transparent background. */
function pngSize(png: Buffer): { width: number; height: number } {
  let info: ReturnType<typeof describePng>;
  try {
    info = describePng(png);
  } catch (error) {
    throw new SigningError('signing.image_invalid', 'Not a PNG image', error);
  }
  if (!info.transparentBackground)
    throw new SigningError('signing.image_invalid', 'The background must be transparent');
  return { width: info.width, height: info.height };
}
