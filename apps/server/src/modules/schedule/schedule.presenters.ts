import type { ScheduleEntry, ScheduleWeek } from '@vanban/contracts';
import { addDays } from '../calendar/index.js';
import { isoWeekOf, timingFields } from './schedule.models.js';
import type { EntryRow, WeekRow } from './schedule.repository.js';
import type { PublishedLeader } from './schedule.tables.js';

export function presentEntry(
  row: EntryRow,
  leaders: PublishedLeader[],
  names: Map<string, string>,
): ScheduleEntry {
  return {
    id: row.id,
    agencyId: row.agencyId,
    week: isoWeekOf(row.weekStart),
    kind: row.kind,
    allDay: row.allDay,
    ...timingFields(row),
    startsAt: row.startsAt.toISOString(),
    endsAt: row.endsAt?.toISOString() ?? null,
    place: row.place,
    content: row.content,
    participants: row.participants,
    preparingUnit: row.preparingUnit,
    visibility: row.visibility,
    leaders,
    revision: row.revision,
    createdBy: { id: row.createdBy, fullName: names.get(row.createdBy) ?? '' },
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}

/** A week without a row has never been touched: a draft, version 0. */
export function presentWeek(
  weekStart: string,
  row: WeekRow | undefined,
  names: Map<string, string>,
): ScheduleWeek {
  const version = row?.version ?? 0;
  return {
    week: isoWeekOf(weekStart),
    weekStart,
    weekEnd: addDays(weekStart, 6),
    state: version === 0 ? 'draft' : row?.changedAt ? 'changed' : 'published',
    version,
    publishedAt: row?.publishedAt?.toISOString() ?? null,
    publishedBy: row?.publishedBy
      ? { id: row.publishedBy, fullName: names.get(row.publishedBy) ?? '' }
      : null,
    changedAt: row?.changedAt?.toISOString() ?? null,
  };
}
