import type { CreateScheduleEntryBody, ScheduleEntry, ScheduleEntryKind } from '@vanban/contracts';

export interface EntryForm {
  kind: ScheduleEntryKind;
  date: string | null;
  startTime: string;
  endDate: string | null;
  endTime: string;
  content: string;
  place: string;
  participants: string;
  leaderIds: string[];
  preparingUnit: string;
  public: boolean;
}

export function emptyEntryForm(date: string): EntryForm {
  return {
    kind: 'event',
    date,
    startTime: '',
    endDate: null,
    endTime: '',
    content: '',
    place: '',
    participants: '',
    leaderIds: [],
    preparingUnit: '',
    public: false,
  };
}

export function entryFormOf(entry: ScheduleEntry): EntryForm {
  return {
    kind: entry.kind,
    date: entry.date,
    startTime: entry.startTime ?? '',
    endDate: entry.endDate,
    endTime: entry.endTime ?? '',
    content: entry.content,
    place: entry.place ?? '',
    participants: entry.participants ?? '',
    leaderIds: entry.leaders.map((leader) => leader.id),
    preparingUnit: entry.preparingUnit ?? '',
    public: entry.visibility === 'public',
  };
}

const text = (value: string) => (value.trim() === '' ? null : value.trim());

export type EntryFormProblem = 'date' | 'leaderIds' | 'content';

/** What the form lacks before it can be sent; the server checks the rest (times, week). */
export function entryFormProblems(form: EntryForm): EntryFormProblem[] {
  const problems: EntryFormProblem[] = [];
  if (!form.date) problems.push('date');
  if (form.leaderIds.length === 0) problems.push('leaderIds');
  if (form.kind === 'event' && form.content.trim() === '') problems.push('content');
  return problems;
}

/**
 * The request body: empty texts are sent as null so that an edit clears them; an end date equal
 * to the start date is left out (a one-day entry).
 */
export function entryBody(form: EntryForm): Omit<CreateScheduleEntryBody, 'agencyId'> {
  const date = form.date ?? '';
  return {
    kind: form.kind,
    date,
    startTime: text(form.startTime),
    endDate: form.endDate && form.endDate !== date ? form.endDate : null,
    endTime: text(form.startTime) ? text(form.endTime) : null,
    content: text(form.content),
    place: text(form.place),
    participants: text(form.participants),
    leaderIds: form.leaderIds,
    preparingUnit: text(form.preparingUnit),
    visibility: form.public ? 'public' : 'internal',
  };
}
