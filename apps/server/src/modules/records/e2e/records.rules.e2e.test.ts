import type { RecordDetail, RecordSummary } from '@vanban/contracts';
import { sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { backendsUnderTest } from '../../../../test/database.js';
import { get, post } from '../../../../test/incoming-fixtures.js';
import { runJobs } from '../../../../test/outgoing-fixtures.js';
import { json, loginAs, useTestApp, type Session } from '../../../../test/test-app.js';
import { queryRows } from '../../../platform/db/database.js';
import {
  addItem,
  complete,
  directTo,
  getRecord,
  openRecord,
  registerPaper,
} from './records.fixtures.js';

describe.each(backendsUnderTest())('work record rules on %s', (driver) => {
  const ctx = useTestApp(driver);
  const s = {} as Record<'clerk' | 'director' | 'spec' | 'spec2', Session>;
  let r1: RecordDetail;

  beforeAll(async () => {
    s.clerk = await loginAs(ctx.app, 'vanthu.snv');
    s.director = await loginAs(ctx.app, 'giamdoc.snv');
    s.spec = await loginAs(ctx.app, 'chuyenvien.snv');
    s.spec2 = await loginAs(ctx.app, 'chuyenvien2.snv');
  });

  const list = async (session: Session, query = '') =>
    json<{ items: RecordSummary[]; total: number }>(
      await get(ctx.app, session, `/api/records${query}`),
    );

  /** A paper document handled to completion by chuyenvien.snv. */
  async function completedPaper(overrides: Record<string, unknown> = {}) {
    const doc = await registerPaper(ctx, s.clerk, overrides, 1);
    return complete(ctx, s.spec, await directTo(ctx, s, doc.id, 'chuyenvien.snv'));
  }

  it('is seen by its creator, the creator’s unit and the agency’s clerks and leaders only', async () => {
    r1 = await openRecord(ctx, s.spec, {
      title: 'Hồ sơ tuyển dụng viên chức năm 2026',
      notation: '03.TCCB',
      retention: 10,
    });
    for (const username of [
      'chuyenvien2.snv',
      'truongphong.snv',
      'vanthu.snv',
      'giamdoc.snv',
      'phogiamdoc.snv',
    ]) {
      const session = await loginAs(ctx.app, username);
      expect((await getRecord(ctx, session, r1.id)).statusCode, username).toBe(200);
      expect(
        (await list(session)).items.map((r) => r.id),
        username,
      ).toContain(r1.id);
    }
    for (const username of ['chuyenvien.ccvc.snv', 'chuyenvien.stc', 'vanthu.stc']) {
      const session = await loginAs(ctx.app, username);
      for (const res of [
        await getRecord(ctx, session, r1.id),
        await get(ctx.app, session, `/api/records/${r1.id}/export.pdf`),
        await get(ctx.app, session, `/api/records/${r1.id}/export.xml`),
        await post(ctx.app, session, `/api/records/${r1.id}/close`, {}),
      ])
        expect(json(res), username).toMatchObject({ status: 404, code: 'records.not_found' });
      expect(
        (await list(session)).items.map((r) => r.id),
        username,
      ).not.toContain(r1.id);
    }
    // Filters and accent-insensitive search run in SQL.
    expect((await list(s.spec, '?q=tuyen%20dung%20vien')).items.map((r) => r.id)).toEqual([r1.id]);
    expect((await list(s.spec, `?q=${encodeURIComponent('2026.03.TCCB')}`)).total).toBe(1);
    expect((await list(s.spec, '?state=closed')).total).toBe(0);
    expect((await list(s.spec, '?year=2025')).total).toBe(0);
  });

  it('describes its endpoints in the OpenAPI document', async () => {
    const res = await ctx.app.inject('/api/openapi.json');
    expect(res.statusCode).toBe(200);
    const paths = Object.keys(json<{ paths: Record<string, unknown> }>(res).paths);
    expect(paths).toEqual(
      expect.arrayContaining([
        '/api/records',
        '/api/records/catalogue',
        '/api/records/catalogue/headings',
        '/api/records/catalogue/entries',
        '/api/records/due-for-archive',
        '/api/records/{id}',
        '/api/records/{id}/items',
        '/api/records/{id}/items/{itemId}',
        '/api/records/{id}/items/reorder',
        '/api/records/{id}/close',
        '/api/records/{id}/reopen',
        '/api/records/{id}/archive',
        '/api/records/{id}/export.pdf',
        '/api/records/{id}/export.xml',
      ]),
    );
  });

  it('edits metadata, keeps DocOrdinal in order, removes items without gaps', async () => {
    const patched = await ctx.app.inject({
      method: 'PATCH',
      url: `/api/records/${r1.id}`,
      headers: s.spec.headers(),
      payload: { notation: '04.TCCB', retention: 'permanent', description: 'Đợt 1' },
    });
    expect(json<RecordDetail>(patched)).toMatchObject({
      code: '000.00.02.H26.2026.04.TCCB',
      maintenance: 'Vĩnh viễn',
      description: 'Đợt 1',
    });
    const badDates = await ctx.app.inject({
      method: 'PATCH',
      url: `/api/records/${r1.id}`,
      headers: s.spec.headers(),
      payload: { endDate: '2026-01-01' },
    });
    expect(json(badDates)).toMatchObject({ status: 422, code: 'records.dates_invalid' });

    const late = await completedPaper({ issueDate: '2026-02-20' });
    const early = await completedPaper({ issueDate: '2026-01-15' });
    const middle = await completedPaper({ issueDate: '2026-02-01' });
    for (const d of [late, early, middle]) r1 = await addItem(ctx, s.spec, r1.id, 'incoming', d.id);
    const sorted = await post(ctx.app, s.spec, `/api/records/${r1.id}/items/reorder`, {
      by: 'date',
    });
    r1 = json<RecordDetail>(sorted);
    expect(r1.items.map((i) => [i.ordinal, i.documentId])).toEqual([
      [1, early.id],
      [2, middle.id],
      [3, late.id],
    ]);
    const partial = await post(ctx.app, s.spec, `/api/records/${r1.id}/items/reorder`, {
      itemIds: [r1.items[0]!.id],
    });
    expect(json(partial)).toMatchObject({ status: 422, code: 'records.reorder_invalid' });
    const byHand = await post(ctx.app, s.spec, `/api/records/${r1.id}/items/reorder`, {
      itemIds: [r1.items[2]!.id, r1.items[0]!.id, r1.items[1]!.id],
    });
    r1 = json<RecordDetail>(byHand);
    expect(r1.items.map((i) => i.documentId)).toEqual([late.id, early.id, middle.id]);
    const removed = await ctx.app.inject({
      method: 'DELETE',
      url: `/api/records/${r1.id}/items/${r1.items[0]!.id}`,
      headers: s.spec.headers(),
    });
    expect(removed.statusCode, removed.body).toBe(200);
    r1 = json<RecordDetail>(removed);
    expect(r1.items.map((i) => [i.ordinal, i.documentId])).toEqual([
      [1, early.id],
      [2, middle.id],
    ]);
    // The removed document is untouched.
    expect((await get(ctx.app, s.spec, `/api/incoming/${late.id}`)).statusCode).toBe(200);
  });

  it('files a confidential document only into a record of one’s own, which becomes confidential', async () => {
    const secret = await registerPaper(ctx, s.clerk, { secrecy: 'confidential' });
    // The clerk sees the document and the specialist's record, but the record is not theirs.
    const notOwner = await post(ctx.app, s.clerk, `/api/records/${r1.id}/items`, {
      kind: 'incoming',
      documentId: secret.id,
    });
    expect(json(notOwner)).toMatchObject({ status: 403, code: 'records.secret_needs_owner' });
    // The specialist owns the record but may not see the document.
    const unseen = await post(ctx.app, s.spec, `/api/records/${r1.id}/items`, {
      kind: 'incoming',
      documentId: secret.id,
    });
    expect(json(unseen)).toMatchObject({ status: 404, code: 'records.document_not_found' });

    const own = await openRecord(ctx, s.clerk, { title: 'Hồ sơ văn bản mật', notation: '01.MAT' });
    const filed = await addItem(ctx, s.clerk, own.id, 'incoming', secret.id);
    expect(filed).toMatchObject({ secrecy: 'confidential', rights: 'Mật' });
    expect(json(await getRecord(ctx, s.director, own.id))).toMatchObject({ status: 404 });
    expect((await list(s.director)).items.map((r) => r.id)).not.toContain(own.id);
    const [viewed] = await queryRows<{ n: number }>(
      ctx.deps.db,
      sql`select count(*)::int as n from audit_events
          where subject_id = ${own.id} and type = 'records.viewed'`,
    );
    expect(viewed!.n).toBe(0);
    expect((await getRecord(ctx, s.clerk, own.id)).statusCode).toBe(200);
    const [afterView] = await queryRows<{ n: number }>(
      ctx.deps.db,
      sql`select count(*)::int as n from audit_events
          where subject_id = ${own.id} and type = 'records.viewed'`,
    );
    expect(afterView!.n).toBe(1);
  });

  it('flags records due for archive transfer 30 days ahead and tells each person once', async () => {
    const closeAdHoc = async (
      notation: string,
      retention: number | 'permanent',
      endDate: string,
    ) => {
      const r = await openRecord(ctx, s.spec, {
        title: `Hồ sơ ${notation}`,
        notation,
        retention,
        startDate: '2025-01-10',
      });
      await addItem(ctx, s.spec, r.id, 'incoming', (await completedPaper()).id);
      const res = await post(ctx.app, s.spec, `/api/records/${r.id}/close`, { endDate });
      expect(res.statusCode, res.body).toBe(200);
      return json<RecordDetail>(res);
    };
    const soon = await closeAdHoc('10.TCCB', 10, '2025-03-20');
    const short = await closeAdHoc('11.TCCB', 2, '2025-03-20');
    const later = await closeAdHoc('12.TCCB', 'permanent', '2026-03-02');
    expect([soon.archiveDueDate, short.archiveDueDate, later.archiveDueDate]).toEqual([
      '2026-03-20',
      null,
      '2027-03-02',
    ]);
    expect(soon).toMatchObject({ archiveDueSoon: true, archiveOverdue: false });

    const due = async (session: Session) =>
      json<{ items: (RecordSummary & { daysLeft: number })[] }>(
        await get(ctx.app, session, '/api/records/due-for-archive'),
      ).items;
    expect((await due(s.spec)).map((r) => [r.id, r.daysLeft])).toEqual([[soon.id, 18]]);
    expect((await due(s.clerk)).map((r) => r.id)).toEqual([soon.id]);
    expect(await due(await loginAs(ctx.app, 'chuyenvien.ccvc.snv'))).toEqual([]);

    const notices = async (recordId: string) =>
      queryRows<{ username: string; urgency: string }>(
        ctx.deps.db,
        sql`select u.username, n.urgency from notifications n join users u on u.id = n.user_id
            where n.kind = 'records.archive_due' and n.subject->>'id' = ${recordId}
            order by u.username`,
      );
    await runJobs(ctx);
    expect(await notices(soon.id)).toEqual([
      { username: 'chuyenvien.snv', urgency: 'normal' },
      { username: 'vanthu.snv', urgency: 'normal' },
    ]);
    expect(await notices(later.id)).toEqual([]);
    // The next day's scan runs, and tells nobody twice.
    ctx.clock.advance(24 * 3600_000);
    await runJobs(ctx);
    expect(await notices(soon.id)).toHaveLength(2);

    // 30 days before the permanent record's due date (2 March 2027).
    ctx.clock.set(new Date('2027-01-31T02:00:00Z'));
    await runJobs(ctx);
    expect(await notices(later.id)).toEqual([
      { username: 'chuyenvien.snv', urgency: 'normal' },
      { username: 'vanthu.snv', urgency: 'normal' },
    ]);
    // The scan keeps itself going: tomorrow's run is queued for 07:00 Vietnam time.
    const queued = await queryRows<{ dedupe_key: string; run_at: string | Date }>(
      ctx.deps.db,
      sql`select dedupe_key, run_at from jobs
          where kind = 'records.archive_due_scan' and state = 'queued'`,
    );
    expect(queued.map((j) => [j.dedupe_key, new Date(j.run_at).toISOString()])).toEqual([
      ['records.archive_due_scan:2027-02-01', '2027-02-01T00:00:00.000Z'],
    ]);
    const spec = await loginAs(ctx.app, 'chuyenvien.snv');
    const flagged = await due(spec);
    expect(flagged.map((r) => [r.id, r.daysLeft, r.archiveOverdue])).toEqual([
      [soon.id, -317, true],
      [later.id, 30, false],
    ]);
    const bell = json<{ items: { kind: string; title: string }[] }>(
      await get(ctx.app, spec, '/api/notifications'),
    );
    expect(bell.items[0]).toMatchObject({
      kind: 'records.archive_due',
      title: expect.stringContaining('000.00.02.H26.2025.12.TCCB'),
    });

    // Reopened and closed again on the same end date: the notice is not repeated.
    await post(ctx.app, spec, `/api/records/${later.id}/reopen`, { reason: 'Bổ sung' });
    await post(ctx.app, spec, `/api/records/${later.id}/close`, {});
    await runJobs(ctx);
    expect(await notices(later.id)).toHaveLength(2);
    // Transferred records leave the list.
    const archived = await post(ctx.app, spec, `/api/records/${soon.id}/archive`, {});
    expect(archived.statusCode, archived.body).toBe(200);
    expect((await due(spec)).map((r) => r.id)).toEqual([later.id]);
  });
});
