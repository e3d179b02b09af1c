import type { ReminderSettings, ReminderSettingsBody } from '@vanban/contracts';
import type { AppDependencies } from '../../app/dependencies.js';
import { recordAuditEvent } from '../audit/index.js';
import { auditActorOf, hasRole, type Actor, type RequestMeta } from '../identity/index.js';
import { reminderErrors } from './reminders.errors.js';
import * as repo from './reminders.repository.js';

type Deps = Pick<AppDependencies, 'db' | 'clock'>;

export async function getReminderSettings(deps: Deps, actor: Actor): Promise<ReminderSettings> {
  const { rules, configured } = await repo.rulesOfAgency(deps.db, actor.agencyId);
  return { agencyId: actor.agencyId, configured, ...rules };
}

/**
 * The office (clerks) follows up deadlines on the head's behalf (Decree 30 Art. 24(1)(c)), so the
 * agency's administrators, clerks and leaders set how it reminds; offsets are kept largest first.
 */
export async function updateReminderSettings(
  deps: Deps,
  actor: Actor,
  input: ReminderSettingsBody,
  meta: RequestMeta,
): Promise<ReminderSettings> {
  const agencyId = actor.agencyId;
  if (!(['admin', 'clerk', 'leader'] as const).some((role) => hasRole(actor, role, agencyId)))
    throw reminderErrors.forbidden();
  const now = deps.clock.now();
  const rules = { ...input, offsets: [...input.offsets].sort((a, b) => b - a) };
  await deps.db.transaction(async (tx) => {
    await repo.saveRules(tx, agencyId, rules, actor.userId, now);
    await recordAuditEvent(tx, {
      type: 'reminders.settings_changed',
      actor: auditActorOf(actor),
      agencyId,
      subject: { type: 'agency', id: agencyId },
      data: { ...rules },
      occurredAt: now,
      ip: meta.ip,
      requestId: meta.requestId,
    });
  });
  return getReminderSettings(deps, actor);
}
