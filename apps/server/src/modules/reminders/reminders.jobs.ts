import type { AppDependencies } from '../../app/dependencies.js';
import type { JobModule } from '../../app/jobs.js';
import type { Clock } from '../../platform/clock/clock.js';
import type { Db } from '../../platform/db/database.js';
import { enqueueJob, type JobHandler } from '../../platform/jobs/jobs.js';
import { channelsConfigOf } from '../notifications/index.js';
import { runReminderScan } from './reminders.scan.js';
import type { DeadlineSource } from './reminders.sources.js';

export const SCAN_JOB = 'reminders.scan';

function slotStart(at: Date, everyMs: number): Date {
  return new Date(Math.floor(at.getTime() / everyMs) * everyMs);
}

/**
 * Queues a scan at `at` (default now). The dedupe key names the interval slot the run belongs
 * to, so the startup call of several processes and the chain each scan extends (next slot)
 * collapse into one pending scan per slot.
 */
export async function scheduleReminderScan(
  db: Db,
  clock: Clock,
  everyMs: number,
  at: Date = clock.now(),
): Promise<string | null> {
  const slot = slotStart(at, everyMs);
  return db.transaction((tx) =>
    enqueueJob(
      tx,
      {
        kind: SCAN_JOB,
        payload: {},
        dedupeKey: `${SCAN_JOB}:${slot.toISOString()}`,
        runAt: at,
        maxAttempts: 3,
      },
      clock,
    ),
  );
}

/** At startup (main.ts): scan now, which then re-queues itself every interval. */
export async function startReminderScans(
  deps: Pick<AppDependencies, 'db' | 'clock' | 'config' | 'jobs'>,
): Promise<void> {
  await scheduleReminderScan(deps.db, deps.clock, channelsConfigOf(deps.config).reminderScanMs);
  deps.jobs.nudge();
}

/**
 * Queues the next run first (so a failing scan does not break the chain; the queue retries this
 * one with backoff), then scans.
 */
export function scanHandler(settings: {
  sources: readonly DeadlineSource[];
  everyMs: number;
}): JobHandler {
  return async ({ db, clock, logger }) => {
    const next = new Date(slotStart(clock.now(), settings.everyMs).getTime() + settings.everyMs);
    await scheduleReminderScan(db, clock, settings.everyMs, next);
    const result = await runReminderScan({ db, clock, sources: settings.sources });
    if (result.sent > 0) logger.info({ ...result }, 'reminders sent');
  };
}

export const remindersJobs: JobModule = (deps) => ({
  [SCAN_JOB]: scanHandler({
    sources: deps.deadlineSources,
    everyMs: channelsConfigOf(deps.config).reminderScanMs,
  }),
});
