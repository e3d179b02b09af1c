import type { IncomingDetail } from '@vanban/contracts';
import { expect } from 'vitest';
import { approvedDraft, issueApproved } from '../../../../test/outgoing-fixtures.js';
import { post, registerBody, userId } from '../../../../test/incoming-fixtures.js';
import { json, loginAs, type Session, type TestContext } from '../../../../test/test-app.js';
import { DEMO_PASSWORD } from '../../../seed/demo-city.data.js';
import { newId } from '../../../platform/db/ids.js';
import { hashPassword, insertRole } from '../../identity/index.js';
import { users } from '../../identity/identity.tables.js';
import { receiveDocument } from '../../incoming/index.js';
import { findVersionByCode } from '../../organizations/index.js';

/**
 * The seeded city of the dashboard tests: documents, tasks and work records with known dates,
 * created through the modules' own HTTP APIs with a controlled clock, so that every figure of
 * the dashboards can be computed by hand (see the expected values in the tests).
 */

export const CODES = {
  city: '000.00.00.H26',
  snv: '000.00.02.H26',
  ward51: '000.00.51.H26',
  ward53: '000.00.53.H26',
  district80: '000.00.80.H26',
} as const;

export interface Staff {
  agencyId: string;
  clerk: Session;
  clerkId: string;
  leader: Session;
  leaderId: string;
  handler: Session;
  handlerId: string;
}

async function agencyId(ctx: TestContext, code: string): Promise<string> {
  const version = await findVersionByCode(ctx.deps.db, code, '2025-06-30');
  const current = version ?? (await findVersionByCode(ctx.deps.db, code, null));
  if (!current) throw new Error(`no agency ${code}`);
  return current.agencyId;
}

/** A user with one role, for agencies the demo city has no staff in. */
async function addUser(
  ctx: TestContext,
  username: string,
  agency: string,
  role: 'clerk' | 'leader' | 'specialist',
) {
  const id = newId();
  const now = ctx.clock.now();
  await ctx.deps.db.insert(users).values({
    id,
    username,
    fullName: username,
    email: `${username}@demo.vanban.vn`,
    agencyId: agency,
    passwordHash: await hashPassword(DEMO_PASSWORD),
    createdAt: now,
    updatedAt: now,
  });
  await insertRole(ctx.deps.db, { id: newId(), userId: id, role, agencyId: agency, unitId: null });
}

async function staff(
  ctx: TestContext,
  code: string,
  names: [string, string, string],
): Promise<Staff> {
  const [clerk, leader, handler] = names;
  return {
    agencyId: await agencyId(ctx, code),
    clerk: await loginAs(ctx.app, clerk),
    clerkId: await userId(ctx.deps.db, clerk),
    leader: await loginAs(ctx.app, leader),
    leaderId: await userId(ctx.deps.db, leader),
    handler: await loginAs(ctx.app, handler),
    handlerId: await userId(ctx.deps.db, handler),
  };
}

function ok(res: { statusCode: number; body: string }, status = 200) {
  expect(res.statusCode, res.body).toBe(status);
}

interface DocPlan {
  /** Registration instant (ISO, UTC). */
  at: string;
  due?: string;
  /** Completion instant; left open without it. */
  complete?: string;
  secrecy?: 'normal' | 'confidential';
  /** Delivered through the exchange hub (counts towards "processed online") instead of paper. */
  hub?: boolean;
  /** Returned to the sender right after registration. */
  returned?: boolean;
}

/** An incoming document registered, presented, directed to the handler and maybe completed. */
export async function document(ctx: TestContext, s: Staff, plan: DocPlan): Promise<string> {
  ctx.clock.set(new Date(plan.at));
  const due = plan.due ? { due: { date: plan.due } } : {};
  let id: string;
  if (plan.hub) {
    id = await ctx.deps.db.transaction((tx) =>
      receiveDocument(
        tx,
        {
          agencyId: s.agencyId,
          source: 'hub',
          sourceRef: newId(),
          metadata: {
            senderName: 'Bộ Nội vụ',
            reference: `${Math.floor(Math.random() * 9000) + 100}/BNV-CCVC`,
            issueDate: plan.at.slice(0, 10),
            docType: 'official_letter',
            subject: 'Về việc báo cáo công tác cải cách hành chính',
          },
          fileIds: [],
          uploadedBy: s.clerkId,
        },
        ctx.clock.now(),
      ),
    );
    ok(await post(ctx.app, s.clerk, `/api/incoming/${id}/register`, due));
  } else {
    const res = await post(
      ctx.app,
      s.clerk,
      '/api/incoming',
      registerBody({ issueDate: plan.at.slice(0, 10), secrecy: plan.secrecy ?? 'normal', ...due }),
    );
    ok(res, 201);
    id = json<IncomingDetail>(res).id;
  }
  if (plan.returned) {
    ok(
      await post(ctx.app, s.clerk, `/api/incoming/${id}/return-to-sender`, {
        reason: 'Gửi nhầm cơ quan.',
      }),
    );
    return id;
  }
  ok(await post(ctx.app, s.clerk, `/api/incoming/${id}/submit`, { userId: s.leaderId }));
  const directed = await post(ctx.app, s.leader, `/api/incoming/${id}/direct`, {
    direction: 'Giao chuyên viên xử lý.',
    lead: { userId: s.handlerId },
  });
  ok(directed);
  const detail = json<IncomingDetail>(directed);
  expect(detail.dueDate).toBe(plan.due ?? null);
  if (plan.complete) {
    const lead = detail.assignments.find((a) => a.active && a.role === 'lead')!;
    ctx.clock.set(new Date(plan.complete));
    ok(
      await post(ctx.app, s.handler, `/api/incoming/${id}/assignments/${lead.id}/complete`, {
        result: 'Đã xử lý xong.',
      }),
    );
  }
  return id;
}

/** A work record opened ad hoc, given its documents and closed at `closeAt` (Art. 29). */
export async function closedRecord(
  ctx: TestContext,
  s: Staff,
  plan: { notation: string; documents: string[]; openAt: string; closeAt?: string },
): Promise<string> {
  ctx.clock.set(new Date(plan.openAt));
  const opened = await post(ctx.app, s.clerk, '/api/records', {
    title: `Hồ sơ ${plan.notation}`,
    notation: plan.notation,
    retention: 10,
    startDate: plan.openAt.slice(0, 10),
  });
  ok(opened, 201);
  const { id } = json<{ id: string }>(opened);
  for (const documentId of plan.documents)
    ok(
      await post(ctx.app, s.clerk, `/api/records/${id}/items`, { kind: 'incoming', documentId }),
      201,
    );
  if (plan.closeAt) {
    ctx.clock.set(new Date(plan.closeAt));
    ok(
      await post(ctx.app, s.clerk, `/api/records/${id}/close`, {
        endDate: plan.closeAt.slice(0, 10),
      }),
    );
  }
  return id;
}

/** A task given by `issuer` to an agency as a whole, started, completed or cancelled on the way. */
export async function task(
  ctx: TestContext,
  issuer: Session,
  owner: Staff,
  plan: { at: string; due: string; start?: string; complete?: string; cancel?: string },
): Promise<string> {
  ctx.clock.set(new Date(plan.at));
  const created = await post(ctx.app, issuer, '/api/tasks', {
    title: 'Triển khai kế hoạch chuyển đổi số năm 2026',
    owner: { agencyId: owner.agencyId },
    startDate: plan.at.slice(0, 10),
    due: { date: plan.due },
  });
  ok(created, 201);
  const { id } = json<{ id: string }>(created);
  if (plan.start) {
    ctx.clock.set(new Date(plan.start));
    ok(await post(ctx.app, owner.leader, `/api/tasks/${id}/start`, {}));
  }
  if (plan.complete) {
    ctx.clock.set(new Date(plan.complete));
    ok(
      await post(ctx.app, owner.leader, `/api/tasks/${id}/complete`, { result: 'Đã hoàn thành.' }),
    );
  }
  if (plan.cancel) {
    ctx.clock.set(new Date(plan.cancel));
    ok(await post(ctx.app, issuer, `/api/tasks/${id}/cancel`, { reason: 'Không còn phù hợp.' }));
  }
  return id;
}

export interface SeededCity {
  snv: Staff;
  ward51: Staff;
  ward53: Staff;
  district80: Staff;
  cityLeader: Session;
  docs: Record<string, string>;
}

/**
 * The seeded data; expected figures are in dashboards.summary.e2e.test.ts. Times are UTC
 * (Vietnam is UTC+7: 02:00Z is 09:00 in Hà Nội).
 */
export async function seedDashboardCity(ctx: TestContext): Promise<SeededCity> {
  const district = await agencyId(ctx, CODES.district80);
  await addUser(ctx, 'vanthu.qbd', district, 'clerk');
  await addUser(ctx, 'chutich.qbd', district, 'leader');
  await addUser(ctx, 'chuyenvien.qbd', district, 'specialist');
  await addUser(ctx, 'chuyenvien.pbd', await agencyId(ctx, CODES.ward53), 'specialist');
  const snv = await staff(ctx, CODES.snv, ['vanthu.snv', 'giamdoc.snv', 'chuyenvien.snv']);
  const ward51 = await staff(ctx, CODES.ward51, ['vanthu.phk', 'chutich.phk', 'chuyenvien.phk']);
  const ward53 = await staff(ctx, CODES.ward53, ['vanthu.pbd', 'chutich.pbd', 'chuyenvien.pbd']);
  const district80 = await staff(ctx, CODES.district80, [
    'vanthu.qbd',
    'chutich.qbd',
    'chuyenvien.qbd',
  ]);
  const cityLeader = await loginAs(ctx.app, 'lanhdao.ubnd');
  const z = (day: string, hour = '02') => `${day}T${hour}:00:00Z`;

  // Incoming documents: [name, agency, plan]. Paper unless `hub`.
  const documents: [string, Staff, DocPlan][] = [
    // The district of Ba Đình, first half of 2025 (closed on 1 July 2025).
    ['D1', district80, { at: z('2025-03-03'), due: '2025-03-14', complete: z('2025-03-12') }],
    ['HD', district80, { at: z('2025-04-01'), hub: true, complete: z('2025-04-02') }],
    ['D2', district80, { at: z('2025-05-05'), due: '2025-05-09' }],
    // The Department of Home Affairs (Sở Nội vụ).
    ['S5', snv, { at: z('2025-12-22'), due: '2026-01-09', complete: z('2026-01-08', '03') }],
    ['S1', snv, { at: z('2026-01-05'), due: '2026-01-20', complete: z('2026-01-15', '04') }],
    ['S2', snv, { at: z('2026-01-05', '03'), due: '2026-01-09', complete: z('2026-02-03') }],
    ['H2', snv, { at: z('2026-01-13'), hub: true, complete: z('2026-01-14') }],
    ['S7', snv, { at: z('2026-01-20'), complete: z('2026-01-21') }],
    ['S8', snv, { at: z('2026-02-02'), returned: true }],
    ['S3', snv, { at: z('2026-02-10'), due: '2026-02-24' }],
    ['S6', snv, { at: z('2026-02-11'), due: '2026-02-13', secrecy: 'confidential' }],
    ['S4', snv, { at: z('2026-02-25'), due: '2026-03-05' }],
    // The ward of Hoàn Kiếm. W4 is completed at 00:30 on 31/1 in Hà Nội (30/1 in UTC): late.
    ['W1', ward51, { at: z('2026-01-06'), due: '2026-01-16', complete: z('2026-01-16', '08') }],
    ['H1', ward51, { at: z('2026-01-08'), hub: true, complete: z('2026-01-09') }],
    ['W4', ward51, { at: z('2026-01-26'), due: '2026-01-30', complete: '2026-01-30T17:30:00Z' }],
    ['W2', ward51, { at: z('2026-02-23'), due: '2026-02-27' }],
    // The ward of Ba Đình.
    ['W3', ward53, { at: z('2026-01-07'), due: '2026-01-09', complete: z('2026-01-12') }],
  ];
  const docs: Record<string, string> = {};
  for (const [name, owner, plan] of documents) docs[name] = await document(ctx, owner, plan);

  // Work records: [agency, notation, documents, opened, closed (open when absent)].
  const records: [Staff, string, string[], string, string?][] = [
    [district80, '01.VP', [docs.HD!], z('2025-04-03'), z('2025-06-10')],
    [district80, '02.VP', [docs.D1!], z('2025-04-03'), z('2025-06-10', '03')],
    [snv, '01.TCCB', [docs.H2!], z('2026-01-15'), z('2026-02-09')],
    [snv, '02.TCCB', [docs.S1!], z('2026-01-16'), z('2026-02-09', '03')],
    [ward51, '01.VP', [docs.H1!], z('2026-01-12'), z('2026-02-10')],
    [ward51, '02.VP', [docs.H1!], z('2026-01-12'), z('2026-02-11')],
    [ward51, '03.VP', [docs.W1!], z('2026-01-19'), z('2026-02-12')],
    [ward53, '01.VP', [docs.W3!], z('2026-01-13'), z('2026-02-13')],
    [ward53, '02.VP', [docs.W3!], z('2026-01-13')],
  ];
  for (const [owner, notation, items, openAt, closeAt] of records)
    await closedRecord(ctx, owner, { notation, documents: items, openAt, closeAt });

  // Tasks given by the city to an agency as a whole.
  const tasks: [Staff, Parameters<typeof task>[3]][] = [
    [snv, { at: z('2025-11-03'), due: '2025-12-19', complete: z('2025-12-15') }],
    [snv, { at: z('2026-01-12'), due: '2026-02-13' }],
    [snv, { at: z('2026-02-02'), due: '2026-03-10', start: z('2026-02-03') }],
    [snv, { at: z('2026-01-12'), due: '2026-02-27', cancel: z('2026-01-20') }],
    [ward51, { at: z('2026-01-12'), due: '2026-01-30', complete: z('2026-01-29') }],
    [ward51, { at: z('2026-01-12'), due: '2026-01-30', complete: z('2026-02-04') }],
  ];
  for (const [owner, plan] of tasks) await task(ctx, cityLeader, owner, plan);

  // One outgoing document issued by the department (to the City Office, which has not
  // registered it); today, as the demo certificates are valid from yesterday.
  ctx.clock.set(new Date(z('2026-03-02', '03')));
  const draft = await approvedDraft(ctx, snv.handler);
  await issueApproved(ctx.app, { director: snv.leader, clerk: snv.clerk }, draft);

  // Today: Monday 2 March 2026, 16:00 in Hà Nội.
  ctx.clock.set(new Date('2026-03-02T09:00:00Z'));
  return { snv, ward51, ward53, district80, cityLeader, docs };
}
