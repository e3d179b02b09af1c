import type { SecretBox } from '../../platform/crypto/tokens.js';
import type { Db } from '../../platform/db/database.js';
import { Pkcs12Signer, type Signer } from '../../platform/signing/index.js';
import { signaturesErrors } from './signatures.errors.js';
import * as repo from './signatures.repository.js';
import type { Owner } from './signatures.repository.js';

/**
 * The key to sign with now: the owner's active certificate, refused when it has expired or is not
 * valid yet (Decree 30 Art. 13: a signature made outside the certificate's validity has no value).
 */
export async function loadSigner(
  db: Db,
  secretBox: SecretBox,
  owner: Owner,
  now: Date,
): Promise<{ signer: Signer; certificateId: string }> {
  const row = await repo.activeCertificate(db, owner);
  if (!row) throw signaturesErrors.certificateMissing(ownerText(owner));
  if (row.validTo.getTime() < now.getTime() || row.validFrom.getTime() > now.getTime())
    throw signaturesErrors.certificateExpired(
      `Valid ${row.validFrom.toISOString()} – ${row.validTo.toISOString()}`,
    );
  const signer = Pkcs12Signer.fromPkcs12(
    secretBox.open(row.pkcs12Sealed),
    secretBox.open(row.passwordSealed).toString('utf8'),
  );
  return { signer, certificateId: row.id };
}

/** The owner's signature image (person) or seal (agency), as PNG bytes. */
export async function loadImage(db: Db, owner: Owner, kind: 'signature' | 'seal'): Promise<Buffer> {
  const row = await repo.activeImage(db, owner, kind);
  if (!row) throw signaturesErrors.imageMissing(`${ownerText(owner)} has no ${kind} image`);
  return Buffer.from(row.pngBase64, 'base64');
}

function ownerText(owner: Owner): string {
  return owner.kind === 'user' ? `User ${owner.userId}` : `Agency ${owner.agencyId}`;
}
