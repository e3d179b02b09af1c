import type { IncomingDetail, RecordDetail } from '@vanban/contracts';
import { expect } from 'vitest';
import { makePdf } from '../../../../test/fixtures/files.js';
import { get, post, registerBody, uploadFile, userId } from '../../../../test/incoming-fixtures.js';
import { approvedDraft, issueApproved } from '../../../../test/outgoing-fixtures.js';
import { json, type Session, type TestContext } from '../../../../test/test-app.js';

export const SNV = '000.00.02.H26';

/** A paper document registered by the clerk with a PDF of `pages` pages (source `paper`). */
export async function registerPaper(
  ctx: TestContext,
  clerk: Session,
  overrides: Record<string, unknown> = {},
  pages = 2,
): Promise<IncomingDetail> {
  const pdf = await makePdf(Array.from({ length: pages }, (_, i) => `Văn bản giấy trang ${i + 1}`));
  const up = await uploadFile(ctx.app, clerk, 'Công văn.pdf', pdf, 'application/pdf');
  expect(up.statusCode, up.body).toBe(201);
  const res = await post(
    ctx.app,
    clerk,
    '/api/incoming',
    registerBody({ fileIds: [json<{ id: string }>(up).id], ...overrides }),
  );
  expect(res.statusCode, res.body).toBe(201);
  return json<IncomingDetail>(res);
}

/** The clerk presents it to the director, who gives it to `handler` as lead. */
export async function directTo(
  ctx: TestContext,
  s: { clerk: Session; director: Session },
  id: string,
  handler: string,
): Promise<IncomingDetail> {
  const db = ctx.deps.db;
  const submitted = await post(ctx.app, s.clerk, `/api/incoming/${id}/submit`, {
    userId: await userId(db, 'giamdoc.snv'),
  });
  expect(submitted.statusCode, submitted.body).toBe(200);
  const directed = await post(ctx.app, s.director, `/api/incoming/${id}/direct`, {
    direction: 'Giao đồng chí chủ trì giải quyết, báo cáo kết quả.',
    lead: { userId: await userId(db, handler) },
  });
  expect(directed.statusCode, directed.body).toBe(200);
  return json<IncomingDetail>(directed);
}

/** The lead completes the document (Art. 24). */
export async function complete(
  ctx: TestContext,
  handler: Session,
  doc: IncomingDetail,
): Promise<IncomingDetail> {
  const lead = doc.assignments.find((a) => a.active && a.role === 'lead');
  if (!lead) throw new Error('no lead assignment');
  const res = await post(
    ctx.app,
    handler,
    `/api/incoming/${doc.id}/assignments/${lead.id}/complete`,
    { result: 'Đã giải quyết xong, lưu hồ sơ.' },
  );
  expect(res.statusCode, res.body).toBe(200);
  const done = json<IncomingDetail>(res);
  expect(done.state).toBe('completed');
  return done;
}

/**
 * The city office (VP) issues a signed decision to the Department of Home Affairs: its internal
 * copy (source `internal`) waits in the department clerk's "to register" list; the clerk registers
 * it. Returns the department's incoming document.
 */
export async function receiveFromOffice(
  ctx: TestContext,
  s: { vpDrafter: Session; vpSigner: Session; vpClerk: Session; clerk: Session },
  subject: string,
): Promise<IncomingDetail> {
  const id = await approvedDraft(ctx, s.vpDrafter, {
    subject,
    signerId: await userId(ctx.deps.db, 'chanhvanphong.vp'),
    recipients: [{ agencyCode: SNV }],
  });
  const issued = await issueApproved(ctx.app, { director: s.vpSigner, clerk: s.vpClerk }, id);
  const copyId = issued.recipients.find((r) => r.agency?.code === SNV)?.incomingDocumentId;
  expect(copyId).toBeTruthy();
  const res = await post(ctx.app, s.clerk, `/api/incoming/${copyId}/register`, {});
  expect(res.statusCode, res.body).toBe(200);
  const doc = json<IncomingDetail>(res);
  expect(doc).toMatchObject({ state: 'registered', source: 'internal' });
  return doc;
}

/** A department document drafted by chuyenvien.snv, signed, numbered, sealed and issued. */
export async function issueFromDepartment(
  ctx: TestContext,
  s: { drafter: Session; director: Session; clerk: Session },
  subject: string,
) {
  const id = await approvedDraft(ctx, s.drafter, { subject });
  return issueApproved(ctx.app, { director: s.director, clerk: s.clerk }, id);
}

export async function openRecord(
  ctx: TestContext,
  session: Session,
  body: Record<string, unknown>,
): Promise<RecordDetail> {
  const res = await post(ctx.app, session, '/api/records', body);
  expect(res.statusCode, res.body).toBe(201);
  return json<RecordDetail>(res);
}

export async function addItem(
  ctx: TestContext,
  session: Session,
  recordId: string,
  kind: 'incoming' | 'outgoing',
  documentId: string,
): Promise<RecordDetail> {
  const res = await post(ctx.app, session, `/api/records/${recordId}/items`, { kind, documentId });
  expect(res.statusCode, res.body).toBe(201);
  return json<RecordDetail>(res);
}

export async function getRecord(ctx: TestContext, session: Session, id: string) {
  return get(ctx.app, session, `/api/records/${id}`);
}
