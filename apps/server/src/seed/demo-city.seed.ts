import { count, eq } from 'drizzle-orm';
import type { AppDependencies } from '../app/dependencies.js';
import { vietnamDate } from '../platform/clock/clock.js';
import { newId } from '../platform/db/ids.js';
import { recordAuditEvent } from '../modules/audit/index.js';
import { hashPassword, insertPosition, insertRole } from '../modules/identity/index.js';
import { users } from '../modules/identity/identity.tables.js';
import {
  createUnit,
  findVersionByCode,
  importDirectory,
  listUnits,
} from '../modules/organizations/index.js';
import { seedDemoPki } from '../modules/signatures/index.js';
import { DEMO_PASSWORD, demoAgencies, demoUnits, demoUsers } from './demo-city.data.js';

type SeedDeps = Pick<AppDependencies, 'db' | 'clock' | 'secretBox'>;

export async function isDatabaseEmpty(deps: SeedDeps): Promise<boolean> {
  const [row] = await deps.db.select({ n: count() }).from(users);
  return (row?.n ?? 0) === 0;
}

/**
 * Seeds the demo city; safe to run twice (the directory import is idempotent, users are skipped).
 * `pki: false` skips the demo certificates and images (tests that do not sign save ~2 s).
 */
export async function seedDemoCity(
  deps: SeedDeps,
  options: { pki?: boolean } = {},
): Promise<{ users: number; certificates: number }> {
  const system = null;
  await importDirectory(
    { ...deps, actor: system },
    { format: 'json', content: JSON.stringify(demoAgencies), dryRun: false },
  );
  const today = vietnamDate(deps.clock.now());
  // Inside a transaction always query through `tx`: PGlite has one connection, and a query on the
  // outer handle would wait for the transaction forever.
  const agencyId = async (code: string, db = deps.db) => {
    const v = await findVersionByCode(db, code, today);
    if (!v) throw new Error(`demo agency ${code} missing`);
    return v.agencyId;
  };
  for (const u of demoUnits) {
    const id = await agencyId(u.agency);
    if ((await listUnits(deps.db, id)).some((x) => x.code === u.code)) continue;
    await createUnit({ ...deps, actor: system }, id, {
      code: u.code,
      name: u.name,
      validFrom: '2025-07-01',
    });
  }
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  let created = 0;
  await deps.db.transaction(async (tx) => {
    for (const u of demoUsers) {
      const existing = await tx
        .select({ id: users.id })
        .from(users)
        .where(eq(users.username, u.username));
      if (existing.length > 0) continue;
      const agency = await agencyId(u.agency, tx);
      const unitsOfAgency = await listUnits(tx, agency);
      const unitId = (code?: string) =>
        code ? (unitsOfAgency.find((x) => x.code === code)?.id ?? null) : null;
      const id = newId();
      const now = deps.clock.now();
      await tx.insert(users).values({
        id,
        username: u.username,
        fullName: u.fullName,
        email: `${u.username}@demo.vanban.vn`,
        agencyId: agency,
        passwordHash,
        createdAt: now,
        updatedAt: now,
      });
      for (const r of u.roles)
        await insertRole(tx, {
          id: newId(),
          userId: id,
          role: r.role,
          agencyId: agency,
          unitId: unitId(r.unit),
        });
      if (u.position)
        await insertPosition(tx, {
          id: newId(),
          userId: id,
          title: u.position.title,
          agencyId: agency,
          unitId: unitId(u.position.unit),
        });
      await recordAuditEvent(tx, {
        type: 'users.created',
        actor: null,
        agencyId: agency,
        subject: { type: 'user', id },
        data: { username: u.username, via: 'seed demo' },
        occurredAt: now,
      });
      created++;
    }
  });
  const pki = options.pki === false ? { certificates: 0 } : await seedDemoPki(deps);
  return { users: created, certificates: pki.certificates };
}
