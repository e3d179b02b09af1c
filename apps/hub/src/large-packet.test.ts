/**
 * A 50 MB packet through a hub running in its own process (PostgreSQL when available, else PGlite
 * on disk): stored and returned byte for byte by getEdoc (base64 in JSON) and downloadEdoc (raw),
 * while the hub's peak resident memory grows by a small multiple of the packet — bodies are
 * spooled to disk, stored in 768 KiB chunks and streamed back chunk by chunk.
 */
import { spawn } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { HubClient } from './client.js';
import {
  HANOI,
  HCMC,
  backendsUnderTest,
  createPostgresDatabase,
  documentPacket,
} from '../test/hub-fixtures.js';

const hubDir = fileURLToPath(new URL('../', import.meta.url));
const MB = 1024 * 1024;

function memory(pid: number): { rss: number; peak: number } {
  const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = (name: string) =>
    Number(new RegExp(`${name}:\\s+(\\d+) kB`).exec(status)?.[1] ?? 0) * 1024;
  return { rss: kb('VmRSS'), peak: kb('VmHWM') };
}

const linux = process.platform === 'linux' && fs.existsSync('/proc/self/clear_refs');

describe.runIf(linux)('large packets', { timeout: 600_000 }, () => {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'vanban-hub-large-'));
  afterAll(() => fs.rmSync(dataDir, { recursive: true, force: true }));

  // PostgreSQL when available: PGlite's own footprint (hundreds of MB of WASM heap and data
  // directory image) would hide the hub's share.
  const backend = backendsUnderTest().includes('postgres') ? 'postgres' : 'pglite';

  it(`a 50 MB packet round-trips with bounded hub memory (${backend})`, async () => {
    const database = backend === 'postgres' ? await createPostgresDatabase() : null;
    const child = spawn(process.execPath, ['--import', 'tsx', 'test/hub-process.ts'], {
      cwd: hubDir,
      env: {
        ...process.env,
        HUB_DATA_DIR: dataDir,
        HUB_DATABASE_URL: database?.url ?? '',
        HUB_MAX_PACKET_BYTES: String(100 * MB),
      },
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    const exited = new Promise((resolve) => child.on('close', resolve));
    try {
      const url = await new Promise<string>((resolve, reject) => {
        let out = '';
        child.stdout.on('data', (d: Buffer) => {
          out += d.toString();
          const line = out.split('\n').find((l) => l.startsWith('{'));
          if (line) resolve((JSON.parse(line) as { url: string }).url);
        });
        child.on('close', () => reject(new Error('hub process exited')));
      });
      const options = { baseUrl: url, timeoutMs: 300_000 };
      const h26 = new HubClient({ ...options, systemId: HANOI.id, secret: HANOI.secret });
      const h29 = new HubClient({ ...options, systemId: HCMC.id, secret: HCMC.secret });

      // Warm up every code path with a small packet, then measure from the settled state.
      const small = await h26.sendEdoc(documentPacket({ number: '401' }));
      const [warm] = await h29.getReceivedEdocList();
      await h29.getEdoc(warm!.docId);
      await h29.downloadEdoc(warm!.docId);
      await h29.updateStatus(warm!.docId, 'done');
      expect(small.docId).toBeTruthy();

      const attachment = randomBytes(37 * MB); // base64 ≈ 50 MB of packet
      const packet = documentPacket({ number: '402', attachment });
      const sha = createHash('sha256').update(packet).digest('hex');
      fs.writeFileSync(`/proc/${child.pid}/clear_refs`, '5'); // reset the peak to the current RSS
      const base = memory(child.pid!);

      const sent = await h26.sendEdoc(packet);
      const afterSend = memory(child.pid!);
      const [item] = await h29.getReceivedEdocList();
      const viaJson = await h29.getEdoc(item!.docId);
      expect(createHash('sha256').update(viaJson.data).digest('hex')).toBe(sha);
      const raw = await h29.downloadEdoc(item!.docId);
      expect(createHash('sha256').update(raw.data).digest('hex')).toBe(sha);
      const after = memory(child.pid!);
      expect(sent.docId).toBeTruthy();

      const growth = (after.peak - base.rss) / packet.length;
      console.log(
        `packet ${(packet.length / MB).toFixed(1)} MB; hub RSS ${(base.rss / MB).toFixed(0)} MB; ` +
          `peak after send +${((afterSend.peak - base.rss) / MB).toFixed(0)} MB, after downloads +${((after.peak - base.rss) / MB).toFixed(0)} MB (${growth.toFixed(1)}× the packet)`,
      );
      expect(growth).toBeLessThan(5);
    } finally {
      child.kill('SIGTERM');
      await exited;
      await database?.drop();
    }
  });
});
