/** What the kill test reads from the three databases, and what it expects to find. */
import { sql } from 'drizzle-orm';
import { queryRows } from '../../../../platform/db/database.js';
import type { World } from './world.js';

export const TOTAL = 100;

/** What B's clerk does with each document, by its number: return a tenth, register a third. */
export function planFor(reference: string): 'return' | 'register' | 'none' {
  const n = Number(reference.split('/')[0]);
  return n % 10 === 7 ? 'return' : n % 3 === 0 ? 'register' : 'none';
}

export const reasonFor = (reference: string) =>
  `Văn bản số ${reference} gửi nhầm cơ quan, đề nghị chuyển đúng nơi nhận`;

const stateAtB = { return: 'returned', register: 'registered', none: 'received' } as const;
/** A's recipient status for each state of B's copy (status packets 01, 03, 02). */
export const statusAtA: Record<string, string> = {
  received: 'delivered',
  registered: 'registered',
  returned: 'returned',
};

/** A's sent documents, B's arrivals, the hub's stored packets: what the chaos waits on. */
export async function progressOf(w: World) {
  const [[sent], [arrived], [packets]] = await Promise.all([
    queryRows<{ n: number }>(
      w.a.deps.db,
      sql`select count(*)::int as n from hub_outbox where state = 'sent'`,
    ),
    queryRows<{ n: number }>(
      w.b.deps.db,
      sql`select count(*)::int as n from incoming_documents where source = 'hub'`,
    ),
    w.hubQuery<{ n: number }>('select count(*)::int as n from hub_packets'),
  ]);
  return { sent: sent!.n, arrived: arrived!.n, packets: packets!.n };
}

export async function snapshot(w: World) {
  const atB = await queryRows<{ reference: string; state: string; return_reason: string | null }>(
    w.b.deps.db,
    sql`select reference, state, return_reason from incoming_documents where source = 'hub'`,
  );
  const atA = await queryRows<{
    reference: string;
    status: string;
    status_note: string | null;
    outbox: string;
  }>(
    w.a.deps.db,
    sql`select d.reference, r.status, r.status_note, o.state::text as outbox
        from hub_outbox o join outgoing_documents d on d.id = o.outgoing_id
        join outgoing_recipients r on r.id = o.recipient_id`,
  );
  const [unsent] = await queryRows<{ n: number }>(
    w.b.deps.db,
    sql`select count(*)::int as n from exchange_received
        where kind = 'document' and pending_status_packet_id is not null`,
  );
  const [pending] = await w.hubQuery<{ n: number }>(
    `select count(*)::int as n from hub_deliveries where state = 'pending'`,
  );
  return { atA, atB, unsent: unsent!.n, pending: pending!.n };
}
export type Snapshot = Awaited<ReturnType<typeof snapshot>>;

/** Documents not yet in their planned state at B, or whose status has not reached A yet. */
export function differences(s: Snapshot) {
  const bByRef = new Map(s.atB.map((d) => [d.reference, d]));
  return s.atA.filter((row) => {
    const copy = bByRef.get(row.reference);
    if (!copy || row.outbox !== 'sent') return true;
    return !(
      copy.state === stateAtB[planFor(row.reference)] && row.status === statusAtA[copy.state]
    );
  });
}

/** Everything arrived, every status reported, nothing left at the hub or half-sent. */
export function converged(s: Snapshot): boolean {
  if (s.unsent + s.pending > 0 || s.atA.length !== TOTAL || s.atB.length !== TOTAL) return false;
  return differences(s).length === 0;
}

export function describeGap(s: Snapshot): string {
  const sample = differences(s)
    .slice(0, 5)
    .map((r) => [r.reference, r.status, s.atB.find((x) => x.reference === r.reference)?.state]);
  return (
    `A ${s.atA.filter((r) => r.outbox === 'sent').length}/${TOTAL} sent, ` +
    `B ${s.atB.length}/${TOTAL} received, ${s.unsent} status packets unsent, ` +
    `${s.pending} hub deliveries pending; differences: ${JSON.stringify(sample)}`
  );
}
