import type { ScheduleWeek } from '@vanban/contracts';
import type { Actor, RequestMeta } from '../identity/index.js';
import { notify } from '../notifications/index.js';
import { scheduleErrors } from './schedule.errors.js';
import { isoWeekOf, parseIsoWeek } from './schedule.models.js';
import { presentWeek } from './schedule.presenters.js';
import * as repo from './schedule.repository.js';
import { audit } from './schedule.usecase-kit.js';
import { scheduleAccess, type ScheduleDeps } from './schedule.views.usecases.js';

/**
 * Publishes an agency's week: the published copy (what the public page and the public iCal
 * show) becomes the working entries as they are, the version goes up, and the leaders on the
 * week's entries are told in the app. Publishing an unchanged week again is allowed (a new
 * version with the same content), as is publishing an empty week (nothing planned).
 */
export async function publishScheduleWeek(
  deps: ScheduleDeps,
  actor: Actor,
  weekText: string,
  agencyIdParam: string | undefined,
  meta: RequestMeta,
): Promise<ScheduleWeek> {
  const weekStart = parseIsoWeek(weekText);
  if (!weekStart)
    throw scheduleErrors.weekInvalid(`"${weekText}" is not an ISO week such as 2026-W47`);
  const agencyId = agencyIdParam ?? actor.agencyId;
  const access = await scheduleAccess(deps, actor, agencyId);
  if (!access.canEdit) throw scheduleErrors.forbidden();
  const now = deps.clock.now();
  return deps.db.transaction(async (tx) => {
    const week = await repo.lockWeek(tx, agencyId, weekStart);
    const { version, entryIds } = await repo.publishWeek(tx, week, actor.userId, now);
    const week_ = isoWeekOf(weekStart);
    await audit(
      { tx, actor, now, meta },
      agencyId,
      'schedule.week_published',
      { type: 'schedule_week', id: `${agencyId}:${week_}` },
      {
        week: week_,
        version,
        previousVersion: week.version,
        entryIds,
      },
    );
    const leaders = await repo.leadersOf(tx, entryIds);
    const userIds = [...leaders.values()]
      .flat()
      .map((l) => l.id)
      .filter((u) => u !== actor.userId);
    await notify(
      tx,
      {
        userIds,
        kind: 'schedule.week_published',
        title: `Lịch công tác tuần ${week_} đã được ${version > 1 ? 'cập nhật' : 'ban hành'} (phiên bản ${version})`,
        subject: { type: 'schedule_week', id: `${agencyId}:${week_}` },
        urgency: 'normal',
      },
      now,
    );
    const [row] = await repo.findWeeks(tx, agencyId, [weekStart]);
    return presentWeek(weekStart, row, new Map([[actor.userId, actor.fullName]]));
  });
}
