import { systemClock, type Clock } from '../platform/clock/clock.js';
import { createSecretBox, type SecretBox } from '../platform/crypto/tokens.js';
import type { Database, Db } from '../platform/db/database.js';
import type { AppConfig } from '../platform/config/config.js';
import { createJobSignal, type JobSignal } from '../platform/jobs/jobs.js';
import { createLocalDiskStorage } from '../platform/storage/local-disk-storage.js';
import type { FileStorage } from '../platform/storage/storage.js';
import type { BlobTextListener, FileAccessRule } from '../modules/files/index.js';
import { incomingFileAccessRule, onBlobTextReady } from '../modules/incoming/index.js';
import {
  createNotificationStreams,
  type NotificationStreams,
} from '../modules/notifications/index.js';
import { outgoingFileAccessRule } from '../modules/outgoing/index.js';
import { taskDeadlines, taskFileAccessRule } from '../modules/tasks/index.js';
import { assignmentDeadlines, type DeadlineSource } from '../modules/reminders/index.js';

/** Everything use cases may need, built once by the composition root and passed in. */
export interface AppDependencies {
  config: AppConfig;
  database: Database;
  db: Db;
  clock: Clock;
  secretBox: SecretBox;
  policy: { maxFailures: number; lockMs: number; sessionTtlMs: number };
  storage: FileStorage;
  /** `jobs.nudge()` after committing an enqueue wakes this process's worker at once. */
  jobs: JobSignal;
  /** Who else may read a file besides its uploader; modules push their rules here. */
  fileAccessRules: FileAccessRule[];
  /** Called in the transaction that stores a blob's extracted text (search indexing). */
  blobTextListeners: BlobTextListener[];
  /** Open notification streams (SSE) and the one watcher that feeds them; ended on app close. */
  notificationStreams: NotificationStreams;
  /** What the reminder scan watches: every module's open items with a due date. */
  deadlineSources: DeadlineSource[];
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
    storage: createLocalDiskStorage(config.storage.dir),
    jobs: createJobSignal(),
    fileAccessRules: [incomingFileAccessRule, outgoingFileAccessRule, taskFileAccessRule],
    blobTextListeners: [onBlobTextReady],
    notificationStreams: createNotificationStreams(database.db),
    deadlineSources: [assignmentDeadlines, taskDeadlines],
  };
}
