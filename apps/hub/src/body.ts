/**
 * Streams a sendEdoc body to a temporary file: memory stays at one socket chunk whatever the size.
 * Computes SHA-256 of the whole body and of the body without a trailing CRLF (the SDK appends one
 * after the packet; standards.md §1.8), and enforces the size limit while reading.
 */
import { createHash, randomUUID } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { Readable } from 'node:stream';

export interface SpooledBody {
  file: string;
  size: number;
  /** SHA-256 of every byte. */
  digestAll: Buffer;
  /** SHA-256 without the final CRLF, when the body ends with one. */
  digestWithoutCrlf: Buffer | null;
  /** The body went past `limit`: nothing was kept (the rest was read and discarded). */
  tooLarge: boolean;
}

const CRLF = Buffer.from('\r\n');

export async function spoolBody(
  stream: Readable,
  tmpDir: string,
  limit: number,
): Promise<SpooledBody> {
  fs.mkdirSync(tmpDir, { recursive: true });
  const file = path.join(tmpDir, `${randomUUID()}.part`);
  const out = fs.createWriteStream(file, { flags: 'wx', mode: 0o600 });
  const all = createHash('sha256');
  const trimmed = createHash('sha256');
  let tail: Buffer = Buffer.alloc(0);
  let size = 0;
  let tooLarge = false;
  const write = (chunk: Buffer) =>
    new Promise<void>((resolve, reject) => {
      out.write(chunk, (error) => (error ? reject(error) : resolve()));
    });
  try {
    for await (const raw of stream) {
      const chunk = Buffer.isBuffer(raw) ? raw : Buffer.from(raw as Uint8Array);
      size += chunk.length;
      if (tooLarge) continue;
      if (size > limit) {
        // Keep reading to the end (discarding) so the client gets the answer, not a reset.
        tooLarge = true;
        continue;
      }
      all.update(chunk);
      const joined = tail.length > 0 ? Buffer.concat([tail, chunk]) : chunk;
      const keep = Math.min(2, joined.length);
      trimmed.update(joined.subarray(0, joined.length - keep));
      tail = Buffer.from(joined.subarray(joined.length - keep));
      await write(chunk);
    }
    await new Promise<void>((resolve, reject) => {
      out.end((error?: Error | null) => (error ? reject(error) : resolve()));
    });
  } catch (error) {
    out.destroy();
    fs.rmSync(file, { force: true });
    throw error;
  }
  if (tooLarge) {
    fs.rmSync(file, { force: true });
    return { file, size, digestAll: Buffer.alloc(0), digestWithoutCrlf: null, tooLarge };
  }
  return {
    file,
    size,
    digestAll: all.digest(),
    digestWithoutCrlf: tail.equals(CRLF) ? trimmed.digest() : null,
    tooLarge,
  };
}
