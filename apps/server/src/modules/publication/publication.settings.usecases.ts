import type { PublicationSettings, UpdatePublicationSettingsBody } from '@vanban/contracts';
import type { AppDependencies } from '../../app/dependencies.js';
import { recordAuditEvent } from '../audit/index.js';
import {
  auditActorOf,
  hasRole,
  usersAdmin,
  type Actor,
  type RequestMeta,
} from '../identity/index.js';
import { publicationErrors } from './publication.errors.js';
import * as repo from './publication.repository.js';

export type PublicationDeps = Pick<AppDependencies, 'db' | 'clock'>;

/**
 * Publishing is the head of the agency's decision (the leader, not a deputy), recorded by them or
 * by an administrator of the agency.
 */
async function mayEdit(deps: PublicationDeps, actor: Actor, agencyId: string): Promise<boolean> {
  if (hasRole(actor, 'leader', agencyId)) return true;
  return (await usersAdmin.administeredAgencyIds(deps, actor)).includes(agencyId);
}

function present(
  agencyId: string,
  row: repo.SettingsRow | undefined,
  canEdit: boolean,
): PublicationSettings {
  return {
    agencyId,
    showTasks: row?.showTasks ?? false,
    showSchedule: row?.showSchedule ?? false,
    showOnTimeRates: row?.showOnTimeRates ?? false,
    updatedAt: row?.updatedAt.toISOString() ?? null,
    canEdit,
  };
}

/** Any signed-in user may read them: they say no more than the public page itself. */
export async function getPublicationSettings(
  deps: PublicationDeps,
  actor: Actor,
  agencyId: string | undefined,
): Promise<PublicationSettings> {
  const target = agencyId ?? actor.agencyId;
  return present(
    target,
    await repo.findSettings(deps.db, target),
    await mayEdit(deps, actor, target),
  );
}

export async function updatePublicationSettings(
  deps: PublicationDeps,
  actor: Actor,
  body: UpdatePublicationSettingsBody,
  meta: RequestMeta,
): Promise<PublicationSettings> {
  const agencyId = body.agencyId ?? actor.agencyId;
  if (!(await mayEdit(deps, actor, agencyId))) throw publicationErrors.forbidden();
  const now = deps.clock.now();
  return deps.db.transaction(async (tx) => {
    const before = await repo.findSettings(tx, agencyId);
    const row: repo.SettingsRow = {
      agencyId,
      showTasks: body.showTasks,
      showSchedule: body.showSchedule,
      showOnTimeRates: body.showOnTimeRates,
      updatedBy: actor.userId,
      updatedAt: now,
    };
    await repo.upsertSettings(tx, row);
    await recordAuditEvent(tx, {
      type: 'publication.settings_changed',
      actor: auditActorOf(actor),
      agencyId,
      subject: { type: 'agency', id: agencyId },
      data: {
        before: before
          ? {
              showTasks: before.showTasks,
              showSchedule: before.showSchedule,
              showOnTimeRates: before.showOnTimeRates,
            }
          : null,
        after: {
          showTasks: body.showTasks,
          showSchedule: body.showSchedule,
          showOnTimeRates: body.showOnTimeRates,
        },
      },
      occurredAt: now,
      ip: meta.ip,
      requestId: meta.requestId,
    });
    return present(agencyId, row, true);
  });
}
