import type { Readable } from 'node:stream';
import type { Db } from '../../platform/db/database.js';
import type { FileStorage } from '../../platform/storage/storage.js';
import type { Actor } from '../identity/index.js';
import {
  contentDisposition,
  etagOf,
  ifRangeAllows,
  noneMatch,
  parseRange,
} from './download.models.js';
import { filesErrors } from './files.errors.js';
import { kindOf } from './files.models.js';
import type { FileAccessRule } from './files.policies.js';
import { findReadableFile } from './files.usecases.js';

export interface DownloadRequest {
  disposition: 'inline' | 'attachment';
  range?: string | undefined;
  ifRange?: string | undefined;
  ifNoneMatch?: string | undefined;
}

export interface DownloadResponse {
  status: 200 | 206 | 304;
  headers: Record<string, string>;
  body: Readable | null;
}

/**
 * A file's bytes with the headers browsers and PDF viewers need: conditional (ETag = hash),
 * partial (one Range), named (Vietnamese names via filename*). Types a browser could run
 * (XML may carry script) always download; `nosniff` stops guessing.
 */
export async function downloadFile(
  deps: { db: Db; storage: FileStorage; fileAccessRules: readonly FileAccessRule[] },
  actor: Actor,
  fileId: string,
  request: DownloadRequest,
): Promise<DownloadResponse> {
  const file = await findReadableFile(deps, actor, fileId);
  const etag = etagOf(file.sha256);
  const kind = kindOf(file.mediaType);
  const common = {
    etag,
    // private: never in shared caches; no-cache: revalidate, so revoked access takes effect.
    'cache-control': 'private, no-cache',
    'x-content-type-options': 'nosniff',
    'accept-ranges': 'bytes',
  };
  if (noneMatch(request.ifNoneMatch, etag)) return { status: 304, headers: common, body: null };
  const inline = request.disposition === 'inline' && kind?.inline === true;
  const headers = {
    ...common,
    'content-type': kind?.magic === 'text' ? `${file.mediaType}; charset=utf-8` : file.mediaType,
    'content-disposition': contentDisposition(inline ? 'inline' : 'attachment', file.name),
  };
  const range = ifRangeAllows(request.ifRange, etag)
    ? parseRange(request.range, file.size)
    : ({ type: 'full' } as const);
  if (range.type === 'unsatisfiable')
    throw filesErrors.rangeNotSatisfiable(undefined, {
      headers: { 'content-range': `bytes */${file.size}` },
    });
  if (range.type === 'partial') {
    return {
      status: 206,
      headers: {
        ...headers,
        'content-range': `bytes ${range.start}-${range.end}/${file.size}`,
        'content-length': String(range.end - range.start + 1),
      },
      body: await deps.storage.open(file.sha256, { start: range.start, end: range.end }),
    };
  }
  return {
    status: 200,
    headers: { ...headers, 'content-length': String(file.size) },
    body: await deps.storage.open(file.sha256),
  };
}
