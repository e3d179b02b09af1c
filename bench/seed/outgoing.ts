import { parseReference, referenceKey, toEdxmlCode } from '@vanban/edxml';
import { referenceFor, seriesFor } from '../../apps/server/src/modules/outgoing/outgoing.models.js';
import { Rng, uuidv7At } from '../lib/random.js';
import type { Agency, City } from './model.js';
import {
  EXTERNAL_RECIPIENTS,
  IN_FLIGHT,
  newDocument,
  type Delivery,
  type OutgoingDoc,
  type OutgoingRegister,
} from './outgoing.documents.js';
import { SenderCatalogue } from './senders.js';
import { vietnamDate, type Timeline, type WorkTime } from './timeline.js';

export type * from './outgoing.documents.js';
export { documentTypeName } from './outgoing.documents.js';

/**
 * Outgoing documents (văn bản đi) of the city's agencies, planned before the incoming load: every
 * document an agency receives from another agency of the city is a delivery of one of the
 * sender's outgoing documents — inside the instance (an incoming copy linked by `source_ref`, the
 * sender's sealed files), or on paper / by e-mail to a free-text recipient that the receiving
 * clerk registers. A sender's deliveries within two working weeks are grouped, in time order,
 * into documents with one to dozens of recipients (issued at the first one's moment); on top come
 * documents sent only outside the city or to the agency's own units, a few revoked ones, and the
 * ones still on their way (draft … sealed) near `--now`.
 * Numbers come from the sender's registers in numbering order (Decree 30 Art. 15), so the
 * receivers' copies carry the sender's real number and notation. The rows and events of each
 * sender are written with its own batch (`outgoing.rows.ts`).
 */

export interface OutgoingPlan {
  /** By issuing agency index. */
  documents: OutgoingDoc[][];
  registers: OutgoingRegister[][];
  /** By receiving agency index. */
  deliveries: Delivery[][];
  /** Incoming documents from outside the city, by receiving agency index. */
  external: number[];
}

/** Internal recipients per document: most go to one agency, some to many. */
const GROUP_SIZES: readonly (readonly [number, number])[] = [
  [1, 45],
  [2, 18],
  [3, 12],
  [5, 11],
  [10, 8],
  [25, 4],
  [60, 2],
];

/** Deliveries of a sender within this many working days may be one document (sent at the first). */
const GROUP_WINDOW_DAYS = 10;

const SERIES_NAMES = {
  outgoing: 'Sổ đăng ký văn bản đi',
  outgoing_legal: 'Sổ đăng ký văn bản quy phạm pháp luật',
  outgoing_secret: 'Sổ đăng ký văn bản đi mật',
} as const;

export function outgoingRegisterName(r: OutgoingRegister): string {
  return `${SERIES_NAMES[r.series]} năm ${r.year}`;
}

/** Numbers in numbering order per year and series, as `allocateNumber` gives them. */
function numberDocuments(agency: Agency, docs: OutgoingDoc[], rng: Rng): OutgoingRegister[] {
  const numbered = docs.filter((d) => d.schedule.numbered !== null);
  numbered.sort((a, b) => (a.schedule.numbered as number) - (b.schedule.numbered as number));
  const registers = new Map<string, OutgoingRegister>();
  for (const d of numbered) {
    const at = d.schedule.numbered as number;
    const issueDate = vietnamDate(at);
    const year = Number(issueDate.slice(0, 4));
    const scope = seriesFor({ agencyId: agency.id, docType: d.docType, secrecy: d.secrecy }, year);
    const series = scope.series as OutgoingRegister['series'];
    const key = `${year}/${series}/${scope.typeCode ?? ''}`;
    let r = registers.get(key);
    if (!r) {
      r = {
        id: uuidv7At(at, rng),
        year,
        series,
        typeCode: scope.typeCode ?? '',
        last: 0,
        createdAt: at,
      };
      registers.set(key, r);
    }
    const number = ++r.last;
    const { notation, reference } = referenceFor({
      docType: d.docType,
      agencyShortName: agency.shortName,
      unitCode: d.unit.code,
      number,
      year,
    });
    const parsed = parseReference(reference, { maxYear: year + 1 });
    if (!parsed.ok)
      throw new Error(`outgoing reference ${reference} does not parse: ${parsed.message}`);
    const code = toEdxmlCode(parsed.value);
    d.numbering = {
      registerId: r.id,
      number,
      notation,
      reference,
      referenceKey: referenceKey(parsed.value),
      codeNumber: code.codeNumber,
      codeNotation: code.codeNotation,
      issueDate,
    };
  }
  return [...registers.values()];
}

interface Wanted {
  receiver: Agency;
  channel: Delivery['channel'];
  at: WorkTime;
}

/** When a delivery reaches the receiver: at once inside, days later on paper. */
function arrival(tl: Timeline, rng: Rng, channel: Delivery['channel'], issued: WorkTime): WorkTime {
  const t =
    channel === 'internal'
      ? issued
      : channel === 'paper'
        ? tl.addDays(issued, rng.int(1, 3))
        : tl.add(issued, rng.int(10, 240));
  return tl.isPast(t) ? t : issued;
}

export function planOutgoing(
  city: City,
  tl: Timeline,
  senders: SenderCatalogue,
  incomingCounts: readonly number[],
  seed: number,
  blobs: number,
): OutgoingPlan {
  const n = city.agencies.length;
  const external = new Array<number>(n).fill(0);
  const wanted: Wanted[][] = city.agencies.map(() => []);
  // Where each agency's incoming documents come from: a third from outside the city.
  for (const r of city.agencies) {
    const rng = new Rng(seed, `origins-${r.index}`);
    for (let i = 0; i < (incomingCounts[r.index] ?? 0); i++) {
      if (n < 2 || SenderCatalogue.isExternal(rng)) {
        external[r.index] = (external[r.index] ?? 0) + 1;
        continue;
      }
      const sender = senders.pickInternal(rng, r).agency as Agency;
      const channel = rng.weighted([
        ['internal', 75],
        ['paper', 20],
        ['email', 5],
      ] as const);
      (wanted[sender.index] as Wanted[]).push({ receiver: r, channel, at: tl.sample(rng) });
    }
  }
  const deliveries: Delivery[][] = city.agencies.map(() => []);
  const documents: OutgoingDoc[][] = [];
  const registers: OutgoingRegister[][] = [];
  for (const s of city.agencies) {
    const rng = new Rng(seed, `outgoing-${s.index}`);
    const want = wanted[s.index] as Wanted[];
    want.sort((a, b) => tl.compare(a.at, b.at) || a.receiver.index - b.receiver.index);
    const docs: OutgoingDoc[] = [];
    for (let i = 0; i < want.length;) {
      const first = want[i] as Wanted;
      const size = rng.weighted(GROUP_SIZES);
      const d = newDocument(tl, rng, s, 'issued', first.at, blobs);
      const seen = new Set<number>();
      for (; i < want.length && d.deliveries.length < size; i++) {
        const w = want[i] as Wanted;
        if (w.at.day > first.at.day + GROUP_WINDOW_DAYS || seen.has(w.receiver.index)) break;
        seen.add(w.receiver.index);
        // Confidential documents are not e-mailed (Decree 30 Art. 17): those go on paper.
        const channel = w.channel === 'email' && d.secrecy !== 'normal' ? 'paper' : w.channel;
        const at = arrival(tl, rng, channel, first.at);
        const arrivalMs =
          channel === 'internal' ? (d.schedule.issued as number) : tl.ms(at, rng.int(0, 59));
        const delivery: Delivery = {
          outgoing: d,
          receiver: w.receiver,
          channel,
          arrival: at,
          arrivalMs,
          incomingId: uuidv7At(arrivalMs, rng),
        };
        d.deliveries.push(delivery);
        (deliveries[w.receiver.index] as Delivery[]).push(delivery);
      }
      docs.push(d);
    }
    // Sent only outside the city or to the agency's own units; some later revoked.
    const grouped = docs.length;
    for (let k = 0; k < Math.max(1, Math.round(grouped * 0.3)); k++)
      docs.push(
        newDocument(tl, rng, s, rng.chance(0.01) ? 'revoked' : 'issued', tl.sample(rng), blobs),
      );
    // Still on their way: about three days' worth, in the last working days.
    const inFlight = Math.round(((grouped * 1.3) / tl.pastDays) * 3) + rng.int(0, 2);
    for (let k = 0; k < inFlight; k++) {
      const at = { day: Math.max(0, tl.pastDays - 1 - rng.int(0, 4)), minute: rng.int(0, 569) };
      docs.push(newDocument(tl, rng, s, rng.weighted(IN_FLIGHT), at, blobs));
    }
    for (const d of docs.slice(grouped)) {
      const names = EXTERNAL_RECIPIENTS;
      d.external = rng.sample(names, rng.int(d.state === 'issued' ? 1 : 0, 3));
      d.units = rng.sample(s.units.slice(1), rng.int(d.external.length === 0 ? 1 : 0, 2));
      if (d.external.length === 0 && d.units.length === 0) d.external = [rng.pick(names)];
    }
    registers.push(numberDocuments(s, docs, rng));
    documents.push(docs);
  }
  return { documents, registers, deliveries, external };
}
