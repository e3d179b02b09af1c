import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { backendsUnderTest, createTestDatabase } from '../../../test/database.js';
import { fixedClock } from '../clock/clock.js';
import type { Database } from '../db/database.js';
import { createJobSignal, enqueueJob, type JobContext, type JobHandlers } from './jobs.js';
import { claimDueJobs } from './jobs.repository.js';
import { jobs } from './jobs.tables.js';
import { createJobWorker, drainJobs } from './jobs.worker.js';

describe.each(backendsUnderTest())('durable job queue on %s', (driver) => {
  let database: Database;
  const clock = fixedClock(new Date('2026-03-02T02:00:00Z'));
  const seen: JobContext[] = [];
  let failuresLeft = 0;
  const handlers: JobHandlers = {
    'test.record': async (ctx) => {
      seen.push(ctx);
    },
    'test.flaky': async (ctx) => {
      seen.push(ctx);
      if (failuresLeft-- > 0) throw new Error('temporary trouble');
    },
    'test.broken': async () => {
      throw new Error('always broken');
    },
  };
  const deps = () => ({ db: database.db, clock, handlers });
  const jobRow = async (id: string) =>
    (await database.db.select().from(jobs).where(eq(jobs.id, id)))[0]!;
  const enqueue = (input: Parameters<typeof enqueueJob>[1]) =>
    database.db.transaction((tx) => enqueueJob(tx, input, clock));

  beforeAll(async () => {
    database = await createTestDatabase(driver);
  });
  afterAll(async () => {
    await database?.close();
  });
  beforeEach(async () => {
    await database.db.delete(jobs);
    seen.length = 0;
    failuresLeft = 0;
  });

  it('runs an enqueued job once and marks it done', async () => {
    const id = await enqueue({ kind: 'test.record', payload: { n: 1 } });
    expect(await drainJobs(deps())).toEqual({ done: 1, retried: 0, failed: 0 });
    expect(seen.map((c) => [c.job.id, c.job.payload, c.job.attempts])).toEqual([[id, { n: 1 }, 1]]);
    expect(await jobRow(id!)).toMatchObject({ state: 'done', lockedUntil: null });
    expect(await drainJobs(deps())).toEqual({ done: 0, retried: 0, failed: 0 });
  });

  it('waits for runAt', async () => {
    await enqueue({
      kind: 'test.record',
      payload: {},
      runAt: new Date(clock.now().getTime() + 60_000),
    });
    expect((await drainJobs(deps())).done).toBe(0);
    clock.advance(60_000);
    expect((await drainJobs(deps())).done).toBe(1);
  });

  it('retries a failing job with exponential backoff', async () => {
    failuresLeft = 2;
    const id = (await enqueue({ kind: 'test.flaky', payload: {} }))!;
    const start = clock.now().getTime();
    expect(await drainJobs(deps())).toEqual({ done: 0, retried: 1, failed: 0 });
    const first = await jobRow(id);
    expect(first).toMatchObject({ state: 'queued', attempts: 1 });
    expect(first.lastError).toContain('temporary trouble');
    expect(first.runAt.getTime() - start).toBe(10_000);
    clock.advance(9_999);
    expect((await drainJobs(deps())).retried).toBe(0);
    clock.advance(1);
    expect((await drainJobs(deps())).retried).toBe(1);
    expect((await jobRow(id)).runAt.getTime() - clock.now().getTime()).toBe(20_000);
    clock.advance(20_000);
    expect((await drainJobs(deps())).done).toBe(1);
    expect(await jobRow(id)).toMatchObject({ state: 'done', attempts: 3 });
    expect(seen.map((c) => c.job.attempts)).toEqual([1, 2, 3]);
  });

  it('fails for good after max attempts, keeping the last error', async () => {
    const id = (await enqueue({ kind: 'test.broken', payload: {}, maxAttempts: 3 }))!;
    const outcomes = [];
    for (let i = 0; i < 3; i++) {
      outcomes.push(await drainJobs(deps()));
      clock.advance(3600_000);
    }
    expect(outcomes.map((o) => (o.failed ? 'failed' : o.retried ? 'retried' : '-'))).toEqual([
      'retried',
      'retried',
      'failed',
    ]);
    const row = await jobRow(id);
    expect(row).toMatchObject({ state: 'failed', attempts: 3, lockedUntil: null });
    expect(row.lastError).toContain('always broken');
    expect(row.finishedAt).not.toBeNull();
    expect((await drainJobs(deps())).failed).toBe(0);
  });

  it('enqueues a deduplicated job once while it is queued or running, again after', async () => {
    const a = await enqueue({ kind: 'test.record', payload: { v: 1 }, dedupeKey: 'k1' });
    const b = await enqueue({ kind: 'test.record', payload: { v: 2 }, dedupeKey: 'k1' });
    expect(a).not.toBeNull();
    expect(b).toBeNull();
    await claimDueJobs(database.db, {
      kinds: ['test.record'],
      now: clock.now(),
      leaseMs: 60_000,
      limit: 1,
    });
    expect(await enqueue({ kind: 'test.record', payload: {}, dedupeKey: 'k1' })).toBeNull();
    clock.advance(60_001);
    await drainJobs(deps());
    const c = await enqueue({ kind: 'test.record', payload: { v: 3 }, dedupeKey: 'k1' });
    expect(c).not.toBeNull();
    expect(await database.db.select().from(jobs)).toHaveLength(2);
  });

  it('leaves no job when the enqueuing transaction rolls back', async () => {
    await expect(
      database.db.transaction(async (tx) => {
        await enqueueJob(tx, { kind: 'test.record', payload: {} }, clock);
        throw new Error('use case failed');
      }),
    ).rejects.toThrow('use case failed');
    expect(await database.db.select().from(jobs)).toEqual([]);
    expect((await drainJobs(deps())).done).toBe(0);
  });

  it('reclaims a job whose worker died once its lease expires', async () => {
    const id = (await enqueue({ kind: 'test.record', payload: {} }))!;
    // A worker claims it and crashes: the row stays running with a lease.
    const [claimed] = await claimDueJobs(database.db, {
      kinds: ['test.record'],
      now: clock.now(),
      leaseMs: 60_000,
      limit: 5,
    });
    expect(claimed).toMatchObject({ id, state: 'running', attempts: 1 });
    expect((await drainJobs(deps())).done).toBe(0);
    clock.advance(60_001);
    expect((await drainJobs(deps())).done).toBe(1);
    expect(await jobRow(id)).toMatchObject({ state: 'done', attempts: 2 });
  });

  it('fails a job whose worker died during its last attempt', async () => {
    const id = (await enqueue({ kind: 'test.record', payload: {}, maxAttempts: 1 }))!;
    await claimDueJobs(database.db, {
      kinds: ['test.record'],
      now: clock.now(),
      leaseMs: 1000,
      limit: 1,
    });
    clock.advance(1001);
    expect((await drainJobs(deps())).done).toBe(0);
    const row = await jobRow(id);
    expect(row.state).toBe('failed');
    expect(row.lastError).toContain('lease expired');
    expect(seen).toEqual([]);
  });

  it('leaves kinds it has no handler for to another worker', async () => {
    const id = (await enqueue({ kind: 'test.unknown', payload: {} }))!;
    expect(await drainJobs(deps())).toEqual({ done: 0, retried: 0, failed: 0 });
    expect((await jobRow(id)).state).toBe('queued');
  });

  it('runs in the background and wakes at once when nudged', async () => {
    const signal = createJobSignal();
    let ran!: () => void;
    const done = new Promise<void>((resolve) => (ran = resolve));
    const worker = createJobWorker({
      db: database.db,
      clock,
      handlers: { 'test.signal': async () => ran() },
      signal,
      concurrency: 2,
      pollMs: 600_000,
    });
    worker.start();
    try {
      // Let the loops find the queue empty and go to sleep for the (long) poll interval.
      await new Promise((resolve) => setTimeout(resolve, 100));
      const id = (await enqueue({ kind: 'test.signal', payload: {} }))!;
      const started = Date.now();
      signal.nudge();
      await done;
      expect(Date.now() - started).toBeLessThan(5000);
      await expect.poll(async () => (await jobRow(id)).state).toBe('done');
    } finally {
      await worker.stop();
    }
  });
});
