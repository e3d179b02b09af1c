import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { backendsUnderTest } from '../../../../test/database.js';
import { post, userId } from '../../../../test/incoming-fixtures.js';
import { json, loginAs, useTestApp } from '../../../../test/test-app.js';
import { queryRows } from '../../../platform/db/database.js';
import { addDays } from '../../calendar/index.js';
import { runReminderScan } from '../reminders.scan.js';
import { assignedDocument, count, reminderRows, vn } from './reminders.fixtures.js';

/**
 * The reminder scan over incoming assignments with a controllable clock: the due date is Monday
 * 4/5/2026, after the 30/4 and 1/5 holidays and a weekend, and Monday 27/4 is a day off too.
 */
describe.each(backendsUnderTest())('reminder scan on %s', (driver) => {
  const ctx = useTestApp(driver);
  const w = () => ({ app: ctx.app, db: ctx.database.db, clock: ctx.clock });
  const scan = () =>
    runReminderScan({ db: ctx.database.db, clock: ctx.clock, sources: ctx.deps.deadlineSources });

  it('reminds the assignees 3 and 1 working days before, on the day and daily while overdue, and escalates once', async () => {
    const doc = await assignedDocument(w(), {
      at: '2026-04-20T09:00:00',
      due: '2026-05-04',
      lead: 'chuyenvien.snv',
      coUnit: 'CCVC',
      urgency: 'urgent',
    });
    const keys = [doc.leadAssignmentId, doc.coAssignmentId!];
    // Every day from 20/4 to 12/5: a scan before 08:00 (too early), two at 09:00 and one at 16:00.
    const sentPerDay: Record<string, number> = {};
    for (let day = '2026-04-20'; day <= '2026-05-12'; day = addDays(day, 1)) {
      ctx.clock.set(vn(`${day}T07:45:00`));
      expect((await scan()).sent).toBe(0);
      ctx.clock.set(vn(`${day}T09:00:00`));
      const first = await scan();
      expect((await scan()).sent).toBe(0);
      ctx.clock.set(vn(`${day}T16:00:00`));
      expect((await scan()).sent).toBe(0);
      if (first.sent > 0) sentPerDay[day] = first.sent;
    }
    const rows = await reminderRows(ctx.database.db, keys);
    expect(rows.map((r) => `${r.on_date} ${r.kind} ${r.username}`)).toEqual([
      '2026-04-24 before chuyenvien.snv',
      '2026-04-24 before truongphong.ccvc.snv',
      '2026-04-29 before chuyenvien.snv',
      '2026-04-29 before truongphong.ccvc.snv',
      '2026-05-04 due chuyenvien.snv',
      '2026-05-04 due truongphong.ccvc.snv',
      '2026-05-05 overdue chuyenvien.snv',
      '2026-05-05 overdue truongphong.ccvc.snv',
      // Escalation to the director who assigned both, once per assignment.
      '2026-05-05 escalation giamdoc.snv',
      '2026-05-05 escalation giamdoc.snv',
      '2026-05-06 overdue chuyenvien.snv',
      '2026-05-06 overdue truongphong.ccvc.snv',
      '2026-05-07 overdue chuyenvien.snv',
      '2026-05-07 overdue truongphong.ccvc.snv',
      '2026-05-08 overdue chuyenvien.snv',
      '2026-05-08 overdue truongphong.ccvc.snv',
      '2026-05-11 overdue chuyenvien.snv',
      '2026-05-11 overdue truongphong.ccvc.snv',
      '2026-05-12 overdue chuyenvien.snv',
      '2026-05-12 overdue truongphong.ccvc.snv',
    ]);
    // Each was sent on its own day, not before, not in a burst.
    expect(sentPerDay).toEqual({
      '2026-04-24': 2,
      '2026-04-29': 2,
      '2026-05-04': 2,
      '2026-05-05': 4,
      '2026-05-06': 2,
      '2026-05-07': 2,
      '2026-05-08': 2,
      '2026-05-11': 2,
      '2026-05-12': 2,
    });
    const lead = rows.filter((r) => r.username === 'chuyenvien.snv').map((r) => r.title);
    expect(lead[0]).toMatch(/^Còn 3 ngày làm việc đến hạn 04\/05\/2026: \d+\/UBND-VX: Về việc/);
    expect(lead[1]).toMatch(/^Còn 1 ngày làm việc đến hạn 04\/05\/2026/);
    expect(lead[2]).toMatch(/^Đến hạn hôm nay \(04\/05\/2026\)/);
    expect(lead[3]).toMatch(/^Quá hạn 1 ngày làm việc \(hạn 04\/05\/2026\)/);
    const escalations = rows.filter((r) => r.kind === 'escalation').map((r) => r.title);
    expect(escalations[0]).toMatch(/^Cần đôn đốc — quá hạn 1 ngày làm việc \(hạn 04\/05\/2026\)/);
    expect(lead.at(-1)).toMatch(/^Quá hạn 6 ngày làm việc/);

    // The bell of the specialist: one notification per reminder, urgent like the document.
    const bell = await ctx.app.inject({
      method: 'GET',
      url: '/api/notifications?limit=100',
      headers: { cookie: (await loginAs(ctx.app, 'chuyenvien.snv')).cookie },
    });
    const items = json<{ items: { kind: string; urgency: string; subject: { id: string } }[] }>(
      bell,
    ).items.filter((n) => n.kind.startsWith('reminder.'));
    expect(items).toHaveLength(9);
    expect(new Set(items.map((n) => n.urgency))).toEqual(new Set(['urgent']));
    expect(new Set(items.map((n) => n.subject.id))).toEqual(new Set([doc.id]));
  });

  it('stops reminding once the assignment is completed', async () => {
    const doc = await assignedDocument(w(), {
      at: '2026-05-13T09:00:00',
      due: '2026-05-15',
      lead: 'chuyenvien2.snv',
    });
    ctx.clock.set(vn('2026-05-14T09:00:00'));
    await scan();
    expect((await reminderRows(ctx.database.db, [doc.leadAssignmentId])).length).toBe(1);
    const spec = await loginAs(ctx.app, 'chuyenvien2.snv');
    const done = await post(
      ctx.app,
      spec,
      `/api/incoming/${doc.id}/assignments/${doc.leadAssignmentId}/complete`,
      { result: 'Đã báo cáo.' },
    );
    expect(done.statusCode, done.body).toBe(200);
    for (const day of ['2026-05-15', '2026-05-18', '2026-05-19']) {
      ctx.clock.set(vn(`${day}T09:00:00`));
      await scan();
    }
    expect((await reminderRows(ctx.database.db, [doc.leadAssignmentId])).length).toBe(1);
  });

  it('sends each reminder once when several scans run at the same time', async () => {
    const doc = await assignedDocument(w(), {
      at: '2026-05-20T09:00:00',
      due: '2026-05-22',
      lead: 'chuyenvien.snv',
      coUnit: 'TCBC',
    });
    ctx.clock.set(vn('2026-05-21T09:00:00'));
    const reminderNotes = sql`kind like 'reminder.%'`;
    const notesBefore = await count(ctx.database.db, 'notifications', reminderNotes);
    const rowsBefore = await count(ctx.database.db, 'reminder_deliveries');
    const results = await Promise.all([scan(), scan(), scan(), scan()]);
    const rows = await reminderRows(ctx.database.db, [doc.leadAssignmentId, doc.coAssignmentId!]);
    expect(rows.map((r) => `${r.kind} ${r.username}`).sort()).toEqual([
      'before chuyenvien.snv',
      'before truongphong.snv',
    ]);
    // Whatever else was due that day too (the first test's overdue document), once in all.
    const sent = results.reduce((n, r) => n + r.sent, 0);
    expect(sent).toBe((await count(ctx.database.db, 'reminder_deliveries')) - rowsBefore);
    expect(sent).toBe((await count(ctx.database.db, 'notifications', reminderNotes)) - notesBefore);
    expect(sent).toBeGreaterThanOrEqual(2);
  });

  it('reminds task owners too, escalates an overdue task to the assigning leader and stamps it', async () => {
    ctx.clock.set(vn('2026-06-08T09:00:00'));
    const director = await loginAs(ctx.app, 'giamdoc.snv');
    const created = await post(ctx.app, director, '/api/tasks', {
      title: 'Xây dựng đề án vị trí việc làm',
      owner: { userId: await userId(ctx.database.db, 'chuyenvien2.snv') },
      due: { date: '2026-06-10' },
    });
    expect(created.statusCode, created.body).toBe(201);
    const taskId = json<{ id: string }>(created).id;
    for (const day of ['2026-06-09', '2026-06-10', '2026-06-11', '2026-06-12']) {
      ctx.clock.set(vn(`${day}T09:00:00`));
      await scan();
      await scan();
    }
    const rows = await queryRows<{
      source: string;
      kind: string;
      on_date: string;
      username: string;
    }>(
      ctx.database.db,
      sql`select r.source, r.kind::text as kind, r.on_date::text as on_date, u.username
          from reminder_deliveries r join users u on u.id = r.user_id
          where r.item_key = ${taskId} order by r.on_date, r.kind`,
    );
    expect(rows.map((r) => `${r.source} ${r.on_date} ${r.kind} ${r.username}`)).toEqual([
      'task 2026-06-09 before chuyenvien2.snv',
      'task 2026-06-10 due chuyenvien2.snv',
      'task 2026-06-11 overdue chuyenvien2.snv',
      'task 2026-06-11 escalation giamdoc.snv',
      'task 2026-06-12 overdue chuyenvien2.snv',
    ]);
    const [task] = await queryRows<{ escalated_at: string | null }>(
      ctx.database.db,
      sql`select escalated_at::text from tasks where id = ${taskId}`,
    );
    expect(task?.escalated_at).not.toBeNull();
  });

  it('leaves disabled accounts out', async () => {
    const doc = await assignedDocument(w(), {
      at: '2026-06-01T09:00:00',
      due: '2026-06-03',
      lead: 'chuyenvien.ccvc.snv',
    });
    await ctx.database.db.execute(
      sql`update users set disabled = true where username = 'chuyenvien.ccvc.snv'`,
    );
    ctx.clock.set(vn('2026-06-02T09:00:00'));
    await scan();
    expect(await reminderRows(ctx.database.db, [doc.leadAssignmentId])).toEqual([]);
    await ctx.database.db.execute(
      sql`update users set disabled = false where username = 'chuyenvien.ccvc.snv'`,
    );
  });
});
