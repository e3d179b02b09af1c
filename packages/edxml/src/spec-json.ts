/**
 * Builder input from JSON (CLI `build`): the `PacketSpec` shape, except that attachments name a
 * file by `path`, relative to the spec file, instead of carrying bytes.
 */
import { readFileSync } from 'node:fs';
import { basename, resolve } from 'node:path';
import type { ZipPolicy } from './content-types.js';
import { EdxmlError } from './errors.js';
import type { BuildOptions } from './packet-builder.js';
import type { AttachmentInput, PacketSpec } from './types.js';

interface AttachmentJsonSpec {
  path: string;
  name?: string;
  contentType?: string;
  description?: string;
  contentId?: string;
  zip?: boolean;
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

export function specFromJson(
  json: unknown,
  baseDir: string,
): { spec: PacketSpec; options: BuildOptions } {
  if (!isRecord(json) || (json.kind !== 'document' && json.kind !== 'status')) {
    throw new EdxmlError(
      'edxml.invalid_spec',
      'The spec must be an object with kind "document" or "status"',
    );
  }
  const options: BuildOptions = {};
  const policy = json.zipPolicy;
  if (policy !== undefined) {
    if (policy !== 'none' && policy !== 'bkav' && policy !== 'all') {
      throw new EdxmlError('edxml.invalid_spec', 'zipPolicy must be "none", "bkav" or "all"');
    }
    options.zipPolicy = policy as ZipPolicy;
  }
  if (json.kind === 'status') return { spec: json as unknown as PacketSpec, options };
  const rawAttachments = json.attachments ?? [];
  if (!Array.isArray(rawAttachments))
    throw new EdxmlError('edxml.invalid_spec', 'attachments must be an array');
  const attachments: AttachmentInput[] = rawAttachments.map((raw: unknown, i) => {
    if (!isRecord(raw) || typeof raw.path !== 'string') {
      throw new EdxmlError('edxml.invalid_spec', `attachments[${i}].path must be a file path`);
    }
    const a = raw as unknown as AttachmentJsonSpec;
    const file = resolve(baseDir, a.path);
    let data: Buffer;
    try {
      data = readFileSync(file);
    } catch (cause) {
      throw new EdxmlError('edxml.invalid_spec', `attachments[${i}]: cannot read ${a.path}`, {
        cause,
      });
    }
    return {
      name: a.name ?? basename(file),
      data,
      ...(a.contentType !== undefined ? { contentType: a.contentType } : {}),
      ...(a.description !== undefined ? { description: a.description } : {}),
      ...(a.contentId !== undefined ? { contentId: a.contentId } : {}),
      ...(a.zip !== undefined ? { zip: a.zip } : {}),
    };
  });
  const rest: Record<string, unknown> = { ...json, attachments };
  delete rest.zipPolicy;
  return { spec: rest as unknown as PacketSpec, options };
}
