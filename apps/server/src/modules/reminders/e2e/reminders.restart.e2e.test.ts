import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { and, eq, sql } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { backendsUnderTest } from '../../../../test/database.js';
import { testConfig } from '../../../../test/test-app.js';
import { buildDependencies, type AppDependencies } from '../../../app/dependencies.js';
import { buildJobHandlers } from '../../../app/jobs.js';
import { buildServer } from '../../../app/server.js';
import { fixedClock } from '../../../platform/clock/clock.js';
import { openDatabase, type Database, type DbDriver } from '../../../platform/db/database.js';
import { jobs } from '../../../platform/jobs/jobs.tables.js';
import { drainJobs } from '../../../platform/jobs/jobs.worker.js';
import { seedDemoCity } from '../../../seed/demo-city.seed.js';
import { SCAN_JOB, startReminderScans } from '../index.js';
import { assignedDocument, count, reminderRows, vn } from './reminders.fixtures.js';

/** A database that outlives the app: a PGlite data directory, or a database on the server. */
async function durableDatabase(driver: DbDriver) {
  if (driver === 'pglite') {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'vanban-reminders-'));
    return {
      open: async () => {
        const database = await openDatabase({ driver: 'pglite', dataDir: dir });
        await database.migrate();
        return database;
      },
      drop: async () => fs.rmSync(dir, { recursive: true, force: true }),
    };
  }
  const adminUrl = inject('postgresUrl')!;
  const name = `${inject('testDatabasePrefix')}${randomBytes(6).toString('hex')}`;
  const admin = async (statement: string) => {
    const client = new pg.Client({ connectionString: adminUrl });
    await client.connect();
    await client.query(statement);
    await client.end();
  };
  await admin(`create database ${name}`);
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return {
    open: async () => {
      const database = await openDatabase({ driver: 'postgres', url: url.toString(), poolSize: 5 });
      await database.migrate();
      return database;
    },
    // The run's teardown (test/global-setup.ts) drops it with the other test databases.
    drop: async () => {},
  };
}

interface Running {
  database: Database;
  deps: AppDependencies;
  app: FastifyInstance;
  clock: ReturnType<typeof fixedClock>;
}

/**
 * Restarts: the reminder scan runs as the server runs it (queued at startup, a durable job);
 * between runs the app and the database are closed and opened again on the same data.
 */
describe.each(backendsUnderTest())('reminders across restarts on %s', (driver) => {
  let store: Awaited<ReturnType<typeof durableDatabase>>;
  let running: Running | null = null;
  const config = testConfig();

  async function start(at: string, seed = false): Promise<Running> {
    const clock = fixedClock(vn(at));
    const database = await store.open();
    const deps = buildDependencies(config, database, clock);
    if (seed) await seedDemoCity(deps);
    const app = await buildServer(deps, { logger: false });
    running = { database, deps, app, clock };
    return running;
  }
  async function stop(): Promise<void> {
    if (!running) return;
    await running.app.close();
    await running.database.close();
    running = null;
  }
  /** What main.ts does at startup, then the worker running every due job. */
  async function bootAndWork(r: Running) {
    await startReminderScans(r.deps);
    return drainJobs({ db: r.database.db, clock: r.clock, handlers: buildJobHandlers(r.deps) });
  }
  const pendingScans = (r: Running) =>
    r.database.db
      .select({ runAt: jobs.runAt, dedupeKey: jobs.dedupeKey })
      .from(jobs)
      .where(and(eq(jobs.kind, SCAN_JOB), eq(jobs.state, 'queued')));

  beforeAll(async () => {
    store = await durableDatabase(driver);
    // Seed once, as a first start would.
    await start('2026-04-20T08:00:00', true);
    await stop();
  }, 240_000);
  afterAll(async () => {
    await stop();
    await store?.drop();
    fs.rmSync(config.dataDir, { recursive: true, force: true });
  });

  it('sends no reminder twice after a restart, and catches up the one due while it was down', async () => {
    // First run: the document is assigned on 20/4, due Monday 4/5; on 24/4 the 3-day reminder.
    let r = await start('2026-04-20T09:00:00');
    const doc = await assignedDocument(
      { app: r.app, db: r.database.db, clock: r.clock },
      { at: '2026-04-20T09:00:00', due: '2026-05-04', lead: 'chuyenvien.snv' },
    );
    r.clock.set(vn('2026-04-24T09:00:00'));
    await bootAndWork(r);
    const after1 = await reminderRows(r.database.db, [doc.leadAssignmentId]);
    expect(after1.map((x) => `${x.on_date} ${x.kind}`)).toEqual(['2026-04-24 before']);
    const notes1 = await count(r.database.db, 'notifications', sql`kind like 'reminder.%'`);
    expect(notes1).toBe(1);
    // The scan queued its next run, one slot (15 minutes) later, once.
    expect((await pendingScans(r)).map((j) => j.runAt.toISOString())).toEqual([
      vn('2026-04-24T09:15:00').toISOString(),
    ]);
    await stop();

    // Restarted the same morning: the startup scan and the queued one find nothing new.
    r = await start('2026-04-24T09:20:00');
    await bootAndWork(r);
    expect(await reminderRows(r.database.db, [doc.leadAssignmentId])).toHaveLength(1);
    expect(await count(r.database.db, 'notifications', sql`kind like 'reminder.%'`)).toBe(notes1);
    expect(await pendingScans(r)).toHaveLength(1);
    // Starting twice within one slot (two processes) leaves one pending scan.
    await startReminderScans(r.deps);
    await startReminderScans(r.deps);
    expect(await pendingScans(r)).toHaveLength(2); // this slot's and the next one
    await stop();

    // Down over 28 and 29/4 (the 1-day reminder fell on 29/4); back on 30/4, a holiday.
    r = await start('2026-04-30T09:00:00');
    await bootAndWork(r);
    await bootAndWork(r);
    const after3 = await reminderRows(r.database.db, [doc.leadAssignmentId]);
    expect(after3.map((x) => `${x.on_date} ${x.kind}`)).toEqual([
      '2026-04-24 before',
      '2026-04-29 before',
    ]);
    expect(after3[1]!.title).toMatch(/^Còn 1 ngày làm việc đến hạn 04\/05\/2026/);
    expect(await count(r.database.db, 'notifications', sql`kind like 'reminder.%'`)).toBe(2);
    await stop();

    // Back on the due date: one due-day reminder however often the scan runs.
    r = await start('2026-05-04T08:30:00');
    await bootAndWork(r);
    r.clock.set(vn('2026-05-04T08:45:00'));
    await bootAndWork(r);
    expect((await reminderRows(r.database.db, [doc.leadAssignmentId])).map((x) => x.kind)).toEqual([
      'before',
      'before',
      'due',
    ]);
    await stop();
    // On-disk PGlite opens and migrates slowly on a busy machine: four starts.
  }, 240_000);
});
