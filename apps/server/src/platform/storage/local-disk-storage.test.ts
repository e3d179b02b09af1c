import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createLocalDiskStorage } from './local-disk-storage.js';
import { BlobNotFoundError, BlobTooLargeError, readAll, type FileStorage } from './storage.js';

const sha = (b: Buffer) => createHash('sha256').update(b).digest('hex');

/** Every regular file under a directory, relative paths. */
function filesUnder(dir: string): string[] {
  if (!fs.existsSync(dir)) return [];
  return fs
    .readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => path.relative(dir, path.join(e.parentPath, e.name)));
}

describe('local disk storage', () => {
  let root: string;
  let storage: FileStorage;
  beforeEach(() => {
    root = fs.mkdtempSync(path.join(os.tmpdir(), 'vanban-storage-'));
    storage = createLocalDiskStorage(root);
  });
  afterEach(() => fs.rmSync(root, { recursive: true, force: true }));

  it('keeps bytes under <root>/ab/cd/<sha256> and reads them back whole or by range', async () => {
    const bytes = Buffer.from('Ủy ban nhân dân thành phố Hà Nội');
    const stored = await storage.put(Readable.from([bytes.subarray(0, 5), bytes.subarray(5)]));
    expect(stored).toEqual({ sha256: sha(bytes), size: bytes.length });
    expect(filesUnder(root)).toEqual([
      path.join(stored.sha256.slice(0, 2), stored.sha256.slice(2, 4), stored.sha256),
    ]);
    expect(await storage.exists(stored.sha256)).toBe(true);
    expect(await storage.stat(stored.sha256)).toEqual({ size: bytes.length });
    expect(await readAll(await storage.open(stored.sha256))).toEqual(bytes);
    expect(await readAll(await storage.open(stored.sha256, { start: 2, end: 4 }))).toEqual(
      bytes.subarray(2, 5),
    );
  });

  it('shows staged bytes only after commit, and discard leaves nothing', async () => {
    const bytes = Buffer.from('draft');
    const staged = await storage.stage(Readable.from([bytes]));
    expect(await storage.exists(staged.sha256)).toBe(false);
    expect(await readAll(await staged.open())).toEqual(bytes);
    await staged.discard();
    await staged.discard();
    expect(filesUnder(root)).toEqual([]);
    const again = await storage.stage(Readable.from([bytes]));
    await again.commit();
    await again.discard(); // after commit: a no-op
    expect(await storage.exists(again.sha256)).toBe(true);
  });

  it('stores the same bytes once', async () => {
    const bytes = Buffer.from('same');
    const a = await storage.put(Readable.from([bytes]));
    const b = await storage.put(Readable.from([bytes]));
    expect(a.sha256).toBe(b.sha256);
    expect(filesUnder(root)).toHaveLength(1);
  });

  it('refuses more than maxBytes without leaving a temp file', async () => {
    await expect(
      storage.stage(Readable.from([Buffer.alloc(10), Buffer.alloc(10)]), { maxBytes: 15 }),
    ).rejects.toBeInstanceOf(BlobTooLargeError);
    expect(filesUnder(root)).toEqual([]);
  });

  it('cleans up when the source stream fails midway', async () => {
    const failing = new Readable({
      read() {
        this.push(Buffer.from('part'));
        this.destroy(new Error('client went away'));
      },
    });
    await expect(storage.stage(failing)).rejects.toThrow('client went away');
    expect(filesUnder(root)).toEqual([]);
  });

  it('reports missing blobs and refuses names that are not hashes', async () => {
    const missing = 'a'.repeat(64);
    expect(await storage.exists(missing)).toBe(false);
    expect(await storage.stat(missing)).toBeNull();
    await expect(storage.open(missing)).rejects.toBeInstanceOf(BlobNotFoundError);
    await expect(storage.open('../../etc/passwd')).rejects.toThrow(/Not a SHA-256/);
  });
});
