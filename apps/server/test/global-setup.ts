import { randomBytes } from 'node:crypto';
import pg from 'pg';
import type { TestProject } from 'vitest/node';

declare module 'vitest' {
  export interface ProvidedContext {
    postgresUrl: string | null;
    /** Prefix of this run's test databases, dropped together when the run ends. */
    testDatabasePrefix: string;
  }
}

/** PGlite always; PostgreSQL when reachable (TEST_DATABASE_URL or 127.0.0.1:5432). */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const url = process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
  let reachable = false;
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 3000 });
  try {
    await client.connect();
    await client.query('select 1');
    reachable = true;
  } catch {
    // Not reachable: the PostgreSQL backend is skipped (outside CI).
  } finally {
    await client.end().catch(() => undefined);
  }
  if (!reachable && process.env.CI === 'true' && process.env.VANBAN_REQUIRE_POSTGRES !== 'false') {
    throw new Error(
      `PostgreSQL is not reachable at ${url.replace(/\/\/[^@]*@/, '//')} — CI requires both backends`,
    );
  }
  project.provide('postgresUrl', reachable ? url : null);
  const prefix = `vanban_test_${randomBytes(3).toString('hex')}_`;
  project.provide('testDatabasePrefix', prefix);
  process.stdout.write(
    `\nDatabase backends under test: pglite${reachable ? `, postgres (${url.replace(/\/\/[^@]*@/, '//')})` : ' (PostgreSQL not reachable: skipped)'}\n`,
  );
  return async () => {
    if (reachable) await dropRunDatabases(url, prefix);
  };
}

/**
 * Drops the databases this run created. Test files only close their pools: `drop database`
 * waits for a checkpoint, which under a heavy write load on the server (a benchmark seeding)
 * outlasted the 120 s hook timeout — once here, at the end, it delays nobody.
 */
async function dropRunDatabases(url: string, prefix: string): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const { rows } = await client.query<{ datname: string }>(
      `select datname from pg_database where starts_with(datname, $1)`,
      [prefix],
    );
    for (const { datname } of rows)
      await client.query(
        `drop database if exists ${client.escapeIdentifier(datname)} with (force)`,
      );
  } finally {
    await client.end();
  }
}
