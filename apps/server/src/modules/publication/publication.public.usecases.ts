import type {
  PublicAgency,
  PublicOnTimeResponse,
  PublicScheduleEntry,
  PublicScheduleResponse,
  PublicTasksResponse,
} from '@vanban/contracts';
import { vietnamDate } from '../../platform/clock/clock.js';
import { addDays } from '../calendar/index.js';
import { publicOnTimeStats } from '../incoming/index.js';
import {
  currentWeek,
  feedRange,
  findPublishedEntries,
  findWeeks,
  instantRange,
  isoWeekOf,
  resolveRange,
  scheduleCalendar,
  timingFields,
  type PublishedRow,
} from '../schedule/index.js';
import { publicationErrors } from './publication.errors.js';
import * as repo from './publication.repository.js';
import type { PublicationDeps } from './publication.settings.usecases.js';

/*
 * Everything here answers without a session. Each query filters in SQL: sections the agency
 * turned off are refused before any data is read, tasks must be public and not secret, the
 * schedule comes only from published copies of entries marked public, and on-time counts leave
 * confidential documents out.
 */

function presentAgency(row: repo.PublicAgencyRow): PublicAgency {
  return {
    code: row.code,
    name: row.name,
    shortName: row.short_name,
    level: row.level,
    parentCode: row.parent_code,
    address: row.address,
    phone: row.phone,
    email: row.email,
    website: row.website,
    publishes: {
      tasks: row.show_tasks,
      schedule: row.show_schedule,
      onTimeRates: row.show_on_time_rates,
    },
  };
}

export async function listPublicAgencies(deps: PublicationDeps): Promise<PublicAgency[]> {
  const rows = await repo.findPublishingAgencies(deps.db, vietnamDate(deps.clock.now()));
  return rows.map(presentAgency);
}

async function publishingAgency(deps: PublicationDeps, code: string) {
  const [row] = await repo.findPublishingAgencies(deps.db, vietnamDate(deps.clock.now()), code);
  if (!row) throw publicationErrors.agencyNotFound();
  return row;
}

export async function getPublicAgency(deps: PublicationDeps, code: string): Promise<PublicAgency> {
  return presentAgency(await publishingAgency(deps, code));
}

const SECTIONS = {
  tasks: { flag: 'show_tasks', what: 'its tasks' },
  schedule: { flag: 'show_schedule', what: 'its schedule' },
  onTimeRates: { flag: 'show_on_time_rates', what: 'its on-time rates' },
} as const;

/** The agency, if it publishes this section (else 404: turned-off sections read no data). */
async function sectionAgency(deps: PublicationDeps, code: string, section: keyof typeof SECTIONS) {
  const agency = await publishingAgency(deps, code);
  const { flag, what } = SECTIONS[section];
  if (!agency[flag]) throw publicationErrors.notPublic(`The agency does not publish ${what}`);
  return agency;
}

export async function getPublicTasks(
  deps: PublicationDeps,
  code: string,
  query: {
    status?: 'assigned' | 'in_progress' | 'completed' | undefined;
    limit: number;
    offset: number;
  },
): Promise<PublicTasksResponse> {
  const agency = await sectionAgency(deps, code, 'tasks');
  const today = vietnamDate(deps.clock.now());
  const [rows, counts] = await Promise.all([
    repo.findPublicTasks(deps.db, { agencyId: agency.agency_id, ...query, status: query.status }),
    repo.countPublicTasks(deps.db, agency.agency_id, today),
  ]);
  const total = query.status
    ? { assigned: counts.assigned, in_progress: counts.in_progress, completed: counts.completed }[
        query.status
      ]
    : counts.assigned + counts.in_progress + counts.completed;
  return {
    asOf: today,
    items: rows.map((r) => ({
      id: r.id,
      title: r.title,
      assignedBy: r.assigned_by,
      ownerAgency: r.owner_agency,
      ownerUnit: r.owner_unit,
      startDate: r.start_date,
      dueDate: r.due_date,
      progress: r.progress,
      status: r.state,
      overdue: r.state !== 'completed' && r.due_date !== null && r.due_date < today,
      completedOn: r.completed_on,
      completedOnTime:
        r.completed_on === null || r.due_date === null ? null : r.completed_on <= r.due_date,
    })),
    total,
    counts: {
      assigned: counts.assigned,
      inProgress: counts.in_progress,
      completed: counts.completed,
      overdue: counts.overdue,
    },
  };
}

function presentPublished(row: PublishedRow): PublicScheduleEntry {
  return {
    id: row.entryId,
    kind: row.kind,
    allDay: row.allDay,
    ...timingFields(row),
    place: row.place,
    content: row.content,
    participants: row.participants,
    preparingUnit: row.preparingUnit,
    leaders: row.leaders.map((l) => ({ fullName: l.fullName, title: l.title })),
  };
}

/** The on-duty leaders and public events of a published week (the current week by default). */
export async function getPublicSchedule(
  deps: PublicationDeps,
  code: string,
  query: { week?: string | undefined },
): Promise<PublicScheduleResponse> {
  const agency = await sectionAgency(deps, code, 'schedule');
  const range = resolveRange({ week: query.week }, vietnamDate(deps.clock.now()), currentWeek);
  const [week] = await findWeeks(deps.db, agency.agency_id, [range.from]);
  const rows = await findPublishedEntries(deps.db, {
    agencyId: agency.agency_id,
    range: instantRange(range),
    publicOnly: true,
  });
  const entries = rows.map(presentPublished);
  return {
    week: isoWeekOf(range.from),
    weekStart: range.from,
    weekEnd: addDays(range.from, 6),
    published: (week?.version ?? 0) > 0,
    version: week?.version ?? 0,
    publishedAt: week?.publishedAt?.toISOString() ?? null,
    onDuty: entries.filter((e) => e.kind === 'on_duty'),
    events: entries.filter((e) => e.kind === 'event'),
  };
}

/** The published public entries as an iCalendar feed anyone may subscribe to. */
export async function getPublicScheduleIcal(
  deps: PublicationDeps,
  code: string,
  query: { week?: string | undefined },
): Promise<{ filename: string; body: string }> {
  const agency = await sectionAgency(deps, code, 'schedule');
  const range = resolveRange({ week: query.week }, vietnamDate(deps.clock.now()), feedRange);
  const rows = await findPublishedEntries(deps.db, {
    agencyId: agency.agency_id,
    range: instantRange(range),
    publicOnly: true,
  });
  const body = scheduleCalendar({
    name: `Lịch công tác — ${agency.name}`,
    description: `Lịch công tác công khai của ${agency.name}`,
    entries: rows.map((r) => ({ ...r, id: r.entryId })),
  });
  const suffix = query.week ? `-${isoWeekOf(range.from)}` : '';
  return { filename: `lich-cong-tac-${agency.code}${suffix}.ics`, body };
}

export async function getPublicOnTime(
  deps: PublicationDeps,
  code: string,
  query: { months: number },
): Promise<PublicOnTimeResponse> {
  const agency = await sectionAgency(deps, code, 'onTimeRates');
  return publicOnTimeStats(deps, agency.agency_id, query);
}
