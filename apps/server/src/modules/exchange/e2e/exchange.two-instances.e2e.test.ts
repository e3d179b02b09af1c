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
import {
  addProvinceDepartment,
  importProvinceDirectory,
  PROVINCE_DEPARTMENT,
  sentLines,
  trustRootsOf,
} from './two-instances.fixtures.js';

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
      agencies: [PROVINCE, PROVINCE_DEPARTMENT],
      strict: true,
    });
    // Hanoi knows Hà Nam from the national directory; Hà Nam has its own officials.
    await addProvince(hanam.deps);
    await addProvinceDepartment(hanam.deps);
    await importProvinceDirectory(hanoi.deps);
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

  it('signs the packet with the issuing agency’s certificate; H29 records its check on the copy', async () => {
    const [kept] = await queryRows<{ signature: string; certificate_id: string | null }>(
      hanoi.deps.db,
      sql`select s.signature, s.certificate_id from exchange_sent s
          join hub_outbox o on o.id = s.outbox_id where o.outgoing_id = ${id}`,
    );
    expect(kept).toMatchObject({ signature: 'signed', certificate_id: expect.any(String) });
    // Intact, but Hà Nam does not trust Hanoi's demo CA: untrusted, and delivered all the same.
    const copy = json<IncomingDetail>(await get(hanam.app, clerk29, `/api/incoming/${copyId}`));
    expect(copy.packetSignature).toMatchObject({
      status: 'untrusted',
      reason: 'untrusted_certificate',
      signer: expect.stringContaining('Sở Nội vụ'),
    });
  });

  it('a send whose answer was lost goes again byte for byte: the hub keeps one packet', async () => {
    const hanoiClient = hubClientFor(settings('hanoi'));
    const reference = (
      await queryRows<{ reference: string }>(
        hanoi.deps.db,
        sql`select reference from outgoing_documents where id = ${id}`,
      )
    )[0]!.reference;
    const before = await sentLines(hanoiClient, reference);
    expect(before).toHaveLength(1);
    // The crash window: the hub stored the packet, the process died before marking the row
    // sent; meanwhile the clerk corrected the subject, so a rebuilt packet would differ.
    await hanoi.deps.db.execute(
      sql`update hub_outbox set state = 'queued' where outgoing_id = ${id}`,
    );
    await hanoi.deps.db.execute(
      sql`update outgoing_documents set subject = subject || ' (đã sửa)' where id = ${id}`,
    );
    expect((await round.hanoi()).sent).toBe(1);
    const after = await sentLines(hanoiClient, reference);
    expect(after.map((l) => l.senderDocId)).toEqual(before.map((l) => l.senderDocId));
    expect((await round.hanam()).documents).toBe(0);
    await hanoi.deps.db.execute(
      sql`update outgoing_documents set subject = replace(subject, ' (đã sửa)', '') where id = ${id}`,
    );
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

  it('a status whose answer was lost goes again byte for byte; unsigned when H29 has no certificate', async () => {
    const hanamClient = hubClientFor(settings('hanam'));
    const [copy] = await queryRows<{ id: string; reference: string }>(
      hanam.deps.db,
      sql`select id, reference from exchange_received where incoming_document_id = ${copyId}
          and kind = 'document'`,
    );
    const before = await sentLines(hanamClient, copy!.reference, 'status');
    const [done] = await queryRows<{ id: string; signature: string; unsigned_reason: string }>(
      hanam.deps.db,
      sql`select id, signature, unsigned_reason from exchange_sent
          where received_id = ${copy!.id} and status_code = '06'`,
    );
    // Hà Nam's agency has no certificate on file: the status went unsigned, and says why.
    expect(done).toMatchObject({ signature: 'unsigned', unsigned_reason: expect.any(String) });
    // The crash window: 06 reached the hub, the process died before recording it.
    await hanam.deps.db.execute(sql`update exchange_received set last_status_code = '05',
      pending_status_packet_id = ${done!.id} where id = ${copy!.id}`);
    expect((await round.hanam()).statusesSent).toBe(1);
    expect(await sentLines(hanamClient, copy!.reference, 'status')).toHaveLength(before.length);
    expect((await round.hanoi()).statuses).toBe(0);
    const statuses = await queryRows<{ packet_signature: string }>(
      hanoi.deps.db,
      sql`select distinct packet_signature from exchange_received where kind = 'status'`,
    );
    expect(statuses).toEqual([{ packet_signature: 'none' }]);
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

  it('one packet per hub recipient; H29 returns its copy with a reason and H26 sees both', async () => {
    await trustRootsOf(hanoi.deps, hanam.deps);
    const drafter = await loginAs(hanoi.app, 'chuyenvien.snv');
    const second = await approvedDraft(hanoi, drafter, {
      subject: 'Về việc đề nghị cung cấp số liệu biên chế năm 2026',
      recipients: [{ agencyCode: PROVINCE }, { agencyCode: PROVINCE_DEPARTMENT }],
    });
    const issued = await issueApproved(
      hanoi.app,
      {
        director: await loginAs(hanoi.app, 'giamdoc.snv'),
        clerk: await loginAs(hanoi.app, 'vanthu.snv'),
      },
      second,
    );
    expect(issued.recipients.map((r) => [r.agency?.code, r.channel, r.status])).toEqual([
      [PROVINCE, 'hub', 'queued'],
      [PROVINCE_DEPARTMENT, 'hub', 'queued'],
    ]);
    expect((await round.hanoi()).sent).toBe(2);
    // Two packets, each addressed to its one recipient (decision 0009).
    const lines = await sentLines(hubClientFor(settings('hanoi')), issued.reference!);
    expect(lines.map((l) => l.toCode).sort()).toEqual([PROVINCE, PROVINCE_DEPARTMENT].sort());
    expect(new Set(lines.map((l) => l.senderDocId)).size).toBe(2);
    expect((await round.hanam()).documents).toBe(2);

    const toRegister = async (session: Session) =>
      json<{ items: { id: string; reference: string }[] }>(
        await get(hanam.app, session, '/api/incoming?view=to_register'),
      ).items.filter((d) => d.reference === issued.reference);
    const [mine] = await toRegister(clerk29);
    const department = await toRegister(await loginAs(hanam.app, 'vanthu.snv.hnam'));
    expect(department).toHaveLength(1);
    // Hà Nam now trusts Hanoi's root: the packet's XML signature checks as valid.
    const copy = json<IncomingDetail>(await get(hanam.app, clerk29, `/api/incoming/${mine!.id}`));
    expect(copy.packetSignature).toMatchObject({ status: 'valid', reason: 'ok' });

    const reason = 'Văn bản không thuộc thẩm quyền giải quyết của UBND tỉnh, đề nghị gửi Sở Nội vụ';
    const back = await post(hanam.app, clerk29, `/api/incoming/${mine!.id}/return-to-sender`, {
      reason,
    });
    expect(back.statusCode, back.body).toBe(200);
    await round.hanam(); // 02 with the reason for the province, 01 for the department
    await round.hanoi();
    const clerk = await loginAs(hanoi.app, 'vanthu.snv');
    const doc = json<OutgoingDetail>(await get(hanoi.app, clerk, `/api/outgoing/${second}`));
    expect(doc.recipients.map((r) => [r.agency?.code, r.status, r.statusNote])).toEqual([
      [PROVINCE, 'returned', reason],
      [PROVINCE_DEPARTMENT, 'delivered', null],
    ]);
  });
});
