import { systemClock, type Clock } from '../platform/clock/clock.js';
import { createSecretBox, type SecretBox } from '../platform/crypto/tokens.js';
import type { Database, Db } from '../platform/db/database.js';
import type { AppConfig } from '../platform/config/config.js';

/** Everything use cases may need, built once by the composition root and passed in. */
export interface AppDependencies {
  config: AppConfig;
  database: Database;
  db: Db;
  clock: Clock;
  secretBox: SecretBox;
  policy: { maxFailures: number; lockMs: number; sessionTtlMs: number };
}

export function buildDependencies(
  config: AppConfig,
  database: Database,
  clock: Clock = systemClock,
): AppDependencies {
  return {
    config,
    database,
    db: database.db,
    clock,
    secretBox: createSecretBox(config.secretKey),
    policy: {
      maxFailures: config.login.maxFailures,
      lockMs: config.login.lockMs,
      sessionTtlMs: config.session.ttlMs,
    },
  };
}
