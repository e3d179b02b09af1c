import type { IncomingDetail } from '@vanban/contracts';
import { beforeAll, describe, expect, it } from 'vitest';
import { readSheet } from 'read-excel-file/node';
import { extractText, getDocumentProxy } from 'unpdf';
import { backendsUnderTest } from '../../../../test/database.js';
import { makePdf } from '../../../../test/fixtures/files.js';
import { get, post, registerBody, uploadFile, userId } from '../../../../test/incoming-fixtures.js';
import { json, loginAs, useTestApp, type Session } from '../../../../test/test-app.js';
import { buildJobHandlers } from '../../../app/jobs.js';
import { drainJobs } from '../../../platform/jobs/jobs.worker.js';
import { receiveDocument } from '../index.js';

interface SearchResult {
  total: number;
  items: {
    id: string;
    reference: string;
    highlights: { field: string; text: string; ranges: [number, number][] }[];
  }[];
}

const marked = (h: { text: string; ranges: [number, number][] }) =>
  h.ranges.map(([s, e]) => h.text.slice(s, e));

describe.each(backendsUnderTest())('inboxes, search and the register on %s', (driver) => {
  const ctx = useTestApp(driver);
  let clerk: Session;
  const ids: Record<string, string> = {};
  const search = async (q: string, extra = '') =>
    json<SearchResult>(
      await get(ctx.app, clerk, `/api/incoming/search?q=${encodeURIComponent(q)}${extra}`),
    );

  beforeAll(async () => {
    clerk = await loginAs(ctx.app, 'vanthu.ubnd');
    const register = async (key: string, body: Record<string, unknown>) => {
      const res = await post(ctx.app, clerk, '/api/incoming', registerBody(body));
      expect(res.statusCode, res.body).toBe(201);
      ids[key] = json<IncomingDetail>(res).id;
    };
    await register('plan', {
      reference: '12/UBND-VX',
      subject: 'Quyết định về việc phê duyệt quy hoạch chi tiết khu đô thị Tây Hồ Tây',
      docType: 'decision',
      sender: { agencyCode: '000.00.02.H26' },
    });
    await register('tet', {
      reference: '45/KH-UBND',
      subject: 'Kế hoạch tổ chức Tết Nguyên đán Bính Ngọ 2026',
      docType: 'plan',
      urgency: 'flash',
    });
    const pdf = await uploadFile(
      ctx.app,
      clerk,
      'báo cáo.pdf',
      await makePdf(['Báo cáo tiến độ giải phóng mặt bằng đường Vành đai 4 qua huyện Mê Linh']),
      'application/pdf',
    );
    await register('report', {
      reference: '7/SXD-KT',
      subject: 'Báo cáo tình hình thực hiện dự án trọng điểm',
      docType: 'report',
      sender: { name: 'Sở Xây dựng' },
      fileIds: [json<{ id: string }>(pdf).id],
    });
  });

  it('finds Vietnamese text with and without diacritics, with highlights', async () => {
    for (const q of ['quyet dinh quy hoach', 'Quyết định quy hoạch', 'QUYẾT ĐỊNH']) {
      const r = await search(q);
      expect(
        r.items.map((i) => i.id),
        q,
      ).toEqual([ids.plan]);
      const subject = r.items[0]!.highlights.find((h) => h.field === 'subject')!;
      expect(marked(subject).slice(0, 2)).toEqual(['Quyết', 'định']);
    }
    expect((await search('tet nguyen dan')).items.map((i) => i.id)).toEqual([ids.tet]);
    expect((await search('đô thị tây hồ')).items.map((i) => i.id)).toEqual([ids.plan]);
    expect((await search('không có văn bản nào như thế')).total).toBe(0);
  });

  it('finds by number/notation, ranked first', async () => {
    const r = await search('12/UBND');
    expect(r.items[0]!.id).toBe(ids.plan);
    expect(marked(r.items[0]!.highlights.find((h) => h.field === 'reference')!)).toEqual([
      '12/UBND',
    ]);
    expect((await search('45/kh-ubnd')).items.map((i) => i.id)).toEqual([ids.tet]);
  });

  it('finds the text of attached files once the extraction job has run', async () => {
    expect((await search('vanh dai 4 me linh')).total).toBe(0);
    await drainJobs({ db: ctx.deps.db, clock: ctx.clock, handlers: buildJobHandlers(ctx.deps) });
    const r = await search('vanh dai 4 me linh');
    expect(r.items.map((i) => i.id)).toEqual([ids.report]);
    const content = r.items[0]!.highlights.find((h) => h.field === 'content')!;
    expect(marked(content)).toEqual(['Vành', 'đai', '4', 'Mê', 'Linh']);
  });

  it('filters search and lists by type, urgency and sender', async () => {
    expect((await search('ke hoach', '&docType=plan')).items.map((i) => i.id)).toEqual([ids.tet]);
    expect((await search('ke hoach', '&docType=decision')).total).toBe(0);
    const flash = json<{ items: { id: string }[] }>(
      await get(ctx.app, clerk, '/api/incoming?view=all&urgency=flash'),
    );
    expect(flash.items.map((i) => i.id)).toEqual([ids.tet]);
    const bySender = json<{ items: { id: string }[] }>(
      await get(
        ctx.app,
        clerk,
        `/api/incoming?view=all&sender=${encodeURIComponent('so xay dung')}`,
      ),
    );
    expect(bySender.items.map((i) => i.id)).toEqual([ids.report]);
  });

  it('puts urgent documents first and pages with a keyset cursor', async () => {
    for (let i = 0; i < 5; i++)
      await post(
        ctx.app,
        clerk,
        '/api/incoming',
        registerBody({ sender: { name: `Phường ${i}` } }),
      );
    const all = json<{ items: { id: string; urgency: string }[] }>(
      await get(ctx.app, clerk, '/api/incoming?view=all&limit=200'),
    ).items;
    expect(all[0]!.id).toBe(ids.tet); // hỏa tốc jumps the queue
    for (const sort of ['urgency', 'newest', 'oldest', 'due']) {
      const seen: string[] = [];
      let cursor: string | null = null;
      do {
        const page: { items: { id: string }[]; nextCursor: string | null } = json(
          await get(
            ctx.app,
            clerk,
            `/api/incoming?view=all&sort=${sort}&limit=3${cursor ? `&cursor=${cursor}` : ''}`,
          ),
        );
        expect(page.items.length).toBeLessThanOrEqual(3);
        seen.push(...page.items.map((i) => i.id));
        cursor = page.nextCursor;
      } while (cursor);
      expect(new Set(seen).size, sort).toBe(all.length);
      expect(seen.length, sort).toBe(all.length);
    }
    const bad = await get(ctx.app, clerk, '/api/incoming?view=all&cursor=bm90LWEtY3Vyc29y');
    expect(json(bad)).toMatchObject({ status: 400, code: 'incoming.cursor_invalid' });
  });

  it('flags due-soon and overdue documents in SQL and lists them in the overdue view', async () => {
    const leader = await loginAs(ctx.app, 'lanhdao.ubnd');
    const res = await post(
      ctx.app,
      clerk,
      '/api/incoming',
      registerBody({
        subject: 'Về việc rà soát hồ sơ tồn đọng',
        due: { workingDays: 1 },
        submitTo: { userId: await userId(ctx.database.db, 'lanhdao.ubnd') },
      }),
    );
    const doc = json<IncomingDetail>(res);
    expect(doc).toMatchObject({ dueDate: '2026-03-03', dueSoon: true, overdue: false });
    const counts = json<Record<string, number>>(await get(ctx.app, leader, '/api/incoming/counts'));
    expect(counts).toMatchObject({ to_direct: 1, overdue: 0 });
    ctx.clock.advance(3 * 24 * 3600_000); // Thursday 5 March
    const later = await loginAs(ctx.app, 'lanhdao.ubnd');
    const overdue = json<{ items: { id: string; overdue: boolean }[] }>(
      await get(ctx.app, later, '/api/incoming?view=overdue'),
    );
    expect(overdue.items).toEqual([expect.objectContaining({ id: doc.id, overdue: true })]);
    ctx.clock.set(new Date('2026-03-02T02:00:00Z'));
  });

  it('lists a document delivered by another agency for registration, prefilled', async () => {
    const db = ctx.deps.db;
    const cityId = (
      await get(ctx.app, clerk, '/api/auth/me').then((r) => json<{ agency: { id: string } }>(r))
    ).agency.id;
    const uploadedBy = await userId(db, 'vanthu.stc');
    const id = await db.transaction((tx) =>
      receiveDocument(
        tx,
        {
          agencyId: cityId,
          source: 'internal',
          sourceRef: 'outgoing:demo',
          metadata: {
            senderName: 'Sở Tài chính',
            senderCode: '000.00.03.H26',
            reference: '88/STC-NS',
            issueDate: '2026-03-01',
            docType: 'official_letter',
            subject: 'Về việc bổ sung dự toán ngân sách năm 2026',
          },
          fileIds: [],
          uploadedBy,
        },
        ctx.clock.now(),
      ),
    );
    const toRegister = json<{ items: { id: string; state: string; reference: string }[] }>(
      await get(ctx.app, clerk, '/api/incoming?view=to_register'),
    );
    expect(toRegister.items).toEqual([
      expect.objectContaining({ id, state: 'received', reference: '88/STC-NS' }),
    ]);
    const registered = await post(ctx.app, clerk, `/api/incoming/${id}/register`, {
      urgency: 'urgent',
    });
    expect(registered.statusCode, registered.body).toBe(200);
    expect(json<IncomingDetail>(registered)).toMatchObject({
      state: 'registered',
      source: 'internal',
      senderAgency: { code: '000.00.03.H26' },
      subject: 'Về việc bổ sung dự toán ngân sách năm 2026',
      urgency: 'urgent',
      arrivalNumber: expect.any(Number),
    });
    const twice = await post(ctx.app, clerk, `/api/incoming/${id}/register`, {});
    expect(json(twice)).toMatchObject({ status: 409, code: 'incoming.invalid_transition' });
  });

  it('exports the incoming register of Decree 30 App. IV as XLSX and PDF', async () => {
    const base = '/api/incoming/register?from=2026-03-01&to=2026-03-31';
    const xlsx = await get(ctx.app, clerk, `${base}&format=xlsx`);
    expect(xlsx.statusCode).toBe(200);
    expect(xlsx.headers['content-type']).toContain('spreadsheetml');
    const rows = await readSheet(xlsx.rawPayload);
    const header = rows.findIndex((r) => r[0] === 'Ngày đến');
    expect(rows[header]!.slice(0, 4)).toEqual(['Ngày đến', 'Số đến', 'Tác giả', 'Số, ký hiệu']);
    const body = rows.slice(header + 2);
    expect(body.map((r) => r[1])).toEqual(Array.from({ length: body.length }, (_, i) => i + 1));
    expect(body.find((r) => r[3] === '12/UBND-VX')![2]).toBe('Sở Nội vụ thành phố Hà Nội');
    const pdf = await get(ctx.app, clerk, `${base}&format=pdf`);
    expect(pdf.headers['content-type']).toBe('application/pdf');
    const { text } = await extractText(await getDocumentProxy(new Uint8Array(pdf.rawPayload)), {
      mergePages: true,
    });
    const flat = text.replace(/\s+/g, ' ');
    expect(flat).toContain('SỔ ĐĂNG KÝ VĂN BẢN ĐẾN');
    expect(flat).toContain('Kế hoạch tổ chức Tết Nguyên đán Bính Ngọ 2026');
    const specialist = await loginAs(ctx.app, 'chuyenvien.vp');
    expect(json(await get(ctx.app, specialist, `${base}&format=json`))).toMatchObject({
      status: 403,
    });
  });
});
