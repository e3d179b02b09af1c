/**
 * The kill test's world: a PostgreSQL database per process (hub, Hanoi = A, Hà Nam = B), each
 * instance's files directory and secret key shared by the test (which prepares data and acts as
 * the clerks) and the server process that runs the exchange.
 */
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { formatDocumentNumber } from '@vanban/edxml';
import { sql } from 'drizzle-orm';
import pg from 'pg';
import { buildDependencies, type AppDependencies } from '../../../../app/dependencies.js';
import { buildServer } from '../../../../app/server.js';
import { systemClock } from '../../../../platform/clock/clock.js';
import { openDatabase, queryRows, type Database } from '../../../../platform/db/database.js';
import { newId } from '../../../../platform/db/ids.js';
import { testConfig } from '../../../../../test/test-app.js';
import { trustAnchors } from '../../../signatures/index.js';

export interface PgDatabase {
  url: string;
  drop(): Promise<void>;
}

/**
 * A new database on the test server (`vanban_kill_<role>_<unix time>_<random>`), dropped
 * (connections cut) at the end; ones an interrupted run left behind for an hour are dropped here.
 */
export async function createPgDatabase(adminUrl: string, role: string): Promise<PgDatabase> {
  const name = `vanban_kill_${role}_${Math.floor(Date.now() / 1000)}_${randomBytes(4).toString('hex')}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  try {
    const { rows } = await admin.query<{ datname: string }>(
      "select datname from pg_database where datname ~ '^vanban_kill_[a-z]+_[0-9]+_[0-9a-f]+$'",
    );
    for (const { datname } of rows)
      if (Number(datname.split('_')[3]) < Date.now() / 1000 - 3600)
        await admin.query(`drop database if exists ${datname} with (force)`);
    await admin.query(`create database ${name}`);
  } finally {
    await admin.end();
  }
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    drop: async () => {
      const dropper = new pg.Client({ connectionString: adminUrl });
      await dropper.connect();
      await dropper.query(`drop database if exists ${name} with (force)`);
      await dropper.end();
    },
  };
}

export interface Instance {
  database: Database;
  deps: AppDependencies;
  app: Awaited<ReturnType<typeof buildServer>>;
  dir: string;
  /** Environment of the instance's server process (without the hub settings). */
  env: NodeJS.ProcessEnv;
}

/** Opens and migrates the instance's database, with the in-process app the test acts through. */
export async function openInstance(url: string, dir: string): Promise<Instance> {
  const database = await openDatabase({ driver: 'postgres', url, poolSize: 4 });
  await database.migrate();
  const config = testConfig({
    dataDir: dir,
    storage: { dir: path.join(dir, 'files') },
    database: { driver: 'postgres', url },
  });
  const deps = buildDependencies(config, database, systemClock);
  const app = await buildServer(deps, { logger: false });
  return {
    database,
    deps,
    app,
    dir,
    env: {
      DATABASE_URL: url,
      VANBAN_DATA_DIR: path.join(dir, 'process'),
      VANBAN_STORAGE_DIR: config.storage.dir,
      VANBAN_SECRET_KEY: config.secretKey.toString('hex'),
      VANBAN_SEED: 'none',
      PORT: '0',
      HOST: '127.0.0.1',
      LOG_LEVEL: 'warn',
    },
  };
}

/** The instance's trust anchors as a PEM file, for the other instance's VANBAN_TRUST_ANCHORS. */
export async function writeTrustAnchors(instance: Instance, file: string): Promise<string> {
  fs.writeFileSync(file, (await trustAnchors(instance.deps.db, null)).join('\n'));
  return file;
}

/**
 * Copies of an issued document queued for the hub, as issuing leaves them: the next numbers of its
 * register, the same signed files, one hub recipient, an outbox row. Issuing a hundred documents
 * through drafting, PAdES signing and sealing would take minutes; issuing is covered by the
 * outgoing tests, and this test is about what happens after the outbox row exists.
 */
export async function cloneIssued(
  instance: Instance,
  templateId: string,
  count: number,
): Promise<string[]> {
  const ids: string[] = [];
  for (let i = 0; i < count; i++) {
    const id = newId();
    await instance.deps.db.transaction(async (tx) => {
      const [t] = await queryRows<{ number: number; rest: string; subject: string }>(
        tx,
        sql`select (select max(number) + 1 from outgoing_documents o where o.register_id = d.register_id
                    ) as number, substring(d.reference from '/.*$') as rest, d.subject
            from outgoing_documents d where d.id = ${templateId} for update`,
      );
      const patch = JSON.stringify({
        id,
        number: t!.number,
        reference: `${formatDocumentNumber(t!.number)}${t!.rest}`,
        subject: `${t!.subject} (đợt ${t!.number})`,
      });
      const copy = (table: string, where: string, extra: string) =>
        sql.raw(`insert into ${table} select (jsonb_populate_record(null::${table},
          to_jsonb(x) || ${extra})).* from ${table} x where x.${where} = '${templateId}'`);
      await tx.execute(
        sql`insert into outgoing_documents select (jsonb_populate_record(null::outgoing_documents,
          to_jsonb(x) || ${patch}::jsonb)).* from outgoing_documents x where x.id = ${templateId}`,
      );
      await tx.execute(copy('outgoing_versions', 'document_id', `'{"document_id":"${id}"}'`));
      await tx.execute(copy('outgoing_version_files', 'document_id', `'{"document_id":"${id}"}'`));
      const recipientId = newId();
      await tx.execute(
        copy(
          'outgoing_recipients',
          'document_id',
          `'{"id":"${recipientId}","document_id":"${id}","status":"queued","status_note":null}'`,
        ),
      );
      await tx.execute(sql`insert into hub_outbox (id, outgoing_id, recipient_id, to_agency_code,
          business_type, state, attempts, created_at)
        select ${newId()}, ${id}, ${recipientId}, o.to_agency_code, 'new', 'queued', 0, now()
        from hub_outbox o where o.outgoing_id = ${templateId} limit 1`);
    });
    ids.push(id);
  }
  return ids;
}
