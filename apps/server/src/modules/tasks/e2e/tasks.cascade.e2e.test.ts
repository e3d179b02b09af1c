import type { TaskDetail, TaskTreeNode } from '@vanban/contracts';
import { describe, expect, it } from 'vitest';
import { backendsUnderTest } from '../../../../test/database.js';
import { get, post, unitId, userId } from '../../../../test/incoming-fixtures.js';
import { addProvince } from '../../../../test/province-fixture.js';
import { json, loginAs, useTestApp, type Session } from '../../../../test/test-app.js';
import { importDirectory } from '../../organizations/index.js';
import { agencyIdOf, CITY, footprint, ok, PHK, SNV } from './tasks-fixtures.js';

/**
 * A city task cascades: the city gives it to the Department of Home Affairs (SNV), which keeps a
 * part for its TCBC unit and hands a part to the ward of Hoàn Kiếm (PHK); the ward splits its part
 * between two units. Progress reported in the ward rolls up to the department's part and to the
 * city, in the same transaction, checked by hand at every step.
 */
describe.each(backendsUnderTest())('task cascade and roll-up on %s', (driver) => {
  const ctx = useTestApp(driver);
  const ids = { city: '', dept: '', commune: '', kt: '', vp: '' };
  let s: {
    city: Session;
    snv: Session;
    tcbc: Session;
    phk: Session;
    phkSpec: Session;
    stc: Session;
  };

  const detail = async (who: Session, id: string) => {
    const res = await get(ctx.app, who, `/api/tasks/${id}`);
    expect(res.statusCode, res.body).toBe(200);
    return json<TaskDetail>(res);
  };
  const progressOf = async (id: string) => (await detail(s.city, id)).progress;

  it('cascades a city task to a department, its unit, a ward and the ward’s units', async () => {
    const db = ctx.database.db;
    s = {
      city: await loginAs(ctx.app, 'lanhdao.ubnd'),
      snv: await loginAs(ctx.app, 'giamdoc.snv'),
      tcbc: await loginAs(ctx.app, 'truongphong.snv'),
      phk: await loginAs(ctx.app, 'chutich.phk'),
      phkSpec: await loginAs(ctx.app, 'chuyenvien.phk'),
      stc: await loginAs(ctx.app, 'giamdoc.stc'),
    };
    const city = await ok(
      ctx.app,
      s.city,
      '/api/tasks',
      {
        title: 'Triển khai chuyển đổi số trong giải quyết thủ tục hành chính năm 2026',
        description: 'Theo Kế hoạch của Ủy ban nhân dân thành phố.',
        owner: { agencyId: await agencyIdOf(db, SNV) },
        due: { workingDays: 20 },
        public: true,
        reportPeriod: 'weekly',
      },
      201,
    );
    expect(city).toMatchObject({
      state: 'assigned',
      progress: 0,
      depth: 0,
      parentId: null,
      agency: { code: CITY },
      owner: { agency: { code: SNV }, unit: null, user: null },
      // Monday 2 March 2026 + 20 working days.
      dueDate: '2026-03-30',
      startDate: '2026-03-02',
      public: true,
      assigningLeader: { id: await userId(db, 'lanhdao.ubnd') },
    });
    expect(city.rootId).toBe(city.id);
    ids.city = city.id;
    // The department's director hears about it.
    const bell = json<{ items: { kind: string; subject: { id: string } }[] }>(
      await get(ctx.app, s.snv, '/api/notifications'),
    );
    expect(bell.items[0]).toMatchObject({ kind: 'task.assigned', subject: { id: city.id } });
    expect(city.actions).not.toContain('report');

    const dept = await ok(
      ctx.app,
      s.snv,
      `/api/tasks/${city.id}/subtasks`,
      {
        title: 'Sở Nội vụ: chuẩn hóa quy trình nội bộ',
        owner: { unitId: await unitId(db, SNV, 'TCBC') },
        due: { date: '2026-03-20' },
      },
      201,
    );
    expect(dept).toMatchObject({
      agency: { code: SNV },
      owner: { agency: { code: SNV }, unit: { code: 'TCBC' } },
      depth: 1,
      parentId: city.id,
      rootId: city.id,
      ancestors: [{ id: city.id }],
    });
    ids.dept = dept.id;
    const commune = await ok(
      ctx.app,
      s.snv,
      `/api/tasks/${city.id}/subtasks`,
      {
        title: 'Phường Hoàn Kiếm: số hóa hồ sơ thủ tục hành chính',
        owner: { agencyId: await agencyIdOf(db, PHK) },
      },
      201,
    );
    // No due date given: the parent's.
    expect(commune).toMatchObject({ owner: { agency: { code: PHK } }, dueDate: '2026-03-30' });
    ids.commune = commune.id;

    const kt = await ok(
      ctx.app,
      s.phk,
      `/api/tasks/${commune.id}/subtasks`,
      {
        title: 'Phòng Kinh tế: số hóa hồ sơ đất đai',
        owner: { unitId: await unitId(db, PHK, 'KT'), userId: await userId(db, 'chuyenvien.phk') },
      },
      201,
    );
    const vp = await ok(
      ctx.app,
      s.phk,
      `/api/tasks/${commune.id}/subtasks`,
      {
        title: 'Văn phòng: số hóa hồ sơ hộ tịch',
        owner: { unitId: await unitId(db, PHK, 'VP') },
      },
      201,
    );
    expect(kt).toMatchObject({ depth: 2, rootId: city.id, agency: { code: PHK } });
    ids.kt = kt.id;
    ids.vp = vp.id;

    // The city follows the whole cascade on its task's page.
    const tree = (await detail(s.city, city.id)).subtasks;
    expect(tree.map((n) => n.id).sort()).toEqual([dept.id, commune.id].sort());
    const communeNode = tree.find((n) => n.id === commune.id) as TaskTreeNode;
    expect(communeNode.children.map((n) => n.id).sort()).toEqual([kt.id, vp.id].sort());
  });

  it('rolls progress up from the ward’s units to the ward, the department’s part and the city', async () => {
    await ok(ctx.app, s.phkSpec, `/api/tasks/${ids.kt}/reports`, {
      progress: 60,
      text: 'Đã số hóa 600/1000 hồ sơ.',
    });
    // Ward: (60 + 0) / 2 = 30. City: (30 + 0) / 2 = 15.
    expect(await progressOf(ids.kt)).toBe(60);
    expect(await progressOf(ids.commune)).toBe(30);
    expect(await progressOf(ids.city)).toBe(15);

    const vp = await ok(ctx.app, s.phk, `/api/tasks/${ids.vp}/reports`, {
      progress: 25,
      text: 'Đang rà soát.',
    });
    expect(vp.state).toBe('in_progress');
    // Ward: (60 + 25) / 2 = 42.5 → 42. City: (42 + 0) / 2 = 21.
    expect(await progressOf(ids.commune)).toBe(42);
    expect(await progressOf(ids.city)).toBe(21);

    await ok(ctx.app, s.tcbc, `/api/tasks/${ids.dept}/reports`, {
      progress: 70,
      text: 'Đã ban hành 7/10 quy trình.',
    });
    // City: (42 + 70) / 2 = 56.
    const city = await detail(s.city, ids.city);
    expect(city.progress).toBe(56);
    expect(city.subtasks.find((n) => n.id === ids.commune)?.progress).toBe(42);
    expect(
      city.history.filter((e) => e.type === 'task.progress_rolled_up').map((e) => e.data),
    ).toEqual([
      expect.objectContaining({ from: 0, to: 15 }),
      expect.objectContaining({ from: 15, to: 21 }),
      expect.objectContaining({ from: 21, to: 56 }),
    ]);

    // A task whose progress rolls up takes text-only reports.
    const direct = await post(ctx.app, s.phk, `/api/tasks/${ids.commune}/reports`, {
      progress: 90,
      text: 'x',
    });
    expect(direct.statusCode).toBe(409);
    expect(json(direct)).toMatchObject({ code: 'tasks.progress_rolled_up' });
    const note = await ok(ctx.app, s.phk, `/api/tasks/${ids.commune}/reports`, {
      text: 'Phường đang đôn đốc các bộ phận.',
    });
    expect(note.progress).toBe(42);
    expect(note.reports.at(-1)).toMatchObject({ progress: null });
  });

  it('refuses a progress outside 0–100 and writes nothing', async () => {
    const before = await footprint(ctx.database.db);
    for (const progress of [150, -5, 12.5, 101]) {
      const res = await post(ctx.app, s.tcbc, `/api/tasks/${ids.dept}/reports`, {
        progress,
        text: 'Sai số liệu',
      });
      expect(res.statusCode, res.body).toBe(422);
      expect(json(res)).toMatchObject({ code: 'tasks.invalid_progress' });
    }
    expect(await footprint(ctx.database.db)).toEqual(before);
    expect(await progressOf(ids.dept)).toBe(70);
  });

  it('rejects a cycle in the cascade (422 tasks.cycle) and writes nothing', async () => {
    const before = await footprint(ctx.database.db);
    for (const [who, task, parentId] of [
      [s.city, ids.city, ids.kt], // the city task under its grandchild
      [s.city, ids.city, ids.city], // under itself
      [s.snv, ids.commune, ids.kt], // the ward's part under its own sub-task
    ] as const) {
      const res = await post(ctx.app, who, `/api/tasks/${task}/parent`, { parentId });
      expect(res.statusCode, res.body).toBe(422);
      expect(json(res)).toMatchObject({ code: 'tasks.cycle' });
    }
    expect(await footprint(ctx.database.db)).toEqual(before);
    const city = await detail(s.city, ids.city);
    expect(city).toMatchObject({ parentId: null, depth: 0, progress: 56 });
  });

  it('keeps sub-task owners inside the directory: the issuer’s or owner’s agencies below', async () => {
    const db = ctx.database.db;
    // A unit of the department's directory subtree, effective-dated: created here as a child agency.
    await importDirectory(
      { db, clock: ctx.clock, actor: null },
      {
        format: 'json',
        content: JSON.stringify([
          {
            code: '000.01.02.H26',
            name: 'Chi cục Văn thư – Lưu trữ',
            level: 3,
            parent_code: SNV,
            valid_from: '2020-01-01',
          },
        ]),
        dryRun: false,
      },
    );
    const branch = await agencyIdOf(db, '000.01.02.H26');
    const province = await addProvince(ctx.deps);
    const closedDistrict = await agencyIdOf(db, '000.00.80.H26');
    for (const agencyId of [province, closedDistrict]) {
      const res = await post(ctx.app, s.snv, `/api/tasks/${ids.city}/subtasks`, {
        title: 'Không hợp lệ',
        owner: { agencyId },
      });
      expect(res.statusCode, res.body).toBe(422);
      expect(json(res)).toMatchObject({ code: 'tasks.owner_invalid' });
    }
    const third = await ok(
      ctx.app,
      s.snv,
      `/api/tasks/${ids.city}/subtasks`,
      {
        title: 'Chi cục: chỉnh lý tài liệu',
        owner: { agencyId: branch },
        due: { date: '2026-03-25' },
      },
      201,
    );
    expect(third).toMatchObject({ owner: { agency: { code: '000.01.02.H26' } }, depth: 1 });
    // A sub-task may not be due after its parent.
    const late = await post(ctx.app, s.snv, `/api/tasks/${ids.city}/subtasks`, {
      title: 'Quá hạn cha',
      owner: { agencyId: branch },
      due: { date: '2026-04-30' },
    });
    expect(json(late)).toMatchObject({ status: 422, code: 'tasks.due_date_invalid' });
    // City: (42 + 70 + 0) / 3 = 37. Cancelled by its issuer, it stops counting: back to 56.
    expect(await progressOf(ids.city)).toBe(37);
    await ok(ctx.app, s.snv, `/api/tasks/${third.id}/cancel`, { reason: 'Giao nhầm đơn vị.' });
    expect(await progressOf(ids.city)).toBe(56);
    // Another department's leader neither sees nor acts on the city's task.
    const other = await post(ctx.app, s.stc, `/api/tasks/${ids.city}/subtasks`, {
      title: 'x',
      owner: { agencyId: branch },
    });
    expect(other.statusCode).toBe(404);
  });

  it('stops a cascade at five levels; cancelling a part cancels what hangs below it', async () => {
    const db = ctx.database.db;
    const mine = {
      unitId: await unitId(db, PHK, 'KT'),
      userId: await userId(db, 'chuyenvien.phk'),
    };
    const l3 = await ok(
      ctx.app,
      s.phkSpec,
      `/api/tasks/${ids.kt}/subtasks`,
      { title: 'Cấp 4', owner: mine },
      201,
    );
    const l4 = await ok(
      ctx.app,
      s.phkSpec,
      `/api/tasks/${l3.id}/subtasks`,
      { title: 'Cấp 5', owner: mine },
      201,
    );
    expect([l3.depth, l4.depth]).toEqual([3, 4]);
    expect(l4.actions).not.toContain('create_subtask');
    const before = await footprint(db);
    const tooDeep = await post(ctx.app, s.phkSpec, `/api/tasks/${l4.id}/subtasks`, {
      title: 'Cấp 6',
      owner: mine,
    });
    expect(json(tooDeep)).toMatchObject({ status: 422, code: 'tasks.depth_exceeded' });
    expect(await footprint(db)).toEqual(before);
    // The ward's KT part now rolls up from its new sub-task (0): ward (0 + 25) / 2 = 12, city (12 + 70) / 2 = 41.
    expect(await progressOf(ids.kt)).toBe(0);
    expect(await progressOf(ids.city)).toBe(41);
    // A unit's specialist cannot hand work to another unit.
    const elsewhere = await post(ctx.app, s.phkSpec, `/api/tasks/${ids.kt}/subtasks`, {
      title: 'x',
      owner: { unitId: await unitId(db, PHK, 'VP') },
    });
    expect(json(elsewhere)).toMatchObject({ status: 422, code: 'tasks.owner_invalid' });

    const cancelled = await ok(ctx.app, s.phkSpec, `/api/tasks/${l3.id}/cancel`, {
      reason: 'Không cần chia nhỏ.',
    });
    expect(cancelled).toMatchObject({ state: 'cancelled', cancelReason: 'Không cần chia nhỏ.' });
    expect((await detail(s.phkSpec, l4.id)).state).toBe('cancelled');
    // Back to the reported 60 of the KT part: ward 42, city 56.
    expect(await progressOf(ids.kt)).toBe(60);
    expect(await progressOf(ids.commune)).toBe(42);
    expect(await progressOf(ids.city)).toBe(56);
  });

  it('completes bottom-up: open sub-tasks block the parent; cancelled ones do not count', async () => {
    const blocked = await post(ctx.app, s.phk, `/api/tasks/${ids.commune}/complete`, {
      result: 'Xong',
    });
    expect(blocked.statusCode).toBe(409);
    expect(json(blocked)).toMatchObject({ code: 'tasks.open_subtasks' });

    const kt = await ok(ctx.app, s.phkSpec, `/api/tasks/${ids.kt}/complete`, {
      result: 'Đã số hóa 1000/1000 hồ sơ đất đai.',
    });
    expect(kt).toMatchObject({ state: 'completed', progress: 100 });
    // Ward: (100 + 25) / 2 = 62. City: (62 + 70) / 2 = 66.
    expect(await progressOf(ids.commune)).toBe(62);
    expect(await progressOf(ids.city)).toBe(66);

    await ok(ctx.app, s.phk, `/api/tasks/${ids.vp}/cancel`, { reason: 'Chuyển sang năm 2027.' });
    // Ward: only the completed part counts → 100. City: (100 + 70) / 2 = 85.
    expect(await progressOf(ids.commune)).toBe(100);
    expect(await progressOf(ids.city)).toBe(85);

    const ward = await ok(ctx.app, s.phk, `/api/tasks/${ids.commune}/complete`, {
      result: 'Phường đã hoàn thành phần việc được giao.',
    });
    expect(ward).toMatchObject({
      state: 'completed',
      progress: 100,
      completedBy: { fullName: 'Chu Thị Uyên' },
    });
    expect(await progressOf(ids.city)).toBe(85);
    // Completed tasks take no more reports.
    const late = await post(ctx.app, s.phk, `/api/tasks/${ids.commune}/reports`, { text: 'x' });
    expect(json(late)).toMatchObject({ status: 409, code: 'tasks.invalid_transition' });

    await ok(ctx.app, s.tcbc, `/api/tasks/${ids.dept}/complete`, {
      result: 'Đã ban hành đủ quy trình.',
    });
    const city = await detail(s.snv, ids.city);
    expect(city.progress).toBe(100);
    expect(city.state).toBe('assigned');
    expect(city.actions).toContain('complete');
    const done = await ok(ctx.app, s.snv, `/api/tasks/${ids.city}/complete`, {
      result: 'Sở Nội vụ báo cáo hoàn thành kế hoạch.',
    });
    expect(done).toMatchObject({ state: 'completed', progress: 100 });
  });

  it('counts sibling reports made at the same moment (the parent is locked, then re-read)', async () => {
    const db = ctx.database.db;
    const heads = [
      await loginAs(ctx.app, 'truongphong.snv'),
      await loginAs(ctx.app, 'truongphong.ccvc.snv'),
    ];
    const root = await ok(
      ctx.app,
      s.city,
      '/api/tasks',
      {
        title: 'Tổng kết công tác cải cách hành chính',
        owner: { agencyId: await agencyIdOf(db, SNV) },
      },
      201,
    );
    const parts = [];
    for (const unit of ['TCBC', 'CCVC'])
      parts.push(
        await ok(
          ctx.app,
          s.snv,
          `/api/tasks/${root.id}/subtasks`,
          { title: `Phần việc của phòng ${unit}`, owner: { unitId: await unitId(db, SNV, unit) } },
          201,
        ),
      );
    for (const [a, b] of [
      [10, 90],
      [35, 46],
      [100, 0],
    ] as const) {
      const results = await Promise.all([
        post(ctx.app, heads[0]!, `/api/tasks/${parts[0]!.id}/reports`, {
          progress: a,
          text: `${a}`,
        }),
        post(ctx.app, heads[1]!, `/api/tasks/${parts[1]!.id}/reports`, {
          progress: b,
          text: `${b}`,
        }),
      ]);
      for (const r of results) expect(r.statusCode, r.body).toBe(200);
      expect(await progressOf(root.id)).toBe(Math.floor((a + b) / 2));
    }
  });
});
