import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';

const repoRoot = fileURLToPath(new URL('../../../../../', import.meta.url));

const envSchema = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().default('0.0.0.0'),
  DATABASE_URL: z.string().optional(),
  VANBAN_DATA_DIR: z.string().optional(),
  VANBAN_SEED: z.enum(['demo', 'none']).default('demo'),
  /** 32 bytes, hex or base64: encrypts secrets at rest. Generated into the data dir when unset. */
  VANBAN_SECRET_KEY: z.string().optional(),
  VANBAN_SESSION_TTL_HOURS: z.coerce.number().positive().default(12),
  VANBAN_COOKIE_SECURE: z.enum(['true', 'false', 'auto']).default('auto'),
  VANBAN_LOGIN_MAX_FAILURES: z.coerce.number().int().min(1).default(5),
  VANBAN_LOGIN_LOCK_MINUTES: z.coerce.number().positive().default(15),
  VANBAN_WEB_DIST: z.string().optional(),
  /** Where uploaded bytes live (content-addressed). Default `<VANBAN_DATA_DIR>/files`. */
  VANBAN_STORAGE_DIR: z.string().optional(),
  VANBAN_MAX_UPLOAD_MB: z.coerce.number().positive().default(100),
  /** PEM file of root certificates whose signatures count as trusted (e.g. the national root CA). */
  VANBAN_TRUST_ANCHORS: z.string().optional(),
  /** The exchange hub (national axis protocol): base URL, this system's id and secret. */
  VANBAN_HUB_URL: z.url().optional(),
  VANBAN_HUB_SYSTEM_ID: z.string().min(1).optional(),
  VANBAN_HUB_SECRET: z.string().min(1).optional(),
  VANBAN_HUB_POLL_SECONDS: z.coerce.number().positive().default(30),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
});

export interface AppConfig {
  port: number;
  host: string;
  database: { driver: 'postgres'; url: string } | { driver: 'pglite'; dataDir: string };
  dataDir: string;
  seed: 'demo' | 'none';
  secretKey: Buffer;
  session: { ttlMs: number; cookieSecure: boolean | 'auto' };
  login: { maxFailures: number; lockMs: number };
  webDist: string;
  storage: { dir: string };
  upload: { maxBytes: number };
  /** Trust list for verifying signatures on received PDFs (besides anchors stored in the DB). */
  signing: { trustAnchorFile: string | null };
  /** Null when no hub is configured: issued documents for outside agencies wait in the outbox. */
  hub: { url: string; systemId: string; secret: string; pollMs: number } | null;
  logLevel: z.infer<typeof envSchema>['LOG_LEVEL'];
}

function resolveDir(dir: string): string {
  // npm runs workspace scripts inside the workspace; INIT_CWD is where the user typed the command.
  return path.resolve(process.env.INIT_CWD ?? process.cwd(), dir);
}

function parseKey(raw: string): Buffer {
  const hex = /^[0-9a-fA-F]{64}$/.test(raw) ? Buffer.from(raw, 'hex') : Buffer.from(raw, 'base64');
  if (hex.length !== 32)
    throw new Error('VANBAN_SECRET_KEY must be 32 bytes (64 hex characters or base64)');
  return hex;
}

function loadOrCreateKey(dataDir: string): Buffer {
  const file = path.join(dataDir, 'secret.key');
  fs.mkdirSync(dataDir, { recursive: true });
  if (!fs.existsSync(file)) {
    fs.writeFileSync(file, randomBytes(32).toString('hex'), { mode: 0o600, flag: 'wx' });
  }
  return parseKey(fs.readFileSync(file, 'utf8').trim());
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): AppConfig {
  const parsed = envSchema.safeParse(env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
    throw new Error(`Invalid configuration:\n  ${lines.join('\n  ')}`);
  }
  const e = parsed.data;
  const dataDir = resolveDir(e.VANBAN_DATA_DIR ?? 'data');
  return {
    port: e.PORT,
    host: e.HOST,
    database: e.DATABASE_URL
      ? { driver: 'postgres', url: e.DATABASE_URL }
      : { driver: 'pglite', dataDir },
    dataDir,
    seed: e.VANBAN_SEED,
    secretKey: e.VANBAN_SECRET_KEY ? parseKey(e.VANBAN_SECRET_KEY) : loadOrCreateKey(dataDir),
    session: {
      ttlMs: e.VANBAN_SESSION_TTL_HOURS * 3600_000,
      cookieSecure: e.VANBAN_COOKIE_SECURE === 'auto' ? 'auto' : e.VANBAN_COOKIE_SECURE === 'true',
    },
    login: {
      maxFailures: e.VANBAN_LOGIN_MAX_FAILURES,
      lockMs: e.VANBAN_LOGIN_LOCK_MINUTES * 60_000,
    },
    webDist: e.VANBAN_WEB_DIST
      ? resolveDir(e.VANBAN_WEB_DIST)
      : path.join(repoRoot, 'apps/web/dist'),
    storage: {
      dir: e.VANBAN_STORAGE_DIR ? resolveDir(e.VANBAN_STORAGE_DIR) : path.join(dataDir, 'files'),
    },
    upload: { maxBytes: Math.floor(e.VANBAN_MAX_UPLOAD_MB * 1024 * 1024) },
    signing: {
      trustAnchorFile: e.VANBAN_TRUST_ANCHORS ? resolveDir(e.VANBAN_TRUST_ANCHORS) : null,
    },
    hub:
      e.VANBAN_HUB_URL && e.VANBAN_HUB_SYSTEM_ID && e.VANBAN_HUB_SECRET
        ? {
            url: e.VANBAN_HUB_URL,
            systemId: e.VANBAN_HUB_SYSTEM_ID,
            secret: e.VANBAN_HUB_SECRET,
            pollMs: e.VANBAN_HUB_POLL_SECONDS * 1000,
          }
        : null,
    logLevel: e.LOG_LEVEL,
  };
}
