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
  /** Base URL of the web app, for links in e-mail and SMS. Default `http://localhost:<PORT>`. */
  VANBAN_PUBLIC_URL: z.url().optional(),
  /** SMTP server for e-mail notifications (`smtp://user:pass@host:587`, `smtps://…:465`). */
  VANBAN_SMTP_URL: z.url().optional(),
  VANBAN_SMTP_FROM: z.string().min(3).default('Vanban <no-reply@vanban.local>'),
  /** SMS gateway over HTTP: URL, method, body template with {phone} {message} {id}. */
  VANBAN_SMS_URL: z.url().optional(),
  VANBAN_SMS_METHOD: z.enum(['POST', 'PUT', 'GET']).default('POST'),
  VANBAN_SMS_TEMPLATE: z.string().default('{"to":"{phone}","message":"{message}"}'),
  VANBAN_SMS_CONTENT_TYPE: z.string().default('application/json'),
  /** Extra request headers as a JSON object, e.g. `{"X-Api-Key":"…"}`. */
  VANBAN_SMS_HEADERS: z
    .string()
    .optional()
    .transform((raw, ctx) => {
      if (!raw) return {};
      try {
        return z.record(z.string(), z.string()).parse(JSON.parse(raw));
      } catch {
        ctx.addIssue({ code: 'custom', message: 'must be a JSON object of string values' });
        return z.NEVER;
      }
    }),
  /** Sent as `Authorization: Bearer <token>`. */
  VANBAN_SMS_TOKEN: z.string().min(1).optional(),
  /** Strip Vietnamese diacritics from SMS text (gateways that only take GSM 7-bit text). */
  VANBAN_SMS_ASCII: z.enum(['true', 'false']).default('false'),
  VANBAN_REMINDER_SCAN_MINUTES: z.coerce.number().int().min(1).max(1440).default(15),
});

/** E-mail and SMS delivery of notifications (reminders, urgent documents); see decision 0012. */
export interface ChannelsConfig {
  publicUrl: string;
  smtp: { url: string; from: string } | null;
  sms: {
    url: string;
    method: 'POST' | 'PUT' | 'GET';
    template: string;
    contentType: string;
    headers: Record<string, string>;
    token: string | null;
    ascii: boolean;
  } | null;
  /** How often the reminder scan runs. */
  reminderScanMs: number;
}

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
  /** Absent (tests): in-app only, links to http://localhost:3000, scan every 15 minutes. */
  channels?: ChannelsConfig;
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
    channels: {
      publicUrl: (e.VANBAN_PUBLIC_URL ?? `http://localhost:${e.PORT}`).replace(/\/+$/, ''),
      smtp: e.VANBAN_SMTP_URL ? { url: e.VANBAN_SMTP_URL, from: e.VANBAN_SMTP_FROM } : null,
      sms: e.VANBAN_SMS_URL
        ? {
            url: e.VANBAN_SMS_URL,
            method: e.VANBAN_SMS_METHOD,
            template: e.VANBAN_SMS_TEMPLATE,
            contentType: e.VANBAN_SMS_CONTENT_TYPE,
            headers: e.VANBAN_SMS_HEADERS,
            token: e.VANBAN_SMS_TOKEN ?? null,
            ascii: e.VANBAN_SMS_ASCII === 'true',
          }
        : null,
      reminderScanMs: e.VANBAN_REMINDER_SCAN_MINUTES * 60_000,
    },
  };
}
