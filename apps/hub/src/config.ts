import path from 'node:path';
import { z } from 'zod';
import { loadOrCreateSecretKey, parseSecretKey } from './secrets.js';

const envSchema = z.object({
  HUB_PORT: z.coerce.number().int().min(0).max(65535).default(3100),
  HUB_HOST: z.string().default('0.0.0.0'),
  /** PGlite data directory and the generated secret key. */
  HUB_DATA_DIR: z.string().optional(),
  /** PostgreSQL instead of PGlite. */
  HUB_DATABASE_URL: z.string().optional(),
  HUB_SECRET_KEY: z.string().optional(),
  /** Path prefix of the operations (`<base>/<operation>`), e.g. `/vxp`. */
  HUB_BASE_PATH: z
    .string()
    .regex(/^(\/[A-Za-z0-9._~-]+)*\/?$/, 'a path such as /vxp')
    .default(''),
  HUB_MAX_PACKET_MB: z.coerce.number().positive().default(100),
  /** Accepted distance between a nonce-bearing request's timestamp and the hub's clock. */
  HUB_TIMESTAMP_WINDOW_SECONDS: z.coerce.number().int().positive().default(300),
  /** 0 = no limit. Requests without a nonce (the deployed SDK) reuse one timestamp for days. */
  HUB_SDK_TIMESTAMP_MAX_AGE_DAYS: z.coerce.number().min(0).default(0),
  /** Most items one list answer carries (oldest pending first / newest sent first). */
  HUB_LIST_LIMIT: z.coerce.number().int().positive().default(500),
  HUB_LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).optional(),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
});

export type LogLevel = z.infer<typeof envSchema>['LOG_LEVEL'];

export interface HubConfig {
  port: number;
  host: string;
  dataDir: string;
  database: { driver: 'postgres'; url: string } | { driver: 'pglite'; dataDir: string };
  secretKey: Buffer;
  basePath: string;
  maxPacketBytes: number;
  timestampWindowMs: number;
  sdkTimestampMaxAgeMs: number | null;
  listLimit: number;
  logLevel: LogLevel;
}

function resolveDir(dir: string): string {
  // npm runs workspace scripts inside the workspace; INIT_CWD is where the user typed the command.
  return path.resolve(process.env.INIT_CWD ?? process.cwd(), dir);
}

export function loadHubConfig(env: NodeJS.ProcessEnv = process.env): HubConfig {
  const parsed = envSchema.safeParse(env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
    throw new Error(`Invalid hub configuration:\n  ${lines.join('\n  ')}`);
  }
  const e = parsed.data;
  const dataDir = resolveDir(e.HUB_DATA_DIR ?? 'data/hub');
  return {
    port: e.HUB_PORT,
    host: e.HUB_HOST,
    dataDir,
    database: e.HUB_DATABASE_URL
      ? { driver: 'postgres', url: e.HUB_DATABASE_URL }
      : { driver: 'pglite', dataDir },
    secretKey: e.HUB_SECRET_KEY ? parseSecretKey(e.HUB_SECRET_KEY) : loadOrCreateSecretKey(dataDir),
    basePath: e.HUB_BASE_PATH.replace(/\/$/, ''),
    maxPacketBytes: Math.floor(e.HUB_MAX_PACKET_MB * 1024 * 1024),
    timestampWindowMs: e.HUB_TIMESTAMP_WINDOW_SECONDS * 1000,
    sdkTimestampMaxAgeMs:
      e.HUB_SDK_TIMESTAMP_MAX_AGE_DAYS > 0 ? e.HUB_SDK_TIMESTAMP_MAX_AGE_DAYS * 86_400_000 : null,
    listLimit: e.HUB_LIST_LIMIT,
    logLevel: e.HUB_LOG_LEVEL ?? e.LOG_LEVEL,
  };
}
