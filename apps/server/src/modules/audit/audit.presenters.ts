import type { auditEvents } from './audit.tables.js';

/** An audit row as the API shows it (`auditEventSchema`). */
export function presentAuditEvent(r: typeof auditEvents.$inferSelect) {
  return {
    id: r.id,
    chain: r.chain,
    seq: r.seq,
    occurredAt: r.occurredAt.toISOString(),
    type: r.type,
    actor: r.actorUserId ? { id: r.actorUserId, name: r.actorName ?? '' } : null,
    onBehalfOf: r.onBehalfOfUserId
      ? { id: r.onBehalfOfUserId, name: r.onBehalfOfName ?? '' }
      : null,
    agencyId: r.agencyId,
    subjectType: r.subjectType,
    subjectId: r.subjectId,
    data: r.data,
  };
}
