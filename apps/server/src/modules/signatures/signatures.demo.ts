import { sql } from 'drizzle-orm';
import type { AppDependencies } from '../../app/dependencies.js';
import { queryRows } from '../../platform/db/database.js';
import { newId } from '../../platform/db/ids.js';
import {
  createDemoCa,
  demoAgencySeal,
  demoPersonalSignature,
  describeCertificate,
  describePng,
} from '../../platform/signing/index.js';
import * as repo from './signatures.repository.js';
import type { Owner } from './signatures.repository.js';

type Deps = Pick<AppDependencies, 'db' | 'clock' | 'secretBox'>;
const DAY = 24 * 3600 * 1000;

/**
 * The demo city's PKI, made on first start: a DEMO root CA (trusted by this instance only), a
 * certificate and a blue signature image for every leader and deputy, and a certificate and a red
 * seal for every agency with a clerk. Every subject says DEMO — no legal value. Idempotent.
 */
export async function seedDemoPki(deps: Deps): Promise<{ certificates: number }> {
  const [done] = await queryRows<{ n: number }>(
    deps.db,
    sql`select count(*)::int as n from trust_anchors where demo`,
  );
  if ((done?.n ?? 0) > 0) return { certificates: 0 };
  const now = deps.clock.now();
  const ca = createDemoCa({
    validFrom: new Date(now.getTime() - DAY),
    validTo: new Date(now.getTime() + 10 * 365 * DAY),
  });
  const validity = {
    validFrom: new Date(now.getTime() - DAY),
    validTo: new Date(now.getTime() + 3 * 365 * DAY),
  };
  const signers = await queryRows<{
    id: string;
    full_name: string;
    agency_id: string;
    agency: string;
  }>(
    deps.db,
    sql`select distinct u.id, u.full_name, u.agency_id, v.name as agency
        from users u join user_roles r on r.user_id = u.id
        join agency_versions v on v.agency_id = u.agency_id and v.valid_to is null
        where r.role in ('leader', 'deputy') and not u.disabled`,
  );
  const agencies = await queryRows<{ agency_id: string; name: string; address: string | null }>(
    deps.db,
    sql`select distinct r.agency_id, v.name, v.address from user_roles r
        join agency_versions v on v.agency_id = r.agency_id and v.valid_to is null
        where r.role = 'clerk'`,
  );
  let count = 0;
  await deps.db.transaction(async (tx) => {
    await repo.insertTrustAnchor(tx, {
      id: newId(),
      name: 'Vanban DEMO Root CA',
      certificatePem: ca.certificatePem,
      demo: true,
      createdAt: now,
    });
    const keep = async (owner: Owner, commonName: string, unit: string, image: Buffer) => {
      const identity = ca.issue({ commonName, organizationalUnit: unit, ...validity });
      const info = describeCertificate(identity.certificatePem);
      const base = { ownerKind: owner.kind, userId: owner.kind === 'user' ? owner.userId : null };
      await repo.insertCertificate(
        tx,
        {
          id: newId(),
          ...base,
          agencyId: owner.agencyId,
          subject: info.subject,
          issuer: info.issuer,
          serialNumber: info.serialNumber,
          validFrom: info.validFrom,
          validTo: info.validTo,
          pkcs12Sealed: deps.secretBox.seal(identity.pkcs12),
          passwordSealed: deps.secretBox.seal(identity.password),
          demo: true,
          active: true,
          createdAt: now,
        },
        owner,
      );
      const { width, height } = describePng(image);
      await repo.insertImage(
        tx,
        {
          id: newId(),
          ...base,
          agencyId: owner.agencyId,
          kind: owner.kind === 'user' ? 'signature' : 'seal',
          pngBase64: image.toString('base64'),
          width,
          height,
          demo: true,
          active: true,
          createdAt: now,
        },
        owner,
      );
      count++;
    };
    for (const s of signers)
      await keep(
        { kind: 'user', userId: s.id, agencyId: s.agency_id },
        s.full_name,
        s.agency,
        demoPersonalSignature(s.full_name),
      );
    for (const a of agencies)
      await keep({ kind: 'agency', agencyId: a.agency_id }, a.name, a.name, demoAgencySeal(a.name));
  });
  return { certificates: count };
}
