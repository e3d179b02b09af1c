import type { OutgoingDetail } from '@vanban/contracts';
import type { FastifyInstance } from 'fastify';
import { expect } from 'vitest';
import { buildJobHandlers } from '../src/app/jobs.js';
import { drainJobs } from '../src/platform/jobs/jobs.worker.js';
import { makeDecisionPdf } from '../src/platform/signing/testing/documents.js';
import { post, uploadFile, userId } from './incoming-fixtures.js';
import { json, type Session, type TestContext } from './test-app.js';

/** Uploads a Decree 30-style decision PDF (with "Số:" left blank) and returns the file id. */
export async function uploadDecision(app: FastifyInstance, session: Session): Promise<string> {
  const { pdf } = await makeDecisionPdf();
  const res = await uploadFile(app, session, 'Dự thảo quyết định.pdf', pdf, 'application/pdf');
  expect(res.statusCode, res.body).toBe(201);
  return json<{ id: string }>(res).id;
}

/** POST an action and expect the updated document back. */
export async function act(
  app: FastifyInstance,
  session: Session,
  id: string,
  action: string,
  body: unknown = {},
): Promise<OutgoingDetail> {
  const res = await post(app, session, `/api/outgoing/${id}/${action}`, body);
  expect(res.statusCode, `${action}: ${res.body}`).toBe(200);
  return json<OutgoingDetail>(res);
}

export function runJobs(ctx: TestContext) {
  return drainJobs({ db: ctx.deps.db, clock: ctx.clock, handlers: buildJobHandlers(ctx.deps) });
}

/** A draft of chuyenvien.snv submitted without review steps: it waits for the director's signature. */
export async function approvedDraft(
  ctx: TestContext,
  drafter: Session,
  overrides: Record<string, unknown> = {},
): Promise<string> {
  const res = await post(ctx.app, drafter, '/api/outgoing', {
    docType: 'official_letter',
    subject: 'Về việc báo cáo tình hình thực hiện nhiệm vụ năm 2026',
    signerId: await userId(ctx.deps.db, 'giamdoc.snv'),
    recipients: [{ agencyCode: '000.00.01.H26' }],
    fileIds: [await uploadDecision(ctx.app, drafter)],
    ...overrides,
  });
  expect(res.statusCode, res.body).toBe(201);
  const { id } = json<{ id: string }>(res);
  await act(ctx.app, drafter, id, 'submit', { steps: [] });
  return id;
}

/** Signs, numbers, agency-signs and issues an approved draft. */
export async function issueApproved(
  app: FastifyInstance,
  sessions: { director: Session; clerk: Session },
  id: string,
): Promise<OutgoingDetail> {
  await act(app, sessions.director, id, 'sign');
  await act(app, sessions.clerk, id, 'number');
  await act(app, sessions.clerk, id, 'seal');
  return act(app, sessions.clerk, id, 'issue');
}
