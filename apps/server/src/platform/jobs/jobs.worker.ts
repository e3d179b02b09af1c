import type { Clock } from '../clock/clock.js';
import type { Db } from '../db/database.js';
import {
  createJobSignal,
  retryDelayMs,
  silentLogger,
  type JobHandlers,
  type JobLogger,
  type JobSignal,
} from './jobs.js';
import * as repo from './jobs.repository.js';

export interface JobRunnerDeps {
  db: Db;
  clock: Clock;
  handlers: JobHandlers;
  logger?: JobLogger;
  /** How long a claim lasts before another worker may take the job over. Default 5 minutes. */
  leaseMs?: number;
  /** Delay before retry n (1-based). Default: exponential from 10 s, capped at 1 h. */
  backoff?: (attempts: number) => number;
}

export interface JobWorkerOptions extends JobRunnerDeps {
  /** Jobs run side by side. Default 2. */
  concurrency?: number;
  /** Idle poll interval; a nudge wakes the worker earlier. Default 5 s. */
  pollMs?: number;
  /** Shared with enqueuers of this process (`AppDependencies.jobs`). */
  signal?: JobSignal;
  /** How long `stop()` waits for running jobs. Default 30 s; unfinished ones are reclaimed later. */
  stopTimeoutMs?: number;
}

export interface JobWorker {
  start: () => void;
  stop: () => Promise<void>;
  nudge: () => void;
}

const DEFAULT_LEASE_MS = 5 * 60_000;
const MAX_ERROR_LENGTH = 4000;
const PURGE_EVERY_MS = 3600_000;
const KEEP_DONE_MS = 7 * 24 * 3600_000;

type RunOutcome = 'done' | 'retried' | 'failed';

/** Claims due jobs and runs them; the outcome is recorded on the job row. */
async function runOne(deps: JobRunnerDeps): Promise<RunOutcome | null> {
  const now = deps.clock.now();
  const leaseMs = deps.leaseMs ?? DEFAULT_LEASE_MS;
  await repo.failAbandonedJobs(deps.db, now);
  const [job] = await repo.claimDueJobs(deps.db, {
    kinds: Object.keys(deps.handlers),
    now,
    leaseMs,
    limit: 1,
  });
  if (!job) return null;
  const logger = deps.logger ?? silentLogger;
  const claim = { id: job.id, attempts: job.attempts };
  // Long jobs keep their claim alive; the timer runs on real time, the lease on the clock's.
  const heartbeat = setInterval(
    () => {
      repo
        .extendLease(deps.db, claim, new Date(deps.clock.now().getTime() + leaseMs))
        .catch((error: unknown) =>
          logger.warn({ err: error, jobId: job.id }, 'lease not extended'),
        );
    },
    Math.max(1000, leaseMs / 3),
  );
  try {
    await deps.handlers[job.kind]!({
      db: deps.db,
      clock: deps.clock,
      logger,
      job: {
        id: job.id,
        kind: job.kind,
        payload: job.payload,
        attempts: job.attempts,
        maxAttempts: job.maxAttempts,
      },
    });
    await repo.markDone(deps.db, claim, deps.clock.now());
    return 'done';
  } catch (error) {
    const finished = deps.clock.now();
    const message = (error instanceof Error ? (error.stack ?? error.message) : String(error)).slice(
      0,
      MAX_ERROR_LENGTH,
    );
    const last = job.attempts >= job.maxAttempts;
    const retryAt = last
      ? null
      : new Date(finished.getTime() + (deps.backoff ?? retryDelayMs)(job.attempts));
    await repo.markFailedAttempt(deps.db, claim, message, finished, retryAt);
    logger[last ? 'error' : 'warn'](
      { err: error, jobId: job.id, kind: job.kind, attempts: job.attempts },
      last ? 'job failed for good' : 'job failed; will retry',
    );
    return last ? 'failed' : 'retried';
  } finally {
    clearInterval(heartbeat);
  }
}

/**
 * For tests and one-off runs: runs every due job, one after another, until none is due.
 * Retries land in the future (backoff), so advance the clock and drain again to run them.
 */
export async function drainJobs(
  deps: JobRunnerDeps,
  options: { maxRuns?: number } = {},
): Promise<Record<RunOutcome, number>> {
  const counts = { done: 0, retried: 0, failed: 0 };
  const maxRuns = options.maxRuns ?? 1000;
  for (let i = 0; i < maxRuns; i++) {
    const outcome = await runOne(deps);
    if (!outcome) return counts;
    counts[outcome]++;
  }
  throw new Error(`drainJobs: still jobs due after ${maxRuns} runs`);
}

/** Background worker: `concurrency` loops that claim, run, and sleep until nudged or polled. */
export function createJobWorker(options: JobWorkerOptions): JobWorker {
  const signal = options.signal ?? createJobSignal();
  const logger = options.logger ?? silentLogger;
  const pollMs = options.pollMs ?? 5000;
  let running = false;
  let loops: Promise<void>[] = [];
  let lastPurge = 0;

  async function loop(): Promise<void> {
    while (running) {
      try {
        if (Date.now() - lastPurge > PURGE_EVERY_MS) {
          lastPurge = Date.now();
          await repo.purgeDoneJobs(
            options.db,
            new Date(options.clock.now().getTime() - KEEP_DONE_MS),
          );
        }
        if (await runOne(options)) continue;
      } catch (error) {
        // The database may be briefly unreachable; try again after the poll interval.
        logger.error({ err: error }, 'job worker could not claim or record a job');
      }
      if (running) await signal.wait(pollMs);
    }
  }

  return {
    start: () => {
      if (running) return;
      running = true;
      loops = Array.from({ length: Math.max(1, options.concurrency ?? 2) }, () => loop());
    },
    stop: async () => {
      if (!running) return;
      running = false;
      signal.nudge();
      let timer: NodeJS.Timeout | undefined;
      const timeout = new Promise<void>((resolve) => {
        timer = setTimeout(resolve, options.stopTimeoutMs ?? 30_000);
      });
      await Promise.race([Promise.all(loops), timeout]);
      clearTimeout(timer);
      loops = [];
    },
    nudge: () => signal.nudge(),
  };
}
