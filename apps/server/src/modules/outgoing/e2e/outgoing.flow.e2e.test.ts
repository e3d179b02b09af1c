import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { IncomingDetail, OutgoingDetail } from '@vanban/contracts';
import { sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { backendsUnderTest } from '../../../../test/database.js';
import { get, post, userId } from '../../../../test/incoming-fixtures.js';
import { act, runJobs, uploadDecision } from '../../../../test/outgoing-fixtures.js';
import { json, loginAs, useTestApp, type Session } from '../../../../test/test-app.js';
import { queryRows } from '../../../platform/db/database.js';
import { verifyPdfSignatures } from '../../../platform/signing/index.js';
import {
  makeTrustStore,
  pdfsig,
  skipPdfTools,
} from '../../../platform/signing/testing/pdf-tools.js';

const VP = '000.00.01.H26'; // Văn phòng UBND thành phố: has a clerk here (internal)
const UBND = '000.00.00.H26'; // UBND thành phố: has a clerk here (internal)
const SXD = '000.00.04.H26'; // Sở Xây dựng: no clerk in this instance (through the hub)

describe.each(backendsUnderTest())('outgoing document from draft to issue on %s', (driver) => {
  const ctx = useTestApp(driver, { pki: true });
  let drafter: Session;
  let head: Session;
  let director: Session;
  let clerk: Session;
  let id: string;
  let doc: OutgoingDetail;

  beforeAll(async () => {
    drafter = await loginAs(ctx.app, 'chuyenvien.snv');
    head = await loginAs(ctx.app, 'truongphong.snv');
    director = await loginAs(ctx.app, 'giamdoc.snv');
    clerk = await loginAs(ctx.app, 'vanthu.snv');
  });

  it('drafts with a PDF, recipients and a signer', async () => {
    const fileId = await uploadDecision(ctx.app, drafter);
    const res = await post(ctx.app, drafter, '/api/outgoing', {
      docType: 'decision',
      subject: 'Về việc phê duyệt kế hoạch chuyển đổi số năm 2026',
      signerId: await userId(ctx.deps.db, 'giamdoc.snv'),
      recipients: [
        { agencyCode: VP },
        { agencyCode: UBND },
        { agencyCode: SXD },
        { name: 'Lưu: VT, TCBC' },
      ],
      fileIds: [fileId],
    });
    expect(res.statusCode, res.body).toBe(201);
    id = json<{ id: string }>(res).id;
    doc = json<OutgoingDetail>(await get(ctx.app, drafter, `/api/outgoing/${id}`));
    expect(doc.state).toBe('draft');
    expect(doc.versions).toHaveLength(1);
    expect(doc.actions).toEqual(['edit', 'new_version', 'submit']);
    expect(doc.recipients.map((r) => r.name)).toContain('Sở Xây dựng thành phố Hà Nội');
  });

  it('goes through review with one return and a new version', async () => {
    const headId = await userId(ctx.deps.db, 'truongphong.snv');
    doc = await act(ctx.app, drafter, id, 'submit', { steps: [{ reviewerIds: [headId] }] });
    expect(doc.state).toBe('in_review');
    const toReview = json<Record<string, number>>(await get(ctx.app, head, '/api/outgoing/counts'));
    expect(toReview.to_review).toBe(1);
    doc = await act(ctx.app, head, id, 'review', {
      approve: false,
      comment: 'Bổ sung căn cứ Nghị định 30/2020/NĐ-CP',
    });
    expect(doc.state).toBe('returned');
    expect(doc.reviewSteps[0]).toMatchObject({
      state: 'returned',
      comment: expect.stringContaining('30/2020'),
    });
    doc = await act(ctx.app, drafter, id, 'versions', {
      fileIds: [await uploadDecision(ctx.app, drafter)],
      note: 'Đã bổ sung căn cứ',
    });
    expect(doc.versions.map((v) => v.version)).toEqual([2, 1]);
    doc = await act(ctx.app, drafter, id, 'submit', { steps: [{ reviewerIds: [headId] }] });
    doc = await act(ctx.app, head, id, 'review', { approve: true });
    expect(doc.state).toBe('approved');
  });

  it('refuses to number or agency-sign before the personal signature', async () => {
    for (const step of ['number', 'seal']) {
      const res = await post(ctx.app, clerk, `/api/outgoing/${id}/${step}`, {});
      expect(res.statusCode).toBe(409);
      expect(json(res).code).toBe('outgoing.invalid_transition');
    }
  });

  it('is signed by the director from the to-sign list (batch)', async () => {
    const list = json<{ items: { id: string }[] }>(
      await get(ctx.app, director, '/api/outgoing?view=to_sign'),
    );
    expect(list.items.map((i) => i.id)).toEqual([id]);
    const res = await post(ctx.app, director, '/api/outgoing/sign-batch', { ids: [id] });
    expect(json(res)).toEqual({ results: [{ id, ok: true }] });
    doc = json<OutgoingDetail>(await get(ctx.app, director, `/api/outgoing/${id}`));
    expect(doc.state).toBe('signed');
    expect(doc.versions[0]?.kind).toBe('signed');
  });

  it('is numbered, agency-signed and issued by the clerk', async () => {
    doc = await act(ctx.app, clerk, id, 'number');
    expect(doc.reference).toBe('01/QĐ-SNV');
    const again = await post(ctx.app, clerk, `/api/outgoing/${id}/number`, {});
    expect(again.statusCode).toBe(409);
    doc = await act(ctx.app, clerk, id, 'seal');
    expect(doc.state).toBe('sealed');
    doc = await act(ctx.app, clerk, id, 'issue');
    expect(doc.state).toBe('issued');
    const status = Object.fromEntries(doc.recipients.map((r) => [r.agency?.code ?? r.name, r]));
    expect(status[VP]).toMatchObject({ channel: 'internal', status: 'delivered' });
    expect(status[UBND]).toMatchObject({ channel: 'internal', status: 'delivered' });
    expect(status[SXD]).toMatchObject({ channel: 'hub', status: 'queued' });
    expect(status['Lưu: VT, TCBC']).toMatchObject({ channel: 'paper' });
    const queued = await queryRows<{ to_agency_code: string; business_type: string }>(
      ctx.deps.db,
      sql`select to_agency_code, business_type from hub_outbox where outgoing_id = ${id}`,
    );
    expect(queued).toEqual([{ to_agency_code: SXD, business_type: 'new' }]);
  });

  it('reaches the recipients\u2019 "to register" lists, linking back, with valid signatures', async () => {
    await runJobs(ctx);
    const vpClerk = await loginAs(ctx.app, 'vanthu.vp');
    const list = json<{ items: { id: string; reference: string }[] }>(
      await get(ctx.app, vpClerk, '/api/incoming?view=to_register'),
    );
    const copy = list.items.find((i) => i.reference === '01/QĐ-SNV');
    expect(copy).toBeDefined();
    const [link] = await queryRows<{ source_ref: string; source: string }>(
      ctx.deps.db,
      sql`select source_ref, source from incoming_documents where id = ${copy!.id}`,
    );
    expect(link).toEqual({ source_ref: id, source: 'internal' });
    const detail = json<IncomingDetail & { files: { signatures: { status: string } }[] }>(
      await get(ctx.app, vpClerk, `/api/incoming/${copy!.id}`),
    );
    expect(detail.files[0]?.signatures.status).toBe('valid');
    // The sender sees the recipient's progress.
    await post(ctx.app, vpClerk, `/api/incoming/${copy!.id}/register`, {});
    doc = json<OutgoingDetail>(await get(ctx.app, clerk, `/api/outgoing/${id}`));
    expect(doc.recipients.find((r) => r.agency?.code === VP)?.status).toBe('registered');
    expect(doc.signatures).toHaveLength(2);
    expect(doc.signatures.every((s) => s.intact && s.trusted)).toBe(true);
  });

  it.skipIf(skipPdfTools)(
    'pdfsig reports two valid signatures; a flipped byte is caught',
    async () => {
      const main = doc.versions[0]!.files.find((f) => f.role === 'main')!;
      const res = await get(ctx.app, clerk, `/api/files/${main.id}/content`);
      const pdf = res.rawPayload;
      const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'vanban-issued-'));
      const [anchor] = await queryRows<{ certificate_pem: string }>(
        ctx.deps.db,
        sql`select certificate_pem from trust_anchors where demo`,
      );
      const nss = makeTrustStore(dir, anchor!.certificate_pem);
      const file = path.join(dir, 'issued.pdf');
      fs.writeFileSync(file, pdf);
      const report = pdfsig(file, nss);
      expect(report).toHaveLength(2);
      expect(report.map((s) => s.signatureValidation)).toEqual([
        'Signature is Valid.',
        'Signature is Valid.',
      ]);
      // Flip one byte inside the first signed range.
      const tampered = Buffer.from(pdf);
      // One bit inside the first content stream: the structure still parses, the hash does not.
      const at = tampered.indexOf('stream') + 40;
      tampered[at] = tampered[at]! ^ 0x01;
      const bad = path.join(dir, 'tampered.pdf');
      fs.writeFileSync(bad, tampered);
      expect(pdfsig(bad, nss).some((s) => s.signatureValidation !== 'Signature is Valid.')).toBe(
        true,
      );
      const ours = await verifyPdfSignatures(tampered);
      expect(ours.some((s) => !s.intact)).toBe(true);
      fs.rmSync(dir, { recursive: true, force: true });
    },
  );
});
