import type { IncomingDetail, TaskDetail, TaskSummary } from '@vanban/contracts';
import { describe, expect, it } from 'vitest';
import { backendsUnderTest } from '../../../../test/database.js';
import { makePdf } from '../../../../test/fixtures/files.js';
import {
  get,
  post,
  registerBody,
  unitId,
  uploadFile,
  userId,
} from '../../../../test/incoming-fixtures.js';
import { json, loginAs, useTestApp, type Session } from '../../../../test/test-app.js';
import { taskDeadlines } from '../index.js';
import { SECRET_TASK_TITLE } from '../tasks.deadlines.js';
import { agencyIdOf, footprint, ok, patch, SNV } from './tasks-fixtures.js';

/**
 * Tasks of one department: from an incoming document's direction, re-assigned inside a unit,
 * reported with files, due dates changed with a reason; who sees them (other agencies get 404,
 * confidential tasks only named people); and what the reminder scan gets from the deadline source.
 */
describe.each(backendsUnderTest())('tasks of a department on %s', (driver) => {
  const ctx = useTestApp(driver);
  let s: {
    clerk: Session;
    director: Session;
    deputy: Session;
    tcbcHead: Session;
    tcbc1: Session;
    tcbc2: Session;
    ccvc: Session;
    stcLeader: Session;
    stcSpec: Session;
    city: Session;
  };
  const ids = { doc: '', task: '', secret: '', agencyTask: '', reportFile: '' };

  const list = async (who: Session, query: string) => {
    const res = await get(ctx.app, who, `/api/tasks?${query}`);
    expect(res.statusCode, res.body).toBe(200);
    return json<{ items: TaskSummary[] }>(res).items.map((t) => t.id);
  };

  it('turns a leader’s direction into a task (lead → owner, co-handler → co-owner)', async () => {
    const db = ctx.database.db;
    s = {
      clerk: await loginAs(ctx.app, 'vanthu.snv'),
      director: await loginAs(ctx.app, 'giamdoc.snv'),
      deputy: await loginAs(ctx.app, 'phogiamdoc.snv'),
      tcbcHead: await loginAs(ctx.app, 'truongphong.snv'),
      tcbc1: await loginAs(ctx.app, 'chuyenvien.snv'),
      tcbc2: await loginAs(ctx.app, 'chuyenvien2.snv'),
      ccvc: await loginAs(ctx.app, 'chuyenvien.ccvc.snv'),
      stcLeader: await loginAs(ctx.app, 'giamdoc.stc'),
      stcSpec: await loginAs(ctx.app, 'chuyenvien.stc'),
      city: await loginAs(ctx.app, 'lanhdao.ubnd'),
    };
    const registered = await post(
      ctx.app,
      s.clerk,
      '/api/incoming',
      registerBody({
        subject: 'Về việc rà soát, sắp xếp tổ chức bộ máy các phòng chuyên môn',
        urgency: 'urgent',
        submitTo: { userId: await userId(db, 'giamdoc.snv') },
      }),
    );
    expect(registered.statusCode, registered.body).toBe(201);
    const doc = json<IncomingDetail>(registered);
    ids.doc = doc.id;
    // Not directed yet: nothing to turn into a task.
    const early = await post(ctx.app, s.director, '/api/tasks/from-incoming', {
      incomingDocumentId: doc.id,
    });
    expect(json(early)).toMatchObject({ status: 422, code: 'tasks.source_invalid' });
    const directed = await post(ctx.app, s.director, `/api/incoming/${doc.id}/direct`, {
      direction: 'Giao Phòng Tổ chức biên chế chủ trì, Phòng Công chức, viên chức phối hợp.',
      lead: { unitId: await unitId(db, SNV, 'TCBC'), due: { date: '2026-03-13' } },
      coHandlers: [{ unitId: await unitId(db, SNV, 'CCVC') }],
    });
    expect(directed.statusCode, directed.body).toBe(200);

    // A unit head sees the document but only a leader or deputy turns it into a task.
    const byHead = await post(ctx.app, s.tcbcHead, '/api/tasks/from-incoming', {
      incomingDocumentId: doc.id,
    });
    expect(json(byHead)).toMatchObject({ status: 403, code: 'tasks.forbidden' });
    // Another agency's leader does not see the document at all.
    const byOther = await post(ctx.app, s.stcLeader, '/api/tasks/from-incoming', {
      incomingDocumentId: doc.id,
    });
    expect(json(byOther)).toMatchObject({ status: 422, code: 'tasks.source_invalid' });

    const task = await ok(
      ctx.app,
      s.director,
      '/api/tasks/from-incoming',
      { incomingDocumentId: doc.id, reportPeriod: 'weekly' },
      201,
    );
    expect(task).toMatchObject({
      title: 'Về việc rà soát, sắp xếp tổ chức bộ máy các phòng chuyên môn',
      description: 'Giao Phòng Tổ chức biên chế chủ trì, Phòng Công chức, viên chức phối hợp.',
      dueDate: '2026-03-13',
      startDate: '2026-03-02',
      urgency: 'urgent',
      secrecy: 'normal',
      source: { type: 'incoming_document', id: doc.id },
      agency: { code: SNV },
      owner: { agency: { code: SNV }, unit: { code: 'TCBC' }, user: null },
      coOwners: [{ kind: 'unit', name: 'Phòng Công chức, viên chức' }],
      assignedBy: { fullName: 'Bùi Thị Lan' },
      assigningLeader: { fullName: 'Bùi Thị Lan' },
      reportPeriod: 'weekly',
      reportMissing: false,
      state: 'assigned',
    });
    expect(task.history.map((e) => e.type)).toEqual(['task.created']);
    ids.task = task.id;
    // The deputy may do it too, and override what the direction said.
    const second = await ok(
      ctx.app,
      s.deputy,
      '/api/tasks/from-incoming',
      {
        incomingDocumentId: doc.id,
        title: 'Dự thảo đề án sắp xếp phòng chuyên môn',
        owner: {
          unitId: await unitId(db, SNV, 'TCBC'),
          userId: await userId(db, 'chuyenvien.snv'),
        },
        coOwners: [],
        due: { workingDays: 5 },
      },
      201,
    );
    expect(second).toMatchObject({
      dueDate: '2026-03-09',
      owner: { user: { fullName: 'Lý Thị Oanh' } },
      coOwners: [],
      assignedBy: { fullName: 'Đỗ Văn Khánh' },
    });
    expect((await list(s.director, `incomingDocumentId=${doc.id}`)).sort()).toEqual(
      [task.id, second.id].sort(),
    );
  });

  it('lists tasks by view and counts the open ones', async () => {
    expect(await list(s.tcbcHead, 'view=assigned_to_me')).toContain(ids.task);
    expect(await list(s.tcbc1, 'view=assigned_to_me')).not.toContain(ids.task);
    expect(await list(s.tcbc1, 'view=my_unit')).toContain(ids.task);
    expect(await list(s.ccvc, 'view=my_unit')).toContain(ids.task);
    expect(await list(s.director, 'view=assigned_by_me')).toContain(ids.task);
    expect(await list(s.clerk, 'view=agency')).toContain(ids.task);
    expect(await list(s.stcLeader, 'view=all')).toEqual([]);
    const counts = json<Record<string, number>>(
      await get(ctx.app, s.tcbcHead, '/api/tasks/counts'),
    );
    expect(counts).toMatchObject({ assigned_to_me: 1, my_unit: 2, overdue: 0 });
    // Keyset paging: one at a time, no task twice.
    const first = json<{ items: TaskSummary[]; nextCursor: string }>(
      await get(ctx.app, s.director, '/api/tasks?limit=1'),
    );
    const next = json<{ items: TaskSummary[]; nextCursor: string | null }>(
      await get(ctx.app, s.director, `/api/tasks?limit=1&cursor=${first.nextCursor}`),
    );
    expect(first.items).toHaveLength(1);
    expect(next.items[0]?.id).not.toBe(first.items[0]?.id);
    // The contracts document every endpoint (the recursive sub-task tree included).
    const openapi = await ctx.app.inject('/api/openapi.json');
    expect(openapi.statusCode).toBe(200);
    expect(Object.keys(json<{ paths: object }>(openapi).paths)).toEqual(
      expect.arrayContaining(['/api/tasks', '/api/tasks/{id}', '/api/tasks/{id}/subtasks']),
    );
  });

  it('keeps a task away from other agencies (404) and refuses non-owners (403)', async () => {
    for (const who of [s.stcLeader, s.stcSpec, s.city]) {
      expect((await get(ctx.app, who, `/api/tasks/${ids.task}`)).statusCode).toBe(404);
      expect((await get(ctx.app, who, `/api/tasks/${ids.task}/history`)).statusCode).toBe(404);
      const report = await post(ctx.app, who, `/api/tasks/${ids.task}/reports`, {
        progress: 10,
        text: 'x',
      });
      expect(json(report)).toMatchObject({ status: 404, code: 'tasks.not_found' });
    }
    // A member of the owner unit sees it; only the owner side reports.
    expect((await get(ctx.app, s.tcbc1, `/api/tasks/${ids.task}`)).statusCode).toBe(200);
    expect((await get(ctx.app, s.ccvc, `/api/tasks/${ids.task}`)).statusCode).toBe(200);
    const bySpec = await post(ctx.app, s.tcbc1, `/api/tasks/${ids.task}/reports`, {
      progress: 10,
      text: 'x',
    });
    expect(json(bySpec)).toMatchObject({ status: 403, code: 'tasks.forbidden' });
    // The issuer cancels; the owner does not.
    const byOwner = await post(ctx.app, s.tcbcHead, `/api/tasks/${ids.task}/cancel`, {
      reason: 'x',
    });
    expect(json(byOwner)).toMatchObject({ status: 403, code: 'tasks.forbidden' });
  });

  it('re-assigns inside the unit, takes reports with files, changes the due date with a reason', async () => {
    const db = ctx.database.db;
    // A unit head passes the task to a person of the unit, not to another unit.
    const outside = await post(ctx.app, s.tcbcHead, `/api/tasks/${ids.task}/assign`, {
      owner: { unitId: await unitId(db, SNV, 'CCVC') },
    });
    expect(json(outside)).toMatchObject({ status: 422, code: 'tasks.owner_invalid' });
    const assigned = await ok(ctx.app, s.tcbcHead, `/api/tasks/${ids.task}/assign`, {
      owner: { unitId: await unitId(db, SNV, 'TCBC'), userId: await userId(db, 'chuyenvien2.snv') },
      note: 'Giao đồng chí Sơn trực tiếp thực hiện.',
    });
    expect(assigned.owner.user?.fullName).toBe('Tạ Minh Sơn');

    const upload = await uploadFile(
      ctx.app,
      s.tcbc2,
      'bao-cao.pdf',
      await makePdf(['Báo cáo tiến độ tuần 1']),
      'application/pdf',
    );
    expect(upload.statusCode, upload.body).toBe(201);
    ids.reportFile = json<{ id: string }>(upload).id;
    const reported = await ok(ctx.app, s.tcbc2, `/api/tasks/${ids.task}/reports`, {
      progress: 40,
      text: 'Đã rà soát xong 4/10 phòng.',
      fileIds: [ids.reportFile],
    });
    expect(reported).toMatchObject({ state: 'in_progress', progress: 40, reportedProgress: 40 });
    expect(reported.reports).toEqual([
      expect.objectContaining({
        progress: 40,
        fileIds: [ids.reportFile],
        author: expect.objectContaining({ fullName: 'Tạ Minh Sơn' }),
      }),
    ]);
    expect(reported.files).toEqual([
      expect.objectContaining({ id: ids.reportFile, role: 'report' }),
    ]);
    // The report's file is readable by those who see the task, and by nobody else.
    expect((await get(ctx.app, s.ccvc, `/api/files/${ids.reportFile}/content`)).statusCode).toBe(
      200,
    );
    expect(
      (await get(ctx.app, s.stcLeader, `/api/files/${ids.reportFile}/content`)).statusCode,
    ).toBe(404);

    const noReason = await patch(ctx.app, s.director, `/api/tasks/${ids.task}`, {
      due: { date: '2026-03-20' },
    });
    expect(noReason.statusCode).toBe(400);
    const moved = await patch(ctx.app, s.director, `/api/tasks/${ids.task}`, {
      due: { date: '2026-03-20' },
      dueChangeReason: 'Chờ ý kiến của Sở Tài chính.',
    });
    expect(moved.statusCode, moved.body).toBe(200);
    const history = json<TaskDetail>(moved).history;
    expect(history.map((e) => e.type)).toEqual([
      'task.created',
      'task.reassigned',
      'task.progress_reported',
      'task.due_date_changed',
    ]);
    expect(history.at(-1)?.data).toMatchObject({
      from: '2026-03-13',
      to: '2026-03-20',
      reason: 'Chờ ý kiến của Sở Tài chính.',
    });
    const past = await patch(ctx.app, s.director, `/api/tasks/${ids.task}`, {
      due: { date: '2026-02-27' },
      dueChangeReason: 'x',
    });
    expect(json(past)).toMatchObject({ status: 422, code: 'tasks.due_date_invalid' });
  });

  it('shows a confidential task to named people only and never publishes it', async () => {
    const db = ctx.database.db;
    const before = await footprint(db);
    const published = await post(ctx.app, s.director, '/api/tasks', {
      title: 'Nhiệm vụ mật',
      owner: { userId: await userId(db, 'chuyenvien.snv') },
      secrecy: 'secret',
      public: true,
    });
    expect(json(published)).toMatchObject({ status: 422, code: 'tasks.secret_not_public' });
    expect(await footprint(db)).toEqual(before);
    const secret = await ok(
      ctx.app,
      s.director,
      '/api/tasks',
      {
        title: 'Rà soát hồ sơ nhân sự diện quy hoạch',
        owner: { userId: await userId(db, 'chuyenvien.snv') },
        secrecy: 'secret',
        due: { date: '2026-03-04' },
      },
      201,
    );
    ids.secret = secret.id;
    const sees = async (who: Session) =>
      (await get(ctx.app, who, `/api/tasks/${secret.id}`)).statusCode;
    expect(await sees(s.director)).toBe(200);
    expect(await sees(s.tcbc1)).toBe(200);
    for (const who of [s.deputy, s.clerk, s.tcbcHead, s.tcbc2, s.stcLeader])
      expect(await sees(who)).toBe(404);
    expect(await list(s.clerk, 'view=agency')).not.toContain(secret.id);
    // Opening a confidential task is audited.
    const opened = json<TaskDetail>(await get(ctx.app, s.tcbc1, `/api/tasks/${secret.id}`));
    expect(opened.history.map((e) => e.type)).toContain('task.viewed');
  });

  it('gives the reminder scan open tasks due by a date, with assignees and the leader to escalate to', async () => {
    const db = ctx.database.db;
    const agencyTask = await ok(
      ctx.app,
      s.city,
      '/api/tasks',
      {
        title: 'Báo cáo kết quả sắp xếp bộ máy',
        owner: { agencyId: await agencyIdOf(db, SNV) },
        due: { date: '2026-03-06' },
      },
      201,
    );
    ids.agencyTask = agencyTask.id;
    const later = await ok(
      ctx.app,
      s.city,
      '/api/tasks',
      {
        title: 'Việc tháng sau',
        owner: { agencyId: await agencyIdOf(db, SNV) },
        due: { date: '2026-04-30' },
      },
      201,
    );
    const cancelled = await ok(
      ctx.app,
      s.director,
      '/api/tasks',
      {
        title: 'Việc bị hủy',
        owner: { unitId: await unitId(db, SNV, 'CCVC') },
        due: { date: '2026-03-05' },
      },
      201,
    );
    await ok(ctx.app, s.director, `/api/tasks/${cancelled.id}/cancel`, { reason: 'Trùng việc.' });

    const items = await taskDeadlines.openItemsDueBy(db, '2026-03-20');
    const byKey = new Map(items.map((i) => [i.key, i]));
    expect(taskDeadlines.kind).toBe('task');
    expect([...byKey.keys()]).not.toContain(later.id);
    expect([...byKey.keys()]).not.toContain(cancelled.id);
    const director = await userId(db, 'giamdoc.snv');
    // Owned by a person (after re-assignment): that person; escalation to the directing leader.
    expect(byKey.get(ids.task)).toEqual({
      subject: { type: 'task', id: ids.task },
      key: ids.task,
      agencyId: await agencyIdOf(db, SNV),
      title: 'Về việc rà soát, sắp xếp tổ chức bộ máy các phòng chuyên môn',
      dueDate: '2026-03-20',
      urgency: 'urgent',
      assigneeIds: [await userId(db, 'chuyenvien2.snv')],
      escalateToIds: [director],
    });
    // Owned by the department as a whole: its director; escalation to the city's leader.
    expect(byKey.get(ids.agencyTask)).toMatchObject({
      assigneeIds: [director],
      escalateToIds: [await userId(db, 'lanhdao.ubnd')],
    });
    // Confidential: the title stays out of reminders.
    expect(byKey.get(ids.secret)).toMatchObject({
      title: SECRET_TASK_TITLE,
      assigneeIds: [await userId(db, 'chuyenvien.snv')],
    });
    expect(items.map((i) => i.dueDate)).toEqual([...items.map((i) => i.dueDate)].sort());

    // A week later the department's task is overdue: in the overdue list, and still a deadline item.
    ctx.clock.set(new Date('2026-03-09T02:00:00Z'));
    const director2 = await loginAs(ctx.app, 'giamdoc.snv');
    expect(await list(director2, 'view=overdue')).toEqual(
      expect.arrayContaining([ids.agencyTask, ids.secret]),
    );
    const overdue = await taskDeadlines.openItemsDueBy(db, '2026-03-09');
    expect(overdue.map((i) => i.key)).toEqual(expect.arrayContaining([ids.agencyTask, ids.secret]));
    expect(overdue.map((i) => i.key)).not.toContain(ids.task);
  });
});
