import { and, asc, eq, gte, inArray, lt, or, sql, type AnyColumn, type SQL } from 'drizzle-orm';
import { queryRows, type Db } from '../../platform/db/database.js';
import { uuidArray } from '../../platform/db/sql.js';
import {
  scheduleEntries,
  scheduleEntryLeaders,
  schedulePublishedEntries,
  scheduleWeeks,
  type PublishedLeader,
} from './schedule.tables.js';

export type EntryRow = typeof scheduleEntries.$inferSelect;
export type WeekRow = typeof scheduleWeeks.$inferSelect;
export type PublishedRow = typeof schedulePublishedEntries.$inferSelect;

/** [start, end) instants of a query; entries overlapping it are returned. */
export interface InstantRange {
  start: Date;
  end: Date;
}

function overlaps(cols: { startsAt: AnyColumn; endsAt: AnyColumn }, range: InstantRange): SQL {
  // A timed entry without an end is an instant; others overlap when they end after the start.
  return and(
    lt(cols.startsAt, range.end),
    or(gte(cols.startsAt, range.start), sql`${cols.endsAt} > ${range.start.toISOString()}`),
  )!;
}

/** Leaders and deputies of an agency who may stand on an entry (active accounts). */
export async function agencyLeaders(db: Db, agencyId: string): Promise<PublishedLeader[]> {
  return queryRows<PublishedLeader>(
    db,
    sql`select u.id, u.full_name as "fullName",
          (select p.title from user_positions p
            where p.user_id = u.id and p.agency_id = ${agencyId}
            order by p.title limit 1) as title
        from users u
        where not u.disabled and exists (
          select 1 from user_roles r
          where r.user_id = u.id and r.agency_id = ${agencyId} and r.role in ('leader', 'deputy'))
        order by (select min(case r.role when 'leader' then 0 else 1 end) from user_roles r
                  where r.user_id = u.id and r.agency_id = ${agencyId}), u.full_name`,
  );
}

/** Creates the week's row when missing and locks it: edits and publication of a week queue. */
export async function lockWeek(tx: Db, agencyId: string, weekStart: string): Promise<WeekRow> {
  await tx.insert(scheduleWeeks).values({ agencyId, weekStart }).onConflictDoNothing();
  const [row] = await tx
    .select()
    .from(scheduleWeeks)
    .where(and(eq(scheduleWeeks.agencyId, agencyId), eq(scheduleWeeks.weekStart, weekStart)))
    .for('update');
  return row!;
}

/** After an edit: a published week is now `changed` (from the first edit on). */
export async function markWeekChanged(tx: Db, week: WeekRow, now: Date): Promise<boolean> {
  if (week.version === 0 || week.changedAt !== null) return false;
  await tx
    .update(scheduleWeeks)
    .set({ changedAt: now })
    .where(
      and(eq(scheduleWeeks.agencyId, week.agencyId), eq(scheduleWeeks.weekStart, week.weekStart)),
    );
  return true;
}

export async function findWeeks(
  db: Db,
  agencyId: string,
  weekStarts: string[],
): Promise<WeekRow[]> {
  if (weekStarts.length === 0) return [];
  return db
    .select()
    .from(scheduleWeeks)
    .where(and(eq(scheduleWeeks.agencyId, agencyId), inArray(scheduleWeeks.weekStart, weekStarts)));
}

export async function findEntry(db: Db, id: string): Promise<EntryRow | undefined> {
  const [row] = await db.select().from(scheduleEntries).where(eq(scheduleEntries.id, id));
  return row;
}

export async function lockEntry(tx: Db, id: string): Promise<EntryRow | undefined> {
  const [row] = await tx
    .select()
    .from(scheduleEntries)
    .where(eq(scheduleEntries.id, id))
    .for('update');
  return row;
}

export async function insertEntry(tx: Db, row: typeof scheduleEntries.$inferInsert): Promise<void> {
  await tx.insert(scheduleEntries).values(row);
}

export async function updateEntry(
  tx: Db,
  id: string,
  patch: Partial<typeof scheduleEntries.$inferInsert>,
): Promise<void> {
  await tx.update(scheduleEntries).set(patch).where(eq(scheduleEntries.id, id));
}

export async function deleteEntry(tx: Db, id: string): Promise<void> {
  await tx.delete(scheduleEntries).where(eq(scheduleEntries.id, id));
}

export async function replaceLeaders(tx: Db, entryId: string, userIds: string[]): Promise<void> {
  await tx.delete(scheduleEntryLeaders).where(eq(scheduleEntryLeaders.entryId, entryId));
  await tx
    .insert(scheduleEntryLeaders)
    .values(userIds.map((userId, position) => ({ entryId, userId, position })));
}

/** Working entries of an agency overlapping the range, by start; optionally of one leader. */
export async function findEntries(
  db: Db,
  q: { agencyId: string; range: InstantRange; leaderId?: string | undefined },
): Promise<EntryRow[]> {
  return db
    .select()
    .from(scheduleEntries)
    .where(
      and(
        eq(scheduleEntries.agencyId, q.agencyId),
        overlaps(scheduleEntries, q.range),
        q.leaderId
          ? sql`exists (select 1 from schedule_entry_leaders l
                where l.entry_id = ${scheduleEntries.id} and l.user_id = ${q.leaderId})`
          : undefined,
      ),
    )
    .orderBy(asc(scheduleEntries.startsAt), asc(scheduleEntries.id));
}

/** Leaders of the entries, in print order, with their title in the entry's agency. */
export async function leadersOf(
  db: Db,
  entryIds: string[],
): Promise<Map<string, PublishedLeader[]>> {
  const map = new Map<string, PublishedLeader[]>();
  if (entryIds.length === 0) return map;
  const rows = await queryRows<PublishedLeader & { entry_id: string }>(
    db,
    sql`select l.entry_id, u.id, u.full_name as "fullName",
          (select p.title from user_positions p
            where p.user_id = u.id and p.agency_id = e.agency_id
            order by p.title limit 1) as title
        from schedule_entry_leaders l
        join schedule_entries e on e.id = l.entry_id
        join users u on u.id = l.user_id
        where l.entry_id = any(${uuidArray(entryIds)})
        order by l.entry_id, l.position`,
  );
  for (const { entry_id, ...leader } of rows) {
    const list = map.get(entry_id) ?? [];
    list.push(leader);
    map.set(entry_id, list);
  }
  return map;
}

export async function usersByIds(db: Db, ids: string[]): Promise<Map<string, string>> {
  if (ids.length === 0) return new Map();
  const rows = await queryRows<{ id: string; full_name: string }>(
    db,
    sql`select id, full_name from users where id = any(${uuidArray([...new Set(ids)])})`,
  );
  return new Map(rows.map((r) => [r.id, r.full_name]));
}

/**
 * Publishes a locked week: the published copy becomes the working entries of the week as they
 * are now (leaders' names and titles frozen), and the week's version goes up.
 */
export async function publishWeek(
  tx: Db,
  week: WeekRow,
  by: string,
  now: Date,
): Promise<{ version: number; entryIds: string[] }> {
  const version = week.version + 1;
  const at = now.toISOString();
  await tx
    .delete(schedulePublishedEntries)
    .where(
      and(
        eq(schedulePublishedEntries.agencyId, week.agencyId),
        eq(schedulePublishedEntries.weekStart, week.weekStart),
      ),
    );
  const inserted = await queryRows<{ entry_id: string }>(
    tx,
    sql`insert into schedule_published_entries (agency_id, week_start, entry_id, version, kind,
          all_day, starts_at, ends_at, place, content, participants, preparing_unit, visibility,
          leaders, revision, updated_at, published_at)
        select e.agency_id, e.week_start, e.id, ${version}, e.kind, e.all_day, e.starts_at,
          e.ends_at, e.place, e.content, e.participants, e.preparing_unit, e.visibility,
          coalesce((select jsonb_agg(jsonb_build_object('id', u.id, 'fullName', u.full_name,
                      'title', (select p.title from user_positions p
                                where p.user_id = u.id and p.agency_id = e.agency_id
                                order by p.title limit 1)) order by l.position)
                    from schedule_entry_leaders l join users u on u.id = l.user_id
                    where l.entry_id = e.id), '[]'::jsonb),
          e.revision, e.updated_at, ${at}
        from schedule_entries e
        where e.agency_id = ${week.agencyId} and e.week_start = ${week.weekStart}
        returning entry_id`,
  );
  await tx
    .update(scheduleWeeks)
    .set({ version, publishedAt: now, publishedBy: by, changedAt: null })
    .where(
      and(eq(scheduleWeeks.agencyId, week.agencyId), eq(scheduleWeeks.weekStart, week.weekStart)),
    );
  return { version, entryIds: inserted.map((r) => r.entry_id) };
}

/**
 * Published entries of an agency overlapping the range, by start: only what a publication copied,
 * and with `publicOnly` only entries marked public (the public page and its iCal feed). An entry
 * moved to another week after both were published sits in two copies until the old week is
 * published again: the newest publication of it wins, so it appears once.
 */
export async function findPublishedEntries(
  db: Db,
  q: { agencyId: string; range: InstantRange; publicOnly: boolean; leaderId?: string | undefined },
): Promise<PublishedRow[]> {
  const p = schedulePublishedEntries;
  const latest = db
    .selectDistinctOn([p.entryId])
    .from(p)
    .where(
      and(
        eq(p.agencyId, q.agencyId),
        overlaps(p, q.range),
        q.publicOnly ? eq(p.visibility, 'public') : undefined,
        q.leaderId
          ? sql`${p.leaders} @> ${JSON.stringify([{ id: q.leaderId }])}::jsonb`
          : undefined,
      ),
    )
    .orderBy(p.entryId, sql`${p.publishedAt} desc`)
    .as('latest');
  return db.select().from(latest).orderBy(asc(latest.startsAt), asc(latest.entryId)) as Promise<
    PublishedRow[]
  >;
}
