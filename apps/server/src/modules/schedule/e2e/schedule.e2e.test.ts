import type { ScheduleEntry, ScheduleResponse, ScheduleWeek } from '@vanban/contracts';
import { sql } from 'drizzle-orm';
import ICAL from 'ical.js';
import { beforeAll, describe, expect, it } from 'vitest';
import { backendsUnderTest } from '../../../../test/database.js';
import { userId } from '../../../../test/incoming-fixtures.js';
import { json, loginAs, useTestApp, type Session } from '../../../../test/test-app.js';
import { queryRows } from '../../../platform/db/database.js';

type Problem = { code: string; errors?: { path: string; code?: string }[] };

describe.each(backendsUnderTest())("leaders' weekly schedule over HTTP on %s", (driver) => {
  // The test clock stands at Monday 2 March 2026, 09:00 in Vietnam: ISO week 2026-W10.
  const ctx = useTestApp(driver);
  let clerk: Session; // vanthu.ubnd, clerk of the city People's Committee
  let chairman: Session; // lanhdao.ubnd, leader
  let outsider: Session; // chuyenvien.snv, specialist of another agency
  let deptAdmin: Session; // quantri.snv, administrator of another agency
  const ids = {} as Record<'chairman' | 'vice' | 'clerk' | 'snvDirector', string>;
  const created: Record<string, ScheduleEntry> = {};

  const send = (
    session: Session,
    method: 'POST' | 'PATCH' | 'DELETE',
    url: string,
    payload?: unknown,
  ) =>
    ctx.app.inject({
      method,
      url,
      headers: session.headers(),
      ...(payload === undefined ? {} : { payload: payload as Record<string, unknown> }),
    });
  const get = (session: Session, url: string) =>
    ctx.app.inject({ url, headers: { cookie: session.cookie } });
  const count = async (table: 'schedule_entries' | 'schedule_published_entries') =>
    (
      await queryRows<{ n: number }>(
        ctx.database.db,
        sql`select count(*)::int as n from ${sql.raw(table)}`,
      )
    )[0]!.n;

  beforeAll(async () => {
    clerk = await loginAs(ctx.app, 'vanthu.ubnd');
    chairman = await loginAs(ctx.app, 'lanhdao.ubnd');
    outsider = await loginAs(ctx.app, 'chuyenvien.snv');
    deptAdmin = await loginAs(ctx.app, 'quantri.snv');
    const db = ctx.database.db;
    ids.chairman = await userId(db, 'lanhdao.ubnd');
    ids.vice = await userId(db, 'phochutich.ubnd');
    ids.clerk = await userId(db, 'vanthu.ubnd');
    ids.snvDirector = await userId(db, 'giamdoc.snv');
  });

  it('lets the clerk add a meeting and an on-duty weekend, with the leaders and their titles', async () => {
    const meeting = await send(clerk, 'POST', '/api/schedule/entries', {
      date: '2026-03-03',
      startTime: '08:00',
      endTime: '11:30',
      place: 'Phòng họp số 1, trụ sở UBND thành phố; 79 Đinh Tiên Hoàng',
      content: 'Họp giao ban công tác tháng 3 với các Sở, ngành',
      participants: 'Các Phó Chủ tịch, Chánh Văn phòng',
      preparingUnit: 'Văn phòng UBND thành phố',
      leaderIds: [ids.chairman, ids.vice],
    });
    expect(meeting.statusCode, meeting.body).toBe(201);
    created.meeting = json<ScheduleEntry>(meeting);
    expect(created.meeting).toMatchObject({
      week: '2026-W10',
      kind: 'event',
      allDay: false,
      date: '2026-03-03',
      startTime: '08:00',
      endDate: '2026-03-03',
      endTime: '11:30',
      startsAt: '2026-03-03T01:00:00.000Z',
      endsAt: '2026-03-03T04:30:00.000Z',
      visibility: 'internal',
      revision: 0,
      leaders: [
        { id: ids.chairman, title: 'Chủ tịch Ủy ban nhân dân thành phố' },
        { id: ids.vice, title: 'Phó Chủ tịch Ủy ban nhân dân thành phố' },
      ],
      createdBy: { id: ids.clerk },
    });

    const duty = await send(clerk, 'POST', '/api/schedule/entries', {
      kind: 'on_duty',
      date: '2026-03-07',
      endDate: '2026-03-08',
      leaderIds: [ids.vice],
      visibility: 'public',
    });
    expect(duty.statusCode, duty.body).toBe(201);
    created.duty = json<ScheduleEntry>(duty);
    expect(created.duty).toMatchObject({
      kind: 'on_duty',
      allDay: true,
      content: 'Trực lãnh đạo',
      date: '2026-03-07',
      endDate: '2026-03-08',
      startTime: null,
      startsAt: '2026-03-06T17:00:00.000Z',
      endsAt: '2026-03-08T17:00:00.000Z',
    });

    // A leader may put an entry on the schedule too.
    const own = await send(chairman, 'POST', '/api/schedule/entries', {
      date: '2026-03-05',
      startTime: '14:00',
      content: 'Tiếp công dân định kỳ',
      place: 'Trụ sở Tiếp công dân thành phố',
      leaderIds: [ids.chairman],
      visibility: 'public',
    });
    expect(own.statusCode, own.body).toBe(201);
    created.reception = json<ScheduleEntry>(own);

    const [audit] = await queryRows<{ n: number }>(
      ctx.database.db,
      sql`select count(*)::int as n from audit_events where type = 'schedule.entry_created'`,
    );
    expect(audit!.n).toBe(3);
  });

  it('lists the week for the staff, ordered by start, with the week a draft', async () => {
    const res = await get(chairman, '/api/schedule?week=2026-W10');
    expect(res.statusCode, res.body).toBe(200);
    const body = json<ScheduleResponse>(res);
    expect(body.agency.code).toBe('000.00.00.H26');
    expect(body).toMatchObject({ from: '2026-03-02', to: '2026-03-08', canEdit: true });
    expect(body.entries.map((e) => e.id)).toEqual([
      created.meeting!.id,
      created.reception!.id,
      created.duty!.id,
    ]);
    expect(body.weeks).toEqual([
      {
        week: '2026-W10',
        weekStart: '2026-03-02',
        weekEnd: '2026-03-08',
        state: 'draft',
        version: 0,
        publishedAt: null,
        publishedBy: null,
        changedAt: null,
      },
    ]);
    expect(body.leaders.map((l) => l.id)).toEqual([ids.chairman, ids.vice]);
    // This week by default; one leader's entries with `leader`.
    const current = json<ScheduleResponse>(await get(clerk, '/api/schedule'));
    expect(current.from).toBe('2026-03-02');
    const vice = json<ScheduleResponse>(await get(clerk, `/api/schedule?leader=${ids.vice}`));
    expect(vice.entries.map((e) => e.id)).toEqual([created.meeting!.id, created.duty!.id]);
    const range = json<ScheduleResponse>(
      await get(clerk, '/api/schedule?from=2026-03-06&to=2026-03-16'),
    );
    expect(range.entries.map((e) => e.id)).toEqual([created.duty!.id]);
    expect(range.weeks.map((w) => w.week)).toEqual(['2026-W10', '2026-W11', '2026-W12']);
  });

  it.each([
    [
      'an end before the start',
      { date: '2026-03-04', startTime: '10:00', endTime: '09:00' },
      'schedule.end_before_start',
    ],
    [
      'an entry running into the next week',
      { date: '2026-03-08', endDate: '2026-03-09' },
      'schedule.spans_weeks',
    ],
    [
      'an end time without a start time',
      { date: '2026-03-04', endTime: '09:00' },
      'schedule.end_time_without_start',
    ],
    [
      'an event without content',
      { date: '2026-03-04', startTime: '09:00', content: ' ' },
      'schedule.content_required',
    ],
  ])('refuses %s (422, nothing written)', async (_label, fields, code) => {
    const before = await count('schedule_entries');
    const res = await send(clerk, 'POST', '/api/schedule/entries', {
      content: 'Làm việc với Sở Tài chính',
      leaderIds: [ids.chairman],
      ...fields,
    });
    expect(res.statusCode, res.body).toBe(422);
    expect(res.headers['content-type']).toMatch(/application\/problem\+json/);
    const problem = json<Problem>(res);
    expect(problem.code).toBe(code);
    expect(problem.errors?.map((e) => e.code)).toContain(code);
    expect(await count('schedule_entries')).toBe(before);
  });

  it('refuses a leader who is not a leader or deputy of the agency', async () => {
    for (const leader of [ids.snvDirector, ids.clerk]) {
      const res = await send(clerk, 'POST', '/api/schedule/entries', {
        date: '2026-03-04',
        startTime: '09:00',
        content: 'Làm việc với Sở Nội vụ',
        leaderIds: [ids.chairman, leader],
      });
      expect(res.statusCode, res.body).toBe(422);
      const problem = json<Problem>(res);
      expect(problem.code).toBe('schedule.leader_invalid');
      expect(problem.errors).toEqual([
        expect.objectContaining({ path: 'body.leaderIds.1', code: 'schedule.leader_invalid' }),
      ]);
    }
  });

  it('refuses malformed weeks and ranges with stable codes, and bad fields with 400', async () => {
    for (const [url, code] of [
      ['/api/schedule?week=2026-47', 'schedule.week_invalid'],
      ['/api/schedule?week=2025-W53', 'schedule.week_invalid'],
      ['/api/schedule.ics?week=W10', 'schedule.week_invalid'],
      ['/api/schedule?from=2026-03-10&to=2026-03-01', 'schedule.range_invalid'],
      ['/api/schedule?from=2026-01-01&to=2026-06-30', 'schedule.range_invalid'],
      ['/api/schedule?from=2026-03-01', 'schedule.range_invalid'],
      ['/api/schedule?week=2026-W10&from=2026-03-01&to=2026-03-02', 'schedule.range_invalid'],
    ] as const) {
      const res = await get(clerk, url);
      expect(res.statusCode, url).toBe(422);
      expect(json<Problem>(res).code).toBe(code);
    }
    const publish = await send(clerk, 'POST', '/api/schedule/weeks/2026-W99/publish');
    expect(publish.statusCode).toBe(422);
    expect(json<Problem>(publish).code).toBe('schedule.week_invalid');
    const noLeader = await send(clerk, 'POST', '/api/schedule/entries', {
      date: '2026-03-04',
      content: 'x',
      leaderIds: [],
    });
    expect(noLeader.statusCode).toBe(400);
    expect(json<Problem>(noLeader).code).toBe('request.validation_failed');
    const badTime = await send(clerk, 'POST', '/api/schedule/entries', {
      date: '2026-03-04',
      startTime: '25:00',
      content: 'x',
      leaderIds: [ids.chairman],
    });
    expect(badTime.statusCode).toBe(400);
  });

  it("keeps other agencies out: no reading, no writing, and 404 for another agency's entry", async () => {
    const read = await get(outsider, '/api/schedule?agencyId=' + created.meeting!.agencyId);
    expect(read.statusCode).toBe(403);
    expect(json<Problem>(read).code).toBe('schedule.agency_not_visible');
    const ics = await get(outsider, '/api/schedule.ics?agencyId=' + created.meeting!.agencyId);
    expect(ics.statusCode).toBe(403);
    for (const session of [outsider, deptAdmin]) {
      const patch = await send(session, 'PATCH', `/api/schedule/entries/${created.meeting!.id}`, {
        place: 'Nơi khác',
      });
      expect(patch.statusCode).toBe(404);
      expect(json<Problem>(patch).code).toBe('schedule.entry_not_found');
      const del = await send(session, 'DELETE', `/api/schedule/entries/${created.meeting!.id}`);
      expect(del.statusCode).toBe(404);
      const add = await send(session, 'POST', '/api/schedule/entries', {
        agencyId: created.meeting!.agencyId,
        date: '2026-03-04',
        content: 'x',
        leaderIds: [ids.chairman],
      });
      expect(add.statusCode).toBe(403);
      expect(json<Problem>(add).code).toBe('schedule.forbidden');
    }
    // A specialist sees the own agency's schedule but may not change it.
    const own = json<ScheduleResponse>(await get(outsider, '/api/schedule?week=2026-W10'));
    expect(own).toMatchObject({ canEdit: false, entries: [] });
    expect(own.agency.code).toBe('000.00.02.H26');
    const pub = await send(outsider, 'POST', '/api/schedule/weeks/2026-W10/publish');
    expect(pub.statusCode).toBe(403);
    const anonymous = await ctx.app.inject({ url: '/api/schedule.ics' });
    expect(anonymous.statusCode).toBe(401);
  });

  it('publishes the week (version 1), tells the leaders, and audits it', async () => {
    const res = await send(clerk, 'POST', '/api/schedule/weeks/2026-W10/publish');
    expect(res.statusCode, res.body).toBe(200);
    expect(json<ScheduleWeek>(res)).toMatchObject({
      week: '2026-W10',
      state: 'published',
      version: 1,
      publishedAt: '2026-03-02T02:00:00.000Z',
      publishedBy: { id: ids.clerk },
      changedAt: null,
    });
    expect(await count('schedule_published_entries')).toBe(3);
    const notified = await queryRows<{ user_id: string; title: string }>(
      ctx.database.db,
      sql`select user_id, title from notifications where kind = 'schedule.week_published'
          order by user_id`,
    );
    expect(notified.map((n) => n.user_id).sort()).toEqual([ids.chairman, ids.vice].sort());
    expect(notified[0]!.title).toContain('2026-W10');
    const [event] = await queryRows<{ data: { version: number; entryIds: string[] } }>(
      ctx.database.db,
      sql`select data from audit_events where type = 'schedule.week_published'`,
    );
    expect(event!.data.version).toBe(1);
    expect(event!.data.entryIds).toHaveLength(3);
  });

  it('marks the week changed on an edit, keeps the duration on a move, and republishes', async () => {
    ctx.clock.set(new Date('2026-03-02T03:00:00Z'));
    const res = await send(clerk, 'PATCH', `/api/schedule/entries/${created.meeting!.id}`, {
      startTime: '08:30',
      endTime: '12:00',
      leaderIds: [ids.chairman],
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(json<ScheduleEntry>(res)).toMatchObject({
      startTime: '08:30',
      endTime: '12:00',
      revision: 1,
      leaders: [{ id: ids.chairman }],
      place: created.meeting!.place,
    });
    let week = json<ScheduleResponse>(await get(clerk, '/api/schedule?week=2026-W10')).weeks[0]!;
    expect(week).toMatchObject({
      state: 'changed',
      version: 1,
      changedAt: '2026-03-02T03:00:00.000Z',
    });
    // The published copy still holds what was published.
    const [copy] = await queryRows<{ revision: number; leaders: unknown[] }>(
      ctx.database.db,
      sql`select revision, leaders from schedule_published_entries where entry_id = ${created.meeting!.id}`,
    );
    expect(copy).toMatchObject({ revision: 0 });
    expect(copy!.leaders).toHaveLength(2);

    // Moving the on-duty weekend one day keeps its two days.
    const moved = await send(clerk, 'PATCH', `/api/schedule/entries/${created.duty!.id}`, {
      date: '2026-03-06',
    });
    expect(moved.statusCode, moved.body).toBe(200);
    expect(json<ScheduleEntry>(moved)).toMatchObject({ date: '2026-03-06', endDate: '2026-03-07' });
    // Dropping the start time makes an all-day entry.
    const allDay = await send(clerk, 'PATCH', `/api/schedule/entries/${created.reception!.id}`, {
      startTime: null,
    });
    expect(json<ScheduleEntry>(allDay)).toMatchObject({ allDay: true, endDate: '2026-03-05' });
    const bad = await send(clerk, 'PATCH', `/api/schedule/entries/${created.reception!.id}`, {
      endDate: '2026-03-01',
    });
    expect(bad.statusCode).toBe(422);
    expect(json<Problem>(bad).code).toBe('schedule.end_before_start');

    const again = await send(chairman, 'POST', '/api/schedule/weeks/2026-W10/publish');
    expect(json<ScheduleWeek>(again)).toMatchObject({ state: 'published', version: 2 });
    const [republished] = await queryRows<{ revision: number; version: number }>(
      ctx.database.db,
      sql`select revision, version from schedule_published_entries where entry_id = ${created.meeting!.id}`,
    );
    expect(republished).toEqual({ revision: 1, version: 2 });

    // An edit that changes nothing leaves the published week alone.
    const same = await send(clerk, 'PATCH', `/api/schedule/entries/${created.meeting!.id}`, {
      startTime: '08:30',
      place: created.meeting!.place,
      leaderIds: [ids.chairman],
    });
    expect(json<ScheduleEntry>(same).revision).toBe(1);
    week = json<ScheduleResponse>(await get(clerk, '/api/schedule?week=2026-W10')).weeks[0]!;
    expect(week).toMatchObject({ state: 'published', version: 2, changedAt: null });

    // Moving an entry to the next week changes this week and drafts the next one.
    const next = await send(clerk, 'PATCH', `/api/schedule/entries/${created.reception!.id}`, {
      date: '2026-03-10',
    });
    expect(json<ScheduleEntry>(next)).toMatchObject({ week: '2026-W11', date: '2026-03-10' });
    const weeks = json<ScheduleResponse>(
      await get(clerk, '/api/schedule?from=2026-03-02&to=2026-03-15'),
    ).weeks;
    expect(weeks.map((w) => [w.week, w.state])).toEqual([
      ['2026-W10', 'changed'],
      ['2026-W11', 'draft'],
    ]);
    week = weeks[0]!;
    expect(week.version).toBe(2);
  });

  it('exports the working week as iCalendar, one VEVENT per entry, filtered by leader', async () => {
    const res = await get(clerk, '/api/schedule.ics?week=2026-W10');
    expect(res.statusCode, res.body).toBe(200);
    expect(res.headers['content-type']).toBe('text/calendar; charset=utf-8');
    expect(res.headers['content-disposition']).toContain(
      'lich-cong-tac-000.00.00.H26-2026-03-02.ics',
    );
    expect(res.body).toContain('\r\n');
    const calendar = new ICAL.Component(ICAL.parse(res.body));
    const events = calendar.getAllSubcomponents('vevent').map((c) => new ICAL.Event(c));
    expect(events.map((e) => e.uid)).toEqual([
      `${created.meeting!.id}@vanban`,
      `${created.duty!.id}@vanban`,
    ]);
    const [meeting, duty] = events;
    expect(meeting!.summary).toBe('Họp giao ban công tác tháng 3 với các Sở, ngành');
    expect(meeting!.location).toBe('Phòng họp số 1, trụ sở UBND thành phố; 79 Đinh Tiên Hoàng');
    expect(meeting!.sequence).toBe(1);
    expect(meeting!.startDate.toJSDate().toISOString()).toBe('2026-03-03T01:30:00.000Z');
    expect(meeting!.description).toContain('Lãnh đạo: Nguyễn');
    expect(duty!.startDate.toString()).toBe('2026-03-06');
    expect(duty!.endDate.toString()).toBe('2026-03-08');
    expect(duty!.summary).toMatch(/^Trực lãnh đạo: /);

    const vice = await get(clerk, `/api/schedule.ics?week=2026-W10&leader=${ids.vice}`);
    const viceEvents = new ICAL.Component(ICAL.parse(vice.body)).getAllSubcomponents('vevent');
    expect(viceEvents.map((c) => c.getFirstPropertyValue('uid'))).toEqual([
      `${created.duty!.id}@vanban`,
    ]);
  });

  it('deletes an entry (the week is changed), and an administrator of the city may edit', async () => {
    const admin = await loginAs(ctx.app, 'admin');
    const res = await send(admin, 'DELETE', `/api/schedule/entries/${created.duty!.id}`);
    expect(res.statusCode, res.body).toBe(200);
    expect(json(res)).toEqual({ ok: true });
    const again = await send(admin, 'DELETE', `/api/schedule/entries/${created.duty!.id}`);
    expect(again.statusCode).toBe(404);
    const body = json<ScheduleResponse>(await get(clerk, '/api/schedule?week=2026-W10'));
    expect(body.entries.map((e) => e.id)).toEqual([created.meeting!.id]);
    expect(body.weeks[0]!.state).toBe('changed');
    const [event] = await queryRows<{ data: { entry: { content: string } } }>(
      ctx.database.db,
      sql`select data from audit_events where type = 'schedule.entry_deleted'`,
    );
    expect(event!.data.entry.content).toBe('Trực lãnh đạo');
  });
});
