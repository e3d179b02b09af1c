import type {
  CreateScheduleEntryBody,
  ScheduleEntry,
  UpdateScheduleEntryBody,
} from '@vanban/contracts';
import { newId } from '../../platform/db/ids.js';
import type { Actor, RequestMeta } from '../identity/index.js';
import { checkDraft, EDITABLE, isNoOp, mergeDraft } from './schedule.drafts.js';
import { scheduleErrors } from './schedule.errors.js';
import { isoWeekOf } from './schedule.models.js';
import * as repo from './schedule.repository.js';
import { audit, reload, requireEditor } from './schedule.usecase-kit.js';
import { scheduleAccess, type ScheduleDeps } from './schedule.views.usecases.js';

export async function createScheduleEntry(
  deps: ScheduleDeps,
  actor: Actor,
  body: CreateScheduleEntryBody,
  meta: RequestMeta,
): Promise<ScheduleEntry> {
  const agencyId = body.agencyId ?? actor.agencyId;
  const access = await scheduleAccess(deps, actor, agencyId);
  if (!access.canEdit) throw scheduleErrors.forbidden();
  const now = deps.clock.now();
  return deps.db.transaction(async (tx) => {
    const checked = await checkDraft(tx, agencyId, {
      kind: body.kind,
      date: body.date,
      startTime: body.startTime ?? null,
      endDate: body.endDate ?? null,
      endTime: body.endTime ?? null,
      content: body.content ?? null,
      leaderIds: body.leaderIds,
    });
    const week = await repo.lockWeek(tx, agencyId, checked.weekStart);
    const id = newId();
    await repo.insertEntry(tx, {
      id,
      agencyId,
      weekStart: checked.weekStart,
      kind: body.kind,
      allDay: checked.allDay,
      startsAt: checked.startsAt,
      endsAt: checked.endsAt,
      place: body.place || null,
      content: checked.content,
      participants: body.participants || null,
      preparingUnit: body.preparingUnit || null,
      visibility: body.visibility,
      createdBy: actor.userId,
      createdAt: now,
      updatedBy: actor.userId,
      updatedAt: now,
    });
    await repo.replaceLeaders(tx, id, body.leaderIds);
    const changed = await repo.markWeekChanged(tx, week, now);
    const entry = await reload(tx, id);
    await audit(
      { tx, actor, now, meta },
      agencyId,
      'schedule.entry_created',
      { type: 'schedule_entry', id },
      {
        week: entry.week,
        kind: entry.kind,
        date: entry.date,
        startTime: entry.startTime,
        content: entry.content,
        leaderIds: body.leaderIds,
        visibility: entry.visibility,
        weekChangedAfterPublication: changed,
      },
    );
    return entry;
  });
}

export async function updateScheduleEntry(
  deps: ScheduleDeps,
  actor: Actor,
  id: string,
  body: UpdateScheduleEntryBody,
  meta: RequestMeta,
): Promise<ScheduleEntry> {
  const now = deps.clock.now();
  return deps.db.transaction(async (tx) => {
    const row = await repo.lockEntry(tx, id);
    if (!row) throw scheduleErrors.entryNotFound();
    await requireEditor({ ...deps, db: tx }, actor, row.agencyId);
    const before = await reload(tx, id);
    const draft = mergeDraft(before, body);
    const checked = await checkDraft(tx, row.agencyId, draft);
    if (isNoOp(row, before, draft, checked, body)) return before;
    // Lock both weeks in date order, so two moves in opposite directions cannot deadlock.
    const weekStarts = [...new Set([row.weekStart, checked.weekStart])].sort();
    const weeks = [];
    for (const w of weekStarts) weeks.push(await repo.lockWeek(tx, row.agencyId, w));
    await repo.updateEntry(tx, id, {
      weekStart: checked.weekStart,
      kind: draft.kind,
      allDay: checked.allDay,
      startsAt: checked.startsAt,
      endsAt: checked.endsAt,
      content: checked.content,
      ...(body.place !== undefined ? { place: body.place || null } : {}),
      ...(body.participants !== undefined ? { participants: body.participants || null } : {}),
      ...(body.preparingUnit !== undefined ? { preparingUnit: body.preparingUnit || null } : {}),
      ...(body.visibility !== undefined ? { visibility: body.visibility } : {}),
      revision: row.revision + 1,
      updatedBy: actor.userId,
      updatedAt: now,
    });
    if (body.leaderIds) await repo.replaceLeaders(tx, id, body.leaderIds);
    const changedWeeks: string[] = [];
    for (const week of weeks)
      if (await repo.markWeekChanged(tx, week, now)) changedWeeks.push(isoWeekOf(week.weekStart));
    const after = await reload(tx, id);
    const changes: Record<string, { from: unknown; to: unknown }> = {};
    for (const key of EDITABLE) {
      const [a, b] =
        key === 'leaderIds'
          ? [before.leaders.map((l) => l.id), after.leaders.map((l) => l.id)]
          : [before[key], after[key]];
      if (JSON.stringify(a) !== JSON.stringify(b)) changes[key] = { from: a, to: b };
    }
    await audit(
      { tx, actor, now, meta },
      row.agencyId,
      'schedule.entry_updated',
      { type: 'schedule_entry', id },
      {
        week: after.week,
        revision: after.revision,
        changes,
        weeksChangedAfterPublication: changedWeeks,
      },
    );
    return after;
  });
}

export async function deleteScheduleEntry(
  deps: ScheduleDeps,
  actor: Actor,
  id: string,
  meta: RequestMeta,
): Promise<void> {
  const now = deps.clock.now();
  await deps.db.transaction(async (tx) => {
    const row = await repo.lockEntry(tx, id);
    if (!row) throw scheduleErrors.entryNotFound();
    await requireEditor({ ...deps, db: tx }, actor, row.agencyId);
    const before = await reload(tx, id);
    const week = await repo.lockWeek(tx, row.agencyId, row.weekStart);
    await repo.deleteEntry(tx, id);
    const changed = await repo.markWeekChanged(tx, week, now);
    await audit(
      { tx, actor, now, meta },
      row.agencyId,
      'schedule.entry_deleted',
      { type: 'schedule_entry', id },
      {
        entry: before,
        weekChangedAfterPublication: changed,
      },
    );
  });
}
