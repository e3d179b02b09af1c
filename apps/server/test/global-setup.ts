import pg from 'pg';
import type { TestProject } from 'vitest/node';

declare module 'vitest' {
  export interface ProvidedContext {
    postgresUrl: string | null;
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
  project.provide('postgresUrl', reachable ? url : null);
  process.stdout.write(
    `\nDatabase backends under test: pglite${reachable ? `, postgres (${url.replace(/\/\/[^@]*@/, '//')})` : ' (PostgreSQL not reachable: skipped)'}\n`,
  );
}
