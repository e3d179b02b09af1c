import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { PGlite } from '@electric-sql/pglite';
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

export interface HubDatabase {
  db: Db;
  driver: DbDriver;
  /** Applies pending migrations (idempotent). */
  migrate: () => Promise<void>;
  close: () => Promise<void>;
}

export type HubDatabaseOptions =
  | { driver: 'postgres'; url: string; poolSize?: number }
  /** `dataDir: null` = in memory (tests). */
  | { driver: 'pglite'; dataDir: string | null };

export const migrationsFolder = fileURLToPath(new URL('../../migrations', import.meta.url));
// Own bookkeeping table, so the hub may share a PostgreSQL database with a Vanban server.
const migrationConfig = {
  migrationsFolder,
  migrationsTable: '__hub_migrations',
  migrationsSchema: 'drizzle',
};

export async function openHubDatabase(options: HubDatabaseOptions): Promise<HubDatabase> {
  if (options.driver === 'postgres') {
    const pool = new pg.Pool({ connectionString: options.url, max: options.poolSize ?? 10 });
    pool.on('error', (error) => {
      process.emitWarning(`PostgreSQL idle connection lost: ${error.message}`);
    });
    const db = drizzlePg(pool);
    return {
      db,
      driver: 'postgres',
      migrate: () => migratePg(db, migrationConfig),
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
      postgresqlconf: ['max_wal_size = 64MB', 'min_wal_size = 32MB'],
    });
    const db = drizzlePglite(client);
    return {
      db,
      driver: 'pglite',
      migrate: () => migratePglite(db, migrationConfig),
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
