import type { Certificate } from '@vanban/contracts';
import { eq } from 'drizzle-orm';
import type { Db } from '../../platform/db/database.js';
import { users } from '../identity/identity.tables.js';
import { agencyVersions } from '../organizations/organizations.tables.js';
import type { CertificateRow, SignatureImageRow } from './signatures.repository.js';
import { and, isNull } from 'drizzle-orm';

async function ownerName(
  db: Db,
  row: { ownerKind: string; userId: string | null; agencyId: string },
) {
  if (row.ownerKind === 'user' && row.userId) {
    const [u] = await db.select({ n: users.fullName }).from(users).where(eq(users.id, row.userId));
    return u?.n ?? '';
  }
  const [a] = await db
    .select({ n: agencyVersions.name })
    .from(agencyVersions)
    .where(and(eq(agencyVersions.agencyId, row.agencyId), isNull(agencyVersions.validTo)));
  return a?.n ?? '';
}

export async function presentCertificate(
  db: Db,
  row: CertificateRow,
  now: Date,
): Promise<Certificate> {
  return {
    id: row.id,
    owner: {
      kind: row.ownerKind,
      id: row.ownerKind === 'user' ? row.userId! : row.agencyId,
      name: await ownerName(db, row),
    },
    subject: row.subject,
    issuer: row.issuer,
    serialNumber: row.serialNumber,
    validFrom: row.validFrom.toISOString(),
    validTo: row.validTo.toISOString(),
    expired: row.validTo.getTime() < now.getTime(),
    demo: row.demo,
    active: row.active,
    createdAt: row.createdAt.toISOString(),
  };
}

export function presentImage(row: SignatureImageRow) {
  return {
    id: row.id,
    owner: { kind: row.ownerKind, id: row.ownerKind === 'user' ? row.userId! : row.agencyId },
    kind: row.kind,
    width: row.width,
    height: row.height,
    demo: row.demo,
    createdAt: row.createdAt.toISOString(),
  };
}
