import type {
  IncomingDetail,
  PublicAgency,
  PublicationSettings,
  PublicOnTimeResponse,
  PublicScheduleResponse,
  PublicTasksResponse,
  ScheduleEntry,
} from '@vanban/contracts';
import { sql } from 'drizzle-orm';
import ICAL from 'ical.js';
import { beforeAll, describe, expect, it } from 'vitest';
import { backendsUnderTest } from '../../../../test/database.js';
import { post, registerBody, userId } from '../../../../test/incoming-fixtures.js';
import { json, loginAs, useTestApp, type Session } from '../../../../test/test-app.js';
import { queryRows, type Db } from '../../../platform/db/database.js';
import { newId } from '../../../platform/db/ids.js';

type Problem = { code: string };

const CITY = '000.00.00.H26';
const SNV = '000.00.02.H26';
const HOAN_KIEM = '000.00.51.H26';
const CUA_NAM = '000.00.52.H26';

async function agencyId(db: Db, code: string): Promise<string> {
  const [row] = await queryRows<{ agency_id: string }>(
    db,
    sql`select agency_id from agency_versions where code = ${code} and valid_to is null`,
  );
  return row!.agency_id;
}

interface TaskFixture {
  title: string;
  issuer: string;
  owner: string;
  root?: { id: string; agencyId: string };
  state?: 'assigned' | 'in_progress' | 'completed' | 'cancelled';
  progress?: number;
  dueDate?: string | null;
  completedAt?: string;
  secrecy?: 'normal' | 'confidential' | 'secret' | 'top_secret';
  public?: boolean;
}

/**
 * A task row as the tasks module stores it (written directly: these tests are about what the
 * public page lets through, whatever path created the row).
 */
async function insertTask(db: Db, by: string, t: TaskFixture): Promise<string> {
  const id = newId();
  const state = t.state ?? 'assigned';
  await db.execute(sql`insert into tasks (id, agency_id, parent_id, root_id, root_agency_id, depth,
      title, assigned_by, owner_agency_id, start_date, due_date, state, progress,
      reported_progress, completed_at, completed_by, cancelled_at, secrecy, public, created_at,
      updated_at)
    values (${id}, ${t.issuer}, ${t.root?.id ?? null}, ${t.root?.id ?? id},
      ${t.root?.agencyId ?? t.issuer}, ${t.root ? 1 : 0}, ${t.title}, ${by}, ${t.owner},
      '2026-02-02', ${t.dueDate === undefined ? '2026-03-20' : t.dueDate}, ${state},
      ${t.progress ?? 0}, ${t.progress ?? 0}, ${t.completedAt ?? null},
      ${t.completedAt ? by : null}, ${state === 'cancelled' ? '2026-02-10T02:00:00Z' : null},
      ${t.secrecy ?? 'normal'}, ${t.public ?? true}, '2026-02-02T02:00:00Z',
      '2026-02-02T02:00:00Z')`);
  return id;
}

describe.each(backendsUnderTest())('public transparency page on %s', (driver) => {
  // Monday 2 March 2026, 09:00 in Vietnam: ISO week 2026-W10.
  const ctx = useTestApp(driver);
  const agencies = {} as Record<'city' | 'snv' | 'hk' | 'cuaNam', string>;
  const shown: Record<string, string> = {};
  let hkClerk: Session;
  let hkLeader: Session;
  let hkLeaderId: string;

  const anon = (url: string, headers: Record<string, string> = {}) =>
    ctx.app.inject({ url, headers });
  const put = (session: Session, payload: Record<string, unknown>) =>
    ctx.app.inject({
      method: 'PUT',
      url: '/api/publication/settings',
      headers: session.headers(),
      payload,
    });
  const addEntry = async (payload: Record<string, unknown>) => {
    const res = await post(ctx.app, hkClerk, '/api/schedule/entries', {
      leaderIds: [hkLeaderId],
      ...payload,
    });
    expect(res.statusCode, res.body).toBe(201);
    return json<ScheduleEntry>(res);
  };

  beforeAll(async () => {
    const db = ctx.database.db;
    agencies.city = await agencyId(db, CITY);
    agencies.snv = await agencyId(db, SNV);
    agencies.hk = await agencyId(db, HOAN_KIEM);
    agencies.cuaNam = await agencyId(db, CUA_NAM);
    hkClerk = await loginAs(ctx.app, 'vanthu.phk');
    hkLeader = await loginAs(ctx.app, 'chutich.phk');
    hkLeaderId = await userId(db, 'chutich.phk');
  });

  it("lets the agency's leader (not the clerk, not another agency's admin) choose what is public", async () => {
    const initial = await ctx.app.inject({
      url: '/api/publication/settings',
      headers: { cookie: hkClerk.cookie },
    });
    expect(json<PublicationSettings>(initial)).toEqual({
      agencyId: agencies.hk,
      showTasks: false,
      showSchedule: false,
      showOnTimeRates: false,
      updatedAt: null,
      canEdit: false,
    });
    const settings = { showTasks: true, showSchedule: true, showOnTimeRates: false };
    const byClerk = await put(hkClerk, settings);
    expect(byClerk.statusCode).toBe(403);
    expect(json<Problem>(byClerk).code).toBe('publication.forbidden');
    const snvAdmin = await loginAs(ctx.app, 'quantri.snv');
    const byOtherAdmin = await put(snvAdmin, { ...settings, agencyId: agencies.hk });
    expect(byOtherAdmin.statusCode).toBe(403);

    const saved = await put(hkLeader, settings);
    expect(saved.statusCode, saved.body).toBe(200);
    expect(json<PublicationSettings>(saved)).toMatchObject({ ...settings, canEdit: true });
    // The department's administrator publishes its on-time rates only; Cửa Nam saves all off.
    expect(
      (
        await put(snvAdmin, {
          agencyId: agencies.snv,
          showTasks: false,
          showSchedule: false,
          showOnTimeRates: true,
        })
      ).statusCode,
    ).toBe(200);
    const admin = await loginAs(ctx.app, 'admin');
    expect(
      (
        await put(admin, {
          agencyId: agencies.cuaNam,
          showTasks: false,
          showSchedule: false,
          showOnTimeRates: false,
        })
      ).statusCode,
    ).toBe(200);
    const [audit] = await queryRows<{ n: number }>(
      ctx.database.db,
      sql`select count(*)::int as n from audit_events where type = 'publication.settings_changed'`,
    );
    expect(audit!.n).toBe(3);
  });

  it('lists, without a session, only agencies that publish something', async () => {
    const res = await anon('/api/public/agencies');
    expect(res.statusCode, res.body).toBe(200);
    expect(res.headers['cache-control']).toBe('public, max-age=60');
    const { items } = json<{ items: PublicAgency[] }>(res);
    expect(items.map((a) => [a.code, a.publishes])).toEqual([
      [SNV, { tasks: false, schedule: false, onTimeRates: true }],
      [HOAN_KIEM, { tasks: true, schedule: true, onTimeRates: false }],
    ]);
    expect(items[1]).toMatchObject({
      name: 'Ủy ban nhân dân phường Hoàn Kiếm',
      parentCode: CITY,
    });
    for (const code of [CITY, CUA_NAM, '000.00.99.H26']) {
      const missing = await anon(`/api/public/agencies/${code}`);
      expect(missing.statusCode).toBe(404);
      expect(json<Problem>(missing).code).toBe('publication.agency_not_found');
      const tasks = await anon(`/api/public/agencies/${code}/tasks`);
      expect(json<Problem>(tasks).code).toBe('publication.agency_not_found');
    }
    expect(json<PublicAgency>(await anon(`/api/public/agencies/${HOAN_KIEM}`)).code).toBe(
      HOAN_KIEM,
    );
  });

  it('shows only public, non-secret city tasks the agency carries out (matrix)', async () => {
    const db = ctx.database.db;
    const by = await userId(db, 'lanhdao.ubnd');
    const city = agencies.city;
    const hk = agencies.hk;
    // The schema refuses a public secret task outright…
    await expect(
      insertTask(db, by, { title: 'x', issuer: city, owner: hk, secrecy: 'secret' }),
    ).rejects.toThrow();
    // …and the page must not rely on that: without the constraint, its query still hides them.
    await db.execute(sql`alter table tasks drop constraint tasks_public_not_secret`);

    shown.inProgress = await insertTask(db, by, {
      title: 'Chỉnh trang hè phố quanh hồ Hoàn Kiếm',
      issuer: city,
      owner: hk,
      state: 'in_progress',
      progress: 40,
      dueDate: '2026-03-20',
    });
    shown.overdue = await insertTask(db, by, {
      title: 'Rà soát thủ tục hành chính cấp phường',
      issuer: city,
      owner: hk,
      dueDate: '2026-02-20',
    });
    shown.completed = await insertTask(db, by, {
      title: 'Báo cáo kết quả cải cách hành chính quý I',
      issuer: city,
      owner: hk,
      state: 'completed',
      progress: 100,
      dueDate: '2026-02-25',
      completedAt: '2026-02-24T03:00:00Z',
    });
    const cityToSnv = await insertTask(db, by, {
      title: 'Sắp xếp đơn vị hành chính',
      issuer: city,
      owner: agencies.snv,
      public: false,
    });
    shown.cascaded = await insertTask(db, by, {
      title: 'Sắp xếp đơn vị hành chính — phường Hoàn Kiếm',
      issuer: agencies.snv,
      owner: hk,
      root: { id: cityToSnv, agencyId: city },
      state: 'in_progress',
      progress: 70,
    });
    const hidden = [
      { title: 'MẬT: công khai nhầm', issuer: city, owner: hk, secrecy: 'secret' as const },
      { title: 'MẬT: hạn chế', issuer: city, owner: hk, secrecy: 'confidential' as const },
      { title: 'TUYỆT MẬT', issuer: city, owner: hk, secrecy: 'top_secret' as const },
      { title: 'Không công khai', issuer: city, owner: hk, public: false },
      { title: 'Đã hủy', issuer: city, owner: hk, state: 'cancelled' as const },
      { title: 'Việc nội bộ của phường', issuer: hk, owner: hk },
      { title: 'Sở giao, không từ thành phố', issuer: agencies.snv, owner: hk },
      { title: 'Giao phường khác', issuer: city, owner: agencies.cuaNam },
    ];
    for (const t of hidden) await insertTask(db, by, t);

    const res = await anon(`/api/public/agencies/${HOAN_KIEM}/tasks`);
    expect(res.statusCode, res.body).toBe(200);
    const body = json<PublicTasksResponse>(res);
    expect(body.items.map((t) => t.id).sort()).toEqual(Object.values(shown).sort());
    expect(body.total).toBe(4);
    expect(body.counts).toEqual({ assigned: 1, inProgress: 2, completed: 1, overdue: 1 });
    // Open first by due date, completed last.
    expect(body.items.map((t) => t.id)).toEqual([
      shown.overdue,
      shown.inProgress,
      shown.cascaded,
      shown.completed,
    ]);
    expect(body.items[0]).toEqual({
      id: shown.overdue,
      title: 'Rà soát thủ tục hành chính cấp phường',
      assignedBy: 'Ủy ban nhân dân thành phố Hà Nội',
      ownerAgency: 'Ủy ban nhân dân phường Hoàn Kiếm',
      ownerUnit: null,
      startDate: '2026-02-02',
      dueDate: '2026-02-20',
      progress: 0,
      status: 'assigned',
      overdue: true,
      completedOn: null,
      completedOnTime: null,
    });
    expect(body.items[2]).toMatchObject({
      assignedBy: 'Sở Nội vụ thành phố Hà Nội',
      progress: 70,
      overdue: false,
    });
    expect(body.items[3]).toMatchObject({ completedOn: '2026-02-24', completedOnTime: true });
    for (const word of ['MẬT', 'Không công khai', 'Đã hủy', 'nội bộ', 'Sở giao', 'phường khác'])
      expect(res.body).not.toContain(word);

    const completed = json<PublicTasksResponse>(
      await anon(`/api/public/agencies/${HOAN_KIEM}/tasks?status=completed`),
    );
    expect(completed.items.map((t) => t.id)).toEqual([shown.completed]);
    expect(completed.total).toBe(1);
    const page = json<PublicTasksResponse>(
      await anon(`/api/public/agencies/${HOAN_KIEM}/tasks?limit=2&offset=2`),
    );
    expect(page.items.map((t) => t.id)).toEqual([shown.cascaded, shown.completed]);
    // The department does not publish tasks: nothing, even though it owns one.
    const off = await anon(`/api/public/agencies/${SNV}/tasks`);
    expect(off.statusCode).toBe(404);
    expect(json<Problem>(off).code).toBe('publication.not_public');
  });

  it('shows public entries of published weeks only, as published', async () => {
    const event = await addEntry({
      date: '2026-03-03',
      startTime: '08:00',
      endTime: '10:00',
      content: 'Đối thoại với Nhân dân về chỉnh trang đô thị',
      place: 'Hội trường phường, 126 Hàng Trống',
      visibility: 'public',
    });
    await addEntry({
      date: '2026-03-04',
      startTime: '14:00',
      content: 'Họp nội bộ về nhân sự',
      visibility: 'internal',
    });
    const duty = await addEntry({
      kind: 'on_duty',
      date: '2026-03-07',
      endDate: '2026-03-08',
      visibility: 'public',
    });
    await addEntry({ kind: 'on_duty', date: '2026-03-09', visibility: 'public' }); // W11

    const before = json<PublicScheduleResponse>(
      await anon(`/api/public/agencies/${HOAN_KIEM}/schedule`),
    );
    expect(before).toMatchObject({
      week: '2026-W10',
      published: false,
      version: 0,
      onDuty: [],
      events: [],
    });

    const published = await post(ctx.app, hkClerk, '/api/schedule/weeks/2026-W10/publish', {});
    expect(published.statusCode, published.body).toBe(200);
    // Edits after publication stay internal until the week is published again.
    const edited = await ctx.app.inject({
      method: 'PATCH',
      url: `/api/schedule/entries/${event.id}`,
      headers: hkClerk.headers(),
      payload: {
        content: 'Đối thoại với Nhân dân (dời sang chiều)',
        startTime: '14:00',
        endTime: '16:00',
      },
    });
    expect(edited.statusCode, edited.body).toBe(200);
    const late = await addEntry({
      date: '2026-03-05',
      startTime: '09:00',
      content: 'Kiểm tra công trình',
      visibility: 'public',
    });

    const res = await anon(`/api/public/agencies/${HOAN_KIEM}/schedule?week=2026-W10`);
    expect(res.statusCode, res.body).toBe(200);
    const body = json<PublicScheduleResponse>(res);
    expect(body).toMatchObject({
      week: '2026-W10',
      weekStart: '2026-03-02',
      weekEnd: '2026-03-08',
      published: true,
      version: 1,
      publishedAt: '2026-03-02T02:00:00.000Z',
    });
    expect(body.events).toEqual([
      {
        id: event.id,
        kind: 'event',
        allDay: false,
        date: '2026-03-03',
        startTime: '08:00',
        endDate: '2026-03-03',
        endTime: '10:00',
        place: 'Hội trường phường, 126 Hàng Trống',
        content: 'Đối thoại với Nhân dân về chỉnh trang đô thị',
        participants: null,
        preparingUnit: null,
        leaders: [{ fullName: event.leaders[0]!.fullName, title: event.leaders[0]!.title }],
      },
    ]);
    expect(body.onDuty.map((e) => [e.id, e.date, e.endDate])).toEqual([
      [duty.id, '2026-03-07', '2026-03-08'],
    ]);
    expect(res.body).not.toContain('nội bộ');
    expect(res.body).not.toContain(late.id);
    expect(res.body).not.toContain(hkLeaderId); // no internal user ids on the public page

    const nextWeek = json<PublicScheduleResponse>(
      await anon(`/api/public/agencies/${HOAN_KIEM}/schedule?week=2026-W11`),
    );
    expect(nextWeek).toMatchObject({ published: false, onDuty: [], events: [] });

    const bad = await anon(`/api/public/agencies/${HOAN_KIEM}/schedule?week=2026-W60`);
    expect(bad.statusCode).toBe(422);
    expect(json<Problem>(bad).code).toBe('schedule.week_invalid');

    // The feed: the same published public entries, same UIDs as the staff's export.
    const ics = await anon(`/api/public/agencies/${HOAN_KIEM}/schedule.ics`);
    expect(ics.statusCode, ics.body).toBe(200);
    expect(ics.headers['content-type']).toBe('text/calendar; charset=utf-8');
    const vevents = new ICAL.Component(ICAL.parse(ics.body))
      .getAllSubcomponents('vevent')
      .map((c) => new ICAL.Event(c));
    expect(vevents.map((e) => [e.uid, e.summary])).toEqual([
      [`${event.id}@vanban`, 'Đối thoại với Nhân dân về chỉnh trang đô thị'],
      [`${duty.id}@vanban`, `Trực lãnh đạo: ${event.leaders[0]!.fullName}`],
    ]);

    // Published again: the public sees the edit and the new entry.
    await post(ctx.app, hkLeader, '/api/schedule/weeks/2026-W10/publish', {});
    const after = json<PublicScheduleResponse>(
      await anon(`/api/public/agencies/${HOAN_KIEM}/schedule?week=2026-W10`),
    );
    expect(after.version).toBe(2);
    expect(after.events.map((e) => [e.id, e.startTime, e.content])).toEqual([
      [event.id, '14:00', 'Đối thoại với Nhân dân (dời sang chiều)'],
      [late.id, '09:00', 'Kiểm tra công trình'],
    ]);
  });

  it('shows nothing of a section the agency turns off', async () => {
    expect(
      (await put(hkLeader, { showTasks: false, showSchedule: false, showOnTimeRates: true }))
        .statusCode,
    ).toBe(200);
    for (const path of ['tasks', 'schedule', 'schedule.ics?week=2026-W10']) {
      const res = await anon(`/api/public/agencies/${HOAN_KIEM}/${path}`);
      expect(res.statusCode, path).toBe(404);
      expect(json<Problem>(res).code).toBe('publication.not_public');
    }
    const onTime = await anon(`/api/public/agencies/${SNV}/on-time`);
    expect(onTime.statusCode).toBe(200);
    expect(
      (await put(hkLeader, { showTasks: true, showSchedule: true, showOnTimeRates: false }))
        .statusCode,
    ).toBe(200);
    const off = await anon(`/api/public/agencies/${HOAN_KIEM}/on-time`);
    expect(json<Problem>(off).code).toBe('publication.not_public');
  });

  it('publishes on-time rates without confidential documents', async () => {
    const db = ctx.database.db;
    const clerk = await loginAs(ctx.app, 'vanthu.snv');
    const leader = await loginAs(ctx.app, 'giamdoc.snv');
    const specialist = await loginAs(ctx.app, 'chuyenvien.snv');
    const leaderId = await userId(db, 'giamdoc.snv');
    const specialistId = await userId(db, 'chuyenvien.snv');
    async function handled(registeredAt: string, due: string, doneAt: string, secrecy = 'normal') {
      ctx.clock.set(new Date(registeredAt));
      const created = await post(
        ctx.app,
        clerk,
        '/api/incoming',
        registerBody({ issueDate: registeredAt.slice(0, 10), due: { date: due }, secrecy }),
      );
      expect(created.statusCode, created.body).toBe(201);
      const id = json<IncomingDetail>(created).id;
      await post(ctx.app, clerk, `/api/incoming/${id}/submit`, { userId: leaderId });
      const directed = await post(ctx.app, leader, `/api/incoming/${id}/direct`, {
        direction: 'Giao chuyên viên xử lý.',
        lead: { userId: specialistId },
      });
      expect(directed.statusCode, directed.body).toBe(200);
      const lead = json<IncomingDetail>(directed).assignments.find((a) => a.role === 'lead')!;
      ctx.clock.set(new Date(doneAt));
      const done = await post(
        ctx.app,
        specialist,
        `/api/incoming/${id}/assignments/${lead.id}/complete`,
        { result: 'Đã xử lý.' },
      );
      expect(done.statusCode, done.body).toBe(200);
    }
    await handled('2026-02-02T02:00:00Z', '2026-02-10', '2026-02-05T02:00:00Z');
    await handled('2026-02-03T02:00:00Z', '2026-02-06', '2026-02-12T02:00:00Z');
    await handled('2026-02-04T02:00:00Z', '2026-02-10', '2026-02-05T03:00:00Z', 'confidential');
    ctx.clock.set(new Date('2026-03-02T02:00:00Z'));
    const [secret] = await queryRows<{ n: number }>(
      db,
      sql`select count(*)::int as n from incoming_documents
          where secrecy = 'confidential' and state = 'completed'`,
    );
    expect(secret!.n).toBe(1);

    const res = await anon(`/api/public/agencies/${SNV}/on-time?months=2`);
    expect(res.statusCode, res.body).toBe(200);
    const body = json<PublicOnTimeResponse>(res);
    expect(body).toMatchObject({
      asOf: '2026-03-02',
      completed: 2,
      onTime: 1,
      late: 1,
      onTimeRate: 0.5,
    });
    expect(body.months).toEqual([
      { month: '2026-02', completed: 2, onTime: 1, late: 1, overdueOpen: 0 },
      { month: '2026-03', completed: 0, onTime: 0, late: 0, overdueOpen: 0 },
    ]);
    const tooMany = await anon(`/api/public/agencies/${SNV}/on-time?months=99`);
    expect(tooMany.statusCode).toBe(400);
  });

  it('documents the endpoints in OpenAPI, the public ones without security', async () => {
    const res = await anon('/api/openapi.json');
    expect(res.statusCode).toBe(200);
    const paths = json<{ paths: Record<string, Record<string, { security?: unknown[] }>> }>(
      res,
    ).paths;
    expect(paths['/api/public/agencies/{code}/schedule.ics']?.get?.security).toEqual([]);
    expect(paths['/api/public/agencies/{code}/tasks']?.get?.security).toEqual([]);
    expect(Object.keys(paths['/api/publication/settings'] ?? {}).sort()).toEqual(['get', 'put']);
    expect(Object.keys(paths['/api/schedule/weeks/{week}/publish'] ?? {})).toEqual(['post']);
    expect(paths['/api/schedule.ics']?.get).toBeDefined();
  });

  it('rate-limits one client address without affecting others', async () => {
    const flood = { 'x-forwarded-for': '203.0.113.9' };
    for (let i = 0; i < 120; i++) {
      const ok = await anon('/api/public/agencies/000.00.99.H26', flood);
      expect(ok.statusCode).toBe(404);
    }
    const limited = await anon('/api/public/agencies', flood);
    expect(limited.statusCode).toBe(429);
    expect(json<Problem>(limited).code).toBe('request.rate_limited');
    expect(Number(limited.headers['retry-after'])).toBeGreaterThan(0);
    expect(
      (await anon('/api/public/agencies', { 'x-forwarded-for': '203.0.113.10' })).statusCode,
    ).toBe(200);
  });
});
