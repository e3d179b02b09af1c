/**
 * Deterministic pseudo-random numbers (sfc32 seeded through splitmix32): the same seed and salt
 * always give the same city. Each generation phase takes its own salted stream, so changing one
 * phase does not shift the numbers of the others.
 */
export class Rng {
  private a: number;
  private b: number;
  private c: number;
  private d: number;

  constructor(seed: number, salt = '') {
    let h = (seed ^ 0x9e3779b9) >>> 0;
    for (let i = 0; i < salt.length; i++) h = Math.imul(h ^ salt.charCodeAt(i), 0x85ebca6b) >>> 0;
    const next = () => {
      h = (h + 0x9e3779b9) >>> 0;
      let z = h;
      z = Math.imul(z ^ (z >>> 16), 0x85ebca6b) >>> 0;
      z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35) >>> 0;
      return (z ^ (z >>> 16)) >>> 0;
    };
    this.a = next();
    this.b = next();
    this.c = next();
    this.d = next();
    for (let i = 0; i < 12; i++) this.u32();
  }

  /** A uniform 32-bit unsigned integer. */
  u32(): number {
    const t = (((this.a + this.b) >>> 0) + this.d) >>> 0;
    this.d = (this.d + 1) >>> 0;
    this.a = this.b ^ (this.b >>> 9);
    this.b = (this.c + (this.c << 3)) >>> 0;
    this.c = ((this.c << 21) | (this.c >>> 11)) >>> 0;
    this.c = (this.c + t) >>> 0;
    return t;
  }

  /** Uniform in [0, 1). */
  next(): number {
    return this.u32() / 4294967296;
  }

  /** Integer in [min, max] (both included). */
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }

  chance(p: number): boolean {
    return this.next() < p;
  }

  pick<T>(items: readonly T[]): T {
    if (items.length === 0) throw new Error('pick from an empty list');
    return items[Math.floor(this.next() * items.length)] as T;
  }

  /** Index drawn with the given weights (need not sum to 1). */
  weightedIndex(weights: readonly number[]): number {
    let total = 0;
    for (const w of weights) total += w;
    let x = this.next() * total;
    for (let i = 0; i < weights.length; i++) {
      x -= weights[i] ?? 0;
      if (x < 0) return i;
    }
    return weights.length - 1;
  }

  weighted<T>(entries: readonly (readonly [T, number])[]): T {
    const i = this.weightedIndex(entries.map((e) => e[1]));
    return (entries[i] as readonly [T, number])[0];
  }

  /** Zipf-like skew: index in [0, n) where low indexes are much more likely (busy people). */
  skewed(n: number, exponent = 1.6): number {
    return Math.min(n - 1, Math.floor(n * Math.pow(this.next(), exponent)));
  }

  /** k distinct items (k capped at the list length), order random. */
  sample<T>(items: readonly T[], k: number): T[] {
    const copy = [...items];
    const out: T[] = [];
    for (let i = 0; i < Math.min(k, copy.length); i++) {
      const j = i + Math.floor(this.next() * (copy.length - i));
      [copy[i], copy[j]] = [copy[j] as T, copy[i] as T];
      out.push(copy[i] as T);
    }
    return out;
  }

  /** A fresh independent stream derived from this one. */
  fork(salt: string): Rng {
    return new Rng(this.u32(), salt);
  }
}

const HEX = Array.from({ length: 256 }, (_, i) => i.toString(16).padStart(2, '0'));
const hex8 = (n: number) => HEX[n & 0xff] as string;

/**
 * A UUID v7 (as the app's `newId`) whose time part is `ms` and whose random part comes from
 * `rng`: rows keep the creation-time order of real ids and the whole city is reproducible.
 */
export function uuidv7At(ms: number, rng: Rng): string {
  const t = Math.max(0, Math.floor(ms));
  const hi = Math.floor(t / 0x1000000);
  const lo = t % 0x1000000;
  const r1 = rng.u32();
  const r2 = rng.u32();
  const r3 = rng.u32();
  return (
    hex8(hi >>> 16) +
    hex8(hi >>> 8) +
    hex8(hi) +
    hex8(lo >>> 16) +
    '-' +
    hex8(lo >>> 8) +
    hex8(lo) +
    '-' +
    hex8(0x70 | (r1 & 0x0f)) +
    hex8(r1 >>> 8) +
    '-' +
    hex8(0x80 | ((r1 >>> 16) & 0x3f)) +
    hex8(r1 >>> 24) +
    '-' +
    hex8(r2) +
    hex8(r2 >>> 8) +
    hex8(r2 >>> 16) +
    hex8(r2 >>> 24) +
    hex8(r3) +
    hex8(r3 >>> 8)
  );
}
