import { count } from 'drizzle-orm';
import type { Db } from '../src/db/database.js';
import { deliveries, events, packetChunks, packets } from '../src/db/schema.js';

/** Row counts of every table a send writes to: equal before and after a refused send. */
export async function storedRows(db: Db): Promise<Record<string, number>> {
  const n = async (
    table: typeof packets | typeof deliveries | typeof events | typeof packetChunks,
  ) => Number((await db.select({ n: count() }).from(table))[0]?.n ?? 0);
  return {
    packets: await n(packets),
    chunks: await n(packetChunks),
    deliveries: await n(deliveries),
    events: await n(events),
  };
}
