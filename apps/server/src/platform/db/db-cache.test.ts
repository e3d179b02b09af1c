import { describe, expect, it } from 'vitest';
import type { Db } from './database.js';
import { DbCache } from './db-cache.js';

/** Stand-ins for two database handles: the cache only uses them as keys. */
const dbA = {} as Db;
const dbB = {} as Db;

function counter() {
  const loads: number[][] = [];
  return {
    loads,
    load: (missing: number[]) => {
      loads.push(missing);
      return Promise.resolve(new Map(missing.map((k) => [k, `v${k}@${loads.length}`])));
    },
  };
}

describe('DbCache', () => {
  it('loads only missing keys, together, and keeps them per database handle', async () => {
    const cache = new DbCache<number, string>(60_000, () => 0);
    const c = counter();
    expect([...(await cache.getMany(dbA, [2026, 2027, 2026], c.load))]).toEqual([
      [2026, 'v2026@1'],
      [2027, 'v2027@1'],
    ]);
    expect((await cache.getMany(dbA, [2027, 2028], c.load)).get(2027)).toBe('v2027@1');
    await cache.getMany(dbB, [2026], c.load);
    expect(c.loads).toEqual([[2026, 2027], [2028], [2026]]);
  });

  it('reloads after the time to live', async () => {
    let now = 0;
    const cache = new DbCache<number, string>(1000, () => now);
    const c = counter();
    await cache.get(dbA, 1, () => c.load([1]).then((m) => m.get(1)!));
    now = 999;
    expect(await cache.get(dbA, 1, () => c.load([1]).then((m) => m.get(1)!))).toBe('v1@1');
    now = 1000;
    expect(await cache.get(dbA, 1, () => c.load([1]).then((m) => m.get(1)!))).toBe('v1@2');
  });

  it('forgets an invalidated key, and does not store a load that raced the invalidation', async () => {
    const cache = new DbCache<number, string>(60_000, () => 0);
    const c = counter();
    await cache.getMany(dbA, [1, 2], c.load);
    cache.invalidate(dbA, 1);
    await cache.getMany(dbA, [1, 2], c.load);
    expect(c.loads).toEqual([[1, 2], [1]]);

    // A load that started before an invalidation returns its (possibly old) value but is not kept.
    let release: () => void = () => undefined;
    const slow = cache.getMany(dbA, [3], async (missing) => {
      await new Promise<void>((resolve) => (release = resolve));
      return c.load(missing);
    });
    cache.invalidate(dbA);
    release();
    await slow;
    await cache.getMany(dbA, [1, 2, 3], c.load);
    expect(c.loads.at(-1)).toEqual([1, 2, 3]);
  });
});
