import type { OutgoingDetail } from '@vanban/contracts';
import { sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { backendsUnderTest } from '../../../../test/database.js';
import { makeDocx } from '../../../../test/fixtures/files.js';
import { get, post, uploadFile, userId } from '../../../../test/incoming-fixtures.js';
import { act, approvedDraft } from '../../../../test/outgoing-fixtures.js';
import { json, loginAs, useTestApp, type Session } from '../../../../test/test-app.js';
import { queryRows } from '../../../platform/db/database.js';

describe.each(backendsUnderTest())('outgoing rules and bad input on %s', (driver) => {
  const ctx = useTestApp(driver, { pki: true });
  let drafter: Session;
  let director: Session;
  let clerk: Session;
  const hubRows = async () =>
    (
      await queryRows<{ n: number }>(ctx.deps.db, sql`select count(*)::int as n from hub_outbox`)
    )[0]!.n;

  beforeAll(async () => {
    drafter = await loginAs(ctx.app, 'chuyenvien.snv');
    director = await loginAs(ctx.app, 'giamdoc.snv');
    clerk = await loginAs(ctx.app, 'vanthu.snv');
  });

  it('refuses to sign a draft that is not approved, or by someone else', async () => {
    const res = await post(ctx.app, drafter, '/api/outgoing', {
      docType: 'official_letter',
      subject: 'Dự thảo chưa trình',
      signerId: await userId(ctx.deps.db, 'giamdoc.snv'),
      recipients: [{ name: 'Lưu: VT' }],
    });
    const { id } = json<{ id: string }>(res);
    const notApproved = await post(ctx.app, director, `/api/outgoing/${id}/sign`, {});
    expect(notApproved.statusCode).toBe(409);
    expect(json(notApproved).code).toBe('outgoing.invalid_transition');
    const approved = await approvedDraft(ctx, drafter);
    const wrong = await post(ctx.app, clerk, `/api/outgoing/${approved}/sign`, {});
    expect(json(wrong).code).toBe('outgoing.forbidden');
  });

  it('refuses an expired certificate and keeps nothing half-written', async () => {
    const id = await approvedDraft(ctx, drafter);
    await ctx.deps.db.execute(sql`update certificates set valid_to = '2026-01-01T00:00:00Z'
      where user_id = (select id from users where username = 'giamdoc.snv') and active`);
    const res = await post(ctx.app, director, `/api/outgoing/${id}/sign`, {});
    expect(res.statusCode).toBe(422);
    expect(json(res).code).toBe('signing.certificate_expired');
    const doc = json<OutgoingDetail>(await get(ctx.app, director, `/api/outgoing/${id}`));
    expect(doc.state).toBe('approved');
    expect(doc.versions).toHaveLength(1);
    await ctx.deps.db.execute(sql`update certificates set valid_to = '2029-01-01T00:00:00Z'
      where user_id = (select id from users where username = 'giamdoc.snv') and active`);
  });

  it('numbers in parallel: unique and consecutive per register, secret in their own series', async () => {
    const normal = await Promise.all([1, 2, 3, 4, 5, 6].map(() => approvedDraft(ctx, drafter)));
    const secret = await Promise.all(
      [1, 2].map(() => approvedDraft(ctx, drafter, { secrecy: 'confidential' })),
    );
    const signed = await post(ctx.app, director, '/api/outgoing/sign-batch', {
      ids: [...normal, ...secret],
    });
    expect(json<{ results: { ok: boolean }[] }>(signed).results.every((r) => r.ok)).toBe(true);
    const numbered = await Promise.all(
      [...normal, ...secret].map((id) => act(ctx.app, clerk, id, 'number')),
    );
    const numbers = (docs: OutgoingDetail[]) => docs.map((d) => d.number!).sort((a, b) => a - b);
    const first = Math.min(...numbers(numbered.slice(0, 6)));
    expect(numbers(numbered.slice(0, 6))).toEqual([0, 1, 2, 3, 4, 5].map((i) => first + i));
    expect(numbers(numbered.slice(6))).toEqual([1, 2]);
    expect(numbered[6]!.registerName).toBe('Sổ đăng ký văn bản đi mật năm 2026');
    expect(numbered[0]!.reference).toMatch(/^\d{2}\/SNV-TCBC$/);
  });

  it('never queues a secret document for the hub', async () => {
    const id = await approvedDraft(ctx, drafter, {
      secrecy: 'secret',
      recipients: [{ agencyCode: '000.00.04.H26' }, { agencyCode: '000.00.01.H26' }],
    });
    await act(ctx.app, director, id, 'sign');
    await act(ctx.app, clerk, id, 'number');
    await act(ctx.app, clerk, id, 'seal');
    const before = await hubRows();
    const res = await post(ctx.app, clerk, `/api/outgoing/${id}/issue`, {});
    expect(res.statusCode).toBe(422);
    expect(json(res).code).toBe('outgoing.secret_not_networked');
    expect(await hubRows()).toBe(before);
    const doc = json<OutgoingDetail>(await get(ctx.app, clerk, `/api/outgoing/${id}`));
    expect(doc.state).toBe('sealed');
    const incoming = await queryRows<{ n: number }>(
      ctx.deps.db,
      sql`select count(*)::int as n from incoming_documents where source_ref = ${id}`,
    );
    expect(incoming[0]!.n).toBe(0);
  });

  it('refuses a main file that is not a PDF at submission', async () => {
    const up = await uploadFile(
      ctx.app,
      drafter,
      'Dự thảo.docx',
      makeDocx(['Dự thảo công văn']),
      'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    );
    const res = await post(ctx.app, drafter, '/api/outgoing', {
      docType: 'official_letter',
      subject: 'Dự thảo bằng Word',
      signerId: await userId(ctx.deps.db, 'giamdoc.snv'),
      fileIds: [json<{ id: string }>(up).id],
    });
    const { id } = json<{ id: string }>(res);
    const submit = await post(ctx.app, drafter, `/api/outgoing/${id}/submit`, { steps: [] });
    expect(submit.statusCode).toBe(422);
    expect(json(submit).code).toBe('outgoing.main_file_not_pdf');
  });

  it('rejects unknown recipients and signers with field errors', async () => {
    const res = await post(ctx.app, drafter, '/api/outgoing', {
      docType: 'decision',
      subject: 'Sai nơi nhận',
      signerId: await userId(ctx.deps.db, 'vanthu.snv'),
      recipients: [{ agencyCode: '999.99.99.H99' }],
    });
    expect(res.statusCode).toBe(422);
    expect(json(res).code).toBe('outgoing.signer_invalid');
  });
});
