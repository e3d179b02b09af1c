import { and, asc, eq, gte, inArray, lt, lte, or, sql } from 'drizzle-orm';
import type { Db } from '../db/database.js';
import { jobs } from './jobs.tables.js';

export type JobRow = typeof jobs.$inferSelect;

/** The claim a worker holds on a running job: a reclaimed job has a higher `attempts`. */
export interface JobClaim {
  id: string;
  attempts: number;
}

const pending = sql`${jobs.state} in ('queued', 'running')`;
const isClaim = (claim: JobClaim) =>
  and(eq(jobs.id, claim.id), eq(jobs.state, 'running'), eq(jobs.attempts, claim.attempts));

/**
 * Claims up to `limit` due jobs of the given kinds: queued ones whose time has come and running
 * ones whose lease expired (their worker died). `skip locked` lets several workers (or processes)
 * claim side by side without waiting on each other.
 */
export async function claimDueJobs(
  db: Db,
  options: { kinds: string[]; now: Date; leaseMs: number; limit: number },
): Promise<JobRow[]> {
  if (options.kinds.length === 0) return [];
  const due = db
    .select({ id: jobs.id })
    .from(jobs)
    .where(
      and(
        pending,
        lte(jobs.runAt, options.now),
        or(eq(jobs.state, 'queued'), lt(jobs.lockedUntil, options.now)),
        lt(jobs.attempts, jobs.maxAttempts),
        inArray(jobs.kind, options.kinds),
      ),
    )
    .orderBy(asc(jobs.runAt))
    .limit(options.limit)
    .for('update', { skipLocked: true });
  return db
    .update(jobs)
    .set({
      state: 'running',
      attempts: sql`${jobs.attempts} + 1`,
      lockedUntil: new Date(options.now.getTime() + options.leaseMs),
    })
    .where(inArray(jobs.id, due))
    .returning();
}

/** A job whose worker died during its last allowed attempt will not be retried: mark it failed. */
export async function failAbandonedJobs(db: Db, now: Date): Promise<number> {
  const rows = await db
    .update(jobs)
    .set({
      state: 'failed',
      lockedUntil: null,
      finishedAt: now,
      lastError: sql`coalesce(${jobs.lastError} || E'\n', '') || 'lease expired on the last attempt'`,
    })
    .where(
      and(
        eq(jobs.state, 'running'),
        lt(jobs.lockedUntil, now),
        gte(jobs.attempts, jobs.maxAttempts),
      ),
    )
    .returning({ id: jobs.id });
  return rows.length;
}

export async function extendLease(db: Db, claim: JobClaim, until: Date): Promise<void> {
  await db.update(jobs).set({ lockedUntil: until }).where(isClaim(claim));
}

export async function markDone(db: Db, claim: JobClaim, now: Date): Promise<void> {
  await db
    .update(jobs)
    .set({ state: 'done', lockedUntil: null, finishedAt: now })
    .where(isClaim(claim));
}

/** Requeues for `retryAt`, or fails for good when `retryAt` is null (attempts exhausted). */
export async function markFailedAttempt(
  db: Db,
  claim: JobClaim,
  error: string,
  now: Date,
  retryAt: Date | null,
): Promise<void> {
  await db
    .update(jobs)
    .set(
      retryAt
        ? { state: 'queued', runAt: retryAt, lockedUntil: null, lastError: error }
        : { state: 'failed', lockedUntil: null, finishedAt: now, lastError: error },
    )
    .where(isClaim(claim));
}

/** Done jobs are history only; failed ones stay for someone to look at. */
export async function purgeDoneJobs(db: Db, before: Date): Promise<void> {
  await db.delete(jobs).where(and(eq(jobs.state, 'done'), lt(jobs.finishedAt, before)));
}
