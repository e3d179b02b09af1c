import pg from 'pg';
import type { TestProject } from 'vitest/node';

declare module 'vitest' {
  export interface ProvidedContext {
    hubPostgresUrl: string | null;
  }
}

/** PGlite always; PostgreSQL when reachable (TEST_DATABASE_URL or 127.0.0.1:5432). */
export default async function setup(project: TestProject): Promise<void> {
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
  if (reachable) await sweepOldDatabases(url);
  project.provide('hubPostgresUrl', reachable ? url : null);
}

/** Drops hub test databases older than an hour (left by a run whose drop timed out). */
async function sweepOldDatabases(url: string): Promise<void> {
  const client = new pg.Client({ connectionString: url, statement_timeout: 10_000 });
  try {
    await client.connect();
    const { rows } = await client.query<{ datname: string }>(
      "select datname from pg_database where datname ~ '^vanban_hub_test_[0-9]+_[0-9a-f]+$'",
    );
    const cutoff = Date.now() / 1000 - 3600;
    for (const { datname } of rows) {
      const created = Number(datname.split('_')[3]);
      if (created < cutoff) await client.query(`drop database if exists ${datname} with (force)`);
    }
  } catch {
    // Best effort only.
  } finally {
    await client.end().catch(() => undefined);
  }
}
