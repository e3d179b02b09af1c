import { latency, Samples, type Latency } from './stats.js';

export interface LoadResult {
  concurrency: number;
  /** Mean think time between a client's operations (0: closed loop, back to back). */
  thinkMs: number;
  seconds: number;
  requests: number;
  errors: number;
  /** Operations per second. */
  throughput: number;
  latency: Latency;
  firstError: string | null;
  /** Operations including the warm-up (for CPU per operation). */
  totalOps: number;
}

export type Operation = (worker: number, iteration: number) => Promise<void>;

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/**
 * Closed loop: `concurrency` workers each run the operation back to back for `seconds` (after a
 * warm-up of `warmup` seconds that is not counted). Operations started in the window count, each
 * to its end; one that throws counts as an error.
 */
export async function runLoad(o: {
  concurrency: number;
  seconds: number;
  warmup: number;
  op: Operation;
  /** Keep going past `seconds` until this many operations were started in the window. */
  minOps?: number;
  /** Open model: each client pauses a random (exponential) think time of this mean between operations. */
  thinkMs?: number;
}): Promise<LoadResult> {
  const samples = new Samples();
  let errors = 0;
  let firstError: string | null = null;
  let iteration = 0;
  let lastEnd = 0;
  const startAt = performance.now() + o.warmup * 1000;
  const endAt = startAt + o.seconds * 1000;
  let started = 0;
  const minOps = o.minOps ?? 0;
  const worker = async (w: number) => {
    for (;;) {
      const t0 = performance.now();
      if (t0 >= endAt && started >= minOps) return;
      if (t0 >= startAt) started++;
      let failed = false;
      try {
        await o.op(w, iteration++);
      } catch (error) {
        failed = true;
        firstError ??= error instanceof Error ? error.message : String(error);
      }
      const t1 = performance.now();
      if (t0 >= startAt) {
        lastEnd = Math.max(lastEnd, t1);
        if (failed) errors++;
        else samples.push(t1 - t0);
      }
      if (o.thinkMs) await sleep(-Math.log(1 - Math.random()) * o.thinkMs);
    }
  };
  await Promise.all(Array.from({ length: o.concurrency }, (_, w) => worker(w)));
  // Operations started in the window, each waited for (the slow tail is not cut off).
  const requests = samples.length;
  const seconds = Math.max(o.seconds, (lastEnd - startAt) / 1000);
  return {
    concurrency: o.concurrency,
    thinkMs: o.thinkMs ?? 0,
    seconds: Math.round(seconds * 100) / 100,
    requests,
    errors,
    throughput: Math.round((requests / seconds) * 10) / 10,
    latency: latency(samples.values()),
    firstError,
    totalOps: iteration,
  };
}

/**
 * Paired measurement for a noisy machine: every client alternates operation A and operation B,
 * so both see the same moments of the machine's other load; the results are kept apart.
 */
export async function runPaired(o: {
  concurrency: number;
  seconds: number;
  warmup: number;
  a: Operation;
  b: Operation;
}): Promise<[LoadResult, LoadResult]> {
  const sides = [0, 1].map(() => ({
    samples: new Samples(),
    errors: 0,
    firstError: null as string | null,
  }));
  const ops = [o.a, o.b];
  let iteration = 0;
  const startAt = performance.now() + o.warmup * 1000;
  const endAt = startAt + o.seconds * 1000;
  const worker = async (w: number) => {
    for (let round = 0; ; round++) {
      if (performance.now() >= endAt && round > 1) return;
      for (let k = 0; k < 2; k++) {
        const side = sides[(k + w) % 2] as (typeof sides)[number];
        const op = ops[(k + w) % 2] as Operation;
        const t0 = performance.now();
        try {
          await op(w, iteration++);
          if (t0 >= startAt) side.samples.push(performance.now() - t0);
        } catch (error) {
          if (t0 >= startAt) side.errors++;
          side.firstError ??= error instanceof Error ? error.message : String(error);
        }
      }
    }
  };
  await Promise.all(Array.from({ length: o.concurrency }, (_, w) => worker(w)));
  const seconds = Math.max(o.seconds, (performance.now() - startAt) / 1000);
  return sides.map((s) => ({
    concurrency: o.concurrency,
    thinkMs: 0,
    seconds: Math.round(seconds * 100) / 100,
    requests: s.samples.length,
    errors: s.errors,
    throughput: Math.round((s.samples.length / seconds) * 10) / 10,
    latency: latency(s.samples.values()),
    firstError: s.firstError,
    totalOps: iteration,
  })) as [LoadResult, LoadResult];
}

/** `fn` over `items`, at most `limit` at a time; results in the items' order. */
export async function mapLimit<T, R>(
  items: readonly T[],
  limit: number,
  fn: (x: T) => Promise<R>,
): Promise<R[]> {
  const out: R[] = new Array<R>(items.length);
  let next = 0;
  const worker = async () => {
    for (let i = next++; i < items.length; i = next++) out[i] = await fn(items[i] as T);
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return out;
}
