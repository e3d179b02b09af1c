import { sql } from 'drizzle-orm';
import { queryRows } from '../../platform/db/database.js';
import { DbCache } from '../../platform/db/db-cache.js';
import { recordAuditEvent } from '../audit/index.js';
import { auditActorOf, usersAdmin, type Actor, type RequestMeta } from '../identity/index.js';
import { incomingErrors } from './incoming.errors.js';
import type { IncomingDeps } from './incoming.usecase-kit.js';

export interface IncomingSettings {
  agencyId: string;
  submitTo: 'leader' | 'unit';
  dueSoonWorkingDays: number;
}

/**
 * Settings per agency, kept in process: every inbox request reads the due-soon threshold, and
 * they change only through `updateIncomingSettings`, which invalidates the agency's entry
 * (another process sees the change within 60 s; docs/performance.md, finding 5).
 */
const settingsCache = new DbCache<string, IncomingSettings>();

async function readIncomingSettings(
  deps: Pick<IncomingDeps, 'db'>,
  agencyId: string,
): Promise<IncomingSettings> {
  const [row] = await queryRows<{ submit_to: 'leader' | 'unit'; due_soon_working_days: number }>(
    deps.db,
    sql`select submit_to, due_soon_working_days from incoming_settings where agency_id = ${agencyId}`,
  );
  return {
    agencyId,
    submitTo: row?.submit_to ?? 'leader',
    dueSoonWorkingDays: row?.due_soon_working_days ?? 2,
  };
}

export async function getIncomingSettings(
  deps: IncomingDeps,
  agencyId: string,
): Promise<IncomingSettings> {
  const settings = await settingsCache.get(deps.db, agencyId, () =>
    readIncomingSettings(deps, agencyId),
  );
  return { ...settings };
}

/**
 * The head of the agency decides how incoming documents flow (Decree 30 Art. 22: present to the
 * leader, or to the unit per internal rules); an administrator of the agency records it.
 */
export async function updateIncomingSettings(
  deps: IncomingDeps,
  actor: Actor,
  input: IncomingSettings,
  meta: RequestMeta,
): Promise<IncomingSettings> {
  const administered = await usersAdmin.administeredAgencyIds(deps, actor);
  if (!administered.includes(input.agencyId))
    throw incomingErrors.forbidden('You do not administer this agency');
  const now = deps.clock.now();
  await deps.db.transaction(async (tx) => {
    await tx.execute(sql`insert into incoming_settings (agency_id, submit_to, due_soon_working_days, updated_at)
      values (${input.agencyId}, ${input.submitTo}, ${input.dueSoonWorkingDays}, ${now.toISOString()})
      on conflict (agency_id) do update set submit_to = excluded.submit_to,
        due_soon_working_days = excluded.due_soon_working_days, updated_at = excluded.updated_at`);
    await recordAuditEvent(tx, {
      type: 'incoming.settings_changed',
      actor: auditActorOf(actor),
      agencyId: input.agencyId,
      subject: { type: 'agency', id: input.agencyId },
      data: { submitTo: input.submitTo, dueSoonWorkingDays: input.dueSoonWorkingDays },
      occurredAt: now,
      ip: meta.ip,
      requestId: meta.requestId,
    });
  });
  settingsCache.invalidate(deps.db, input.agencyId);
  return getIncomingSettings(deps, input.agencyId);
}
