import type { IncomingDetail, OutgoingDetail } from '@vanban/contracts';
import { startHub, type RunningHub } from '@vanban/hub';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { get, post, userId } from '../../../../test/incoming-fixtures.js';
import { act, approvedDraft, issueApproved } from '../../../../test/outgoing-fixtures.js';
import { addProvince, PROVINCE } from '../../../../test/province-fixture.js';
import { json, loginAs, useTestApp, type Session } from '../../../../test/test-app.js';
import { queryRows } from '../../../platform/db/database.js';
import { demoAgencies } from '../../../seed/demo-city.data.js';
import { exchangeRound, hubClientFor } from '../exchange.connector.js';

/**
 * Hanoi (H26) and Hà Nam (H29) run their own Vanban with their own databases and talk only
 * through the exchange hub, as two provinces do through the national axis.
 */
describe('two instances through the hub', () => {
  const hanoi = useTestApp('pglite', { pki: true });
  const hanam = useTestApp('pglite');
  let hub: RunningHub;
  const round = {
    hanoi: () => exchangeRound(hanoi.deps, hubClientFor(settings('hanoi'))),
    hanam: () => exchangeRound(hanam.deps, hubClientFor(settings('hanam'))),
  };
  const settings = (who: 'hanoi' | 'hanam') => ({
    url: hub.url,
    systemId: `vanban-${who}`,
    secret: `secret-of-${who}-2026`,
    pollMs: 1000,
  });
  let id: string;
  let copyId: string;
  let clerk29: Session;

  beforeAll(async () => {
    hub = await startHub({ port: 0 });
    await hub.addSystem({
      id: 'vanban-hanoi',
      secret: 'secret-of-hanoi-2026',
      agencies: demoAgencies.map((a) => a.code),
      strict: true,
    });
    await hub.addSystem({
      id: 'vanban-hanam',
      secret: 'secret-of-hanam-2026',
      agencies: [PROVINCE],
      strict: true,
    });
    // Hanoi knows Hà Nam from the national directory; Hà Nam has its own officials.
    await addProvince(hanam.deps);
    const { importDirectory } = await import('../../organizations/index.js');
    await importDirectory(
      { ...hanoi.deps, actor: null },
      {
        format: 'json',
        content: JSON.stringify([
          {
            code: PROVINCE,
            name: 'Ủy ban nhân dân tỉnh Hà Nam',
            short_name: 'UBND',
            level: 1,
            valid_from: '2008-08-01',
          },
        ]),
        dryRun: false,
      },
    );
    clerk29 = await loginAs(hanam.app, 'vanthu.hnam');
  });
  afterAll(async () => {
    await hub?.close();
  });

  const recipientStatus = async () => {
    const clerk = await loginAs(hanoi.app, 'vanthu.snv');
    const doc = json<OutgoingDetail>(await get(hanoi.app, clerk, `/api/outgoing/${id}`));
    return doc.recipients[0]!.status;
  };

  it('H26 issues; the hub carries it to H29’s "to register" list', async () => {
    const drafter = await loginAs(hanoi.app, 'chuyenvien.snv');
    id = await approvedDraft(hanoi, drafter, {
      subject: 'Về việc phối hợp liên thông văn bản điện tử giữa hai tỉnh',
      recipients: [{ agencyCode: PROVINCE }],
    });
    const sessions = {
      director: await loginAs(hanoi.app, 'giamdoc.snv'),
      clerk: await loginAs(hanoi.app, 'vanthu.snv'),
    };
    const issued = await issueApproved(hanoi.app, sessions, id);
    expect(issued.recipients[0]).toMatchObject({ channel: 'hub', status: 'queued' });
    expect((await round.hanoi()).sent).toBe(1);
    expect(await recipientStatus()).toBe('sent');
    expect((await round.hanam()).documents).toBe(1);
    const list = json<{ items: { id: string; reference: string; source: string }[] }>(
      await get(hanam.app, clerk29, '/api/incoming?view=to_register'),
    );
    expect(list.items).toHaveLength(1);
    expect(list.items[0]).toMatchObject({ reference: issued.reference, source: 'hub' });
    copyId = list.items[0]!.id;
    // A second fetch finds nothing new: acknowledged packets are not delivered again.
    expect((await round.hanam()).documents).toBe(0);
  });

  it('H29 registers, directs, handles and completes; H26 sees 01, 03, 04, 05, 06', async () => {
    await round.hanam(); // 01
    await round.hanoi();
    expect(await recipientStatus()).toBe('delivered');

    await post(hanam.app, clerk29, `/api/incoming/${copyId}/register`, {});
    await round.hanam(); // 03
    await round.hanoi();
    expect(await recipientStatus()).toBe('registered');

    const leader = await loginAs(hanam.app, 'lanhdao.hnam');
    await post(hanam.app, clerk29, `/api/incoming/${copyId}/submit`, {
      userId: await userId(hanam.deps.db, 'lanhdao.hnam'),
    });
    const directed = json<IncomingDetail>(
      await post(hanam.app, leader, `/api/incoming/${copyId}/direct`, {
        direction: 'Giao chuyên viên nghiên cứu, tham mưu trả lời.',
        lead: { userId: await userId(hanam.deps.db, 'chuyenvien.hnam') },
      }),
    );
    await round.hanam(); // 04
    await round.hanoi();
    expect(await recipientStatus()).toBe('assigned');

    const specialist = await loginAs(hanam.app, 'chuyenvien.hnam');
    const lead = directed.assignments.find((a) => a.role === 'lead')!;
    await post(hanam.app, specialist, `/api/incoming/${copyId}/assignments/${lead.id}/start`, {});
    await round.hanam(); // 05
    await round.hanoi();
    expect(await recipientStatus()).toBe('processing');

    const done = await post(
      hanam.app,
      specialist,
      `/api/incoming/${copyId}/assignments/${lead.id}/complete`,
      { result: 'Đã thống nhất phương án liên thông.' },
    );
    expect(done.statusCode, done.body).toBe(200);
    await round.hanam(); // 06
    await round.hanoi();
    expect(await recipientStatus()).toBe('done');
  });

  it('H26 revokes; H29’s copy is withdrawn', async () => {
    const clerk = await loginAs(hanoi.app, 'vanthu.snv');
    await act(hanoi.app, clerk, id, 'revoke', { reason: 'Ban hành nhầm' });
    const queued = await queryRows<{ business_type: string; state: string }>(
      hanoi.deps.db,
      sql`select business_type, state from hub_outbox where outgoing_id = ${id} order by created_at`,
    );
    expect(queued.map((q) => q.business_type)).toEqual(['new', 'revoke']);
    await round.hanoi();
    await round.hanam();
    const copy = json<IncomingDetail>(await get(hanam.app, clerk29, `/api/incoming/${copyId}`));
    expect(copy.state).toBe('revoked');
    const active = json<{ items: { id: string }[] }>(
      await get(hanam.app, clerk29, '/api/incoming?view=all&state=completed'),
    );
    expect(active.items.map((d) => d.id)).not.toContain(copyId);
  });
});
