import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { PGlite } from '@electric-sql/pglite';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import { unaccent } from '@electric-sql/pglite/contrib/unaccent';
import type { Logger, SQL } from 'drizzle-orm';
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

export type DatabaseOptions = (
  | { driver: 'postgres'; url: string; poolSize?: number }
  | { driver: 'pglite'; dataDir: string | null }
) & {
  /** Called with every statement drizzle sends (tests count the statements of a request). */
  onQuery?: (sql: string, params: unknown[]) => void;
};

export const migrationsFolder = fileURLToPath(new URL('../../../migrations', import.meta.url));

// Raw queries return the same JS types on both drivers: numbers for int8, strings for dates.
const INT8 = 20;
const DATE = 1082;
const NUMERIC = 1700;
pg.types.setTypeParser(INT8, (v) => Number(v));
pg.types.setTypeParser(DATE, (v) => v);
pg.types.setTypeParser(NUMERIC, (v) => Number(v));

function queryLogger(options: DatabaseOptions): Logger | false {
  const onQuery = options.onQuery;
  return onQuery ? { logQuery: (sql, params) => onQuery(sql, params) } : false;
}

export async function openDatabase(options: DatabaseOptions): Promise<Database> {
  if (options.driver === 'postgres') {
    const pool = new pg.Pool({
      connectionString: options.url,
      max: options.poolSize ?? 10,
      // No JIT compilation: no statement of this OLTP app runs long enough to win back the
      // compile time, which PostgreSQL's default `jit = on` spent on every plan estimated above
      // `jit_above_cost` (docs/performance.md, finding 4). PGlite is built without JIT. Behind
      // PgBouncer, list `options` in its `ignore_startup_parameters` and set `jit = off` in
      // postgresql.conf instead.
      options: '-c jit=off',
    });
    // An idle connection dropped by the server (restart, failover) must not crash the process;
    // the pool replaces it on the next checkout.
    pool.on('error', (error) => {
      process.emitWarning(`PostgreSQL idle connection lost: ${error.message}`);
    });
    const db = drizzlePg(pool, { logger: queryLogger(options) });
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
    const db = drizzlePglite(client, { logger: queryLogger(options) });
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
