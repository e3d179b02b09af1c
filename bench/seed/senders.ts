import type { Rng } from '../lib/random.js';
import type { Agency, City, Person } from './model.js';
import { EXTERNAL_SENDERS, FAMILY_NAMES, GIVEN_NAMES, MIDDLE_NAMES } from './names.js';

export interface Sender {
  agency: Agency | null;
  name: string;
  code: string | null;
  /** Issuer group of the notation (`UBND`, `BNV`). */
  issuer: string;
  issuesPerYear: number;
  signers: { name: string; position: string }[];
  /** Who uploads what it sends inside the instance (its clerk). */
  clerk: Person | null;
}

/** Draws an index with the given weights in O(log n). */
export class WeightedTable {
  private readonly cumulative: number[] = [];

  constructor(weights: readonly number[]) {
    let sum = 0;
    for (const w of weights) this.cumulative.push((sum += w));
  }

  draw(rng: Rng): number {
    const x = rng.next() * (this.cumulative[this.cumulative.length - 1] ?? 0);
    let lo = 0;
    let hi = this.cumulative.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if ((this.cumulative[mid] as number) < x) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }
}

/** Who sends documents to the agencies of the city: its own agencies, and bodies outside it. */
export class SenderCatalogue {
  readonly internal: Sender[];
  readonly external: Sender[];
  private readonly internalTable: WeightedTable;
  private readonly externalTable: WeightedTable;

  constructor(city: City, rng: Rng) {
    this.internal = city.agencies.map((a) => ({
      agency: a,
      name: a.name,
      code: a.code,
      issuer: a.shortName,
      issuesPerYear: a.issuesPerYear,
      signers: [a.leader, ...a.deputies].map((p) => ({ name: p.fullName, position: p.title })),
      clerk: a.clerks[0] ?? null,
    }));
    this.external = EXTERNAL_SENDERS.map(([name, issuer]) => ({
      agency: null,
      name,
      code: null,
      issuer,
      issuesPerYear: rng.int(2000, 9000),
      signers: Array.from({ length: 3 }, (_, i) => ({
        name: `${rng.pick(FAMILY_NAMES)} ${rng.pick(MIDDLE_NAMES)} ${rng.pick(GIVEN_NAMES)}`,
        position: i === 0 ? 'Thủ trưởng cơ quan' : 'Cấp phó của người đứng đầu',
      })),
      clerk: null,
    }));
    this.internalTable = new WeightedTable(this.internal.map((s) => s.issuesPerYear));
    this.externalTable = new WeightedTable(this.external.map((s, i) => (i < 17 ? 3 : 1)));
  }

  /** A body outside the city (ministries, provinces, firms): a third of what agencies receive. */
  pickExternal(rng: Rng): Sender {
    return this.external[this.externalTable.draw(rng)] as Sender;
  }

  /** An agency of the city sending to `to`: mostly its parent, the city, or a busy peer. */
  pickInternal(rng: Rng, to: Agency): Sender {
    const x = rng.next();
    if (x < 0.38 && to.parentIndex !== null) return this.internal[to.parentIndex] as Sender;
    if (x < 0.5 && to.index !== 0) return this.internal[0] as Sender;
    for (;;) {
      const s = this.internal[this.internalTable.draw(rng)] as Sender;
      if (s.agency !== to) return s;
    }
  }

  /** Whether a document received by an agency comes from outside the city (35 %). */
  static isExternal(rng: Rng): boolean {
    return rng.next() < 0.35;
  }
}
