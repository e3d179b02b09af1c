import { Readable } from 'node:stream';
import type pg from 'pg';
import { createLocalDiskStorage } from '../../apps/server/src/platform/storage/local-disk-storage.js';
import { asciiFold, buildPdf, wrap } from '../lib/pdf.js';
import { Rng } from '../lib/random.js';
import { contentFor, subjectFor } from './subjects.js';

export interface SharedBlob {
  sha256: string;
  size: number;
  pages: number;
  text: string;
}

/**
 * A handful of PDFs shared by every generated document (the bytes of a million scans would only
 * measure the disk). Written through the app's content-addressed storage (`ab/cd/<sha256>`), so
 * downloads work; their text is stored as already extracted.
 */
export async function writeSharedBlobs(
  pool: pg.Pool,
  storageDir: string,
  seed: number,
  count: number,
  createdAt: number,
): Promise<SharedBlob[]> {
  const rng = new Rng(seed, 'blobs');
  const storage = createLocalDiskStorage(storageDir);
  const blobs: SharedBlob[] = [];
  for (let i = 0; i < count; i++) {
    const pages = Array.from({ length: rng.int(1, 4) }, () => {
      const subject = subjectFor(rng, 'official_letter', 2025);
      return wrap(asciiFold(contentFor(rng, subject)));
    });
    const bytes = buildPdf({ pages, size: rng.int(20, 300) * 1024, fill: `blob-${seed}-${i} ` });
    const { sha256, size } = await storage.put(Readable.from([bytes]));
    blobs.push({
      sha256,
      size,
      pages: pages.length,
      text: pages.map((p) => p.join('\n')).join('\n\n'),
    });
  }
  const at = new Date(createdAt).toISOString();
  for (const b of blobs)
    await pool.query(
      `insert into blobs (sha256, size, media_type, page_count, text_state, text, created_at)
       values ($1, $2, 'application/pdf', $3, 'done', $4, $5) on conflict do nothing`,
      [b.sha256, b.size, b.pages, b.text, at],
    );
  return blobs;
}
