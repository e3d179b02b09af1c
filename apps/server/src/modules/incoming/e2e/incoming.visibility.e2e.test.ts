import { incomingViewValues, type IncomingDetail, type IncomingView } from '@vanban/contracts';
import { sql, type SQL } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { backendsUnderTest } from '../../../../test/database.js';
import { get, post, registerBody, unitId, userId } from '../../../../test/incoming-fixtures.js';
import { json, loginAs, useTestApp, type Session } from '../../../../test/test-app.js';
import { queryRows } from '../../../platform/db/database.js';
import { vietnamDate } from '../../../platform/clock/clock.js';
import { authenticate } from '../../identity/index.js';
import { actorScope, type ActorScope } from '../incoming.models.js';
import { viewPredicate } from '../incoming.queries.js';
import { visibleTo } from '../incoming.visibility.js';

const SNV = '000.00.02.H26';

/** The orders of the list API, as the one-predicate reference query writes them. */
const orders: Record<string, SQL> = {
  urgency: sql`d.urgency_rank desc, d.received_at desc, d.id desc`,
  newest: sql`d.received_at desc, d.id desc`,
  oldest: sql`d.received_at asc, d.id asc`,
  due: sql`coalesce(d.due_date, '9999-12-31'::date) asc, d.id asc`,
};

const users = [
  'vanthu.snv',
  'giamdoc.snv',
  'phogiamdoc.snv',
  'truongphong.snv',
  'chuyenvien.snv',
  'chuyenvien.ccvc.snv',
  'vanthu.stc',
];

/**
 * Lists, counts and search read visibility as two branches (agency-wide, participant) merged in
 * SQL; the one-predicate form `visibleTo` stays the definition. Every page, count and search
 * result must be what that predicate gives — for actors who see documents through one branch,
 * the other, or both (a clerk's own registrations are in both; the confidential ones only in the
 * participant branch), paging across the branches with the cursor.
 */
describe.each(backendsUnderTest())('visibility branches on %s', (driver) => {
  const ctx = useTestApp(driver);
  const sessions: Record<string, Session> = {};
  const scopes: Record<string, ActorScope> = {};

  beforeAll(async () => {
    const db = ctx.database.db;
    for (const u of users) {
      const session = await loginAs(ctx.app, u);
      sessions[u] = session;
      const token = session.cookie.slice('vanban_session='.length);
      scopes[u] = actorScope(await authenticate(ctx.deps, { sessionToken: token }));
    }
    const clerk = sessions['vanthu.snv']!;
    const leader = sessions['giamdoc.snv']!;
    const tcbc = await unitId(db, SNV, 'TCBC');
    const ccvc = await unitId(db, SNV, 'CCVC');
    const specialist = await userId(db, 'chuyenvien.snv');
    const specialistCcvc = await userId(db, 'chuyenvien.ccvc.snv');
    const deputy = await userId(db, 'phogiamdoc.snv');
    const plans = [
      { secrecy: 'normal', urgency: 'normal', lead: { unitId: tcbc }, co: [{ unitId: ccvc }] },
      { secrecy: 'secret', urgency: 'urgent', lead: { unitId: tcbc, userId: specialist } },
      { secrecy: 'normal', urgency: 'flash', lead: { userId: specialist }, info: [deputy] },
      { secrecy: 'confidential', urgency: 'normal', lead: { unitId: tcbc }, info: [deputy] },
      { secrecy: 'normal', urgency: 'top_urgent', lead: null },
      { secrecy: 'secret', urgency: 'normal', lead: null },
      { secrecy: 'normal', urgency: 'urgent', lead: { unitId: ccvc }, due: 1 },
      { secrecy: 'top_secret', urgency: 'flash', lead: { unitId: ccvc, userId: specialistCcvc } },
      { secrecy: 'normal', urgency: 'normal', lead: null, notSubmitted: true },
    ] as const;
    for (const [i, p] of plans.entries()) {
      ctx.clock.advance(60_000);
      const res = await post(
        ctx.app,
        clerk,
        '/api/incoming',
        registerBody({
          subject: `Về việc phối hợp kiểm tra liên ngành đợt ${i + 1}`,
          secrecy: p.secrecy,
          urgency: p.urgency,
          ...('due' in p ? { due: { workingDays: p.due } } : {}),
          ...('notSubmitted' in p ? {} : { submitTo: { userId: await userId(db, 'giamdoc.snv') } }),
        }),
      );
      expect(res.statusCode, res.body).toBe(201);
      const id = json<IncomingDetail>(res).id;
      if (!p.lead) continue;
      const directed = await post(ctx.app, leader, `/api/incoming/${id}/direct`, {
        direction: 'Giao xử lý.',
        lead: p.lead,
        coHandlers: 'co' in p ? p.co : [],
        forInformation: 'info' in p ? p.info.map((u) => ({ userId: u })) : [],
      });
      expect(directed.statusCode, directed.body).toBe(200);
    }
    // Another agency's document: only its own clerk and leaders see it.
    const stc = sessions['vanthu.stc']!;
    ctx.clock.advance(60_000);
    const other = await post(ctx.app, stc, '/api/incoming', registerBody({}));
    expect(other.statusCode, other.body).toBe(201);
  });

  async function reference(scope: ActorScope, where: SQL, order: SQL) {
    const rows = await queryRows<{ id: string }>(
      ctx.database.db,
      sql`select d.id from incoming_documents d where ${visibleTo(scope)} and ${where}
          order by ${order}`,
    );
    return rows.map((r) => r.id);
  }

  async function paged(session: Session, view: IncomingView, sort: string) {
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const page: { items: { id: string }[]; nextCursor: string | null } = json(
        await get(
          ctx.app,
          session,
          `/api/incoming?view=${view}&sort=${sort}&limit=2${cursor ? `&cursor=${cursor}` : ''}`,
        ),
      );
      expect(page.items.length).toBeLessThanOrEqual(2);
      seen.push(...page.items.map((i) => i.id));
      cursor = page.nextCursor;
    } while (cursor);
    return seen;
  }

  it.each(users)('lists every view page by page as the one predicate does, for %s', async (u) => {
    const today = vietnamDate(ctx.clock.now());
    const scope = scopes[u]!;
    const runs: [IncomingView, string][] = [
      ...incomingViewValues.map((v) => [v, 'urgency'] as [IncomingView, string]),
      ['all', 'newest'],
      ['all', 'oldest'],
      ['all', 'due'],
    ];
    for (const [view, sort] of runs) {
      const expected = await reference(scope, viewPredicate(view, scope, today), orders[sort]!);
      expect(await paged(sessions[u]!, view, sort), `${u} ${view} ${sort}`).toEqual(expected);
    }
  });

  it.each(users)('counts every view once per document, for %s', async (u) => {
    const today = vietnamDate(ctx.clock.now());
    const scope = scopes[u]!;
    const counts = json<Record<IncomingView, number>>(
      await get(ctx.app, sessions[u]!, '/api/incoming/counts'),
    );
    const expected = Object.fromEntries(
      await Promise.all(
        incomingViewValues.map(async (view) => [
          view,
          (await reference(scope, viewPredicate(view, scope, today), orders.urgency!)).length,
        ]),
      ),
    );
    expect(counts).toEqual(expected);
  });

  it.each(users)('finds what the one predicate finds, each document once, for %s', async (u) => {
    const expected = await reference(
      scopes[u]!,
      sql`d.search @@ websearch_to_tsquery('simple', f_unaccent(${'kiem tra lien nganh'}))`,
      orders.newest!,
    );
    const found = json<{ items: { id: string }[]; total: number; totalCapped: boolean }>(
      await get(ctx.app, sessions[u]!, `/api/incoming/search?q=kiem%20tra%20lien%20nganh&limit=50`),
    );
    expect(found.items.map((i) => i.id).sort()).toEqual([...expected].sort());
    expect(found).toMatchObject({ total: expected.length, totalCapped: false });
  });

  it('covers both branches: a clerk sees the agency branch, their confidential ones through access', async () => {
    const clerk = scopes['vanthu.snv']!;
    const [row] = await queryRows<{ agency: number; participant_only: number; both: number }>(
      ctx.database.db,
      sql`select
            count(*) filter (where d.secrecy = 'normal')::int as agency,
            count(*) filter (where d.secrecy <> 'normal')::int as participant_only,
            count(*) filter (where d.secrecy = 'normal' and exists (select 1 from incoming_access a
              where a.document_id = d.id and a.principal_id = ${clerk.userIds[0]!}))::int as both
          from incoming_documents d where ${visibleTo(clerk)}`,
    );
    expect(row).toEqual({ agency: 5, participant_only: 4, both: 5 });
  });
});
