import pg from 'pg';
import { openDatabase } from '../../apps/server/src/platform/db/database.js';

export const DEFAULT_DATABASE_URL = 'postgres://postgres@127.0.0.1:5432/vanban_bench';

/** The URL of another database on the same server (for create/drop through `postgres`). */
export function withDatabase(url: string, name: string): string {
  const u = new URL(url);
  u.pathname = `/${name}`;
  return u.toString();
}

export function databaseName(url: string): string {
  const name = decodeURIComponent(new URL(url).pathname.replace(/^\//, ''));
  if (!/^[a-z_][a-z0-9_]*$/.test(name))
    throw new Error(`Database name "${name}" must be lower-case letters, digits and _`);
  return name;
}

async function adminQuery(url: string, statement: string): Promise<void> {
  const admin = new pg.Client({ connectionString: withDatabase(url, 'postgres') });
  await admin.connect();
  try {
    await admin.query(statement);
  } finally {
    await admin.end();
  }
}

/** Drops (if asked) and creates the database named in `url`. */
export async function recreateDatabase(url: string): Promise<void> {
  const name = databaseName(url);
  await adminQuery(url, `drop database if exists ${name} with (force)`);
  await adminQuery(url, `create database ${name}`);
}

export async function dropDatabase(url: string): Promise<void> {
  await adminQuery(url, `drop database if exists ${databaseName(url)} with (force)`);
}

/** The app's own startup migrator: the schema is exactly what the server would create. */
export async function migrateWithApp(url: string): Promise<void> {
  const database = await openDatabase({ driver: 'postgres', url, poolSize: 2 });
  try {
    await database.migrate();
  } finally {
    await database.close();
  }
}

/** A pool whose idle connections may be dropped (database dropped, server restart) without a crash. */
export function benchPool(url: string, max: number): pg.Pool {
  const pool = new pg.Pool({ connectionString: url, max });
  pool.on('error', (error) => console.error(`[pg] idle connection lost: ${error.message}`));
  return pool;
}
