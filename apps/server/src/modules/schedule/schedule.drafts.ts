import {
  scheduleErrorCodes as codes,
  type ScheduleEntry,
  type UpdateScheduleEntryBody,
} from '@vanban/contracts';
import type { Db } from '../../platform/db/database.js';
import type { FieldProblem } from '../../platform/errors/app-error.js';
import { addDays, dayNumber } from '../calendar/index.js';
import { scheduleErrors } from './schedule.errors.js';
import {
  resolveContent,
  resolveTiming,
  type EntryTiming,
  type StoredTiming,
} from './schedule.models.js';
import * as repo from './schedule.repository.js';

/** Everything that decides an entry's stored columns, checked together (422 lists every problem). */
export interface EntryDraft extends EntryTiming {
  kind: 'event' | 'on_duty';
  content: string | null;
  leaderIds: string[];
}

export async function checkDraft(
  tx: Db,
  agencyId: string,
  draft: EntryDraft,
): Promise<StoredTiming & { content: string }> {
  const timing = resolveTiming(draft);
  const content = resolveContent(draft.kind, draft.content);
  if ('problems' in timing || 'problem' in content) {
    const problems: FieldProblem[] = [];
    if ('problems' in timing) problems.push(...timing.problems);
    if ('problem' in content) problems.push(content.problem);
    throw scheduleErrors.entryInvalid(problems);
  }
  const eligible = new Set((await repo.agencyLeaders(tx, agencyId)).map((l) => l.id));
  const problems: FieldProblem[] = draft.leaderIds.flatMap((id, i) =>
    !eligible.has(id)
      ? [
          {
            path: `body.leaderIds.${i}`,
            message: `${id} is not a leader or deputy of the agency`,
            code: codes.leaderInvalid,
          },
        ]
      : draft.leaderIds.indexOf(id) !== i
        ? [
            {
              path: `body.leaderIds.${i}`,
              message: `${id} is listed twice`,
              code: codes.leaderInvalid,
            },
          ]
        : [],
  );
  if (problems.length > 0)
    throw scheduleErrors.leaderInvalid(problems.map((p) => p.message).join('; '), {
      errors: problems,
    });
  return { ...timing.timing, content: content.content };
}

export const EDITABLE = [
  'kind',
  'date',
  'startTime',
  'endDate',
  'endTime',
  'place',
  'content',
  'participants',
  'leaderIds',
  'preparingUnit',
  'visibility',
] as const;

/**
 * The entry after a partial edit. Moving the date keeps the duration (the end date moves too
 * unless sent); dropping the start time makes an all-day entry and drops the end time with it.
 */
export function mergeDraft(before: ScheduleEntry, body: UpdateScheduleEntryBody): EntryDraft {
  const timing: EntryTiming = {
    date: body.date ?? before.date,
    startTime: body.startTime !== undefined ? body.startTime : before.startTime,
    endDate: body.endDate !== undefined ? body.endDate : before.endDate,
    endTime: body.endTime !== undefined ? body.endTime : before.endTime,
  };
  if (body.date !== undefined && body.endDate === undefined && before.endDate !== null)
    timing.endDate = addDays(before.endDate, dayNumber(body.date) - dayNumber(before.date));
  if (body.startTime === null && body.endTime === undefined) timing.endTime = null;
  return {
    ...timing,
    kind: body.kind ?? before.kind,
    content: body.content !== undefined ? body.content : before.content,
    leaderIds: body.leaderIds ?? before.leaders.map((l) => l.id),
  };
}

/** An edit that changes nothing leaves the entry, its revision and a published week alone. */
export function isNoOp(
  row: repo.EntryRow,
  before: ScheduleEntry,
  draft: EntryDraft,
  checked: StoredTiming & { content: string },
  body: UpdateScheduleEntryBody,
): boolean {
  const same = (a: unknown, b: unknown) => (a ?? null) === (b ?? null);
  return (
    row.kind === draft.kind &&
    row.allDay === checked.allDay &&
    row.startsAt.getTime() === checked.startsAt.getTime() &&
    (row.endsAt?.getTime() ?? null) === (checked.endsAt?.getTime() ?? null) &&
    row.content === checked.content &&
    (body.place === undefined || same(body.place || null, row.place)) &&
    (body.participants === undefined || same(body.participants || null, row.participants)) &&
    (body.preparingUnit === undefined || same(body.preparingUnit || null, row.preparingUnit)) &&
    (body.visibility === undefined || body.visibility === row.visibility) &&
    JSON.stringify(draft.leaderIds) === JSON.stringify(before.leaders.map((l) => l.id))
  );
}
