import { createHash } from 'node:crypto';

export const GENESIS_HASH = '0'.repeat(64);

export interface AuditHashInput {
  chain: string;
  seq: number;
  occurredAt: Date;
  type: string;
  actorUserId: string | null;
  actorName: string | null;
  onBehalfOfUserId: string | null;
  onBehalfOfName: string | null;
  agencyId: string | null;
  subjectType: string | null;
  subjectId: string | null;
  data: Record<string, unknown>;
  ip: string | null;
  requestId: string | null;
  prevHash: string;
}

/** JSON with sorted keys, so the hash does not depend on key order after a jsonb round trip. */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value) ?? 'null';
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, v]) => v !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
}

export function computeAuditHash(row: AuditHashInput): string {
  // Only the listed fields: a row read back also carries `id` and `hash`, which are not hashed.
  const payload = canonicalJson({
    chain: row.chain,
    seq: row.seq,
    occurredAt: row.occurredAt.toISOString(),
    type: row.type,
    actorUserId: row.actorUserId,
    actorName: row.actorName,
    onBehalfOfUserId: row.onBehalfOfUserId,
    onBehalfOfName: row.onBehalfOfName,
    agencyId: row.agencyId,
    subjectType: row.subjectType,
    subjectId: row.subjectId,
    data: row.data,
    ip: row.ip,
    requestId: row.requestId,
    prevHash: row.prevHash,
  });
  return createHash('sha256').update(payload).digest('hex');
}
