/**
 * The exchange through the hub on both databases: send → list → get → updateStatus, redelivery
 * until acknowledged, status packets back to the sender, routing, and refused packets leaving
 * nothing stored.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildPacketBuffer } from '@vanban/edxml';
import { HubError, type HubClient } from './client.js';
import type { RunningHub } from './hub.js';
import { formatTimestamp, hashFile, signRequest } from './protocol.js';
import { storedRows } from '../test/db-counts.js';
import { SdkEmulator, rawRequest } from '../test/sdk-emulator.js';
import {
  HANOI,
  HCMC,
  backendsUnderTest,
  clientFor,
  documentPacket,
  documentSpec,
  startTestHub,
  statusPacket,
} from '../test/hub-fixtures.js';

const NGHE_AN = {
  id: 'vanban-h41',
  secret: 'nghean-secret-0123456789',
  agencies: ['000.00.00.H41', 'H41.05', 'H41.06'],
};
const MAX_PACKET = 256 * 1024;

async function failureOf(promise: Promise<unknown>): Promise<HubError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof HubError) return error;
    throw error;
  }
  throw new Error('expected the hub to refuse');
}

describe.each(backendsUnderTest())('exchange through the hub (%s)', (backend) => {
  let hub: RunningHub;
  let h26: HubClient;
  let h29: HubClient;
  let h41: HubClient;

  beforeAll(async () => {
    hub = await startTestHub(backend, {
      systems: [HANOI, HCMC, NGHE_AN],
      maxPacketBytes: MAX_PACKET,
      basePath: '/vxp', // operations at <base>/<operation> under a prefix
    });
    expect(hub.url).toMatch(/\/vxp$/);
    h26 = clientFor(hub, HANOI);
    h29 = clientFor(hub, HCMC);
    h41 = clientFor(hub, NGHE_AN);
  });
  afterAll(async () => {
    await hub?.close();
  });

  it('send → list → get → updateStatus done → no longer listed; the sender sees it received', async () => {
    const packet = documentPacket({ number: '101' });
    const sent = await h26.sendEdoc(packet, { from: '000.00.00.H26' });
    expect(sent.docId).toMatch(/^[0-9a-f-]{36}$/);

    const listed = (await h29.getReceivedEdocList()).filter((i) => i.from === '000.00.00.H26');
    const item = listed.find((i) => i.status === 'pending');
    expect(item).toMatchObject({
      serviceType: 'eDoc',
      messageType: 'edoc',
      from: '000.00.00.H26',
      to: '000.00.00.H29',
      status: 'pending',
    });
    for (const value of Object.values(item!)) expect(typeof value).toBe('string');
    expect(item!.docId).not.toBe(sent.docId); // receiver's docId ≠ sender's DocId

    const got = await h29.getEdoc(item!.docId);
    expect(got.data.equals(packet)).toBe(true);
    await h29.updateStatus(item!.docId, 'done');
    expect((await h29.getReceivedEdocList()).map((i) => i.docId)).not.toContain(item!.docId);

    const sentList = await h26.getSentEdocList();
    expect(sentList.find((s) => s.senderDocId === sent.docId)).toMatchObject({
      receiverDocId: item!.docId,
      fromCode: '000.00.00.H26',
      toCode: '000.00.00.H29',
      notation: '101/UBND-VX',
      title: 'V/v phối hợp liên thông văn bản điện tử',
      sendStatus: 'done',
      receiveStatus: 'done',
      messageType: 'edoc',
    });

    const trace = await hub.trace(sent.docId);
    expect(trace?.events.map((e) => [e.event, e.systemId])).toEqual([
      ['received', HANOI.id],
      ['routed', HCMC.id],
      ['fetched', HCMC.id],
      ['acknowledged', HCMC.id],
    ]);
    expect(trace?.deliveries[0]).toMatchObject({ state: 'done', fetchCount: 1 });
    expect(trace?.deliveries[0]?.acknowledgedAt).toBeInstanceOf(Date);
    // The receiver's docId finds the same trace.
    expect((await hub.trace(item!.docId))?.packet.id).toBe(sent.docId);
  });

  it('redelivers until acknowledged: listed and downloadable after every download', async () => {
    const packet = documentPacket({ number: '102' });
    const sent = await h26.sendEdoc(packet);
    const before = await h29.countReceiveEdoc();
    const docId = (await hub.trace(sent.docId))!.deliveries[0]!.id;

    for (let attempt = 1; attempt <= 3; attempt++) {
      const download = attempt === 2 ? await h29.downloadEdoc(docId) : await h29.getEdoc(docId);
      expect(download.data.equals(packet)).toBe(true);
      const again = (await h29.getReceivedEdocList()).find((i) => i.docId === docId);
      expect(again?.status).toBe('delivered');
    }
    expect(await h29.countReceiveEdoc()).toBe(before);
    expect((await hub.trace(sent.docId))!.deliveries[0]).toMatchObject({
      state: 'pending',
      fetchCount: 3,
    });

    await h29.updateStatus(docId, 'done');
    expect(await h29.countReceiveEdoc()).toBe(before - 1);
    // Repeating the acknowledgment is harmless; contradicting it is refused.
    await h29.updateStatus(docId, 'done');
    expect((await failureOf(h29.updateStatus(docId, 'fail'))).errorKey).toBe('hub.conflict');
    const acknowledged = (await hub.trace(sent.docId))!.events.filter(
      (e) => e.event === 'acknowledged',
    );
    expect(acknowledged).toHaveLength(1);
  });

  it('a refused delivery (updateStatus fail) leaves the list and shows as fail to the sender', async () => {
    const sent = await h26.sendEdoc(documentPacket({ number: '103' }));
    const docId = (await hub.trace(sent.docId))!.deliveries[0]!.id;
    await h29.updateStatus(docId, 'fail');
    expect((await h29.getReceivedEdocList()).map((i) => i.docId)).not.toContain(docId);
    expect(
      (await h26.getSentEdocList()).find((s) => s.senderDocId === sent.docId)?.receiveStatus,
    ).toBe('fail');
  });

  it('carries status packets back to the sender of the document', async () => {
    const before = await h26.countReceiveStatus();
    const status = statusPacket({ number: '101', code: '03' });
    const sent = await h29.sendEdoc(status, { messageType: 'status' });
    expect(await h26.countReceiveStatus()).toBe(before + 1);

    const item = (await h26.getReceivedEdocList({ messageType: 'status' })).find(
      (i) => i.from === '000.00.00.H29' && i.messageType === 'status',
    );
    expect(item).toBeDefined();
    // Not mixed with documents.
    expect((await h26.getReceivedEdocList()).map((i) => i.docId)).not.toContain(item!.docId);
    expect((await h26.getEdoc(item!.docId)).data.equals(status)).toBe(true);
    await h26.updateStatus(item!.docId, 'done');
    expect(await h26.countReceiveStatus()).toBe(before);

    const trace = await hub.trace(sent.docId);
    expect(trace?.packet).toMatchObject({
      messageType: 'status',
      statusCode: '03',
      fromCode: '000.00.00.H29',
      toCodes: ['000.00.00.H26'],
      documentId: '000.00.00.H26,2026/03/05,101/UBND-VX',
    });
    expect(
      (await h29.getSentEdocList({ messageType: 'status' })).find(
        (s) => s.senderDocId === sent.docId,
      ),
    ).toMatchObject({
      toCode: '000.00.00.H26',
      receiveStatus: 'done',
      messageType: 'status',
    });
  });

  it('routes one delivery per receiving system, naming the codes it received for', async () => {
    const sent = await h26.sendEdoc(
      documentPacket({ number: '104', to: ['000.00.00.H29', 'H41.05', 'H41.06', '000.00.01.H26'] }),
    );
    const trace = await hub.trace(sent.docId);
    const routed = Object.fromEntries(trace!.deliveries.map((d) => [d.systemId, d.toCodes]));
    expect(routed).toEqual({
      [HCMC.id]: ['000.00.00.H29'],
      [NGHE_AN.id]: ['H41.05', 'H41.06'],
      [HANOI.id]: ['000.00.01.H26'],
    });
    const item = (await h41.getReceivedEdocList()).find((i) =>
      trace!.deliveries.some((d) => d.id === i.docId),
    );
    expect(item?.to).toBe('H41.05,H41.06');
    // The sender's list has one line per recipient agency.
    const lines = (await h26.getSentEdocList()).filter((s) => s.senderDocId === sent.docId);
    expect(lines.map((l) => l.toCode).sort()).toEqual([
      '000.00.00.H29',
      '000.00.01.H26',
      'H41.05',
      'H41.06',
    ]);
  });

  it('routes by the "to" parameter when the sender gives one', async () => {
    const sent = await h26.sendEdoc(
      documentPacket({ number: '105', to: ['000.00.00.H29', 'H41.05'] }),
      {
        to: ['H41.05'],
      },
    );
    const trace = await hub.trace(sent.docId);
    expect(trace!.deliveries.map((d) => d.systemId)).toEqual([NGHE_AN.id]);
  });

  it('ignores a "to" left over from an earlier call (SDK header leakage): routes by the packet', async () => {
    const sdk = new SdkEmulator(hub.url, HANOI.id, HANOI.secret);
    const first = await sdk.sendEdoc(
      documentPacket({ number: '114', to: ['000.00.00.H29', 'H41.05'] }),
      {
        from: '000.00.00.H26',
        to: '["H41.05"]',
      },
    );
    expect(first.json.status).toBe('OK');
    expect(
      (await hub.trace(first.json.DocId as string))!.deliveries.map((d) => d.systemId),
    ).toEqual([NGHE_AN.id]);
    // The next send does not pass "to", but the SDK's header map still carries the old one.
    const second = await sdk.sendEdoc(documentPacket({ number: '115', to: ['000.00.00.H29'] }), {
      from: '000.00.00.H26',
    });
    expect(sdk.headers.get('to')).toBe('["H41.05"]');
    expect(second.json.status).toBe('OK');
    expect(
      (await hub.trace(second.json.DocId as string))!.deliveries.map((d) => d.systemId),
    ).toEqual([HCMC.id]);
  });

  it('takes a resent identical packet as the same packet (same DocId, one delivery)', async () => {
    const packet = documentPacket({ number: '106' });
    const first = await h26.sendEdoc(packet);
    const again = await h26.sendEdoc(packet);
    expect(again.docId).toBe(first.docId);
    expect(again.description).toMatch(/identical packet/);
    expect((await hub.trace(first.docId))!.deliveries).toHaveLength(1);
  });

  it('stays consistent under concurrent identical sends and acknowledgments', async () => {
    const packet = documentPacket({ number: '116' });
    const sends = await Promise.all(Array.from({ length: 5 }, () => h26.sendEdoc(packet)));
    expect(new Set(sends.map((s) => s.docId)).size).toBe(1);
    const trace = await hub.trace(sends[0]!.docId);
    expect(trace!.deliveries).toHaveLength(1);
    expect(trace!.events.filter((e) => e.event === 'received')).toHaveLength(1);
    const docId = trace!.deliveries[0]!.id;
    await Promise.all(Array.from({ length: 4 }, () => h29.updateStatus(docId, 'done')));
    const after = await hub.trace(docId);
    expect(after!.events.filter((e) => e.event === 'acknowledged')).toHaveLength(1);
  });

  it('refuses a packet for an agency no system is registered for, storing nothing', async () => {
    const before = await storedRows(hub.db);
    const error = await failureOf(
      h26.sendEdoc(documentPacket({ number: '107', to: ['000.00.00.H29', '000.00.00.H54'] })),
    );
    expect(error).toMatchObject({ errorCode: '422', errorKey: 'hub.unknown_recipient' });
    expect(error.errorDesc).toContain('000.00.00.H54');
    expect(await storedRows(hub.db)).toEqual(before);
  });

  it('refuses a packet sent in the name of an agency the system does not hold', async () => {
    const before = await storedRows(hub.db);
    const error = await failureOf(
      h29.sendEdoc(documentPacket({ number: '108', from: '000.00.00.H26' })),
    );
    expect(error).toMatchObject({ errorCode: '403', errorKey: 'hub.forbidden' });
    expect(await storedRows(hub.db)).toEqual(before);
  });

  it('refuses malformed XML, a wrong or missing namespace, missing From/To: nothing stored', async () => {
    const good = documentPacket({ number: '109' }).toString('utf8');
    const noTo = buildPacketBuffer({ ...documentSpec({ number: '109' }) }, { zipPolicy: 'none' })
      .toString('utf8')
      .replace(/<edXML:To>[\s\S]*?<\/edXML:To>/g, '');
    const noFrom = good.replace(/<edXML:From>[\s\S]*?<\/edXML:From>/, '');
    const cases: [string, string, RegExp][] = [
      ['not XML', 'this is not a packet', /malformed_xml/],
      ['truncated', good.slice(0, good.length / 2), /malformed_xml/],
      [
        'wrong namespace',
        good.replaceAll('http://www.mic.gov.vn/TBT/QCVN_102_2016', 'urn:other'),
        /wrong_namespace/,
      ],
      [
        'no namespace',
        good.replace(/ xmlns="http:\/\/www\.mic\.gov\.vn\/TBT\/QCVN_102_2016"/, ''),
        /namespace/,
      ],
      ['missing To', noTo, /missing_to/],
      ['missing From', noFrom, /missing_from/],
      [
        'doctype',
        `<?xml version="1.0"?><!DOCTYPE x [<!ENTITY a "b">]>${good.replace(/^<\?xml[^>]*>/, '')}`,
        /doctype/,
      ],
    ];
    const before = await storedRows(hub.db);
    for (const [name, body, reason] of cases) {
      const error = await failureOf(h26.sendEdoc(body));
      expect(error.errorKey, name).toBe('hub.invalid_packet');
      expect(error.errorCode, name).toBe('422');
      expect(error.errorDesc, name).toMatch(reason);
    }
    expect(await storedRows(hub.db)).toEqual(before);
  });

  it('refuses a status packet declared as edoc, and the reverse', async () => {
    const before = await storedRows(hub.db);
    expect(
      (await failureOf(h29.sendEdoc(statusPacket({ number: '110' }), { messageType: 'edoc' })))
        .errorKey,
    ).toBe('hub.invalid_packet');
    expect(
      (await failureOf(h26.sendEdoc(documentPacket({ number: '110' }), { messageType: 'status' })))
        .errorKey,
    ).toBe('hub.invalid_packet');
    expect(await storedRows(hub.db)).toEqual(before);
  });

  it('refuses an oversized packet (configurable limit), storing nothing', async () => {
    const before = await storedRows(hub.db);
    const big = documentPacket({ number: '111', attachment: Buffer.alloc(MAX_PACKET, 7) });
    expect(big.length).toBeGreaterThan(MAX_PACKET);
    const error = await failureOf(h26.sendEdoc(big));
    expect(error).toMatchObject({ errorCode: '413', errorKey: 'hub.too_large' });
    expect(await storedRows(hub.db)).toEqual(before);
    // Streamed without Content-Length: the limit is enforced while reading, the answer still arrives.
    const { headers } = signRequest(
      [
        ['timestamp', formatTimestamp(new Date())],
        ['systemid', HANOI.id],
        ['Content-Type', 'application/octet-stream'],
        ['servicetype', 'eDoc'],
        ['messagetype', 'edoc'],
        ['hash-file', hashFile(big)],
      ],
      HANOI.secret,
    );
    const chunked = await rawRequest(`${hub.url}/sendEdoc`, {
      method: 'POST',
      headers,
      body: big,
      chunked: true,
    });
    expect(chunked.json).toMatchObject({ status: 'FAIL', ErrorKey: 'hub.too_large', DocId: '' });
    expect(await storedRows(hub.db)).toEqual(before);
    // A packet just under the limit passes.
    const fits = documentPacket({ number: '112', attachment: Buffer.alloc(MAX_PACKET / 2, 7) });
    expect((await h26.sendEdoc(fits)).docId).toBeTruthy();
  });

  it('does not let one system read or acknowledge another system’s packets', async () => {
    const sent = await h26.sendEdoc(documentPacket({ number: '113' }));
    const docId = (await hub.trace(sent.docId))!.deliveries[0]!.id;
    expect((await failureOf(h41.getEdoc(docId))).errorKey).toBe('hub.not_found');
    expect((await failureOf(h41.updateStatus(docId, 'done'))).errorKey).toBe('hub.not_found');
    expect((await failureOf(h29.getEdoc(sent.docId))).errorKey).toBe('hub.not_found'); // sender's id
    expect((await failureOf(h29.getEdoc('../../etc/passwd'))).errorKey).toBe('hub.not_found');
    expect((await hub.trace(sent.docId))!.deliveries[0]).toMatchObject({
      state: 'pending',
      fetchCount: 0,
    });
  });

  it('serves the agency directory with names set by the operator', async () => {
    await hub.setAgency({
      code: 'H41.05',
      name: 'Sở Nội vụ tỉnh Nghệ An',
      parentCode: '000.00.00.H41',
      mail: 'snv@nghean.gov.vn',
    });
    const list = await h26.getAgenciesList();
    expect(list.find((a) => a.code === 'H41.05')).toEqual({
      id: 'H41.05',
      pid: '000.00.00.H41',
      code: 'H41.05',
      name: 'Sở Nội vụ tỉnh Nghệ An',
      mail: 'snv@nghean.gov.vn',
    });
    expect(list.map((a) => a.code)).toContain('000.00.00.H29');
  });
});
