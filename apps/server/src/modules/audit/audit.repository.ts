import { and, asc, desc, eq, gt, lt, sql } from 'drizzle-orm';
import type { Db } from '../../platform/db/database.js';
import { auditChainHeads, auditEvents } from './audit.tables.js';
import { computeAuditHash, GENESIS_HASH } from './audit.models.js';

export interface AuditActor {
  userId: string;
  name: string;
  onBehalfOf?: { userId: string; name: string } | null;
}

export interface AuditEventInput {
  type: string;
  actor: AuditActor | null;
  /** Owning agency; also selects the hash chain (one chain per agency, plus `system`). */
  agencyId?: string | null;
  subject?: { type: string; id: string } | null;
  data?: Record<string, unknown>;
  ip?: string | null;
  requestId?: string | null;
  occurredAt: Date;
}

/**
 * Appends an audit event inside the caller's transaction. The chain head row is locked, so events
 * of one chain get consecutive sequence numbers and each row carries the previous row's hash.
 */
export async function recordAuditEvent(
  tx: Db,
  input: AuditEventInput,
): Promise<{ id: number; hash: string }> {
  const chain = input.agencyId ?? 'system';
  await tx
    .insert(auditChainHeads)
    .values({ chain, seq: 0, hash: GENESIS_HASH })
    .onConflictDoNothing();
  const [head] = await tx
    .select()
    .from(auditChainHeads)
    .where(eq(auditChainHeads.chain, chain))
    .for('update');
  if (!head) throw new Error(`audit chain head ${chain} missing`);
  // Millisecond precision: the stored timestamptz(3) must hash the same when read back.
  const occurredAt = new Date(Math.floor(input.occurredAt.getTime()));
  const row = {
    chain,
    seq: head.seq + 1,
    occurredAt,
    type: input.type,
    actorUserId: input.actor?.userId ?? null,
    actorName: input.actor?.name ?? null,
    onBehalfOfUserId: input.actor?.onBehalfOf?.userId ?? null,
    onBehalfOfName: input.actor?.onBehalfOf?.name ?? null,
    agencyId: input.agencyId ?? null,
    subjectType: input.subject?.type ?? null,
    subjectId: input.subject?.id ?? null,
    data: input.data ?? {},
    ip: input.ip ?? null,
    requestId: input.requestId ?? null,
    prevHash: head.hash,
  };
  const hash = computeAuditHash(row);
  const [inserted] = await tx
    .insert(auditEvents)
    .values({ ...row, hash })
    .returning({ id: auditEvents.id });
  await tx
    .update(auditChainHeads)
    .set({ seq: row.seq, hash })
    .where(eq(auditChainHeads.chain, chain));
  return { id: inserted!.id, hash };
}

export interface AuditProblem {
  id: number | null;
  chain: string;
  seq: number;
  problem: 'hash_mismatch' | 'broken_link' | 'missing_rows' | 'head_mismatch';
  message: string;
}

/** Walks every chain in order; returns the first problem found in each chain. */
export async function verifyAuditChains(
  db: Db,
  options: { batchSize?: number } = {},
): Promise<{ chains: number; events: number; problems: AuditProblem[] }> {
  const batchSize = options.batchSize ?? 2000;
  const heads = await db.select().from(auditChainHeads).orderBy(asc(auditChainHeads.chain));
  const problems: AuditProblem[] = [];
  let events = 0;
  for (const head of heads) {
    let prevHash = GENESIS_HASH;
    let expectedSeq = 1;
    let failed = false;
    for (;;) {
      const rows = await db
        .select()
        .from(auditEvents)
        .where(and(eq(auditEvents.chain, head.chain), gt(auditEvents.seq, expectedSeq - 1)))
        .orderBy(asc(auditEvents.seq))
        .limit(batchSize);
      for (const r of rows) {
        events++;
        const problem = checkRow(r, expectedSeq, prevHash);
        if (problem) {
          problems.push(problem);
          failed = true;
          break;
        }
        prevHash = r.hash;
        expectedSeq++;
      }
      if (failed || rows.length < batchSize) break;
    }
    if (!failed && (head.seq !== expectedSeq - 1 || head.hash !== prevHash)) {
      problems.push({
        id: null,
        chain: head.chain,
        seq: expectedSeq,
        problem: 'head_mismatch',
        message: `chain ${head.chain} should end at seq ${head.seq} but its last row is seq ${expectedSeq - 1} (rows removed at the end?)`,
      });
    }
  }
  return { chains: heads.length, events, problems };
}

function checkRow(
  r: typeof auditEvents.$inferSelect,
  expectedSeq: number,
  prevHash: string,
): AuditProblem | null {
  if (r.seq !== expectedSeq) {
    return {
      id: r.id,
      chain: r.chain,
      seq: r.seq,
      problem: 'missing_rows',
      message: `row ${r.id} has seq ${r.seq} where ${expectedSeq} was expected (rows removed before it)`,
    };
  }
  if (r.prevHash !== prevHash) {
    return {
      id: r.id,
      chain: r.chain,
      seq: r.seq,
      problem: 'broken_link',
      message: `row ${r.id} does not link to the previous row's hash`,
    };
  }
  if (computeAuditHash(r) !== r.hash) {
    return {
      id: r.id,
      chain: r.chain,
      seq: r.seq,
      problem: 'hash_mismatch',
      message: `row ${r.id} was altered: its content no longer matches its hash`,
    };
  }
  return null;
}

export async function listAuditEvents(
  db: Db,
  filter: {
    agencyIds: string[] | 'all';
    subjectType?: string;
    subjectId?: string;
    type?: string;
    beforeId?: number;
    limit: number;
  },
) {
  const conditions = [
    filter.agencyIds === 'all'
      ? undefined
      : filter.agencyIds.length === 0
        ? sql`false`
        : sql`${auditEvents.agencyId} in ${filter.agencyIds}`,
    filter.subjectType ? eq(auditEvents.subjectType, filter.subjectType) : undefined,
    filter.subjectId ? eq(auditEvents.subjectId, filter.subjectId) : undefined,
    filter.type ? eq(auditEvents.type, filter.type) : undefined,
    filter.beforeId ? lt(auditEvents.id, filter.beforeId) : undefined,
  ];
  return db
    .select()
    .from(auditEvents)
    .where(and(...conditions))
    .orderBy(desc(auditEvents.id))
    .limit(filter.limit);
}
