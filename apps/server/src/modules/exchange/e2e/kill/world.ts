/**
 * The kill test's set-up: three PostgreSQL databases, Hanoi (A, the demo city with its PKI) and
 * Hà Nam (B, the province with its own PKI), each trusting the other's root, a hub knowing both
 * systems, the three processes ready to start, and one document issued through the whole outgoing
 * workflow (the template of the others).
 */
import { randomBytes } from 'node:crypto';
import path from 'node:path';
import { createHub } from '@vanban/hub';
import pg from 'pg';
import { approvedDraft, issueApproved } from '../../../../../test/outgoing-fixtures.js';
import { addProvince, PROVINCE } from '../../../../../test/province-fixture.js';
import { loginAs, type Session } from '../../../../../test/test-app.js';
import { demoAgencies } from '../../../../seed/demo-city.data.js';
import { seedDemoCity } from '../../../../seed/demo-city.seed.js';
import { importDirectory } from '../../../organizations/index.js';
import { seedDemoPki } from '../../../signatures/index.js';
import {
  createPgDatabase,
  openInstance,
  writeTrustAnchors,
  type Instance,
  type PgDatabase,
} from './instances.js';
import { freePort, ManagedProcess } from './processes.js';

export interface World {
  a: Instance;
  b: Instance;
  /** Hà Nam's clerk, signed in to B's in-process app. */
  clerkB: Session;
  templateId: string;
  processes: { hub: ManagedProcess; a: ManagedProcess; b: ManagedProcess };
  hubQuery<T>(text: string): Promise<T[]>;
  /** Stops the processes and closes the connections; `drop` also removes the databases. */
  close(drop: boolean): Promise<void>;
}

const SYSTEMS = {
  a: { id: 'vanban-hanoi', secret: 'secret-of-hanoi-2026' },
  b: { id: 'vanban-hanam', secret: 'secret-of-hanam-2026' },
};

async function importJson(instance: Instance, rows: unknown[]) {
  await importDirectory(
    { ...instance.deps, actor: null },
    { format: 'json', content: JSON.stringify(rows), dryRun: false },
  );
}

export async function createWorld(adminUrl: string, dir: string): Promise<World> {
  const databases: PgDatabase[] = await Promise.all(
    ['hub', 'a', 'b'].map((role) => createPgDatabase(adminUrl, role)),
  );
  try {
    return await populate(databases, dir);
  } catch (error) {
    await Promise.all(databases.map((d) => d.drop().catch(() => undefined)));
    throw error;
  }
}

async function populate(databases: PgDatabase[], dir: string): Promise<World> {
  const [hubDatabase, aDatabase, bDatabase] = databases as [PgDatabase, PgDatabase, PgDatabase];
  const a = await openInstance(aDatabase.url, path.join(dir, 'a'));
  const b = await openInstance(bDatabase.url, path.join(dir, 'b'));
  await seedDemoCity(a.deps, { pki: true });
  await importJson(a, [
    { code: PROVINCE, name: 'Ủy ban nhân dân tỉnh Hà Nam', level: 1, valid_from: '2008-08-01' },
  ]);
  await addProvince(b.deps);
  await seedDemoPki(b.deps);
  // Hà Nam knows the sender from the national directory (registering needs a known sender).
  await importJson(
    b,
    demoAgencies.filter((x) => ['000.00.00.H26', '000.00.02.H26'].includes(x.code)),
  );
  // Each trusts the other's (demo) root, so every packet's XML signature should check as valid.
  a.env.VANBAN_TRUST_ANCHORS = await writeTrustAnchors(b, path.join(dir, 'b-anchors.pem'));
  b.env.VANBAN_TRUST_ANCHORS = await writeTrustAnchors(a, path.join(dir, 'a-anchors.pem'));

  const hubKey = randomBytes(32);
  const setup = await createHub({ databaseUrl: hubDatabase.url, secretKey: hubKey });
  await setup.addSystem({ ...SYSTEMS.a, agencies: demoAgencies.map((x) => x.code), strict: true });
  await setup.addSystem({ ...SYSTEMS.b, agencies: [PROVINCE], strict: true });
  await setup.close();
  const hubDb = new pg.Client({ connectionString: hubDatabase.url });
  await hubDb.connect();

  const port = await freePort();
  const hubSettings = (s: { id: string; secret: string }) => ({
    VANBAN_HUB_URL: `http://127.0.0.1:${port}`,
    VANBAN_HUB_SYSTEM_ID: s.id,
    VANBAN_HUB_SECRET: s.secret,
    VANBAN_HUB_POLL_SECONDS: '0.2',
  });
  const log = (name: string) => path.join(dir, `${name}.log`);
  const serverBanner = 'Vanban is running at';
  const processes = {
    hub: new ManagedProcess(
      'hub',
      'apps/hub/src/main.ts',
      {
        HUB_DATABASE_URL: hubDatabase.url,
        HUB_SECRET_KEY: hubKey.toString('hex'),
        HUB_PORT: String(port),
        HUB_HOST: '127.0.0.1',
        HUB_DATA_DIR: path.join(dir, 'hub'),
        // info: the log tells which sends were repeats of a packet already stored.
        LOG_LEVEL: 'info',
      },
      'Vanban exchange hub at',
      log('hub'),
    ),
    a: new ManagedProcess(
      'server-A',
      'apps/server/src/main.ts',
      { ...a.env, ...hubSettings(SYSTEMS.a) },
      serverBanner,
      log('server-a'),
    ),
    b: new ManagedProcess(
      'server-B',
      'apps/server/src/main.ts',
      { ...b.env, ...hubSettings(SYSTEMS.b) },
      serverBanner,
      log('server-b'),
    ),
  };

  // One document through the whole outgoing workflow; the other 99 are its copies.
  const drafter = await loginAs(a.app, 'chuyenvien.snv');
  const ctx = { app: a.app, deps: a.deps, database: a.database } as Parameters<
    typeof approvedDraft
  >[0];
  const templateId = await approvedDraft(ctx, drafter, {
    subject: 'Về việc liên thông văn bản điện tử với tỉnh Hà Nam',
    recipients: [{ agencyCode: PROVINCE }],
  });
  await issueApproved(
    a.app,
    { director: await loginAs(a.app, 'giamdoc.snv'), clerk: await loginAs(a.app, 'vanthu.snv') },
    templateId,
  );

  return {
    a,
    b,
    clerkB: await loginAs(b.app, 'vanthu.hnam'),
    templateId,
    processes,
    hubQuery: async <T>(text: string) => (await hubDb.query(text)).rows as T[],
    close: async (drop) => {
      await Promise.all(Object.values(processes).map((p) => p.close()));
      await hubDb.end();
      for (const instance of [a, b]) {
        await instance.app.close();
        await instance.database.close();
      }
      if (drop) await Promise.all(databases.map((d) => d.drop()));
    },
  };
}
