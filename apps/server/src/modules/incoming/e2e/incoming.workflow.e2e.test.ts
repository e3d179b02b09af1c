import type { IncomingDetail } from '@vanban/contracts';
import { describe, expect, it } from 'vitest';
import { backendsUnderTest } from '../../../../test/database.js';
import { get, post, registerBody, unitId, userId } from '../../../../test/incoming-fixtures.js';
import { json, loginAs, useTestApp } from '../../../../test/test-app.js';

const SNV = '000.00.02.H26';

describe.each(backendsUnderTest())('incoming document workflow on %s', (driver) => {
  const ctx = useTestApp(driver);

  function assignmentOf(
    d: IncomingDetail,
    pred: (a: IncomingDetail['assignments'][number]) => boolean,
  ) {
    const a = d.assignments.find((x) => x.active && pred(x));
    if (!a) throw new Error(`no matching assignment in ${JSON.stringify(d.assignments)}`);
    return a;
  }

  it('walks a document from registration to completion with every kind of participant', async () => {
    const db = ctx.database.db;
    const clerk = await loginAs(ctx.app, 'vanthu.snv');
    const leader = await loginAs(ctx.app, 'giamdoc.snv');
    const deputy = await loginAs(ctx.app, 'phogiamdoc.snv');
    const headTcbc = await loginAs(ctx.app, 'truongphong.snv');
    const spec1 = await loginAs(ctx.app, 'chuyenvien.snv');
    const spec2 = await loginAs(ctx.app, 'chuyenvien2.snv');
    const headCcvc = await loginAs(ctx.app, 'truongphong.ccvc.snv');
    const specCcvc = await loginAs(ctx.app, 'chuyenvien.ccvc.snv');
    const outsider = await loginAs(ctx.app, 'chuyenvien.stc');
    const leaderId = await userId(db, 'giamdoc.snv');
    const tcbc = await unitId(db, SNV, 'TCBC');
    const ccvc = await unitId(db, SNV, 'CCVC');

    // 1. Registration with a legal-document reference and a due date in working days.
    const created = await post(
      ctx.app,
      clerk,
      '/api/incoming',
      registerBody({
        reference: '24/2026/QĐ-UBND',
        docType: 'decision',
        subject: 'Quyết định về việc kiện toàn tổ chức bộ máy các phòng chuyên môn',
        urgency: 'urgent',
        due: { workingDays: 10 },
      }),
    );
    expect(created.statusCode, created.body).toBe(201);
    const doc = json<IncomingDetail>(created);
    expect(doc).toMatchObject({
      state: 'registered',
      arrivalNumber: 1,
      arrivalDate: '2026-03-02',
      reference: '24/2026/QĐ-UBND',
      senderName: 'Ủy ban nhân dân thành phố Hà Nội',
      docTypeName: 'Quyết định',
      urgency: 'urgent',
      registerName: 'Sổ đăng ký văn bản đến năm 2026',
    });
    // 10 working days from Monday 2 March 2026: Monday 16 March.
    expect(doc.dueDate).toBe('2026-03-16');
    expect(doc.actions).toEqual(expect.arrayContaining(['submit', 'return_to_sender']));

    // 2. Presented to the director; the director is notified at once (urgent).
    const submitted = await post(ctx.app, clerk, `/api/incoming/${doc.id}/submit`, {
      userId: leaderId,
    });
    expect(submitted.statusCode, submitted.body).toBe(200);
    expect(json<IncomingDetail>(submitted).state).toBe('submitted');
    const bell = json<{ items: { kind: string; urgency: string }[]; unread: number }>(
      await get(ctx.app, leader, '/api/notifications'),
    );
    expect(bell.items[0]).toMatchObject({ kind: 'incoming.to_direct', urgency: 'urgent' });
    expect(bell.unread).toBeGreaterThan(0);
    await post(ctx.app, leader, '/api/notifications/read', {});
    expect(json<{ unread: number }>(await get(ctx.app, leader, '/api/notifications')).unread).toBe(
      0,
    );
    const toDirect = json<{ items: { id: string }[] }>(
      await get(ctx.app, leader, '/api/incoming?view=to_direct'),
    );
    expect(toDirect.items.map((i) => i.id)).toContain(doc.id);
    // Submitting twice (double click) is refused and changes nothing.
    const again = await post(ctx.app, clerk, `/api/incoming/${doc.id}/submit`, {
      userId: leaderId,
    });
    expect(again.statusCode).toBe(409);
    expect(json(again)).toMatchObject({ code: 'incoming.invalid_transition' });

    // 3. The director is away: the deputy directs under a delegation.
    const delegation = await post(ctx.app, leader, '/api/delegations', {
      toUserId: await userId(db, 'phogiamdoc.snv'),
      validFrom: '2026-03-02',
      validTo: '2026-03-06',
      note: 'Đi công tác',
    });
    expect(delegation.statusCode, delegation.body).toBe(201);
    const asLeader = { 'x-on-behalf-of': leaderId };
    const withoutDelegation = await post(ctx.app, deputy, `/api/incoming/${doc.id}/direct`, {
      direction: 'x',
      lead: { unitId: tcbc },
    });
    // The deputy sees it (agency leader) but it was presented to the director.
    expect(json(withoutDelegation)).toMatchObject({ status: 403, code: 'incoming.forbidden' });
    const otherAgencyAssignee = await post(
      ctx.app,
      deputy,
      `/api/incoming/${doc.id}/direct`,
      {
        direction: 'Giao Phòng Tổ chức biên chế chủ trì.',
        lead: { unitId: tcbc },
        forInformation: [{ userId: await userId(db, 'chuyenvien.stc') }],
      },
      asLeader,
    );
    expect(otherAgencyAssignee.statusCode).toBe(422);
    expect(json(otherAgencyAssignee)).toMatchObject({ code: 'incoming.assignee_invalid' });
    const pastDue = await post(
      ctx.app,
      deputy,
      `/api/incoming/${doc.id}/direct`,
      { direction: 'x', lead: { unitId: tcbc, due: { date: '2026-02-01' } } },
      asLeader,
    );
    expect(json(pastDue)).toMatchObject({ status: 422, code: 'incoming.due_date_past' });
    const directed = await post(
      ctx.app,
      deputy,
      `/api/incoming/${doc.id}/direct`,
      {
        direction:
          'Giao Phòng Tổ chức biên chế chủ trì, Phòng Công chức, viên chức phối hợp; báo cáo trước ngày 13/3.',
        lead: { unitId: tcbc, due: { date: '2026-03-13' } },
        coHandlers: [{ unitId: ccvc, due: { date: '2026-03-11' } }],
        forInformation: [{ userId: await userId(db, 'vanthu.snv') }],
      },
      asLeader,
    );
    expect(directed.statusCode, directed.body).toBe(200);
    const afterDirect = json<IncomingDetail>(directed);
    expect(afterDirect).toMatchObject({
      state: 'assigned',
      dueDate: '2026-03-13',
      directedBy: { fullName: 'Đỗ Văn Khánh' },
    });
    expect(afterDirect.assignments.map((a) => [a.role, a.unit?.code ?? a.user?.fullName])).toEqual([
      ['lead', 'TCBC'],
      ['co_handler', 'CCVC'],
      ['for_information', 'Ngô Thị Mai'],
    ]);

    // 4. The head of TCBC passes it to a specialist, who gives it back; then to another one.
    const lead = assignmentOf(afterDirect, (a) => a.role === 'lead');
    const toHandle = json<{ items: { id: string }[] }>(
      await get(ctx.app, headTcbc, '/api/incoming?view=to_handle'),
    );
    expect(toHandle.items.map((i) => i.id)).toContain(doc.id);
    const r1 = await post(
      ctx.app,
      headTcbc,
      `/api/incoming/${doc.id}/assignments/${lead.id}/reassign`,
      {
        userId: await userId(db, 'chuyenvien.snv'),
        direction: 'Đồng chí Oanh tham mưu dự thảo.',
      },
    );
    expect(r1.statusCode, r1.body).toBe(200);
    const lead1 = assignmentOf(json<IncomingDetail>(r1), (a) => a.role === 'lead');
    expect(lead1.user?.fullName).toBe('Lý Thị Oanh');
    const spec1Inbox = json<{ items: { id: string }[] }>(
      await get(ctx.app, spec1, '/api/incoming?view=to_handle'),
    );
    expect(spec1Inbox.items.map((i) => i.id)).toContain(doc.id);
    const returned = await post(
      ctx.app,
      spec1,
      `/api/incoming/${doc.id}/assignments/${lead1.id}/return`,
      {
        reason: 'Đang nghỉ phép đến 20/3, đề nghị giao đồng chí khác.',
      },
    );
    expect(returned.statusCode, returned.body).toBe(200);
    const reopened = assignmentOf(json<IncomingDetail>(returned), (a) => a.role === 'lead');
    expect(reopened.id).toBe(lead.id);
    const r2 = await post(
      ctx.app,
      headTcbc,
      `/api/incoming/${doc.id}/assignments/${lead.id}/reassign`,
      {
        userId: await userId(db, 'chuyenvien2.snv'),
      },
    );
    const lead2 = assignmentOf(json<IncomingDetail>(r2), (a) => a.role === 'lead');
    expect(lead2.user?.fullName).toBe('Tạ Minh Sơn');
    // Re-assigning to someone outside the unit is refused.
    const outsideUnit = await post(
      ctx.app,
      headTcbc,
      `/api/incoming/${doc.id}/assignments/${lead2.id}/reassign`,
      {
        userId: await userId(db, 'chuyenvien.ccvc.snv'),
      },
    );
    expect(json(outsideUnit)).toMatchObject({ status: 422, code: 'incoming.assignee_invalid' });

    // 5. Handling: start, ask for more time, the unit head approves.
    const started = await post(
      ctx.app,
      spec2,
      `/api/incoming/${doc.id}/assignments/${lead2.id}/start`,
      {},
    );
    expect(json<IncomingDetail>(started).state).toBe('in_progress');
    const ext = await post(
      ctx.app,
      spec2,
      `/api/incoming/${doc.id}/assignments/${lead2.id}/extension`,
      {
        until: '2026-03-20',
        reason: 'Cần lấy ý kiến các đơn vị trực thuộc.',
      },
    );
    expect(ext.statusCode, ext.body).toBe(200);
    const notMine = await post(
      ctx.app,
      spec1,
      `/api/incoming/${doc.id}/assignments/${lead2.id}/extension/decision`,
      { approve: true },
    );
    expect([403, 404]).toContain(notMine.statusCode);
    const decided = await post(
      ctx.app,
      headTcbc,
      `/api/incoming/${doc.id}/assignments/${lead2.id}/extension/decision`,
      {
        approve: true,
      },
    );
    expect(decided.statusCode, decided.body).toBe(200);
    expect(json<IncomingDetail>(decided).dueDate).toBe('2026-03-20');

    // 6. The co-handling unit reports; the for-information recipient acknowledges.
    const co = assignmentOf(afterDirect, (a) => a.role === 'co_handler');
    const coInbox = json<{ items: { id: string }[] }>(
      await get(ctx.app, headCcvc, '/api/incoming?view=co_handling'),
    );
    expect(coInbox.items.map((i) => i.id)).toContain(doc.id);
    const coRe = await post(
      ctx.app,
      headCcvc,
      `/api/incoming/${doc.id}/assignments/${co.id}/reassign`,
      {
        userId: await userId(db, 'chuyenvien.ccvc.snv'),
      },
    );
    const co2 = assignmentOf(json<IncomingDetail>(coRe), (a) => a.role === 'co_handler');
    const reported = await post(
      ctx.app,
      specCcvc,
      `/api/incoming/${doc.id}/assignments/${co2.id}/report`,
      {
        result: 'Phòng CCVC thống nhất, không có ý kiến bổ sung.',
      },
    );
    expect(reported.statusCode, reported.body).toBe(200);
    const info = assignmentOf(afterDirect, (a) => a.role === 'for_information');
    const infoInbox = json<{ items: { id: string }[] }>(
      await get(ctx.app, clerk, '/api/incoming?view=for_information'),
    );
    expect(infoInbox.items.map((i) => i.id)).toContain(doc.id);
    expect(
      (await post(ctx.app, clerk, `/api/incoming/${doc.id}/assignments/${info.id}/acknowledge`, {}))
        .statusCode,
    ).toBe(200);

    // 7. Comments and completion; completing twice is refused.
    expect(
      (
        await post(ctx.app, spec2, `/api/incoming/${doc.id}/comments`, {
          body: 'Đã dự thảo báo cáo.',
        })
      ).statusCode,
    ).toBe(200);
    const done = await post(
      ctx.app,
      spec2,
      `/api/incoming/${doc.id}/assignments/${lead2.id}/complete`,
      {
        result: 'Đã tham mưu Quyết định kiện toàn, trình Giám đốc ký ngày 18/3.',
      },
    );
    expect(done.statusCode, done.body).toBe(200);
    const final = json<IncomingDetail>(done);
    expect(final).toMatchObject({ state: 'completed', completedBy: { fullName: 'Tạ Minh Sơn' } });
    expect(final.comments.map((c) => c.body)).toEqual(['Đã dự thảo báo cáo.']);
    const twice = await post(
      ctx.app,
      spec2,
      `/api/incoming/${doc.id}/assignments/${lead2.id}/complete`,
      {
        result: 'again',
      },
    );
    expect(twice.statusCode).toBe(409);

    // 8. The history tells the whole story, with the delegation on the direction.
    const history = json<{
      items: {
        type: string;
        actor: { name: string } | null;
        onBehalfOf: { name: string } | null;
      }[];
    }>(await get(ctx.app, spec2, `/api/incoming/${doc.id}/history`));
    expect(history.items.map((e) => e.type)).toEqual([
      'incoming.registered',
      'incoming.submitted',
      'incoming.directed',
      'incoming.reassigned',
      'incoming.assignment_returned',
      'incoming.reassigned',
      'incoming.handling_started',
      'incoming.extension_requested',
      'incoming.extension_decided',
      'incoming.reassigned',
      'incoming.reported',
      'incoming.acknowledged',
      'incoming.commented',
      'incoming.completed',
    ]);
    expect(history.items[2]).toMatchObject({
      actor: { name: 'Đỗ Văn Khánh' },
      onBehalfOf: { name: 'Bùi Thị Lan' },
    });

    // 9. Someone of another agency sees nothing and can do nothing.
    expect((await get(ctx.app, outsider, `/api/incoming/${doc.id}`)).statusCode).toBe(404);
    const act = await post(ctx.app, outsider, `/api/incoming/${doc.id}/comments`, { body: 'x' });
    expect(json(act)).toMatchObject({ status: 404, code: 'incoming.not_found' });
  });

  it('warns on a duplicate and registers it only when confirmed', async () => {
    const clerk = await loginAs(ctx.app, 'vanthu.stc');
    const body = registerBody({ reference: '15/QĐ-UBND', docType: 'decision' });
    const first = await post(ctx.app, clerk, '/api/incoming', body);
    expect(first.statusCode, first.body).toBe(201);
    const dup = await post(ctx.app, clerk, '/api/incoming', { ...body, reference: '15/QĐ-UBND ' });
    expect(dup.statusCode).toBe(409);
    expect(json(dup)).toMatchObject({
      code: 'incoming.duplicate',
      duplicates: [{ id: json<IncomingDetail>(first).id, arrivalNumber: 1 }],
    });
    const confirmed = await post(ctx.app, clerk, '/api/incoming', {
      ...body,
      confirmDuplicate: true,
    });
    expect(json<IncomingDetail>(confirmed).arrivalNumber).toBe(2);
    // Same reference from another sender is not a duplicate.
    const other = await post(ctx.app, clerk, '/api/incoming', {
      ...body,
      sender: { name: 'Công ty TNHH Xây dựng Thăng Long' },
    });
    expect(other.statusCode).toBe(201);
  });

  it('rejects bad registration input with clear problems and takes no number', async () => {
    const clerk = await loginAs(ctx.app, 'vanthu.phk');
    const cases: [Record<string, unknown>, number, string][] = [
      [{ reference: 'công văn số mười hai' }, 422, 'incoming.reference_invalid'],
      [{ reference: '12/' }, 422, 'incoming.reference_invalid'],
      [{ docType: 'memo' }, 422, 'incoming.doc_type_unknown'],
      [{ sender: { agencyCode: '000.00.99.H26' } }, 422, 'incoming.sender_unknown'],
      [{ due: { date: '2026-01-05' } }, 422, 'incoming.due_date_past'],
      [{ issueDate: '2026-12-01' }, 422, 'incoming.reference_invalid'],
      [{ urgency: 'very' }, 400, 'request.validation_failed'],
      [{ unknownField: 1 }, 400, 'request.validation_failed'],
    ];
    for (const [patch, status, code] of cases) {
      const res = await post(ctx.app, clerk, '/api/incoming', registerBody(patch));
      expect(res.statusCode, JSON.stringify(patch)).toBe(status);
      expect(json(res)).toMatchObject({ code });
      expect(res.headers['content-type']).toContain('application/problem+json');
    }
    const specialist = await loginAs(ctx.app, 'chuyenvien.phk');
    const notClerk = await post(ctx.app, specialist, '/api/incoming', registerBody());
    expect(json(notClerk)).toMatchObject({ status: 403, code: 'incoming.forbidden' });
    const ok = await post(
      ctx.app,
      clerk,
      '/api/incoming',
      registerBody({ reference: '05/QyĐ-UBND', docType: 'rule' }),
    );
    expect(json<IncomingDetail>(ok)).toMatchObject({ arrivalNumber: 1, reference: '05/QyĐ-UBND' });
  });

  it('numbers parallel registrations uniquely and without gaps', async () => {
    const clerk = await loginAs(ctx.app, 'vanthu.pbd');
    const n = 24;
    const results = await Promise.all(
      Array.from({ length: n }, (_, i) =>
        post(
          ctx.app,
          clerk,
          '/api/incoming',
          registerBody({ reference: `${i + 1}/SXD-QLXD`, sender: { name: 'Sở Xây dựng' } }),
        ),
      ),
    );
    const numbers = results.map((r) => {
      expect(r.statusCode, r.body).toBe(201);
      return json<IncomingDetail>(r).arrivalNumber;
    });
    expect([...numbers].sort((a, b) => (a ?? 0) - (b ?? 0))).toEqual(
      Array.from({ length: n }, (_, i) => i + 1),
    );
    // A registration that fails after taking its number (a file that is not the clerk's) rolls
    // back with the number: the next one still follows on.
    const failed = await post(
      ctx.app,
      clerk,
      '/api/incoming',
      registerBody({
        reference: '98/SXD-QLXD',
        sender: { name: 'Sở Xây dựng' },
        fileIds: ['0190a0a0-0000-7000-8000-000000000000'],
      }),
    );
    expect(failed.statusCode).toBe(404);
    const next = await post(
      ctx.app,
      clerk,
      '/api/incoming',
      registerBody({ reference: '99/SXD-QLXD', sender: { name: 'Sở Xây dựng' } }),
    );
    expect(json<IncomingDetail>(next).arrivalNumber).toBe(n + 1);
  });

  it('routes straight to a unit when the agency says so, and offers colleagues to pick', async () => {
    const db = ctx.database.db;
    const clerk = await loginAs(ctx.app, 'vanthu.stc');
    const admin = await loginAs(ctx.app, 'admin');
    const stc = (
      await get(ctx.app, clerk, '/api/auth/me').then((r) => json<{ agency: { id: string } }>(r))
    ).agency.id;
    const ns = await unitId(db, '000.00.03.H26', 'NS');
    const doc = json<IncomingDetail>(await post(ctx.app, clerk, '/api/incoming', registerBody()));
    const refused = await post(ctx.app, clerk, `/api/incoming/${doc.id}/submit`, { unitId: ns });
    expect(json(refused)).toMatchObject({ status: 422, code: 'incoming.assignee_invalid' });
    const specialist = await loginAs(ctx.app, 'chuyenvien.stc');
    const notAdmin = await ctx.app.inject({
      method: 'PUT',
      url: '/api/incoming/settings',
      headers: specialist.headers(),
      payload: { agencyId: stc, submitTo: 'unit', dueSoonWorkingDays: 3 },
    });
    expect(notAdmin.statusCode).toBe(403);
    const changed = await ctx.app.inject({
      method: 'PUT',
      url: '/api/incoming/settings',
      headers: admin.headers(),
      payload: { agencyId: stc, submitTo: 'unit', dueSoonWorkingDays: 3 },
    });
    expect(json(changed)).toEqual({ agencyId: stc, submitTo: 'unit', dueSoonWorkingDays: 3 });
    const routed = await post(ctx.app, clerk, `/api/incoming/${doc.id}/submit`, { unitId: ns });
    expect(routed.statusCode, routed.body).toBe(200);
    const d = json<IncomingDetail>(routed);
    expect(d.state).toBe('assigned');
    expect(d.assignments).toEqual([
      expect.objectContaining({ role: 'lead', unit: expect.objectContaining({ code: 'NS' }) }),
    ]);
    const head = await loginAs(ctx.app, 'truongphong.stc');
    const inbox = json<{ items: { id: string }[] }>(
      await get(ctx.app, head, '/api/incoming?view=to_handle'),
    );
    expect(inbox.items.map((i) => i.id)).toEqual([doc.id]);
    // Pickers: colleagues of the unit, leaders of the agency; never people of other agencies.
    const unitPeople = json<{ items: { fullName: string }[] }>(
      await get(ctx.app, head, `/api/people?unitId=${ns}`),
    );
    expect(unitPeople.items.map((p) => p.fullName).sort()).toEqual(
      ['Mai Thị Thảo', 'Tô Văn Tuấn'].sort(),
    );
    const leaders = json<{ items: { fullName: string }[] }>(
      await get(ctx.app, clerk, '/api/people?roles=leader,deputy'),
    );
    expect(leaders.items).toHaveLength(1);
    const foreign = json<{ items: unknown[] }>(
      await get(ctx.app, clerk, '/api/people?agencyId=00000000-0000-7000-8000-000000000000'),
    );
    expect(foreign.items).toEqual([]);
  });

  it('returns a wrongly addressed document to its sender, with the reason kept', async () => {
    const clerk = await loginAs(ctx.app, 'vanthu.vp');
    const doc = json<IncomingDetail>(await post(ctx.app, clerk, '/api/incoming', registerBody()));
    const specialist = await loginAs(ctx.app, 'chuyenvien.vp');
    const notClerk = await post(ctx.app, specialist, `/api/incoming/${doc.id}/return-to-sender`, {
      reason: 'x',
    });
    expect(notClerk.statusCode).toBe(404);
    const res = await post(ctx.app, clerk, `/api/incoming/${doc.id}/return-to-sender`, {
      reason: 'Gửi nhầm cơ quan, đề nghị gửi Sở Tài chính.',
    });
    expect(json<IncomingDetail>(res)).toMatchObject({
      state: 'returned',
      returnReason: 'Gửi nhầm cơ quan, đề nghị gửi Sở Tài chính.',
      actions: ['comment'],
    });
    const again = await post(ctx.app, clerk, `/api/incoming/${doc.id}/submit`, {
      userId: await userId(ctx.database.db, 'chanhvanphong.vp'),
    });
    expect(json(again)).toMatchObject({ status: 409, code: 'incoming.invalid_transition' });
  });
});
