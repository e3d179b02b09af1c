import type { IncomingDetail } from '@vanban/contracts';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { get, post, registerBody, unitId, userId } from '../../../../test/incoming-fixtures.js';
import {
  json,
  loginAs,
  removeTestDir,
  testConfig,
  type Session,
} from '../../../../test/test-app.js';
import { buildDependencies, type AppDependencies } from '../../../app/dependencies.js';
import { buildServer } from '../../../app/server.js';
import { fixedClock } from '../../../platform/clock/clock.js';
import { openDatabase, type Database } from '../../../platform/db/database.js';
import { seedDemoCity } from '../../../seed/demo-city.seed.js';

/**
 * What each request sends to the database (docs/performance.md, finding 5): every statement
 * adds a round trip and driver work in the one Node process. Counted on PGlite through drizzle's
 * logger; on PostgreSQL each transaction also sends `begin` and `commit`, counted here apart.
 */
describe('statements per incoming request', () => {
  let database: Database;
  let deps: AppDependencies;
  let app: FastifyInstance;
  let recording = false;
  const statements: string[] = [];
  let clerk: Session;
  let specialist: Session;
  let documentId = '';

  beforeAll(async () => {
    database = await openDatabase({
      driver: 'pglite',
      dataDir: null,
      onQuery: (text) => {
        if (recording) statements.push(text);
      },
    });
    await database.migrate();
    deps = buildDependencies(testConfig(), database, fixedClock(new Date('2026-03-02T02:00:00Z')));
    await seedDemoCity(deps);
    app = await buildServer(deps, { logger: false });
    clerk = await loginAs(app, 'vanthu.snv');
    specialist = await loginAs(app, 'chuyenvien.snv');
    const leader = await loginAs(app, 'giamdoc.snv');
    const res = await post(
      app,
      clerk,
      '/api/incoming',
      registerBody({
        subject: 'Về việc tổng kết công tác thi đua khen thưởng',
        submitTo: { userId: await userId(database.db, 'giamdoc.snv') },
      }),
    );
    expect(res.statusCode, res.body).toBe(201);
    documentId = json<IncomingDetail>(res).id;
    const directed = await post(app, leader, `/api/incoming/${documentId}/direct`, {
      direction: 'Giao xử lý.',
      lead: {
        unitId: await unitId(database.db, '000.00.02.H26', 'TCBC'),
        userId: await userId(database.db, 'chuyenvien.snv'),
      },
    });
    expect(directed.statusCode, directed.body).toBe(200);
  });

  afterAll(async () => {
    await app?.close();
    await database?.close();
    if (deps) removeTestDir(deps.config);
  });

  /** The statements and transactions of one request. */
  async function measure(session: Session, url: string) {
    const transaction = vi.spyOn(deps.db, 'transaction');
    statements.length = 0;
    recording = true;
    const res = await get(app, session, url);
    recording = false;
    expect(res.statusCode, res.body).toBe(200);
    const transactions = transaction.mock.calls.length;
    transaction.mockRestore();
    return { statements: [...statements], transactions };
  }

  it('signs in, and reads a list, the counts or a search, in two statements', async () => {
    const urls = [
      '/api/incoming?view=all&limit=25',
      '/api/incoming?view=to_handle&limit=25',
      '/api/incoming/counts',
      `/api/incoming/search?q=${encodeURIComponent('thi đua')}`,
    ];
    // The first request of the process loads the calendar and the agency's settings.
    for (const url of urls) await measure(specialist, url);
    for (const url of urls) {
      const { statements: sent, transactions } = await measure(specialist, url);
      expect(sent, url).toHaveLength(2);
      expect(sent[0], url).toMatch(/from sessions s join users u/);
      expect(transactions, url).toBe(0);
    }
  });

  it('opens the document page reading the document once, marking it read only once', async () => {
    const first = await measure(specialist, `/api/incoming/${documentId}`);
    const second = await measure(specialist, `/api/incoming/${documentId}`);
    const documentReads = (s: string[]) =>
      s.filter((q) => /from "incoming_documents"/.test(q)).length;
    const readMarks = (s: string[]) => s.filter((q) => /update assignments set read_at/.test(q));
    expect(documentReads(first.statements)).toBe(1);
    expect(readMarks(first.statements)).toHaveLength(1);
    expect(first.transactions).toBe(0);
    // Nothing unread any more: no update at all.
    expect(readMarks(second.statements)).toHaveLength(0);
    expect(second.statements).toHaveLength(first.statements.length - 1);
    expect(second.statements.length).toBeLessThanOrEqual(10);
    const history = await measure(specialist, `/api/incoming/${documentId}/history`);
    expect(history.statements).toHaveLength(3);
  });

  it('sees a settings change at once (the cache is invalidated on change)', async () => {
    const admin = await loginAs(app, 'quantri.snv');
    const agencyId = (
      await get(app, clerk, '/api/auth/me').then((r) => json<{ agency: { id: string } }>(r))
    ).agency.id;
    const before = json<{ dueSoonWorkingDays: number }>(
      await get(app, admin, `/api/incoming/settings?agencyId=${agencyId}`),
    );
    expect(before.dueSoonWorkingDays).toBe(2);
    const put = await app.inject({
      method: 'PUT',
      url: '/api/incoming/settings',
      headers: admin.headers(),
      payload: { agencyId, submitTo: 'leader', dueSoonWorkingDays: 5 },
    });
    expect(put.statusCode, put.body).toBe(200);
    const after = await measure(admin, `/api/incoming/settings?agencyId=${agencyId}`);
    expect(after.statements).toHaveLength(1);
    expect(
      json<{ dueSoonWorkingDays: number }>(
        await get(app, admin, `/api/incoming/settings?agencyId=${agencyId}`),
      ).dueSoonWorkingDays,
    ).toBe(5);
  });
});
