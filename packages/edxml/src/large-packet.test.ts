import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const ROOT = fileURLToPath(new URL('../../..', import.meta.url));
const PROBE = fileURLToPath(new URL('./test-support/memory-probe.ts', import.meta.url));

interface ProbeResult {
  packetLength: number;
  buildDelta: number;
  packetAlone: number;
  parseDelta: number;
  decodeDelta: number;
  totalDelta: number;
  decodedSize: number;
  decodedLength: number;
  shaMatches: boolean;
}

describe('large packets stay memory-bounded', () => {
  it('builds, parses and decodes a ~50 MB packet within a few copies of its size', () => {
    const attachmentBytes = 37 * 1024 * 1024; // base64 adds a third: ~50 MB of packet text
    // A separate process gives clean numbers (--expose-gc) and a hard heap ceiling: if parsing
    // needed many copies of the packet, V8 would run out of old space and the child would fail.
    const out = execFileSync(
      process.execPath,
      [
        '--expose-gc',
        '--max-old-space-size=400',
        '--import',
        'tsx',
        PROBE,
        String(attachmentBytes),
      ],
      { cwd: ROOT, encoding: 'utf8', maxBuffer: 1024 * 1024 },
    );
    const r = JSON.parse(out) as ProbeResult;
    const size = r.packetLength;
    expect(size).toBeGreaterThan(49 * 1024 * 1024);
    expect(r.shaMatches).toBe(true);
    expect(r.decodedSize).toBe(attachmentBytes);
    expect(r.decodedLength).toBe(attachmentBytes);
    // Sanity bounds, not timings (measured: build ≈ 1.8×, parse ≈ 1×, parse + decode ≈ 1.8×).
    expect(r.buildDelta).toBeLessThan(6 * size);
    // Parsing keeps base64 as slices of one compact view of the bytes, not a tree of copies.
    expect(r.parseDelta).toBeLessThan(1.5 * size);
    // Decoding then adds the attachment bytes once (3/4 of the base64 text).
    expect(r.decodeDelta).toBeLessThan(2.5 * size);
    // Packet bytes + parsed packet + decoded attachment, all held at once.
    expect(r.totalDelta).toBeLessThan(6 * size);
  }, 120_000);
});
