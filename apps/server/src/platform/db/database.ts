import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { PGlite } from '@electric-sql/pglite';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import { unaccent } from '@electric-sql/pglite/contrib/unaccent';
import type { SQL } from 'drizzle-orm';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import { drizzle as drizzlePg } from 'drizzle-orm/node-postgres';
import { migrate as migratePg } from 'drizzle-orm/node-postgres/migrator';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import pg from 'pg';
import { acquireDataDirLock } from './lockfile.js';

export type DbDriver = 'pglite' | 'postgres';
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- the schema type is erased; queries use table objects
export type Db = PgDatabase<PgQueryResultHKT, any>;

export interface Database {
  db: Db;
  driver: DbDriver;
  /** Apply pending migrations (idempotent). */
  migrate: () => Promise<void>;
  close: () => Promise<void>;
}

export type DatabaseOptions =
  | { driver: 'postgres'; url: string; poolSize?: number }
  | { driver: 'pglite'; dataDir: string | null };

export const migrationsFolder = fileURLToPath(new URL('../../../migrations', import.meta.url));

// Raw queries return the same JS types on both drivers: numbers for int8, strings for dates.
const INT8 = 20;
const DATE = 1082;
const NUMERIC = 1700;
pg.types.setTypeParser(INT8, (v) => Number(v));
pg.types.setTypeParser(DATE, (v) => v);
pg.types.setTypeParser(NUMERIC, (v) => Number(v));

export async function openDatabase(options: DatabaseOptions): Promise<Database> {
  if (options.driver === 'postgres') {
    const pool = new pg.Pool({ connectionString: options.url, max: options.poolSize ?? 10 });
    // An idle connection dropped by the server (restart, failover) must not crash the process;
    // the pool replaces it on the next checkout.
    pool.on('error', (error) => {
      process.emitWarning(`PostgreSQL idle connection lost: ${error.message}`);
    });
    const db = drizzlePg(pool);
    return {
      db,
      driver: 'postgres',
      migrate: () => migratePg(db, { migrationsFolder }),
      close: () => pool.end(),
    };
  }
  let lock: { release: () => void } | null = null;
  if (options.dataDir !== null) {
    fs.mkdirSync(options.dataDir, { recursive: true });
    lock = acquireDataDirLock(options.dataDir);
  }
  try {
    const client = await PGlite.create({
      ...(options.dataDir !== null ? { dataDir: path.join(options.dataDir, 'pglite') } : {}),
      extensions: { unaccent, pg_trgm },
      parsers: {
        [INT8]: (v: string) => Number(v),
        [DATE]: (v: string) => v,
        [NUMERIC]: (v: string) => Number(v),
      },
      // Keeps the directory small (639 → 287 MB in stack-notes §1).
      postgresqlconf: ['max_wal_size = 64MB', 'min_wal_size = 32MB'],
    });
    const db = drizzlePglite(client);
    return {
      db,
      driver: 'pglite',
      migrate: () => migratePglite(db, { migrationsFolder }),
      close: async () => {
        try {
          await client.close();
        } finally {
          lock?.release();
        }
      },
    };
  } catch (error) {
    lock?.release();
    throw error;
  }
}

/** Rows of a raw SQL query, the same shape on both drivers. */
export async function queryRows<T>(db: Db, query: SQL): Promise<T[]> {
  const result = (await db.execute(query)) as unknown as { rows: T[] };
  return result.rows;
}
