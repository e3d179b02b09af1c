/** Programmatic API: build, start and stop a hub (the CLI's `serve` and the tests use it). */
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { FastifyBaseLogger, FastifyInstance } from 'fastify';
import { openHubDatabase, type Db, type HubDatabase } from './db/database.js';
import type { LogLevel } from './config.js';
import { Semaphore, buildHubApp, type HubContext } from './server.js';
import { createSecretBox, loadOrCreateSecretKey, parseSecretKey } from './secrets.js';
import {
  addSystem,
  listSystems,
  removeSystem,
  setAgency,
  updateSystem,
  type AgencyInfo,
  type SystemInfo,
  type SystemInput,
  type SystemUpdate,
} from './systems.js';
import { readPacket, tracePacket, type PacketTrace } from './packets.js';

export interface HubOptions {
  /** PGlite data directory; `null` or absent (without `databaseUrl`) = in memory. */
  dataDir?: string | null;
  /** PostgreSQL URL instead of PGlite. */
  databaseUrl?: string;
  /** 32 bytes (Buffer, hex or base64). Default: `<dataDir>/secret.key`, or random in memory. */
  secretKey?: Buffer | string;
  port?: number;
  /** Default 127.0.0.1 (the CLI's `serve` uses HUB_HOST, default 0.0.0.0). */
  host?: string;
  /** Path prefix of the operations, e.g. `/vxp` (default none). */
  basePath?: string;
  /** Largest packet accepted (default 100 MB). */
  maxPacketBytes?: number;
  /** Accepted clock distance of nonce-bearing requests (default 5 min). */
  timestampWindowMs?: number;
  /** Oldest timestamp accepted without a nonce; null (default) = any. */
  sdkTimestampMaxAgeMs?: number | null;
  /** Most items per list answer (default 500). */
  listLimit?: number;
  /** Packets parsed and stored at once (default 2). */
  maxConcurrentPackets?: number;
  /** Where request bodies are spooled (default `<dataDir>/tmp`, else the OS temp dir). */
  tmpDir?: string;
  /** Log level (default `silent`) or a pino-compatible logger. */
  logger?: LogLevel | FastifyBaseLogger;
  /** Systems registered at start (skipped when the id already exists). */
  systems?: SystemInput[];
  /** Clock (tests). */
  now?: () => Date;
}

export interface Hub {
  app: FastifyInstance;
  db: Db;
  database: HubDatabase;
  addSystem(input: SystemInput): Promise<SystemInfo>;
  updateSystem(input: SystemUpdate): Promise<SystemInfo>;
  removeSystem(id: string): Promise<void>;
  listSystems(): Promise<SystemInfo[]>;
  setAgency(input: {
    code: string;
    name?: string;
    parentCode?: string | null;
    mail?: string | null;
  }): Promise<AgencyInfo>;
  /** Trace of a packet by its DocId or a receiver's docId (null when unknown). */
  trace(id: string): Promise<PacketTrace | null>;
  /** The stored bytes of a packet (by DocId). */
  packetBytes(packetId: string): Promise<Buffer>;
  close(): Promise<void>;
}

export interface RunningHub extends Hub {
  /** Base URL, e.g. `http://127.0.0.1:40123` (plus the base path). */
  url: string;
  port: number;
}

/** A spooled body untouched for this long belongs to no request: its hub was killed mid-upload. */
const STALE_SPOOL_MS = 3600_000;

/**
 * With a given tmpDir (PostgreSQL: `<HUB_DATA_DIR>/tmp`, possibly shared by several hubs on one
 * database) a killed hub's half-written bodies would stay forever; another hub's upload in flight
 * is being written, so only `.part` files idle for an hour are removed.
 */
export function removeStaleSpools(tmpDir: string, now = Date.now()): void {
  let names: string[];
  try {
    names = fs.readdirSync(tmpDir);
  } catch {
    return;
  }
  for (const name of names) {
    if (!name.endsWith('.part')) continue;
    const file = path.join(tmpDir, name);
    try {
      if (now - fs.statSync(file).mtimeMs > STALE_SPOOL_MS) fs.rmSync(file, { force: true });
    } catch {
      // Removed meanwhile by its own request: nothing to do.
    }
  }
}

/** Opens the database (migrating it) and builds the app without listening. */
export async function createHub(options: HubOptions = {}): Promise<Hub> {
  const dataDir = options.dataDir ?? null;
  const database = await openHubDatabase(
    options.databaseUrl
      ? { driver: 'postgres', url: options.databaseUrl }
      : { driver: 'pglite', dataDir },
  );
  try {
    await database.migrate();
    const key =
      options.secretKey === undefined
        ? dataDir !== null
          ? loadOrCreateSecretKey(dataDir)
          : randomBytes(32)
        : Buffer.isBuffer(options.secretKey)
          ? options.secretKey
          : parseSecretKey(options.secretKey);
    const box = createSecretBox(key);
    const now = options.now ?? (() => new Date());
    const maxPacketBytes = options.maxPacketBytes ?? 100 * 1024 * 1024;
    const tmpDir =
      options.tmpDir ??
      (dataDir !== null ? path.join(dataDir, 'tmp') : path.join(os.tmpdir(), 'vanban-hub'));
    // Bodies left by a crash are never stored; clear them.
    if (dataDir !== null && options.tmpDir === undefined)
      fs.rmSync(tmpDir, { recursive: true, force: true });
    else removeStaleSpools(tmpDir);
    const ctx: HubContext = {
      auth: {
        db: database.db,
        box,
        now,
        settings: {
          timestampWindowMs: options.timestampWindowMs ?? 300_000,
          sdkTimestampMaxAgeMs: options.sdkTimestampMaxAgeMs ?? null,
        },
        nonceState: { lastPurge: 0 },
      },
      packets: { db: database.db, now, listLimit: options.listLimit ?? 500, maxPacketBytes },
      tmpDir,
      packetSlots: new Semaphore(options.maxConcurrentPackets ?? 2),
    };
    const registry = { db: database.db, box, now };
    const existing = new Set((await listSystems(database.db)).map((s) => s.id));
    for (const system of options.systems ?? []) {
      if (!existing.has(system.id)) await addSystem(registry, system);
    }
    const logger = options.logger ?? 'silent';
    const app = await buildHubApp(ctx, {
      basePath: (options.basePath ?? '').replace(/\/$/, ''),
      logger: typeof logger === 'string' ? { level: logger } : logger,
    });
    let closed = false;
    return {
      app,
      db: database.db,
      database,
      addSystem: (input) => addSystem(registry, input),
      updateSystem: (input) => updateSystem(registry, input),
      removeSystem: (id) => removeSystem(database.db, id),
      listSystems: () => listSystems(database.db),
      setAgency: (input) => setAgency(database.db, input),
      trace: (id) => tracePacket(database.db, id),
      packetBytes: (id) => readPacket(database.db, id),
      close: async () => {
        if (closed) return;
        closed = true;
        try {
          await app.close();
        } finally {
          await database.close();
        }
      },
    };
  } catch (error) {
    await database.close();
    throw error;
  }
}

/** Creates a hub and listens: `startHub({ port: 0 })` in tests, then `hub.url`. */
export async function startHub(options: HubOptions = {}): Promise<RunningHub> {
  const hub = await createHub(options);
  try {
    await hub.app.listen({ port: options.port ?? 0, host: options.host ?? '127.0.0.1' });
  } catch (error) {
    await hub.close();
    throw error;
  }
  const address = hub.app.server.address();
  const port = typeof address === 'object' && address ? address.port : (options.port ?? 0);
  const host = options.host ?? '127.0.0.1';
  const shownHost =
    host === '0.0.0.0' || host === '::' ? '127.0.0.1' : host.includes(':') ? `[${host}]` : host;
  return {
    ...hub,
    url: `http://${shownHost}:${port}${(options.basePath ?? '').replace(/\/$/, '')}`,
    port,
  };
}
