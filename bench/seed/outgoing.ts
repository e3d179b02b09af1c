import type pg from 'pg';

/**
 * EXTENSION POINT — outgoing documents (văn bản đi). The outgoing module and its tables are being
 * built (apps/server/src/modules/outgoing); until its migrations exist this step writes nothing.
 *
 * When they land, generate here, per issuing agency and year: drafts with versions, review steps,
 * signer, number + notation from the agency's `outgoing` / `outgoing_legal` registers (consecutive,
 * `registers.last_number` = the last number), issue to recipients — and make the `internal`
 * incoming documents of `agency-batch.ts` the deliveries of those issues (their `source_ref` is
 * reserved for the outgoing document id, their `reference` should then come from the issuer's
 * register instead of `senderNumber`). Hash-chain the events with the incoming ones (one chain per
 * agency: sort both by time before hashing).
 */
export async function writeOutgoing(pool: pg.Pool): Promise<string> {
  const { rows } = await pool.query<{ present: boolean }>(
    "select to_regclass('public.outgoing_documents') is not null as present",
  );
  return rows[0]?.present
    ? 'outgoing: tables exist but the generator is not written yet (bench/seed/outgoing.ts)'
    : 'outgoing: no tables in the schema yet — skipped (extension point bench/seed/outgoing.ts)';
}
