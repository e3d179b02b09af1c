import type { IncomingDetail, OutgoingDetail } from '@vanban/contracts';
import { sql } from 'drizzle-orm';
import { readSheet } from 'read-excel-file/node';
import { beforeAll, describe, expect, it } from 'vitest';
import { backendsUnderTest } from '../../../../test/database.js';
import { get, post, registerBody, uploadFile, userId } from '../../../../test/incoming-fixtures.js';
import {
  act,
  approvedDraft,
  issueApproved,
  runJobs,
  uploadDecision,
} from '../../../../test/outgoing-fixtures.js';
import { json, loginAs, useTestApp, type Session } from '../../../../test/test-app.js';
import { queryRows } from '../../../platform/db/database.js';

describe.each(backendsUnderTest())('issued documents: revoke, correct, replace on %s', (driver) => {
  const ctx = useTestApp(driver, { pki: true });
  let drafter: Session;
  let director: Session;
  let clerk: Session;
  let vpClerk: Session;
  const toRegister = async () =>
    json<{ items: { id: string; subject: string }[] }>(
      await get(ctx.app, vpClerk, '/api/incoming?view=to_register'),
    ).items;

  beforeAll(async () => {
    drafter = await loginAs(ctx.app, 'chuyenvien.snv');
    director = await loginAs(ctx.app, 'giamdoc.snv');
    clerk = await loginAs(ctx.app, 'vanthu.snv');
    vpClerk = await loginAs(ctx.app, 'vanthu.vp');
  });

  it('composes the text as a Decree 30 PDF and signs exactly in its signature box', async () => {
    const res = await post(ctx.app, drafter, '/api/outgoing', {
      docType: 'plan',
      subject: 'Kế hoạch số hóa hồ sơ lưu trữ năm 2026',
      signerId: await userId(ctx.deps.db, 'giamdoc.snv'),
      recipients: [{ agencyCode: '000.00.01.H26' }],
      compose: {
        body: ['Thực hiện Nghị định số 30/2020/NĐ-CP, Sở Nội vụ ban hành kế hoạch như sau:'],
        authority: 'KT. GIÁM ĐỐC',
      },
    });
    expect(res.statusCode, res.body).toBe(201);
    const { id } = json<{ id: string }>(res);
    const draft = json<OutgoingDetail>(await get(ctx.app, drafter, `/api/outgoing/${id}`));
    expect(draft.versions[0]!.files[0]).toMatchObject({
      role: 'main',
      mediaType: 'application/pdf',
    });
    const box = draft.signatureBox!;
    await act(ctx.app, drafter, id, 'submit', { steps: [] });
    const signed = await act(ctx.app, director, id, 'sign');
    // The image is fitted inside the layout's box.
    expect(signed.signatureBox!.page).toBe(box.page);
    expect(signed.signatureBox!.y).toBeGreaterThanOrEqual(box.y - 0.01);
    expect(signed.signatureBox!.y + signed.signatureBox!.height).toBeLessThanOrEqual(
      box.y + box.height + 0.01,
    );
    await act(ctx.app, clerk, id, 'number');
    const sealed = await act(ctx.app, clerk, id, 'seal');
    expect(sealed.reference).toMatch(/^\d{2}\/KH-SNV$/);
  });

  it('revokes: the recipient copy leaves the active lists, the sender side is frozen', async () => {
    const id = await approvedDraft(ctx, drafter, { subject: 'Văn bản sẽ bị thu hồi' });
    const issued = await issueApproved(ctx.app, { director, clerk }, id);
    const copyId = issued.recipients[0]!.incomingDocumentId!;
    expect((await toRegister()).map((d) => d.id)).toContain(copyId);
    const revoked = await act(ctx.app, clerk, id, 'revoke', { reason: 'Ban hành nhầm đối tượng' });
    expect(revoked.state).toBe('revoked');
    expect(revoked.actions).toEqual([]);
    expect(revoked.recipients[0]!.status).toBe('revoked');
    expect((await toRegister()).map((d) => d.id)).not.toContain(copyId);
    const copy = json<IncomingDetail>(await get(ctx.app, vpClerk, `/api/incoming/${copyId}`));
    expect(copy.state).toBe('revoked');
    const again = await post(ctx.app, clerk, `/api/outgoing/${id}/revoke`, { reason: 'Lần nữa' });
    expect(again.statusCode).toBe(409);
  });

  it('corrects the subject of an issued document for internal recipients', async () => {
    const id = await approvedDraft(ctx, drafter, { subject: 'Trích yếu có lỗi chính tả' });
    const issued = await issueApproved(ctx.app, { director, clerk }, id);
    const copyId = issued.recipients[0]!.incomingDocumentId!;
    await act(ctx.app, clerk, id, 'correct', {
      subject: 'Trích yếu đã được đính chính',
      reason: 'Sai chính tả',
    });
    const copy = json<IncomingDetail>(await get(ctx.app, vpClerk, `/api/incoming/${copyId}`));
    expect(copy.subject).toBe('Trích yếu đã được đính chính');
  });

  it('replaces: the replacement, once issued, revokes the original', async () => {
    const id = await approvedDraft(ctx, drafter, { subject: 'Văn bản cũ' });
    const original = await issueApproved(ctx.app, { director, clerk }, id);
    expect(original.actions).toContain('replace');
    const res = await post(ctx.app, clerk, `/api/outgoing/${id}/replace`, {});
    expect(res.statusCode, res.body).toBe(201);
    const replacementId = json<{ id: string }>(res).id;
    const replacement = json<OutgoingDetail>(
      await get(ctx.app, clerk, `/api/outgoing/${replacementId}`),
    );
    expect(replacement).toMatchObject({ state: 'draft', replaces: { id } });
    // The clerk who drafted the replacement uploads the new text and takes it through.
    await act(ctx.app, clerk, replacementId, 'versions', {
      fileIds: [await uploadDecision(ctx.app, clerk)],
    });
    await act(ctx.app, clerk, replacementId, 'submit', { steps: [] });
    await issueApproved(ctx.app, { director, clerk }, replacementId);
    const old = json<OutgoingDetail>(await get(ctx.app, clerk, `/api/outgoing/${id}`));
    expect(old.state).toBe('revoked');
    expect(old.replacedBy?.id).toBe(replacementId);
    expect(old.revokeReason).toContain('thay thế');
  });

  it('exports the outgoing register with the issued documents', async () => {
    const report = json<{ rows: { reference: string; signerName: string }[] }>(
      await get(ctx.app, clerk, '/api/outgoing/register?from=2026-01-01&to=2026-12-31&format=json'),
    );
    expect(report.rows.length).toBeGreaterThanOrEqual(4);
    expect(report.rows[0]!.signerName).toBe('Bùi Thị Lan');
    const xlsx = await get(ctx.app, clerk, '/api/outgoing/register?from=2026-01-01&to=2026-12-31');
    expect(xlsx.headers['content-type']).toContain('spreadsheetml');
    const rows = await readSheet(xlsx.rawPayload);
    expect(rows.flat().join(' ')).toContain('SỔ ĐĂNG KÝ VĂN BẢN ĐI');
    const forbidden = await get(
      ctx.app,
      drafter,
      '/api/outgoing/register?from=2026-01-01&to=2026-12-31',
    );
    expect(forbidden.statusCode).toBe(403);
  });

  it('flags a tampered signed PDF that arrives as an incoming document', async () => {
    await runJobs(ctx);
    const [file] = await queryRows<{ id: string }>(
      ctx.deps.db,
      sql`select f.file_id as id from outgoing_version_files f join outgoing_versions v
            on v.document_id = f.document_id and v.version = f.version
          where v.kind = 'sealed' and f.role = 'main' limit 1`,
    );
    const content = await get(ctx.app, clerk, `/api/files/${file!.id}/content`);
    const tampered = Buffer.from(content.rawPayload);
    // One bit inside the first content stream: the structure still parses, the hash does not.
    const at = tampered.indexOf('stream') + 40;
    tampered[at] = tampered[at]! ^ 0x01;
    const up = await uploadFile(ctx.app, vpClerk, 'nhan.pdf', tampered, 'application/pdf');
    const reg = await post(ctx.app, vpClerk, '/api/incoming', {
      ...registerBody(),
      fileIds: [json<{ id: string }>(up).id],
    });
    expect(reg.statusCode, reg.body).toBe(201);
    await runJobs(ctx);
    const doc = json<IncomingDetail>(
      await get(ctx.app, vpClerk, `/api/incoming/${json<{ id: string }>(reg).id}`),
    );
    expect(doc.files[0]!.signatures.status).toBe('invalid');
    expect(doc.files[0]!.signatures.signatures.some((s) => !s.intact)).toBe(true);
  });
});
