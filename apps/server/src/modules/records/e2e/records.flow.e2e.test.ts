import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { PDFDocument } from '@cantoo/pdf-lib';
import type {
  CatalogueResponse,
  IncomingDetail,
  OutgoingDetail,
  RecordDetail,
} from '@vanban/contracts';
import { DOMParser, type Element as XmlElement, type Node as XmlNode } from '@xmldom/xmldom';
import { sql } from 'drizzle-orm';
import { extractText, getDocumentProxy } from 'unpdf';
import { beforeAll, describe, expect, it } from 'vitest';
import { backendsUnderTest } from '../../../../test/database.js';
import { get, post, unitId } from '../../../../test/incoming-fixtures.js';
import { json, loginAs, useTestApp, type Session } from '../../../../test/test-app.js';
import { queryRows } from '../../../platform/db/database.js';
import { qpdfCheck } from '../../../platform/signing/testing/pdf-tools.js';
import {
  addItem,
  complete,
  directTo,
  getRecord,
  issueFromDepartment,
  openRecord,
  receiveFromOffice,
  registerPaper,
  SNV,
} from './records.fixtures.js';

/** qpdf and pdfinfo (poppler-utils) check the export independently; CI always has them. */
const hasPdfTools =
  ['qpdf', 'pdfinfo'].every((t) => spawnSync('sh', ['-c', `command -v ${t}`]).status === 0) ||
  process.env.CI === 'true';

describe.each(backendsUnderTest())('work records from catalogue to archive on %s', (driver) => {
  const ctx = useTestApp(driver, { pki: true });
  const s = {} as Record<
    'clerk' | 'director' | 'spec' | 'spec2' | 'vpDrafter' | 'vpSigner' | 'vpClerk',
    Session
  >;
  let catalogue: CatalogueResponse;
  let recordA: RecordDetail;
  let recordB: RecordDetail;
  let paper: IncomingDetail;
  let internal: IncomingDetail;
  let outgoing: OutgoingDetail;

  beforeAll(async () => {
    s.clerk = await loginAs(ctx.app, 'vanthu.snv');
    s.director = await loginAs(ctx.app, 'giamdoc.snv');
    s.spec = await loginAs(ctx.app, 'chuyenvien.snv');
    s.spec2 = await loginAs(ctx.app, 'chuyenvien2.snv');
    s.vpDrafter = await loginAs(ctx.app, 'chuyenvien.vp');
    s.vpSigner = await loginAs(ctx.app, 'chanhvanphong.vp');
    s.vpClerk = await loginAs(ctx.app, 'vanthu.vp');
  });

  it('keeps the yearly records catalogue: headings, numbered entries, retention', async () => {
    const byClerk = await post(ctx.app, s.clerk, '/api/records/catalogue', {
      year: 2026,
      approvalRef: 'Quyết định số 05/QĐ-SNV ngày 05/01/2026',
    });
    expect(byClerk.statusCode, byClerk.body).toBe(201);
    const again = await post(ctx.app, s.clerk, '/api/records/catalogue', { year: 2026 });
    expect(json(again)).toMatchObject({ status: 409, code: 'records.catalogue_exists' });
    const bySpecialist = await post(ctx.app, s.spec, '/api/records/catalogue/headings', {
      year: 2026,
      abbreviation: 'TCCB',
      title: 'Công tác tổ chức cán bộ',
    });
    expect(json(bySpecialist)).toMatchObject({ status: 403, code: 'records.forbidden' });

    const heading = async (body: Record<string, unknown>) => {
      const res = await post(ctx.app, s.clerk, '/api/records/catalogue/headings', {
        year: 2026,
        ...body,
      });
      expect(res.statusCode, res.body).toBe(201);
      return json<CatalogueResponse>(res).catalogue!;
    };
    await heading({ abbreviation: 'TCCB', title: 'Công tác tổ chức cán bộ' });
    let c = await heading({ abbreviation: 'VP', title: 'Công tác văn phòng' });
    const tccb = c.headings.find((h) => h.abbreviation === 'TCCB')!;
    c = await heading({ parentId: tccb.id, title: 'Tuyển dụng, sử dụng công chức' });
    const noAbbreviation = await post(ctx.app, s.clerk, '/api/records/catalogue/headings', {
      year: 2026,
      title: 'Thiếu chữ viết tắt',
    });
    expect(json(noAbbreviation)).toMatchObject({ status: 422, code: 'records.heading_invalid' });
    const sub = c.headings.find((h) => h.parentId === tccb.id)!;
    const vp = c.headings.find((h) => h.abbreviation === 'VP')!;
    expect(c.headings.map((h) => [h.numeral, h.title])).toEqual([
      ['I', 'Công tác tổ chức cán bộ'],
      ['1', 'Tuyển dụng, sử dụng công chức'],
      ['II', 'Công tác văn phòng'],
    ]);

    const entry = async (body: Record<string, unknown>) => {
      const res = await post(ctx.app, s.clerk, '/api/records/catalogue/entries', {
        year: 2026,
        ...body,
      });
      expect(res.statusCode, res.body).toBe(201);
      return json<CatalogueResponse>(res);
    };
    await entry({
      headingId: sub.id,
      title: 'Hồ sơ tuyển dụng công chức năm 2026',
      retention: 20,
      creatorUnitId: await unitId(ctx.deps.db, SNV, 'TCBC'),
    });
    await entry({
      headingId: tccb.id,
      title: 'Hồ sơ nâng ngạch công chức',
      retention: 'permanent',
    });
    catalogue = await entry({ headingId: vp.id, title: 'Hồ sơ hội nghị tổng kết', retention: 10 });
    const entries = catalogue.catalogue!.entries;
    // Numbered from 01 under each top heading (Appendix V §I.2).
    expect(entries.map((e) => [e.notation, e.maintenance])).toEqual([
      ['01.TCCB', '20 năm'],
      ['01.VP', '10 năm'],
      ['02.TCCB', 'Vĩnh viễn'],
    ]);
    expect(catalogue.catalogue!.counts).toEqual({ total: 3, permanent: 1, limited: 2 });
    expect(catalogue.catalogue!.entries[0]!.creatorUnit?.code).toBe('TCBC');
    const taken = await post(ctx.app, s.clerk, '/api/records/catalogue/entries', {
      year: 2026,
      headingId: tccb.id,
      number: 1,
      title: 'Trùng số',
      retention: 5,
    });
    expect(json(taken)).toMatchObject({ status: 422, code: 'records.entry_invalid' });
    // Everyone in the department reads it; nobody outside.
    const read = json<CatalogueResponse>(
      await get(ctx.app, s.spec, '/api/records/catalogue?year=2026'),
    );
    expect(read).toMatchObject({
      canManage: false,
      catalogue: { approvalRef: expect.any(String) },
    });
    const outsider = await loginAs(ctx.app, 'chuyenvien.stc');
    const foreign = await get(
      ctx.app,
      outsider,
      `/api/records/catalogue?year=2026&agencyId=${catalogue.agencyId}`,
    );
    expect(json(foreign)).toMatchObject({ status: 404, code: 'records.catalogue_not_found' });
    // Next year's catalogue starts as a copy of this one.
    const next = await post(ctx.app, s.clerk, '/api/records/catalogue', {
      year: 2027,
      copyFromYear: 2026,
    });
    expect(next.statusCode, next.body).toBe(201);
    const copy = json<CatalogueResponse>(next).catalogue!;
    expect(copy.headings.map((h) => [h.numeral, h.abbreviation, h.title])).toEqual(
      catalogue.catalogue!.headings.map((h) => [h.numeral, h.abbreviation, h.title]),
    );
    expect(copy.entries.map((e) => e.notation)).toEqual(['01.TCCB', '01.VP', '02.TCCB']);
    expect(copy.entries.every((e) => e.recordId === null)).toBe(true);
  });

  it('opens a record from the catalogue and another ad hoc, each with its code', async () => {
    const entry = catalogue.catalogue!.entries.find((e) => e.notation === '01.TCCB')!;
    recordA = await openRecord(ctx, s.spec, { entryId: entry.id });
    expect(recordA).toMatchObject({
      code: '000.00.02.H26.2026.01.TCCB',
      organId: SNV,
      year: 2026,
      notation: '01.TCCB',
      title: 'Hồ sơ tuyển dụng công chức năm 2026',
      maintenance: '20 năm',
      state: 'open',
      startDate: '2026-03-02',
      language: 'Tiếng Việt',
      creator: { fullName: 'Lý Thị Oanh' },
      creatorUnit: { code: 'TCBC' },
      catalogueEntry: { notation: '01.TCCB', headingTitle: 'Tuyển dụng, sử dụng công chức' },
      docTotal: 0,
      actions: ['edit', 'add_item', 'remove_item', 'reorder', 'close'],
    });
    const twice = await post(ctx.app, s.spec2, '/api/records', { entryId: entry.id });
    expect(json(twice)).toMatchObject({ status: 409, code: 'records.entry_already_opened' });

    recordB = await openRecord(ctx, s.director, {
      title: 'Hồ sơ chỉ đạo kiện toàn bộ máy năm 2026',
      notation: '05.TCCB',
      retention: 'permanent',
      startDate: '2026-02-02',
    });
    expect(recordB).toMatchObject({
      code: '000.00.02.H26.2026.05.TCCB',
      maintenance: 'Vĩnh viễn',
      catalogueEntry: null,
      creatorUnit: null,
    });
    const sameCode = await post(ctx.app, s.spec, '/api/records', {
      title: 'Trùng ký hiệu',
      notation: '05.TCCB',
    });
    expect(json(sameCode)).toMatchObject({ status: 409, code: 'records.code_taken' });
    const badNotation = await post(ctx.app, s.spec, '/api/records', {
      title: 'Ký hiệu sai',
      notation: '01/TCCB',
    });
    expect(badNotation.statusCode).toBe(400);
  });

  it('files incoming and outgoing documents by reference, one document in two records', async () => {
    paper = await directTo(ctx, s, (await registerPaper(ctx, s.clerk)).id, 'chuyenvien.snv');
    internal = await receiveFromOffice(ctx, s, 'Về việc kiện toàn tổ chức bộ máy năm 2026');
    internal = await complete(ctx, s.spec, await directTo(ctx, s, internal.id, 'chuyenvien.snv'));
    outgoing = await issueFromDepartment(
      ctx,
      { drafter: s.spec, director: s.director, clerk: s.clerk },
      'Về việc báo cáo kết quả kiện toàn tổ chức bộ máy',
    );
    expect(outgoing.state).toBe('issued');

    await addItem(ctx, s.spec, recordA.id, 'incoming', paper.id);
    await addItem(ctx, s.spec, recordA.id, 'incoming', internal.id);
    recordA = await addItem(ctx, s.spec, recordA.id, 'outgoing', outgoing.id);
    expect(recordA.items.map((i) => [i.ordinal, i.kind, i.document.reference])).toEqual([
      [1, 'incoming', paper.reference],
      [2, 'incoming', internal.reference],
      [3, 'outgoing', outgoing.reference],
    ]);
    expect(recordA.items[2]!.document).toMatchObject({
      typeName: 'Công văn',
      codeNumber: String(outgoing.number),
      organName: 'Sở Nội vụ thành phố Hà Nội',
      signer: { fullName: 'Bùi Thị Lan' },
      to: [{ organId: '000.00.01.H26' }],
      hasPdf: true,
    });
    expect(recordA.items[0]!.document).toMatchObject({
      arrivalNumber: paper.arrivalNumber,
      source: 'paper',
      pageAmount: 2,
      toPlaces: 'Lý Thị Oanh',
    });
    const twice = await post(ctx.app, s.spec, `/api/records/${recordA.id}/items`, {
      kind: 'incoming',
      documentId: paper.id,
    });
    expect(json(twice)).toMatchObject({ status: 409, code: 'records.document_already_in_record' });
    // A colleague of the unit keeps the record too, but may not file what they cannot see.
    const unseen = await post(ctx.app, s.spec2, `/api/records/${recordA.id}/items`, {
      kind: 'incoming',
      documentId: paper.id,
    });
    expect(json(unseen)).toMatchObject({ status: 404, code: 'records.document_not_found' });

    // The director files the same documents in his own record: no copy is made.
    await addItem(ctx, s.director, recordB.id, 'incoming', internal.id);
    recordB = await addItem(ctx, s.director, recordB.id, 'outgoing', outgoing.id);
    expect(recordB.docTotal).toBe(2);
    const links = await queryRows<{ records: number; copies: number }>(
      ctx.deps.db,
      sql`select (select count(distinct record_id)::int from record_items
                  where incoming_document_id = ${internal.id}) as records,
                 (select count(*)::int from incoming_documents where source_ref = ${internal.id}
                   or id = ${internal.id}) as copies`,
    );
    expect(links).toEqual([{ records: 2, copies: 1 }]);
  });

  it('refuses to close while a document is being handled, and writes nothing', async () => {
    const [before] = await queryRows<{ n: number }>(
      ctx.deps.db,
      sql`select count(*)::int as n from audit_events where subject_id = ${recordA.id}`,
    );
    const res = await post(ctx.app, s.spec, `/api/records/${recordA.id}/close`, {
      endDate: '2026-03-02',
      description: 'Không được ghi',
    });
    expect(res.statusCode).toBe(422);
    const problem = json<{ code: string; errors: { path: string; code: string }[] }>(res);
    expect(problem.code).toBe('records.close_incomplete');
    expect(problem.errors).toEqual([
      expect.objectContaining({ path: 'items.1', code: 'records.item_not_completed' }),
    ]);
    const after = json<RecordDetail>(await getRecord(ctx, s.spec, recordA.id));
    expect(after).toMatchObject({ state: 'open', endDate: null, description: null });
    const [audit] = await queryRows<{ n: number }>(
      ctx.deps.db,
      sql`select count(*)::int as n from audit_events where subject_id = ${recordA.id}`,
    );
    expect(audit!.n).toBe(before!.n);
    // An ad hoc record without retention or end date lists what is missing.
    const bare = await openRecord(ctx, s.spec, { title: 'Hồ sơ chưa đủ', notation: '09.TCCB' });
    await addItem(ctx, s.spec, bare.id, 'incoming', internal.id);
    const missing = await post(ctx.app, s.spec, `/api/records/${bare.id}/close`, {});
    expect(json<{ errors: { path: string; code: string }[] }>(missing).errors).toEqual([
      expect.objectContaining({ path: 'maintenance', code: 'records.metadata_missing' }),
      expect.objectContaining({ path: 'endDate', code: 'records.metadata_missing' }),
    ]);
  });

  it('closes once every document is done; processed online only without paper', async () => {
    paper = await complete(ctx, s.spec, paper);
    const closed = await post(ctx.app, s.spec, `/api/records/${recordA.id}/close`, {
      endDate: '2026-03-02',
    });
    expect(closed.statusCode, closed.body).toBe(200);
    recordA = json<RecordDetail>(closed);
    expect(recordA).toMatchObject({
      state: 'closed',
      endDate: '2026-03-02',
      processedOnline: false,
      closedBy: { fullName: 'Lý Thị Oanh' },
      archiveDueDate: '2027-03-02',
      archiveDueSoon: false,
      actions: ['reopen', 'archive'],
      onlineBasis: {
        offline: [
          { itemId: recordA.items[0]!.id, kind: 'incoming', reason: 'incoming_not_electronic' },
        ],
      },
    });
    expect(recordA.closedAt).toBe('2026-03-02T02:00:00.000Z');
    const secondClose = await post(ctx.app, s.spec, `/api/records/${recordA.id}/close`, {});
    expect(json(secondClose)).toMatchObject({ status: 409, code: 'records.invalid_transition' });

    const b = await post(ctx.app, s.director, `/api/records/${recordB.id}/close`, {
      endDate: '2026-03-02',
    });
    recordB = json<RecordDetail>(b);
    expect(recordB).toMatchObject({
      state: 'closed',
      processedOnline: true,
      onlineBasis: { offline: [] },
    });
    const rows = await queryRows<{ code: string; processed_online: boolean; state: string }>(
      ctx.deps.db,
      sql`select code, processed_online, state::text as state from work_records
          where state = 'closed' order by code`,
    );
    expect(rows).toEqual([
      { code: recordA.code, processed_online: false, state: 'closed' },
      { code: recordB.code, processed_online: true, state: 'closed' },
    ]);
  });

  it('exports the record as one PDF: the index, then each main PDF in order', async () => {
    const res = await get(ctx.app, s.spec, `/api/records/${recordA.id}/export.pdf`);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.headers['content-type']).toBe('application/pdf');
    const pdf = new Uint8Array(res.rawPayload);
    const [pages] = await queryRows<{ n: number }>(
      ctx.deps.db,
      sql`select coalesce(sum(b.page_count), 0)::int as n from record_items i
          left join incoming_document_files df on df.document_id = i.incoming_document_id and df.role = 'main'
          left join outgoing_documents o on o.id = i.outgoing_document_id
          left join outgoing_version_files vf on vf.document_id = o.id and vf.version = o.current_version and vf.role = 'main'
          join files f on f.id = coalesce(df.file_id, vf.file_id)
          join blobs b on b.sha256 = f.sha256
          where i.record_id = ${recordA.id} and f.media_type = 'application/pdf'`,
    );
    const merged = await PDFDocument.load(pdf);
    const { text } = await extractText(await getDocumentProxy(new Uint8Array(pdf)), {
      mergePages: false,
    });
    const indexPages = text.filter((t) => t.includes('Mục lục')).length;
    expect(indexPages).toBeGreaterThanOrEqual(1);
    expect(merged.getPageCount()).toBe(indexPages + pages!.n);
    const index = text.slice(0, indexPages).join('\n');
    expect(index).toContain('MỤC LỤC VĂN BẢN, TÀI LIỆU');
    expect(index).toContain('Số, ký hiệu hồ sơ: 01.TCCB');
    const positions = [paper.reference, internal.reference, outgoing.reference!].map((r) =>
      index.indexOf(r),
    );
    expect(positions.every((p) => p >= 0)).toBe(true);
    expect([...positions].sort((a, b) => a - b)).toEqual(positions);
    // The paper document's two pages follow the index.
    expect(text[indexPages]).toContain('Văn bản giấy trang 1');
    if (!hasPdfTools) return;
    // Independent readers agree: qpdf finds no damage, pdfinfo counts the same pages.
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'vanban-record-'));
    try {
      const file = path.join(dir, 'record.pdf');
      fs.writeFileSync(file, pdf);
      expect(qpdfCheck(file)).toMatchObject({ ok: true });
      const info = execFileSync('pdfinfo', [file], { encoding: 'utf8' });
      expect(Number(/^Pages:\s+(\d+)/m.exec(info)?.[1])).toBe(indexPages + pages!.n);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it('exports XML with the record and document fields of App. VI', async () => {
    const res = await get(ctx.app, s.spec, `/api/records/${recordA.id}/export.xml`);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.headers['content-type']).toContain('application/xml');
    const doc = new DOMParser().parseFromString(res.body, 'text/xml');
    const root = doc.documentElement!;
    const elements = (el: XmlElement) =>
      Array.from(el.childNodes as ArrayLike<XmlNode>).filter(
        (n): n is XmlElement => n.nodeType === n.ELEMENT_NODE,
      );
    const field = (el: XmlElement, path: string) => {
      let node: XmlElement | undefined = el;
      for (const name of path.split('/')) node = elements(node!).find((n) => n.tagName === name);
      return node?.textContent ?? null;
    };
    expect(root.tagName).toBe('File');
    expect(field(root, 'FileCode/OrganId')).toBe(SNV);
    expect(field(root, 'FileCode/FileCatalog')).toBe('2026');
    expect(field(root, 'FileCode/FileNotation')).toBe('01.TCCB');
    expect(field(root, 'Title')).toBe('Hồ sơ tuyển dụng công chức năm 2026');
    expect(field(root, 'Maintenance')).toBe('20 năm');
    expect(field(root, 'Creator')).toBe('Lý Thị Oanh');
    expect(field(root, 'Language')).toBe('Tiếng Việt');
    expect(field(root, 'StartDate')).toBe('2026-03-02');
    expect(field(root, 'EndDate')).toBe('2026-03-02');
    expect(field(root, 'DocTotal')).toBe('3');
    expect(Number(field(root, 'PageTotal'))).toBe(recordA.pageTotal);
    const documents = elements(doc.getElementsByTagName('Documents')[0]!);
    expect(documents.map((d) => [d.tagName, field(d, 'DocOrdinal')])).toEqual([
      ['IncomingDocument', '1'],
      ['IncomingDocument', '2'],
      ['OutgoingDocument', '3'],
    ]);
    const [first, , last] = documents;
    expect(field(first!, 'FileCode/FileNotation')).toBe('01.TCCB');
    expect(field(first!, 'ArrivalNumber')).toBe(String(paper.arrivalNumber));
    expect(field(first!, 'ArrivalDate')).toBe('2026-03-02');
    expect(field(first!, 'Subject')).toBe(paper.subject);
    expect(field(first!, 'OrganName')).toBe(paper.senderName);
    expect(field(first!, 'PageAmount')).toBe('2');
    expect(field(first!, 'ToPlaces')).toBe('Lý Thị Oanh');
    for (const name of ['TypeName', 'CodeNumber', 'CodeNotation', 'IssuedDate', 'Priority'])
      expect(field(first!, name), name).toBeTruthy();
    expect(field(last!, 'CodeNumber')).toBe(String(outgoing.number));
    expect(field(last!, 'CodeNotation')).toBe(outgoing.notation);
    expect(field(last!, 'IssuedDate')).toBe(outgoing.issueDate);
    expect(field(last!, 'SignerInfo/FullName')).toBe('Bùi Thị Lan');
    expect(field(last!, 'To/OrganId')).toBe('000.00.01.H26');
    expect(field(last!, 'IssuedAmount')).toBe('1');
  });

  it('transfers to the agency archive, which locks the record', async () => {
    const reopened = await post(ctx.app, s.spec, `/api/records/${recordA.id}/reopen`, {
      reason: 'Bổ sung văn bản',
    });
    expect(json<RecordDetail>(reopened)).toMatchObject({
      state: 'open',
      processedOnline: null,
      reopenReason: 'Bổ sung văn bản',
    });
    const reclosed = await post(ctx.app, s.spec, `/api/records/${recordA.id}/close`, {});
    expect(json<RecordDetail>(reclosed)).toMatchObject({ state: 'closed', processedOnline: false });
    // A colleague of the unit sees it but neither created it nor keeps the archive.
    const colleague = await post(ctx.app, s.spec2, `/api/records/${recordA.id}/archive`, {});
    expect(json(colleague)).toMatchObject({ status: 403, code: 'records.forbidden' });
    const archived = await post(ctx.app, s.clerk, `/api/records/${recordA.id}/archive`, {
      note: 'Đã kiểm tra, nhận vào Lưu trữ cơ quan',
    });
    expect(archived.statusCode, archived.body).toBe(200);
    expect(json<RecordDetail>(archived)).toMatchObject({
      state: 'archived',
      archivedBy: { fullName: expect.any(String) },
      actions: [],
    });
    const bell = json<{ items: { kind: string; title: string }[] }>(
      await get(ctx.app, s.spec, '/api/notifications'),
    );
    expect(bell.items[0]).toMatchObject({ kind: 'records.archived' });

    const locked = [
      await post(ctx.app, s.spec, `/api/records/${recordA.id}/items`, {
        kind: 'incoming',
        documentId: internal.id,
      }),
      await ctx.app.inject({
        method: 'DELETE',
        url: `/api/records/${recordA.id}/items/${recordA.items[0]!.id}`,
        headers: s.spec.headers(),
      }),
      await ctx.app.inject({
        method: 'PATCH',
        url: `/api/records/${recordA.id}`,
        headers: s.spec.headers(),
        payload: { title: 'Đổi tiêu đề' },
      }),
      await post(ctx.app, s.spec, `/api/records/${recordA.id}/items/reorder`, { by: 'date' }),
      await post(ctx.app, s.spec, `/api/records/${recordA.id}/reopen`, { reason: 'Thử' }),
      await post(ctx.app, s.spec, `/api/records/${recordA.id}/close`, {}),
    ];
    for (const res of locked)
      expect(json(res)).toMatchObject({ status: 409, code: 'records.locked' });
    const still = json<RecordDetail>(await getRecord(ctx, s.spec, recordA.id));
    expect(still).toMatchObject({ state: 'archived', docTotal: 3, title: recordA.title });
    // Exports still work on an archived record.
    expect((await get(ctx.app, s.spec, `/api/records/${recordA.id}/export.xml`)).statusCode).toBe(
      200,
    );
  });
});
