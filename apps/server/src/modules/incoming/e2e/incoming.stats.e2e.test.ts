import type { IncomingDetail, IncomingStats } from '@vanban/contracts';
import { describe, expect, it } from 'vitest';
import { backendsUnderTest } from '../../../../test/database.js';
import { get, post, registerBody, userId } from '../../../../test/incoming-fixtures.js';
import { json, loginAs, useTestApp, type Session } from '../../../../test/test-app.js';

describe.each(backendsUnderTest())('incoming on-time statistics on %s', (driver) => {
  const ctx = useTestApp(driver);

  it('counts completed on time, late and open overdue documents per month in Vietnam time', async () => {
    const db = ctx.database.db;
    const clerk = await loginAs(ctx.app, 'vanthu.snv');
    const leader = await loginAs(ctx.app, 'giamdoc.snv');
    const spec = await loginAs(ctx.app, 'chuyenvien.snv');
    const spec2 = await loginAs(ctx.app, 'chuyenvien2.snv');
    const leaderId = await userId(db, 'giamdoc.snv');
    const people = {
      spec: { session: spec, id: await userId(db, 'chuyenvien.snv') },
      spec2: { session: spec2, id: await userId(db, 'chuyenvien2.snv') },
    };

    /** Registered, presented and directed to one specialist at `at`; its due date, if any. */
    async function open(
      at: string,
      due: string | null,
      handler: keyof typeof people = 'spec',
      sessions: { clerk: Session; leader: Session; leaderId: string } = {
        clerk,
        leader,
        leaderId,
      },
    ) {
      ctx.clock.set(new Date(at));
      const created = await post(
        ctx.app,
        sessions.clerk,
        '/api/incoming',
        registerBody({ issueDate: at.slice(0, 10), ...(due ? { due: { date: due } } : {}) }),
      );
      expect(created.statusCode, created.body).toBe(201);
      const id = json<IncomingDetail>(created).id;
      const submitted = await post(ctx.app, sessions.clerk, `/api/incoming/${id}/submit`, {
        userId: sessions.leaderId,
      });
      expect(submitted.statusCode, submitted.body).toBe(200);
      const directed = await post(ctx.app, sessions.leader, `/api/incoming/${id}/direct`, {
        direction: 'Giao chuyên viên xử lý.',
        lead: { userId: people[handler].id },
      });
      expect(directed.statusCode, directed.body).toBe(200);
      const detail = json<IncomingDetail>(directed);
      expect(detail.dueDate).toBe(due);
      const assignment = detail.assignments.find((a) => a.active && a.role === 'lead');
      if (!assignment) throw new Error('no lead assignment');
      return { id, assignmentId: assignment.id, handler };
    }

    async function complete(
      doc: { id: string; assignmentId: string; handler: keyof typeof people },
      at: string,
      session: Session = people[doc.handler].session,
    ) {
      ctx.clock.set(new Date(at));
      const done = await post(
        ctx.app,
        session,
        `/api/incoming/${doc.id}/assignments/${doc.assignmentId}/complete`,
        { result: 'Đã xử lý xong.' },
      );
      expect(done.statusCode, done.body).toBe(200);
    }

    // January: A on time; B due 10/1 completed 3/2 (late, overdue at the end of January);
    // H due 31/1 completed at 01:00 on 1/2 Vietnam time (still 31/1 in UTC): late, in February.
    const a = await open('2026-01-05T02:00:00Z', '2026-01-20');
    const b = await open('2026-01-05T03:00:00Z', '2026-01-10');
    const h = await open('2026-01-20T02:00:00Z', '2026-01-31');
    await complete(a, '2026-01-15T09:30:00Z');
    await complete(h, '2026-01-31T18:00:00Z');
    await complete(b, '2026-02-03T02:00:00Z');
    // February: C with no due date completed the next day (on time, handled by someone else);
    // D due 20/2 still open (overdue at the end of February and today); E due 5/3 still open.
    const c = await open('2026-02-10T02:00:00Z', null, 'spec2');
    await complete(c, '2026-02-11T02:00:00Z');
    await open('2026-02-10T03:00:00Z', '2026-02-20');
    await open('2026-02-25T02:00:00Z', '2026-03-05');
    // Today (2/3/2026): F completed on its due date.
    const f = await open('2026-03-02T01:00:00Z', '2026-03-02');
    await complete(f, '2026-03-02T08:59:00Z');
    // Another agency's documents never count.
    const stc = {
      clerk: await loginAs(ctx.app, 'vanthu.stc'),
      leader: await loginAs(ctx.app, 'giamdoc.stc'),
      leaderId: await userId(db, 'giamdoc.stc'),
    };
    const specStc = await loginAs(ctx.app, 'chuyenvien.stc');
    const specStcId = await userId(db, 'chuyenvien.stc');
    ctx.clock.set(new Date('2026-02-02T02:00:00Z'));
    const other = json<IncomingDetail>(
      await post(
        ctx.app,
        stc.clerk,
        '/api/incoming',
        registerBody({ issueDate: '2026-02-01', due: { date: '2026-02-04' } }),
      ),
    );
    await post(ctx.app, stc.clerk, `/api/incoming/${other.id}/submit`, { userId: stc.leaderId });
    const otherDirected = json<IncomingDetail>(
      await post(ctx.app, stc.leader, `/api/incoming/${other.id}/direct`, {
        direction: 'x',
        lead: { userId: specStcId },
      }),
    );
    const otherLead = otherDirected.assignments.find((x) => x.role === 'lead');
    if (!otherLead) throw new Error('no lead assignment');
    ctx.clock.set(new Date('2026-02-20T02:00:00Z'));
    expect(
      (
        await post(
          ctx.app,
          specStc,
          `/api/incoming/${other.id}/assignments/${otherLead.id}/complete`,
          { result: 'x' },
        )
      ).statusCode,
    ).toBe(200);

    ctx.clock.set(new Date('2026-03-02T09:00:00Z')); // 16:00 in Vietnam
    const res = await get(ctx.app, leader, '/api/incoming/stats?months=6');
    expect(res.statusCode, res.body).toBe(200);
    const stats = json<IncomingStats>(res);
    expect(stats).toMatchObject({
      asOf: '2026-03-02',
      scope: 'agency',
      completed: 5,
      onTime: 3,
      late: 2,
      onTimeRate: 0.6,
    });
    const zero = { completed: 0, onTime: 0, late: 0, overdueOpen: 0 };
    expect(stats.months).toEqual([
      { month: '2025-10', ...zero },
      { month: '2025-11', ...zero },
      { month: '2025-12', ...zero },
      { month: '2026-01', completed: 1, onTime: 1, late: 0, overdueOpen: 2 },
      { month: '2026-02', completed: 3, onTime: 1, late: 2, overdueOpen: 1 },
      { month: '2026-03', completed: 1, onTime: 1, late: 0, overdueOpen: 1 },
    ]);

    // The clerk sees the same agency-wide figures; the default is six months.
    const asClerk = json<IncomingStats>(await get(ctx.app, clerk, '/api/incoming/stats'));
    expect(asClerk.months).toEqual(stats.months);

    // A specialist counts only the documents they take part in.
    const mine = json<IncomingStats>(await get(ctx.app, spec2, '/api/incoming/stats?months=2'));
    expect(mine).toMatchObject({ scope: 'visible', completed: 1, onTime: 1, onTimeRate: 1 });
    expect(mine.months).toEqual([
      { month: '2026-02', completed: 1, onTime: 1, late: 0, overdueOpen: 0 },
      { month: '2026-03', ...zero },
    ]);

    // The other agency: only its own document (late, completed in February).
    const theirs = json<IncomingStats>(
      await get(ctx.app, stc.leader, '/api/incoming/stats?months=1'),
    );
    expect(theirs).toMatchObject({ completed: 0, onTimeRate: null });
    expect(theirs.months).toEqual([{ month: '2026-03', ...zero }]);
    const theirsFeb = json<IncomingStats>(
      await get(ctx.app, stc.leader, '/api/incoming/stats?months=2'),
    );
    expect(theirsFeb).toMatchObject({ completed: 1, onTime: 0, late: 1, onTimeRate: 0 });

    // Bad input and no session.
    const bad = await get(ctx.app, leader, '/api/incoming/stats?months=0');
    expect(bad.statusCode).toBe(400);
    expect(json(bad)).toMatchObject({ code: 'request.validation_failed' });
    const anonymous = await ctx.app.inject({ method: 'GET', url: '/api/incoming/stats' });
    expect(anonymous.statusCode).toBe(401);
  });
});
