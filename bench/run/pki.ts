import type pg from 'pg';
import { seedDemoPki } from '../../apps/server/src/modules/signatures/index.js';
import { systemClock } from '../../apps/server/src/platform/clock/clock.js';
import { createSecretBox } from '../../apps/server/src/platform/crypto/tokens.js';
import { openDatabase } from '../../apps/server/src/platform/db/database.js';
import { BENCH_SECRET_KEY } from './server.js';

const SCOPE = 'bench_pki_scope';

/**
 * Demo certificates, signature images and seals (the app's `seedDemoPki`, sealed with the bench
 * server's key) for exactly the people and agencies a benchmark signs as. `seedDemoPki` makes
 * them for every leader, deputy and agency of the instance — thousands in the generated city, at
 * ~0.25 s each — so it runs here on connections whose `search_path` puts a schema of two views
 * first: `user_roles` narrowed to the owners still without a certificate, and an empty
 * `trust_anchors` (its "already done" check; rows inserted through it land in the real table,
 * so each call that issues certificates adds its own demo root CA, trusted like the first).
 */
export async function ensureDemoPki(
  pool: pg.Pool,
  url: string,
  owners: { userIds: string[]; agencyIds: string[] },
  log: (line: string) => void,
): Promise<number> {
  const { rows: have } = await pool.query<{ user_id: string | null; agency_id: string }>(
    `select user_id, agency_id from certificates where active
       and (user_id = any($1::uuid[]) or (owner_kind = 'agency' and agency_id = any($2::uuid[])))`,
    [owners.userIds, owners.agencyIds],
  );
  const users = owners.userIds.filter((u) => !have.some((h) => h.user_id === u));
  const agencies = owners.agencyIds.filter(
    (a) => !have.some((h) => h.user_id === null && h.agency_id === a),
  );
  if (users.length === 0 && agencies.length === 0) return 0;
  await pool.query(`drop schema if exists ${SCOPE} cascade`);
  await pool.query(`create schema ${SCOPE}`);
  await pool.query(
    `create view ${SCOPE}.user_roles as select * from public.user_roles
       where (role in ('leader', 'deputy') and user_id = any('{${users.join(',')}}'::uuid[]))
          or (role = 'clerk' and agency_id = any('{${agencies.join(',')}}'::uuid[]))`,
  );
  await pool.query(
    `create view ${SCOPE}.trust_anchors as select * from public.trust_anchors where false`,
  );
  const scoped = new URL(url);
  scoped.searchParams.set('options', `-c search_path=${SCOPE},public`);
  const database = await openDatabase({ driver: 'postgres', url: scoped.toString(), poolSize: 1 });
  try {
    const started = performance.now();
    const { certificates } = await seedDemoPki({
      db: database.db,
      clock: systemClock,
      secretBox: createSecretBox(Buffer.from(BENCH_SECRET_KEY, 'hex')),
    });
    log(
      `demo PKI: ${certificates} certificates for ${users.length} signers and ${agencies.length} agencies (${((performance.now() - started) / 1000).toFixed(1)} s)`,
    );
    return certificates;
  } finally {
    await database.close();
    await pool.query(`drop schema if exists ${SCOPE} cascade`);
  }
}
