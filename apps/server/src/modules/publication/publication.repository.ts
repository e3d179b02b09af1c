import { eq, sql, type SQL } from 'drizzle-orm';
import { queryRows, type Db } from '../../platform/db/database.js';
import { publicationSettings } from './publication.tables.js';

export type SettingsRow = typeof publicationSettings.$inferSelect;

export async function findSettings(db: Db, agencyId: string): Promise<SettingsRow | undefined> {
  const [row] = await db
    .select()
    .from(publicationSettings)
    .where(eq(publicationSettings.agencyId, agencyId));
  return row;
}

export async function upsertSettings(tx: Db, row: SettingsRow): Promise<void> {
  await tx
    .insert(publicationSettings)
    .values(row)
    .onConflictDoUpdate({
      target: publicationSettings.agencyId,
      set: {
        showTasks: row.showTasks,
        showSchedule: row.showSchedule,
        showOnTimeRates: row.showOnTimeRates,
        updatedBy: row.updatedBy,
        updatedAt: row.updatedAt,
      },
    });
}

export interface PublicAgencyRow {
  agency_id: string;
  code: string;
  name: string;
  short_name: string | null;
  level: number;
  parent_code: string | null;
  address: string | null;
  phone: string | null;
  email: string | null;
  website: string | null;
  show_tasks: boolean;
  show_schedule: boolean;
  show_on_time_rates: boolean;
}

/**
 * Agencies as of `today` (current version) that publish at least one section; `code` narrows it
 * to one. An agency without settings, or with everything off, is not listed.
 */
export async function findPublishingAgencies(
  db: Db,
  today: string,
  code?: string,
): Promise<PublicAgencyRow[]> {
  const validToday = (alias: string) => {
    const a = sql.raw(alias);
    return sql`${a}.valid_from <= ${today}::date and (${a}.valid_to is null or ${a}.valid_to > ${today}::date)`;
  };
  return queryRows<PublicAgencyRow>(
    db,
    sql`select v.agency_id, v.code, v.name, v.short_name, v.level, pv.code as parent_code,
          v.address, v.phone, v.email, v.website,
          s.show_tasks, s.show_schedule, s.show_on_time_rates
        from publication_settings s
        join agency_versions v on v.agency_id = s.agency_id and ${validToday('v')}
        left join agency_versions pv on pv.agency_id = v.parent_agency_id and ${validToday('pv')}
        where (s.show_tasks or s.show_schedule or s.show_on_time_rates)
          ${code === undefined ? sql`` : sql`and v.code = ${code}`}
        order by v.level, v.code`,
  );
}

export interface PublicTaskRow {
  id: string;
  title: string;
  assigned_by: string;
  owner_agency: string;
  owner_unit: string | null;
  start_date: string;
  due_date: string | null;
  progress: number;
  state: 'assigned' | 'in_progress' | 'completed';
  completed_on: string | null;
}

/**
 * The only tasks the public page may show, as one predicate (alias `t`): carried out by the
 * agency, given by another agency in a cascade that starts at the city (level 1), marked public,
 * not secret, and not cancelled. `tasks_public_not_secret` in the schema forbids public secret
 * tasks already; the secrecy test stays here so this query never relies on it.
 */
function publicTaskOf(agencyId: string): SQL {
  return sql`t.owner_agency_id = ${agencyId}
    and t.public and t.secrecy = 'normal'
    and t.state in ('assigned', 'in_progress', 'completed')
    and t.agency_id <> t.owner_agency_id
    and (select rv.level from agency_versions rv where rv.agency_id = t.root_agency_id
          order by rv.valid_from desc limit 1) = 1`;
}

const latestName = (column: SQL) =>
  sql`(select av.name from agency_versions av where av.agency_id = ${column}
        order by av.valid_from desc limit 1)`;

export async function findPublicTasks(
  db: Db,
  q: {
    agencyId: string;
    status: PublicTaskRow['state'] | undefined;
    limit: number;
    offset: number;
  },
): Promise<PublicTaskRow[]> {
  return queryRows<PublicTaskRow>(
    db,
    sql`select t.id, t.title, ${latestName(sql`t.agency_id`)} as assigned_by,
          ${latestName(sql`t.owner_agency_id`)} as owner_agency, u.name as owner_unit,
          t.start_date, t.due_date, t.progress, t.state,
          (t.completed_at at time zone 'Asia/Ho_Chi_Minh')::date as completed_on
        from tasks t
        left join units u on u.id = t.owner_unit_id
        where ${publicTaskOf(q.agencyId)}
          ${q.status ? sql`and t.state = ${q.status}` : sql``}
        order by (t.state = 'completed'), t.due_date nulls last, t.start_date, t.id
        limit ${q.limit} offset ${q.offset}`,
  );
}

export async function countPublicTasks(
  db: Db,
  agencyId: string,
  today: string,
): Promise<{ assigned: number; in_progress: number; completed: number; overdue: number }> {
  const [row] = await queryRows<{
    assigned: number;
    in_progress: number;
    completed: number;
    overdue: number;
  }>(
    db,
    sql`select count(*) filter (where t.state = 'assigned')::int as assigned,
          count(*) filter (where t.state = 'in_progress')::int as in_progress,
          count(*) filter (where t.state = 'completed')::int as completed,
          count(*) filter (where t.state in ('assigned', 'in_progress')
                           and t.due_date < ${today}::date)::int as overdue
        from tasks t where ${publicTaskOf(agencyId)}`,
  );
  return row!;
}
