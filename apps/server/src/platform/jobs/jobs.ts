import { sql } from 'drizzle-orm';
import type { Clock } from '../clock/clock.js';
import type { Db } from '../db/database.js';
import { newId } from '../db/ids.js';
import { jobs } from './jobs.tables.js';

/**
 * What a handler gets. Handlers MUST be idempotent: a job runs at least once, and may run again
 * after a crash, an expired lease or a failure after partial work. Open your own short
 * transactions on `db` (never hold one across slow work such as parsing a file).
 */
export interface JobContext<P = unknown> {
  db: Db;
  clock: Clock;
  logger: JobLogger;
  job: { id: string; kind: string; payload: P; attempts: number; maxAttempts: number };
}

export type JobHandler<P = unknown> = (ctx: JobContext<P>) => Promise<void>;
export type JobHandlers = Record<string, JobHandler>;

/** The part of pino (and Fastify's logger) the queue uses. */
export interface JobLogger {
  info: (obj: object, msg?: string) => void;
  warn: (obj: object, msg?: string) => void;
  error: (obj: object, msg?: string) => void;
}

export const silentLogger: JobLogger = { info: () => {}, warn: () => {}, error: () => {} };

export interface EnqueueInput {
  kind: string;
  payload: unknown;
  /** While a job with this key is queued or running, enqueueing another is a no-op. */
  dedupeKey?: string;
  runAt?: Date;
  maxAttempts?: number;
}

/**
 * Adds a job inside the caller's transaction, so it exists if and only if that transaction
 * commits. Returns the new id, or null when an equal job (same dedupeKey) is already pending.
 * Call `nudge()` after the commit to have this process's worker pick it up at once.
 */
export async function enqueueJob(
  tx: Db,
  input: EnqueueInput,
  clock: Clock,
): Promise<string | null> {
  const now = clock.now();
  const rows = await tx
    .insert(jobs)
    .values({
      id: newId(),
      kind: input.kind,
      payload: input.payload ?? {},
      dedupeKey: input.dedupeKey ?? null,
      runAt: input.runAt ?? now,
      ...(input.maxAttempts !== undefined ? { maxAttempts: input.maxAttempts } : {}),
      createdAt: now,
    })
    // Matches the partial unique index jobs_dedupe_uq, so only pending duplicates conflict.
    .onConflictDoNothing({
      target: jobs.dedupeKey,
      where: sql`state in ('queued', 'running')`,
    })
    .returning({ id: jobs.id });
  return rows[0]?.id ?? null;
}

/** Wakes sleeping workers of this process; enqueuers call `nudge()` after their commit. */
export interface JobSignal {
  nudge: () => void;
  /** Resolves at the next nudge or after `ms`, whichever comes first. */
  wait: (ms: number) => Promise<void>;
}

export function createJobSignal(): JobSignal {
  let waiters: Array<() => void> = [];
  return {
    nudge: () => {
      const woken = waiters;
      waiters = [];
      for (const wake of woken) wake();
    },
    wait: (ms) =>
      new Promise<void>((resolve) => {
        const timer = setTimeout(done, ms);
        function done() {
          clearTimeout(timer);
          waiters = waiters.filter((w) => w !== done);
          resolve();
        }
        waiters.push(done);
      }),
  };
}

/** Exponential backoff before retry n (1-based): 10 s, 20 s, 40 s … capped at one hour. */
export function retryDelayMs(attempts: number): number {
  return Math.min(10_000 * 2 ** Math.max(0, attempts - 1), 3600_000);
}
