import { PgTransaction } from 'drizzle-orm/pg-core';
import type { Db } from './database.js';

/** Long enough to spare the statement on every request, short enough for a second process. */
export const DEFAULT_CACHE_TTL_MS = 60_000;

interface Entries<K, V> {
  /** Bumped by every invalidation: a load that started before it does not store its result. */
  generation: number;
  values: Map<K, { value: V; loadedAt: number }>;
}

/**
 * Rarely changing rows (the working calendar, per-agency settings) kept in process, per database
 * handle (a test process opens several databases). The process that changes the rows invalidates
 * its entries after the commit; another process serving the same database (API and worker split,
 * several API processes) sees the change after at most `ttlMs`. A transaction always reads
 * through, uncached: it may see its own uncommitted writes.
 */
export class DbCache<K, V> {
  readonly #byDb = new WeakMap<Db, Entries<K, V>>();

  constructor(
    readonly ttlMs = DEFAULT_CACHE_TTL_MS,
    readonly now: () => number = () => performance.now(),
  ) {}

  /** The values of `keys`; the missing and stale ones are loaded together by `load`. */
  async getMany(
    db: Db,
    keys: readonly K[],
    load: (missing: K[]) => Promise<Map<K, V>>,
  ): Promise<Map<K, V>> {
    const wanted = [...new Set(keys)];
    if (db instanceof PgTransaction) return load(wanted);
    let entries = this.#byDb.get(db);
    if (!entries) {
      entries = { generation: 0, values: new Map() };
      this.#byDb.set(db, entries);
    }
    const now = this.now();
    const result = new Map<K, V>();
    const missing: K[] = [];
    for (const key of wanted) {
      const hit = entries.values.get(key);
      if (hit && now - hit.loadedAt < this.ttlMs) result.set(key, hit.value);
      else missing.push(key);
    }
    if (missing.length === 0) return result;
    const generation = entries.generation;
    const loaded = await load(missing);
    for (const [key, value] of loaded) {
      result.set(key, value);
      if (entries.generation === generation) entries.values.set(key, { value, loadedAt: now });
    }
    return result;
  }

  async get(db: Db, key: K, load: () => Promise<V>): Promise<V> {
    const values = await this.getMany(db, [key], async () => new Map([[key, await load()]]));
    return values.get(key)!;
  }

  /** Forget `key` (every key when omitted) after a committed change. */
  invalidate(db: Db, key?: K): void {
    const entries = this.#byDb.get(db);
    if (!entries) return;
    entries.generation += 1;
    if (key === undefined) entries.values.clear();
    else entries.values.delete(key);
  }
}
