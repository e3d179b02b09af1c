import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parsePacket } from '@vanban/edxml';
import { HubClient } from '@vanban/hub/client';
import { dropDatabase, recreateDatabase, withDatabase } from '../lib/db.js';
import type { Scenario } from './measure.js';
import { DocumentPackets, HANOI, HCMC, packetNumber } from './packets.js';
import { MeasuredProcess } from './server.js';

const SYSTEMS = [
  { id: 'vanban-h26', secret: 'bench-h26-secret-0123456789', agencies: [HANOI.code] },
  { id: 'vanban-h29', secret: 'bench-h29-secret-0123456789', agencies: [HCMC.code] },
] as const;

/** The hub (`bench/run/hub-process.ts`) as a measured child process on its own database. */
class HubProcess extends MeasuredProcess {
  static async start(databaseUrl: string, tmpDir: string): Promise<HubProcess> {
    const { child, match } = await MeasuredProcess.spawnReady(
      'hub',
      ['--import', 'tsx', 'bench/run/hub-process.ts'],
      {
        HUB_BENCH_DATABASE_URL: databaseUrl,
        HUB_BENCH_SYSTEMS: JSON.stringify(SYSTEMS),
        HUB_BENCH_TMP_DIR: tmpDir,
      },
      /hub running at (http:\/\/\S+)/,
    );
    return new HubProcess(child, match);
  }
}

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/**
 * A receiving system's connector loop: lists what the hub holds for it, takes each item (up to
 * `parallel` at a time, each one once) and lists again while there was something. When a list
 * comes back empty it waits to be woken (`wake()`, called when a packet for it was sent) or for
 * 200 ms: no idle polling, whose cost and delay would hide the hub's own.
 */
function pollLoop(
  client: HubClient,
  messageType: 'edoc' | 'status',
  parallel: number,
  take: (docId: string, data: Buffer) => Promise<void>,
  onError: (error: unknown) => void,
) {
  let running = true;
  let woken = true;
  let wakeUp: (() => void) | null = null;
  const wake = () => {
    woken = true;
    wakeUp?.();
  };
  const loop = (async () => {
    while (running) {
      if (!woken)
        await new Promise<void>((resolve) => {
          wakeUp = resolve;
          setTimeout(resolve, 200);
        });
      wakeUp = null;
      woken = false;
      let items;
      try {
        items = await client.getReceivedEdocList({ messageType });
      } catch (error) {
        onError(error);
        await sleep(50);
        continue;
      }
      if (items.length === 0) continue;
      woken = true; // there may be more behind this page
      const queue = [...items];
      const worker = async () => {
        for (let item = queue.shift(); item; item = queue.shift()) {
          try {
            const { data } = await client.getEdoc(item.docId);
            await take(item.docId, data);
          } catch (error) {
            onError(error);
          }
        }
      };
      await Promise.all(Array.from({ length: Math.min(parallel, queue.length) }, worker));
    }
  })();
  return {
    wake,
    stop: async () => {
      running = false;
      wake();
      await loop;
    },
  };
}

/**
 * Hub round trip, as two Vanban instances use it: Hà Nội sends a 370 KB document packet to Hồ Chí
 * Minh City; HCMC's connector lists, downloads (getEdoc, base64 in JSON), reads the number from
 * the header (the full parse is measured in the edXML benchmark), acknowledges (updateStatus done)
 * and sends a status packet (03, accepted) back; Hà Nội's connector lists, downloads, parses and
 * acknowledges the status. One operation is one document, from the send to the sender's
 * acknowledgement of its status. Each client sends its next document when the previous round
 * trip completed; each connector takes eight items at a time and is woken when a packet for
 * it was sent (a deployed connector polls on a timer; here the hub's work is measured, not the
 * timer). Packets are unsigned (the hub does not check XML signatures; signing is measured apart).
 * The hub runs in its own process on a fresh PostgreSQL database, created and dropped here.
 */
export function hubScenario(ctx: { databaseUrl: string; log: (line: string) => void }): Scenario {
  const name = `vanban_bench_hub_${process.pid}`;
  const url = withDatabase(ctx.databaseUrl, name);
  const tmpDir = path.join(os.tmpdir(), name);
  const packets = new DocumentPackets(HANOI, HCMC);
  const waiting = new Map<number, { resolve: () => void; reject: (e: Error) => void }>();
  let hub: HubProcess | null = null;
  let loops: ReturnType<typeof pollLoop>[] = [];
  let sender: HubClient | null = null;
  let next = 1;
  let lastError: string | null = null;
  const onError = (error: unknown) => {
    lastError = error instanceof Error ? error.message : String(error);
  };
  const measured = {
    cpuMs: () => hub?.cpuMs() ?? 0,
    takeWindowPeak: () => hub?.takeWindowPeak() ?? 0,
  };
  const roundTrip = async () => {
    if (!sender) throw new Error('hub benchmark not prepared');
    const n = next++;
    const done = new Promise<void>((resolve, reject) => waiting.set(n, { resolve, reject }));
    done.catch(() => undefined); // awaited below; a timeout during the send is not unhandled
    const timer = setTimeout(
      () =>
        waiting
          .get(n)
          ?.reject(new Error(`no status for ${n} within 60 s (last error: ${lastError})`)),
      60_000,
    );
    try {
      await sender.sendEdoc(packets.build(n), { to: [HCMC.code] });
      loops[0]?.wake();
      await done;
    } finally {
      clearTimeout(timer);
      waiting.delete(n);
    }
  };
  return {
    id: 'hub_round_trip',
    title: 'Hub: send → receive → status round trip throughput',
    target: {},
    raw: 'none: the hub is measured on its own (its CPU per round trip is in the CPU column)',
    measured: { process: measured, name: 'hub' },
    prepare: async () => {
      await recreateDatabase(url);
      fs.mkdirSync(tmpDir, { recursive: true });
      hub = await HubProcess.start(url, tmpDir);
      ctx.log(`hub at ${hub.url} on database ${name}`);
      const client = (s: (typeof SYSTEMS)[number]) =>
        new HubClient({ baseUrl: hub!.url, systemId: s.id, secret: s.secret });
      const [h26, h29] = [client(SYSTEMS[0]), client(SYSTEMS[1])];
      sender = h26;
      const receiver = pollLoop(
        h29,
        'edoc',
        8,
        async (docId, data) => {
          const n = packetNumber(data);
          if (n === null) throw new Error(`packet ${docId} has no number`);
          await h29.updateStatus(docId, 'done');
          await h29.sendEdoc(packets.status(n, new Date()), {
            messageType: 'status',
            to: [HANOI.code],
          });
          loops[1]?.wake();
        },
        onError,
      );
      const statuses = pollLoop(
        h26,
        'status',
        8,
        async (docId, data) => {
          const packet = parsePacket(data);
          if (packet.kind !== 'status') throw new Error(`packet ${docId} is not a status`);
          await h26.updateStatus(docId, 'done');
          waiting.get(Number(packet.status.responseFor.code.split('/')[0]))?.resolve();
        },
        onError,
      );
      loops = [receiver, statuses];
      // Warm both processes (connections, JIT) so the first measured round trips are not cold.
      for (let i = 0; i < 5; i++) await roundTrip();
    },
    apiOp: () => roundTrip(),
    close: async () => {
      await Promise.all(loops.map((l) => l.stop()));
      if (hub) await hub.stop();
      await dropDatabase(url);
      fs.rmSync(tmpDir, { recursive: true, force: true });
    },
  };
}
