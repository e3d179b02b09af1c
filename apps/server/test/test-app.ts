import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll } from 'vitest';
import { buildDependencies, type AppDependencies } from '../src/app/dependencies.js';
import { buildServer } from '../src/app/server.js';
import { fixedClock } from '../src/platform/clock/clock.js';
import type { AppConfig } from '../src/platform/config/config.js';
import type { Database, DbDriver } from '../src/platform/db/database.js';
import { seedDemoCity } from '../src/seed/demo-city.seed.js';
import { DEMO_PASSWORD } from '../src/seed/demo-city.data.js';
import { createTestDatabase } from './database.js';

const TEST_DIR_PREFIX = path.join(os.tmpdir(), 'vanban-test-');

/**
 * Each call gets its own temporary data directory (uploads land in `<dir>/files`); useTestApp
 * removes it in afterAll, other callers with removeTestDir.
 */
export function testConfig(overrides: Partial<AppConfig> = {}): AppConfig {
  const dataDir = overrides.dataDir ?? fs.mkdtempSync(TEST_DIR_PREFIX);
  return {
    port: 0,
    host: '127.0.0.1',
    database: { driver: 'pglite', dataDir: '/nonexistent' },
    dataDir,
    seed: 'none',
    secretKey: randomBytes(32),
    session: { ttlMs: 8 * 3600_000, cookieSecure: false },
    login: { maxFailures: 5, lockMs: 15 * 60_000 },
    webDist: '/nonexistent/web-dist',
    storage: { dir: path.join(dataDir, 'files') },
    upload: { maxBytes: 100 * 1024 * 1024 },
    signing: { trustAnchorFile: null },
    hub: null,
    logLevel: 'silent',
    ...overrides,
  };
}

export interface TestContext {
  database: Database;
  deps: AppDependencies;
  app: FastifyInstance;
  clock: ReturnType<typeof fixedClock>;
}

/** Removes a data directory made by testConfig (and nothing else). */
export function removeTestDir(config: AppConfig): void {
  if (config.dataDir.startsWith(TEST_DIR_PREFIX))
    fs.rmSync(config.dataDir, { recursive: true, force: true });
}

/**
 * A fresh database with the demo city and an in-process app, for one describe block; `pki: true`
 * adds the demo certificates and signature images (needed to sign).
 */
export function useTestApp(
  driver: DbDriver,
  options: { seed?: boolean; pki?: boolean; config?: Partial<AppConfig> } = {},
): TestContext {
  const ctx = {} as TestContext;
  beforeAll(async () => {
    ctx.clock = fixedClock(new Date('2026-03-02T02:00:00Z'));
    ctx.database = await createTestDatabase(driver);
    ctx.deps = buildDependencies(testConfig(options.config), ctx.database, ctx.clock);
    if (options.seed !== false) await seedDemoCity(ctx.deps, { pki: options.pki === true });
    ctx.app = await buildServer(ctx.deps, { logger: false });
  });
  afterAll(async () => {
    await ctx.app?.close();
    await ctx.database?.close();
    if (ctx.deps) removeTestDir(ctx.deps.config);
  });
  return ctx;
}

export interface Session {
  cookie: string;
  csrf: string;
  headers: (extra?: Record<string, string>) => Record<string, string>;
}

export async function loginAs(
  app: FastifyInstance,
  username: string,
  password = DEMO_PASSWORD,
): Promise<Session> {
  const res = await app.inject({
    method: 'POST',
    url: '/api/auth/login',
    payload: { username, password },
  });
  if (res.statusCode !== 200)
    throw new Error(`login ${username} failed: ${res.statusCode} ${res.body}`);
  const session = res.cookies.find((c) => c.name === 'vanban_session');
  const csrf = res.cookies.find((c) => c.name === 'vanban_csrf');
  if (!session || !csrf) throw new Error('login set no cookies');
  const cookie = `vanban_session=${session.value}`;
  return {
    cookie,
    csrf: csrf.value,
    headers: (extra = {}) => ({ cookie, 'x-csrf-token': csrf.value, ...extra }),
  };
}

export function json<T = Record<string, unknown>>(res: LightMyRequestResponse): T {
  return JSON.parse(res.body) as T;
}
