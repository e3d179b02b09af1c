import type { Readable } from 'node:stream';

/**
 * Content-addressed byte storage: blobs are named by their SHA-256 (lowercase hex) and never
 * change once kept. Callers see hashes, sizes and streams only — no paths or keys — so a driver for
 * object storage (S3 and the like) can sit behind the same interface as the local disk.
 */
export interface FileStorage {
  /**
   * Receives a stream into a private staging area while hashing it. Nothing is visible under the
   * hash until `commit()`, so a caller can inspect the bytes first and `discard()` them.
   */
  stage(source: Readable, options?: StageOptions): Promise<StagedBlob>;
  /** `stage` + `commit` for callers that need no inspection. */
  put(source: Readable, options?: StageOptions): Promise<StoredBlob>;
  exists(sha256: string): Promise<boolean>;
  /** Size of a kept blob, or null when it is not stored. */
  stat(sha256: string): Promise<{ size: number } | null>;
  /** Reads a kept blob, whole or one inclusive byte range; `BlobNotFoundError` when missing. */
  open(sha256: string, range?: ByteRange): Promise<Readable>;
}

export interface StageOptions {
  /** More bytes than this fail the stage with `BlobTooLargeError`; nothing is left behind. */
  maxBytes?: number;
}

export interface StoredBlob {
  sha256: string;
  size: number;
}

export interface StagedBlob extends StoredBlob {
  /** Reads the staged bytes (sniffing, validation) before they are kept. */
  open(range?: ByteRange): Promise<Readable>;
  /** Makes the bytes readable under their hash, atomically; a no-op when already stored. */
  commit(): Promise<void>;
  /** Drops the staged bytes; safe after `commit()` and when called twice. */
  discard(): Promise<void>;
}

/** Inclusive offsets, as in HTTP `Range: bytes=start-end`. */
export interface ByteRange {
  start: number;
  end: number;
}

export class BlobTooLargeError extends Error {
  constructor(readonly maxBytes: number) {
    super(`The content is larger than ${maxBytes} bytes`);
    this.name = 'BlobTooLargeError';
  }
}

export class BlobNotFoundError extends Error {
  constructor(readonly sha256: string) {
    super(`No stored blob ${sha256}`);
    this.name = 'BlobNotFoundError';
  }
}

const SHA256_HEX = /^[0-9a-f]{64}$/;

/** Hashes are used to build storage names: anything but 64 lowercase hex digits is refused. */
export function assertSha256(sha256: string): void {
  if (!SHA256_HEX.test(sha256)) throw new Error(`Not a SHA-256 hex digest: ${sha256}`);
}

/** Reads a whole stream into memory; for callers that must (parsers), bounded by upload limits. */
export async function readAll(stream: Readable): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream)
    chunks.push(Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk));
  return Buffer.concat(chunks);
}
