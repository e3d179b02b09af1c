import { sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { backendsUnderTest } from '../../../../test/database.js';
import { json, loginAs, useTestApp, type Session } from '../../../../test/test-app.js';
import { queryRows } from '../../../platform/db/database.js';
import { dueDateFromWorkingDays, loadWorkingCalendar } from '../index.js';

interface CalendarYearBody {
  year: number;
  source: string;
  days: { day: string; kind: string; name: string }[];
}

/** Hanoi's own 2026 calendar: the built-in one plus a day off for a city event (illustrative). */
const hanoi2026 = [
  { day: '2026-01-01', kind: 'holiday', name: 'Tết Dương lịch' },
  { day: '2026-01-02', kind: 'holiday', name: 'Nghỉ hoán đổi dịp Tết Dương lịch' },
  { day: '2026-01-10', kind: 'working_day', name: 'Làm bù cho ngày nghỉ thứ Sáu 02/01/2026' },
  { day: '2026-03-04', kind: 'holiday', name: 'Ngày nghỉ của thành phố (thử nghiệm)' },
  { day: '2026-03-07', kind: 'working_day', name: 'Làm bù thứ Bảy' },
];

describe.each(backendsUnderTest())('working calendar over HTTP on %s', (driver) => {
  const ctx = useTestApp(driver);
  let admin: Session;
  let specialist: Session;
  const put = (session: Session, year: string | number, payload: unknown) =>
    ctx.app.inject({
      method: 'PUT',
      url: `/api/calendar/${year}`,
      headers: session.headers(),
      payload: payload as Record<string, unknown>,
    });
  const get = (session: Session, year: number) =>
    ctx.app.inject({ url: `/api/calendar/${year}`, headers: { cookie: session.cookie } });
  const storedRows = async () =>
    (
      await queryRows<{ n: number }>(
        ctx.database.db,
        sql`select count(*)::int as n from calendar_days`,
      )
    )[0]!.n;

  beforeAll(async () => {
    admin = await loginAs(ctx.app, 'admin');
    specialist = await loginAs(ctx.app, 'chuyenvien.snv');
  });

  it('shows any signed-in user the built-in year, and nothing to anonymous callers', async () => {
    const res = await get(specialist, 2026);
    expect(res.statusCode).toBe(200);
    const body = json<CalendarYearBody>(res);
    expect(body).toMatchObject({ year: 2026, source: 'builtin' });
    expect(body.days).toContainEqual({
      day: '2026-02-17',
      kind: 'holiday',
      name: 'Tết Nguyên đán (mùng 1 tháng Giêng)',
    });
    expect(body.days).toContainEqual(
      expect.objectContaining({ day: '2026-08-22', kind: 'working_day' }),
    );
    expect(json<CalendarYearBody>(await get(specialist, 2031))).toEqual({
      year: 2031,
      source: 'none',
      days: [],
    });
    const anonymous = await ctx.app.inject({ url: '/api/calendar/2026' });
    expect(anonymous.statusCode).toBe(401);
    expect(json(anonymous)).toMatchObject({ code: 'auth.required' });
  });

  it('refuses a specialist and a department administrator (403 problem+json), changing nothing', async () => {
    for (const username of ['chuyenvien.snv', 'quantri.snv']) {
      const session = username === 'chuyenvien.snv' ? specialist : await loginAs(ctx.app, username);
      const res = await put(session, 2026, { days: hanoi2026 });
      expect(res.statusCode).toBe(403);
      expect(res.headers['content-type']).toMatch(/application\/problem\+json/);
      expect(json(res)).toMatchObject({ status: 403, code: 'auth.forbidden' });
    }
    expect(await storedRows()).toBe(0);
  });

  it.each([
    [
      'a day outside the year',
      2026,
      { days: [{ day: '2027-01-01', kind: 'holiday', name: 'Tết Dương lịch' }] },
      422,
      'calendar.days_invalid',
      'calendar.day_outside_year',
    ],
    [
      'the same day twice',
      2026,
      {
        days: [
          { day: '2026-04-30', kind: 'holiday', name: 'Ngày Chiến thắng' },
          { day: '2026-04-30', kind: 'holiday', name: 'Ngày Chiến thắng' },
        ],
      },
      422,
      'calendar.days_invalid',
      'calendar.day_duplicate',
    ],
    [
      'a weekday made a working day',
      2026,
      { days: [{ day: '2026-03-04', kind: 'working_day', name: 'Làm bù' }] },
      422,
      'calendar.days_invalid',
      'calendar.working_day_not_weekend',
    ],
    [
      'a date that does not exist',
      2026,
      { days: [{ day: '2026-02-30', kind: 'holiday', name: 'Không có' }] },
      400,
      'request.validation_failed',
      undefined,
    ],
    [
      'an unknown kind',
      2026,
      { days: [{ day: '2026-03-04', kind: 'half_day', name: 'Nửa ngày' }] },
      400,
      'request.validation_failed',
      undefined,
    ],
    ['a year that is not a year', 'abc', { days: [] }, 400, 'request.validation_failed', undefined],
  ])('rejects %s', async (_label, year, payload, status, code, fieldCode) => {
    const res = await put(admin, year, payload);
    expect(res.statusCode).toBe(status);
    const problem = json<{ code: string; errors?: { path: string; code?: string }[] }>(res);
    expect(problem.code).toBe(code);
    if (fieldCode) expect(problem.errors?.map((e) => e.code)).toContain(fieldCode);
    expect(await storedRows()).toBe(0);
  });

  it('lets the city administrator replace a year, audits it, and due dates follow', async () => {
    const res = await put(admin, 2026, { days: [...hanoi2026].reverse() });
    expect(res.statusCode).toBe(200);
    const saved = json<CalendarYearBody>(res);
    expect(saved.source).toBe('configured');
    expect(saved.days.map((d) => d.day)).toEqual(hanoi2026.map((d) => d.day));
    expect(json<CalendarYearBody>(await get(specialist, 2026))).toEqual(saved);

    const [event] = await queryRows<{
      actor_name: string;
      agency_id: string | null;
      chain: string;
      subject_id: string;
      data: { previousSource: string; holidays: string[]; workingDays: string[] };
    }>(
      ctx.database.db,
      sql`select actor_name, agency_id, chain, subject_id, data from audit_events where type = 'calendar.year_replaced'`,
    );
    expect(event).toMatchObject({
      actor_name: 'Quản trị hệ thống',
      agency_id: null,
      chain: 'system',
      subject_id: '2026',
      data: {
        previousSource: 'builtin',
        holidays: ['2026-01-01', '2026-01-02', '2026-03-04'],
        workingDays: ['2026-01-10', '2026-03-07'],
      },
    });

    // The configured year replaces the built-in one whole (Tết is no longer in it); 2025 and
    // 2027 keep their built-in holidays.
    const calendar = await loadWorkingCalendar(ctx.database.db, [2025, 2026, 2027]);
    expect(calendar.isWorkingDay('2026-03-04')).toBe(false);
    expect(calendar.isWorkingDay('2026-03-07')).toBe(true);
    expect(calendar.isWorkingDay('2026-02-17')).toBe(true);
    expect(calendar.isWorkingDay('2025-01-29')).toBe(false);
    expect(calendar.isWorkingDay('2027-01-01')).toBe(false);
    // Tue 3/3 + 3 working days: Thu 5/3, Fri 6/3, Sat 7/3 (worked).
    expect(await dueDateFromWorkingDays(ctx.database.db, '2026-03-03', 3)).toBe('2026-03-07');
    // Across the year end into built-in 2027: Thu 31/12, (Fri 1/1 off), Mon 4/1.
    expect(await dueDateFromWorkingDays(ctx.database.db, '2026-12-30', 2)).toBe('2027-01-04');
    // A long count spans several years, some with no data at all (weekends only).
    expect(await dueDateFromWorkingDays(ctx.database.db, '2026-12-31', 1000)).toMatch(/^2030-/);
  });

  it('restores the built-in year when an empty list is saved', async () => {
    const res = await put(admin, 2026, { days: [] });
    expect(res.statusCode).toBe(200);
    expect(json<CalendarYearBody>(res)).toMatchObject({ source: 'builtin' });
    expect(await storedRows()).toBe(0);
    expect(await dueDateFromWorkingDays(ctx.database.db, '2026-02-12', 2)).toBe('2026-02-23');
  });
});
