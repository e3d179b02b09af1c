import type { ScheduleEntry } from '@vanban/contracts';
import type { Db } from '../../platform/db/database.js';
import { recordAuditEvent } from '../audit/index.js';
import { auditActorOf, type Actor, type RequestMeta } from '../identity/index.js';
import { scheduleErrors } from './schedule.errors.js';
import * as repo from './schedule.repository.js';
import { presentEntries, scheduleAccess, type ScheduleDeps } from './schedule.views.usecases.js';

/** Who changes the schedule, when, inside which transaction. */
export interface Step {
  tx: Db;
  actor: Actor;
  now: Date;
  meta: RequestMeta;
}

export async function audit(
  step: Step,
  agencyId: string,
  type: string,
  subject: { type: string; id: string },
  data: Record<string, unknown>,
) {
  await recordAuditEvent(step.tx, {
    type,
    actor: auditActorOf(step.actor),
    agencyId,
    subject,
    data,
    occurredAt: step.now,
    ip: step.meta.ip,
    requestId: step.meta.requestId,
  });
}

/** 404 for an agency the actor may not see (existence not revealed), 403 when only reading. */
export async function requireEditor(deps: ScheduleDeps, actor: Actor, agencyId: string) {
  const access = await scheduleAccess(deps, actor, agencyId);
  if (!access.canRead) throw scheduleErrors.entryNotFound();
  if (!access.canEdit) throw scheduleErrors.forbidden();
}

export async function reload(tx: Db, id: string): Promise<ScheduleEntry> {
  const row = await repo.findEntry(tx, id);
  const [entry] = await presentEntries(tx, [row!]);
  return entry!;
}
