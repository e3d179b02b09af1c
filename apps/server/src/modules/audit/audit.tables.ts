import {
  bigint,
  bigserial,
  index,
  jsonb,
  pgTable,
  text,
  timestamp,
  unique,
  uuid,
} from 'drizzle-orm/pg-core';

/**
 * Append-only audit trail (Decree 30 App. VI §III.5: keep the processing history). Each row holds
 * the hash of the previous row of its chain; a trigger refuses UPDATE and DELETE.
 */
export const auditEvents = pgTable(
  'audit_events',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    chain: text('chain').notNull(),
    seq: bigint('seq', { mode: 'number' }).notNull(),
    occurredAt: timestamp('occurred_at', { withTimezone: true, precision: 3 }).notNull(),
    type: text('type').notNull(),
    actorUserId: uuid('actor_user_id'),
    actorName: text('actor_name'),
    onBehalfOfUserId: uuid('on_behalf_of_user_id'),
    onBehalfOfName: text('on_behalf_of_name'),
    agencyId: uuid('agency_id'),
    subjectType: text('subject_type'),
    subjectId: text('subject_id'),
    data: jsonb('data').$type<Record<string, unknown>>().notNull(),
    ip: text('ip'),
    requestId: text('request_id'),
    prevHash: text('prev_hash').notNull(),
    hash: text('hash').notNull(),
  },
  (t) => [
    unique('audit_events_chain_seq_uq').on(t.chain, t.seq),
    index('audit_events_subject_idx').on(t.subjectType, t.subjectId, t.id),
    index('audit_events_agency_idx').on(t.agencyId, t.id),
  ],
);

/** Last sequence and hash per chain; its row lock serialises writers of one chain. */
export const auditChainHeads = pgTable('audit_chain_heads', {
  chain: text('chain').primaryKey(),
  seq: bigint('seq', { mode: 'number' }).notNull(),
  hash: text('hash').notNull(),
});
