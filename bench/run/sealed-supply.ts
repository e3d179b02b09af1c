import type pg from 'pg';
import type { Rng } from '../lib/random.js';
import { cloneSealed, type Issuer } from './outgoing-prep.js';

/**
 * Sealed documents waiting to be issued, per issuing agency, for one side (API or raw). Topped up
 * before each run with what the run is expected to use; when a queue still runs low, a batch is
 * cloned in the background (a taker waits only when its queue is empty) and counted.
 */
export class SealedSupply {
  private readonly queues: string[][];
  private readonly refills = new Map<number, Promise<void>>();
  /** Batches cloned during measurements (each one perturbs the run a little). */
  lateBatches = 0;

  constructor(
    private readonly pool: pg.Pool,
    private readonly issuers: Issuer[],
    private readonly today: string,
    private readonly rng: Rng,
  ) {
    this.queues = issuers.map(() => []);
  }

  private refill(k: number, count: number): Promise<void> {
    const running = this.refills.get(k);
    if (running) return running;
    const templateId = this.issuers[k]?.templateId;
    if (!templateId) return Promise.reject(new Error(`issuer ${k} has no template`));
    const p = cloneSealed(this.pool, templateId, count, this.today, this.rng)
      .then((ids) => void this.queues[k]?.push(...ids))
      .finally(() => this.refills.delete(k));
    this.refills.set(k, p);
    return p;
  }

  /** At least `perIssuer` documents in the queues of the first `issuers` agencies (default all). */
  async fill(perIssuer: number, issuers = this.queues.length): Promise<void> {
    for (const [k, q] of this.queues.slice(0, issuers).entries())
      if (q.length < perIssuer) await this.refill(k, perIssuer - q.length);
  }

  async take(k: number): Promise<string> {
    const q = this.queues[k];
    if (!q) throw new Error(`no issuer ${k}`);
    if (q.length < 4 && !this.refills.has(k)) {
      this.lateBatches++;
      this.refill(k, 50).catch(() => undefined);
    }
    while (q.length === 0) await this.refill(k, 50);
    return q.shift() as string;
  }
}
