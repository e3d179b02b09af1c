import { createHash, randomUUID } from 'node:crypto';
import fs from 'node:fs';
import fsp from 'node:fs/promises';
import path from 'node:path';
import { Transform, type Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import {
  assertSha256,
  BlobNotFoundError,
  BlobTooLargeError,
  type ByteRange,
  type FileStorage,
  type StagedBlob,
  type StageOptions,
} from './storage.js';

/**
 * Blobs on the local disk under `<root>/ab/cd/<sha256>`. Uploads are written to `<root>/tmp` (same
 * file system, so `rename` is atomic) and fsynced before they appear under their hash: a reader
 * never sees half a blob, and a crash leaves at most a stray `.part` file in `tmp/`.
 */
export function createLocalDiskStorage(rootDir: string): FileStorage {
  const tmpDir = path.join(rootDir, 'tmp');
  const blobPath = (sha256: string) => {
    assertSha256(sha256);
    return path.join(rootDir, sha256.slice(0, 2), sha256.slice(2, 4), sha256);
  };
  const read = (file: string, range?: ByteRange) =>
    fs.createReadStream(file, range ? { start: range.start, end: range.end } : {});

  async function stage(source: Readable, options: StageOptions = {}): Promise<StagedBlob> {
    await fsp.mkdir(tmpDir, { recursive: true });
    const tmpFile = path.join(tmpDir, `${randomUUID()}.part`);
    const hash = createHash('sha256');
    let size = 0;
    const meter = new Transform({
      transform(chunk: Buffer, _encoding, done) {
        size += chunk.length;
        if (options.maxBytes !== undefined && size > options.maxBytes)
          return done(new BlobTooLargeError(options.maxBytes));
        hash.update(chunk);
        done(null, chunk);
      },
    });
    try {
      await pipeline(
        source,
        meter,
        fs.createWriteStream(tmpFile, { flags: 'wx', mode: 0o600, flush: true }),
      );
    } catch (error) {
      await fsp.rm(tmpFile, { force: true });
      throw error;
    }
    const sha256 = hash.digest('hex');
    let settled = false;
    return {
      sha256,
      size,
      open: async (range) => {
        if (settled) throw new Error('The staged blob was already committed or discarded');
        return read(tmpFile, range);
      },
      commit: async () => {
        if (settled) return;
        settled = true;
        const target = blobPath(sha256);
        if (await exists(sha256)) {
          // Same bytes already kept (dedupe): the staged copy is redundant.
          await fsp.rm(tmpFile, { force: true });
          return;
        }
        await fsp.mkdir(path.dirname(target), { recursive: true });
        await fsp.chmod(tmpFile, 0o400);
        await fsp.rename(tmpFile, target);
      },
      discard: async () => {
        if (settled) return;
        settled = true;
        await fsp.rm(tmpFile, { force: true });
      },
    };
  }

  async function stat(sha256: string): Promise<{ size: number } | null> {
    try {
      const s = await fsp.stat(blobPath(sha256));
      return { size: s.size };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
      throw error;
    }
  }

  async function exists(sha256: string): Promise<boolean> {
    return (await stat(sha256)) !== null;
  }

  return {
    stage,
    put: async (source, options) => {
      const staged = await stage(source, options);
      await staged.commit();
      return { sha256: staged.sha256, size: staged.size };
    },
    exists,
    stat,
    open: async (sha256, range) => {
      if (!(await exists(sha256))) throw new BlobNotFoundError(sha256);
      return read(blobPath(sha256), range);
    },
  };
}
