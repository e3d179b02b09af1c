import type { ScheduleQuery, ScheduleResponse } from '@vanban/contracts';
import type { AppDependencies } from '../../app/dependencies.js';
import { vietnamDate } from '../../platform/clock/clock.js';
import type { Db } from '../../platform/db/database.js';
import { addDays, dayNumber } from '../calendar/index.js';
import { usersAdmin, type Actor } from '../identity/index.js';
import { findDisplayVersions, presentAgencyRef } from '../organizations/index.js';
import { scheduleErrors } from './schedule.errors.js';
import { scheduleCalendar } from './schedule.ical.models.js';
import {
  MAX_RANGE_DAYS,
  mondayOf,
  parseIsoWeek,
  rangeDays,
  vietnamInstant,
  weekStartsIn,
  type DateRange,
} from './schedule.models.js';
import { canEditSchedule, canReadSchedule } from './schedule.policies.js';
import { presentEntry, presentWeek } from './schedule.presenters.js';
import * as repo from './schedule.repository.js';

export type ScheduleDeps = Pick<AppDependencies, 'db' | 'clock'>;

/** The agency a request is about (the actor's own unless named) and what the actor may do. */
export async function scheduleAccess(
  deps: ScheduleDeps,
  actor: Actor,
  agencyId: string | undefined,
): Promise<{ agencyId: string; canRead: boolean; canEdit: boolean }> {
  const target = agencyId ?? actor.agencyId;
  const administered = await usersAdmin.administeredAgencyIds(deps, actor);
  return {
    agencyId: target,
    canRead: canReadSchedule(actor, target, administered),
    canEdit: canEditSchedule(actor, target, administered),
  };
}

/** A calendar feed without a range: four weeks back and eight ahead (84 days), for subscribers. */
export function feedRange(today: string): DateRange {
  const monday = mondayOf(today);
  return { from: addDays(monday, -28), to: addDays(monday, 8 * 7 - 1) };
}

/**
 * The dates a query covers: an ISO week, a `from`/`to` range (both needed, at most 92 days), or
 * else `fallback` (the current week, Vietnam time). Bad weeks and ranges answer 422.
 */
export function resolveRange(
  q: { week?: string | undefined; from?: string | undefined; to?: string | undefined },
  today: string,
  fallback: (today: string) => DateRange = currentWeek,
): DateRange {
  if (q.week !== undefined) {
    if (q.from !== undefined || q.to !== undefined)
      throw scheduleErrors.rangeInvalid('Give either week or from/to, not both');
    const monday = parseIsoWeek(q.week);
    if (!monday)
      throw scheduleErrors.weekInvalid(`"${q.week}" is not an ISO week such as 2026-W47`);
    return { from: monday, to: addDays(monday, 6) };
  }
  if (q.from === undefined && q.to === undefined) return fallback(today);
  if (q.from === undefined || q.to === undefined)
    throw scheduleErrors.rangeInvalid('Give both from and to');
  if (dayNumber(q.to) < dayNumber(q.from))
    throw scheduleErrors.rangeInvalid('The range ends before it starts');
  if (rangeDays({ from: q.from, to: q.to }) > MAX_RANGE_DAYS)
    throw scheduleErrors.rangeInvalid(`At most ${MAX_RANGE_DAYS} days at a time`);
  return { from: q.from, to: q.to };
}

export function currentWeek(today: string): DateRange {
  const monday = mondayOf(today);
  return { from: monday, to: addDays(monday, 6) };
}

export function instantRange(range: DateRange): repo.InstantRange {
  return { start: vietnamInstant(range.from), end: vietnamInstant(addDays(range.to, 1)) };
}

/** Entries of the given ids or range, presented (leaders, creator names). */
export async function presentEntries(db: Db, rows: repo.EntryRow[]) {
  const leaders = await repo.leadersOf(
    db,
    rows.map((r) => r.id),
  );
  const names = await repo.usersByIds(
    db,
    rows.map((r) => r.createdBy),
  );
  return rows.map((r) => presentEntry(r, leaders.get(r.id) ?? [], names));
}

/** The working schedule of an agency for its staff: every entry, internal ones included. */
export async function getSchedule(
  deps: ScheduleDeps,
  actor: Actor,
  query: ScheduleQuery,
): Promise<ScheduleResponse> {
  const today = vietnamDate(deps.clock.now());
  const range = resolveRange(query, today);
  const access = await scheduleAccess(deps, actor, query.agencyId);
  if (!access.canRead) throw scheduleErrors.agencyNotVisible();
  const agencyId = access.agencyId;
  const rows = await repo.findEntries(deps.db, {
    agencyId,
    range: instantRange(range),
    leaderId: query.leader,
  });
  const weekStarts = weekStartsIn(range);
  const weeks = await repo.findWeeks(deps.db, agencyId, weekStarts);
  const publishers = await repo.usersByIds(
    deps.db,
    weeks.flatMap((w) => (w.publishedBy ? [w.publishedBy] : [])),
  );
  const version = (await findDisplayVersions(deps.db, [agencyId], today)).get(agencyId);
  if (!version) throw scheduleErrors.agencyNotVisible();
  return {
    agency: presentAgencyRef(version),
    from: range.from,
    to: range.to,
    weeks: weekStarts.map((w) =>
      presentWeek(
        w,
        weeks.find((row) => row.weekStart === w),
        publishers,
      ),
    ),
    entries: await presentEntries(deps.db, rows),
    canEdit: access.canEdit,
    leaders: await repo.agencyLeaders(deps.db, agencyId),
  };
}

/**
 * The working schedule as iCalendar for the agency's staff (internal entries too, unpublished
 * edits included): the same entries GET /api/schedule lists.
 */
export async function exportScheduleIcal(
  deps: ScheduleDeps,
  actor: Actor,
  query: ScheduleQuery,
): Promise<{ filename: string; body: string }> {
  const today = vietnamDate(deps.clock.now());
  const range = resolveRange(query, today, feedRange);
  const access = await scheduleAccess(deps, actor, query.agencyId);
  if (!access.canRead) throw scheduleErrors.agencyNotVisible();
  const rows = await repo.findEntries(deps.db, {
    agencyId: access.agencyId,
    range: instantRange(range),
    leaderId: query.leader,
  });
  const leaders = await repo.leadersOf(
    deps.db,
    rows.map((r) => r.id),
  );
  const version = (await findDisplayVersions(deps.db, [access.agencyId], today)).get(
    access.agencyId,
  );
  const agencyName = version?.name ?? '';
  const body = scheduleCalendar({
    name: `Lịch công tác — ${agencyName}`,
    description: `Lịch công tác từ ${range.from} đến ${range.to} (bản làm việc nội bộ)`,
    entries: rows.map((r) => ({ ...r, leaders: leaders.get(r.id) ?? [] })),
  });
  return { filename: `lich-cong-tac-${version?.code ?? 'agency'}-${range.from}.ics`, body };
}
