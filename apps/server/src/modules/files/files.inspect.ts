import { Readable } from 'node:stream';
import { fileTypeFromStream } from 'file-type';
import { getDocumentProxy } from 'unpdf';
import { readAll, type StagedBlob } from '../../platform/storage/storage.js';
import { filesErrors } from './files.errors.js';
import { judgeContent, type FileKind, type Verdict } from './files.models.js';

/** The signature `file-type` finds in the bytes (its extension name), or null. */
async function sniff(stream: Readable): Promise<string | null> {
  try {
    // The web-stream overload: TypeScript resolves file-type's portable typings.
    return (await fileTypeFromStream(Readable.toWeb(stream)))?.ext ?? null;
  } finally {
    stream.destroy();
  }
}

/** Streams through the bytes: strict UTF-8 (a BOM is fine), no NUL, and whether it opens with `#!`. */
async function textFacts(stream: Readable): Promise<{ utf8: boolean; shebang: boolean }> {
  const decoder = new TextDecoder('utf-8', { fatal: true });
  let head: Buffer | null = null;
  try {
    for await (const chunk of stream as AsyncIterable<Buffer>) {
      head ??= chunk.subarray(0, 2);
      if (chunk.includes(0)) return { utf8: false, shebang: false };
      decoder.decode(chunk, { stream: true });
    }
    decoder.decode();
  } catch {
    return { utf8: false, shebang: false };
  } finally {
    stream.destroy();
  }
  return { utf8: true, shebang: head?.toString('latin1') === '#!' };
}

/** Opens a PDF with pdf.js (no canvas, no eval); callers must `destroy()` the document. */
export function openPdf(bytes: Uint8Array) {
  // A copy: pdf.js may take ownership of (detach) the buffer it is given.
  return getDocumentProxy(new Uint8Array(bytes), { verbosity: 0, isEvalSupported: false });
}

/** Pages of a PDF; null when it is encrypted with a user password (valid, but unreadable). */
export async function countPdfPages(bytes: Uint8Array): Promise<number | null> {
  let pdf: Awaited<ReturnType<typeof openPdf>> | undefined;
  try {
    pdf = await openPdf(bytes);
    return pdf.numPages;
  } catch (error) {
    if (error instanceof Error && error.name === 'PasswordException') return null;
    throw filesErrors.pdfInvalid(error instanceof Error ? error.message : undefined);
  } finally {
    await pdf?.destroy();
  }
}

/**
 * Reads the staged bytes to decide whether they are what the name says; for a PDF also counts
 * pages (pdf.js needs the whole file in memory, bounded by the upload limit).
 */
export async function inspectStaged(
  staged: StagedBlob,
  kind: FileKind,
): Promise<{ verdict: Verdict; pageCount: number | null }> {
  const detected = await sniff(await staged.open());
  const text = kind.magic === 'text' ? await textFacts(await staged.open()) : undefined;
  const verdict = judgeContent(kind, { detected, ...(text ? { text } : {}) });
  if (!verdict.ok || kind.kind !== 'pdf') return { verdict, pageCount: null };
  return { verdict, pageCount: await countPdfPages(await readAll(await staged.open())) };
}
