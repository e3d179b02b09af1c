/**
 * Request signing at the hub (standards.md §1.8) on both databases: the deployed SDK's requests
 * (header leakage, a timestamp reused for days, the hash-file quirk, Expect: 100-continue, GET
 * counts), bad HMAC, replays and stale timestamps, strict systems, and the answer shape.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HubClient, HubError } from './client.js';
import type { RunningHub } from './hub.js';
import { formatTimestamp, hashFile, signRequest } from './protocol.js';
import { captureLogger, type LogEntry } from '../test/capture-logger.js';
import { storedRows } from '../test/db-counts.js';
import {
  HANOI,
  HCMC,
  backendsUnderTest,
  clientFor,
  documentPacket,
  startTestHub,
} from '../test/hub-fixtures.js';
import { SdkEmulator, rawRequest } from '../test/sdk-emulator.js';

const GOV_OFFICE = {
  id: '000.00.00.G22',
  secret: 'vpcp-secret-0123456789',
  agencies: ['000.00.00.G22'],
};
const STRICT = {
  id: 'vanban-h41',
  secret: 'nghean-secret-0123456789',
  agencies: ['000.00.00.H41'],
  strict: true,
};
const DAY = 86_400_000;

async function failureOf(promise: Promise<unknown>): Promise<HubError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof HubError) return error;
    throw error;
  }
  throw new Error('expected the hub to refuse');
}

describe.each(backendsUnderTest())('request signing (%s)', (backend) => {
  let hub: RunningHub;
  const logs: LogEntry[] = [];

  beforeAll(async () => {
    hub = await startTestHub(backend, {
      systems: [HANOI, HCMC, GOV_OFFICE, STRICT],
      sdkTimestampMaxAgeMs: 30 * DAY,
      logger: captureLogger(logs),
    });
  });
  afterAll(async () => {
    await hub?.close();
  });

  const refusals = (key: string) =>
    logs.filter((l) => l.level === 'warn' && l.obj.errorKey === key);

  it('serves the deployed SDK: leaked headers, a days-old timestamp, hash-file, Expect: 100-continue', async () => {
    const threeDaysAgo = new Date(Date.now() - 3 * DAY);
    const sender = new SdkEmulator(hub.url, GOV_OFFICE.id, GOV_OFFICE.secret, threeDaysAgo);
    const receiver = new SdkEmulator(hub.url, HCMC.id, HCMC.secret, threeDaysAgo);
    const first = documentPacket({ number: '201', from: '000.00.00.G22' });
    const second = documentPacket({ number: '202', from: '000.00.00.G22' });

    const a = await sender.sendEdoc(first, { from: '000.00.00.G22' });
    expect(a.status).toBe(200);
    expect(a.json).toMatchObject({ status: 'OK', ErrorCode: '0' });
    const b = await sender.sendEdoc(second, { from: '000.00.00.G22' });
    expect(b.json.status).toBe('OK');
    expect(b.json.DocId).not.toBe(a.json.DocId);

    const list = await receiver.getReceivedEdocList();
    expect(list.json).toMatchObject({ status: 'OK', ErrorCode: '0' });
    const items = (list.json.data as { docId: string; from: string }[]).filter(
      (i) => i.from === '000.00.00.G22',
    );
    const traceA = await hub.trace(a.json.DocId as string);
    const traceB = await hub.trace(b.json.DocId as string);
    const docA = traceA!.deliveries[0]!.id;
    const docB = traceB!.deliveries[0]!.id;
    expect(items.map((i) => i.docId)).toEqual([docA, docB]);

    // getEdoc(B) then updateStatus(A): the SDK's map now holds docId=B *and* docid=A.
    const got = await receiver.getEdoc(docB);
    expect(Buffer.from(got.json.data as string, 'base64').equals(second)).toBe(true);
    const ack = await receiver.updateStatus(docA, 'done');
    expect(receiver.headers.get('docId')).toBe(docB);
    expect(receiver.headers.get('docid')).toBe(docA);
    expect(ack.json).toMatchObject({ status: 'OK', ErrorCode: '0' });
    expect((await hub.trace(docA))!.deliveries[0]!.state).toBe('done');
    expect((await hub.trace(docB))!.deliveries[0]!.state).toBe('pending');

    const count = await receiver.countReceiveEdoc(); // GET
    expect(count.json).toMatchObject({ status: 'OK', count: 1 });
    const agencies = await receiver.getAgenciesList();
    expect((agencies.json.data as { code: string }[]).map((x) => x.code)).toContain(
      '000.00.00.G22',
    );
  });

  it('answers HTTP 200 JSON in ASCII, with the payload fields present even on failure', async () => {
    const bad = new SdkEmulator(hub.url, HCMC.id, 'not-the-secret-at-all');
    const answers = {
      sendEdoc: await bad.sendEdoc(documentPacket({ number: '203' })),
      list: await bad.getReceivedEdocList(),
      get: await bad.getEdoc('x'),
      count: await bad.countReceiveEdoc(),
    };
    for (const answer of Object.values(answers)) {
      expect(answer.status).toBe(200);
      expect(answer.headers['content-type']).toMatch(/^application\/json/);
      expect(answer.json).toMatchObject({
        status: 'FAIL',
        ErrorCode: '401',
        ErrorKey: 'hub.bad_signature',
      });
      expect(answer.json.ErrorDesc).toMatch(/HMAC/);
    }
    expect(answers.sendEdoc.json.DocId).toBe('');
    expect(answers.list.json.data).toEqual([]);
    expect(answers.get.json.data).toBe('');
    expect(answers.count.json.count).toBe(0);

    await hub.setAgency({ code: '000.00.00.H29', name: 'Ủy ban nhân dân Thành phố Hồ Chí Minh' });
    const ok = await new SdkEmulator(hub.url, HCMC.id, HCMC.secret).getAgenciesList();
    expect([...ok.body].every((byte) => byte < 0x80)).toBe(true); // read as US-ASCII by the SDK
    expect((ok.json.data as { name: string }[]).map((x) => x.name)).toContain(
      'Ủy ban nhân dân Thành phố Hồ Chí Minh',
    );
  });

  it('refuses a bad HMAC, a tampered sign-header, unsigned and unknown systems — and logs why', async () => {
    const before = await storedRows(hub.db);
    const wrongSecret = clientFor(hub, { id: HANOI.id, secret: 'wrong-secret-0123456789' });
    expect(await failureOf(wrongSecret.sendEdoc(documentPacket({ number: '204' })))).toMatchObject({
      errorCode: '401',
      errorKey: 'hub.bad_signature',
    });

    // Signed for docId=a, then the sign-header edited to docId=b: the HMAC no longer matches.
    const { headers } = signRequest(
      [
        ['timestamp', formatTimestamp(new Date())],
        ['systemid', HCMC.id],
        ['Content-Type', 'application/json'],
        ['docId', 'a'],
      ],
      HCMC.secret,
    );
    headers['XroadVnpt-sign-header'] = headers['XroadVnpt-sign-header']!.replace('"a"', '"b"');
    const tampered = await rawRequest(`${hub.url}/getEdoc`, {
      method: 'POST',
      headers,
      body: '{}',
    });
    expect(tampered.json.ErrorKey).toBe('hub.bad_signature');

    const unsigned = await rawRequest(`${hub.url}/getReceivedEdocList`, {
      method: 'POST',
      headers: { 'XroadVnpt-systemid': HCMC.id, 'XroadVnpt-messagetype': 'edoc' },
    });
    expect(unsigned.json).toMatchObject({
      status: 'FAIL',
      ErrorKey: 'hub.bad_signature',
      data: [],
    });

    const stranger = clientFor(hub, { id: 'nobody', secret: 'whatever-0123456789' });
    expect((await failureOf(stranger.getReceivedEdocList())).errorKey).toBe('hub.unknown_system');

    // A valid HMAC by H26 over a sign-header claiming to be H29.
    const claim = signRequest(
      [
        ['timestamp', formatTimestamp(new Date())],
        ['systemid', HCMC.id],
        ['Content-Type', 'application/json'],
      ],
      HANOI.secret,
    );
    claim.headers['XroadVnpt-systemid'] = HANOI.id;
    const mismatch = await rawRequest(`${hub.url}/getReceivedEdocList`, {
      method: 'POST',
      headers: claim.headers,
    });
    expect(mismatch.json.ErrorKey).toBe('hub.bad_signature');
    expect(mismatch.json.ErrorDesc).toMatch(/systemid/);

    expect(await storedRows(hub.db)).toEqual(before);
    expect(refusals('hub.bad_signature').length).toBeGreaterThanOrEqual(4);
    expect(refusals('hub.unknown_system')[0]?.obj).toMatchObject({
      systemId: 'nobody',
      op: 'getReceivedEdocList',
    });
  });

  it('refuses a replayed request (signed nonce seen before), even within the window', async () => {
    const captured: { url: string; init: RequestInit }[] = [];
    const recording = new HubClient({
      baseUrl: hub.url,
      systemId: HANOI.id,
      secret: HANOI.secret,
      fetch: async (url, init) => {
        captured.push({ url: String(url), init: init! });
        return fetch(url, init);
      },
    });
    const packet = documentPacket({ number: '205' });
    const sent = await recording.sendEdoc(packet);
    // The client names the sender agency, read from the packet's From.
    expect((captured[0]!.init.headers as Record<string, string>)['XroadVnpt-from']).toBe(
      '000.00.00.H26',
    );
    const before = await storedRows(hub.db);
    const replay = await fetch(captured[0]!.url, captured[0]!.init);
    expect(await replay.json()).toMatchObject({
      status: 'FAIL',
      ErrorCode: '401',
      ErrorKey: 'hub.replayed',
      DocId: '',
    });
    expect(await storedRows(hub.db)).toEqual(before);
    expect((await hub.trace(sent.docId))!.deliveries).toHaveLength(1);
    expect(refusals('hub.replayed')).toHaveLength(1);
  });

  it('refuses stale and future timestamps on nonce-bearing requests', async () => {
    const late = clientFor(hub, HANOI, { now: () => new Date(Date.now() - 10 * 60_000) });
    const early = clientFor(hub, HANOI, { now: () => new Date(Date.now() + 10 * 60_000) });
    expect((await failureOf(late.getReceivedEdocList())).errorKey).toBe('hub.stale_timestamp');
    expect((await failureOf(early.getReceivedEdocList())).errorKey).toBe('hub.stale_timestamp');
    const onTime = clientFor(hub, HANOI, { now: () => new Date(Date.now() - 60_000) });
    await expect(onTime.getReceivedEdocList()).resolves.toBeInstanceOf(Array);
  });

  it('refuses SDK requests whose reused timestamp is older than the configured age', async () => {
    const old = new SdkEmulator(hub.url, HCMC.id, HCMC.secret, new Date(Date.now() - 40 * DAY));
    expect((await old.getReceivedEdocList()).json).toMatchObject({
      status: 'FAIL',
      ErrorKey: 'hub.stale_timestamp',
    });
    const garbled = new SdkEmulator(hub.url, HCMC.id, HCMC.secret);
    garbled.headers.set('timestamp', '2026-03-05 10:00:00');
    expect((await garbled.getReceivedEdocList()).json).toMatchObject({
      status: 'FAIL',
      ErrorKey: 'hub.bad_timestamp',
    });
  });

  it('requires a signed nonce from a strict system', async () => {
    const sdk = new SdkEmulator(hub.url, STRICT.id, STRICT.secret);
    const answer = await sdk.getReceivedEdocList();
    expect(answer.json).toMatchObject({ status: 'FAIL', ErrorKey: 'hub.missing_parameter' });
    expect(answer.json.ErrorDesc).toMatch(/strict/);
    await expect(clientFor(hub, STRICT).getReceivedEdocList()).resolves.toEqual([]);
  });

  it('checks hash-file: the unpadded SHA-256 of the packet, with or without the CRLF', async () => {
    const send = async (body: Buffer, hash: string | null) => {
      const params: [string, string][] = [
        ['timestamp', formatTimestamp(new Date())],
        ['systemid', HANOI.id],
        ['Content-Type', 'application/octet-stream'],
        ['servicetype', 'eDoc'],
        ['messagetype', 'edoc'],
      ];
      if (hash !== null) params.push(['hash-file', hash]);
      const { headers } = signRequest(params, HANOI.secret);
      return (await rawRequest(`${hub.url}/sendEdoc`, { method: 'POST', headers, body })).json;
    };
    const packet = documentPacket({ number: '206' });
    const before = await storedRows(hub.db);
    expect(
      await send(Buffer.concat([packet, Buffer.from('\r\n')]), hashFile(Buffer.from('other'))),
    ).toMatchObject({
      status: 'FAIL',
      ErrorKey: 'hub.hash_mismatch',
    });
    expect(await send(packet, null)).toMatchObject({
      status: 'FAIL',
      ErrorKey: 'hub.missing_parameter',
    });
    expect(await storedRows(hub.db)).toEqual(before);

    // Without the CRLF (non-SDK clients), and with the usual zero-padded hex.
    const plain = await send(packet, hashFile(packet));
    expect(plain).toMatchObject({ status: 'OK' });
    const stored = await hub.packetBytes(plain.DocId as string);
    expect(stored.equals(packet)).toBe(true);
    const other = documentPacket({ number: '207' });
    const { createHash } = await import('node:crypto');
    const padded = createHash('sha256').update(other).digest('hex');
    const withPadded = await send(
      Buffer.concat([other, Buffer.from('\r\n')]),
      padded.toUpperCase(),
    );
    expect(withPadded).toMatchObject({ status: 'OK' });
    expect((await hub.packetBytes(withPadded.DocId as string)).equals(other)).toBe(true);
  });

  it('answers unknown operations in the protocol shape', async () => {
    const answer = await rawRequest(`${hub.url}/deleteEverything`, { method: 'POST', headers: {} });
    expect(answer.status).toBe(200);
    expect(answer.json).toMatchObject({
      status: 'FAIL',
      ErrorCode: '404',
      ErrorKey: 'hub.unknown_operation',
    });
    const root = await rawRequest(`${hub.url}/`, { method: 'GET', headers: {} });
    expect(root.json).toMatchObject({ status: 'OK', ErrorCode: '0' });
  });
});
