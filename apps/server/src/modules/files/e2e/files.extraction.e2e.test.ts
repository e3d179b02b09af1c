import { eq } from 'drizzle-orm';
import { strToU8, zipSync } from 'fflate';
import { beforeAll, describe, expect, it } from 'vitest';
import { backendsUnderTest } from '../../../../test/database.js';
import { makeDocx, makePdf, multipart, type FilePart } from '../../../../test/fixtures/files.js';
import { json, loginAs, useTestApp, type Session } from '../../../../test/test-app.js';
import { buildJobHandlers } from '../../../app/jobs.js';
import { drainJobs } from '../../../platform/jobs/jobs.worker.js';
import { blobs } from '../files.tables.js';
import type { BlobTextListener } from '../index.js';

const DECISION = 'Quyết định về việc phê duyệt kế hoạch cải tạo đường Đê La Thành';
const SECOND_PAGE = 'Ủy ban nhân dân thành phố Hà Nội giao Sở Xây dựng chủ trì thực hiện';
const LETTER = 'Công văn số 123/UBND-VP về việc tổ chức hội nghị tổng kết năm 2025';

describe.each(backendsUnderTest())('text extraction job on %s', (driver) => {
  const ctx = useTestApp(driver);
  let s: Session;
  /** What each listener call saw through its transaction. */
  const heard: Array<{ sha256: string; textState: string; text: string | null }> = [];
  const listener: BlobTextListener = async (tx, sha256) => {
    const [row] = await tx.select().from(blobs).where(eq(blobs.sha256, sha256));
    heard.push({ sha256, textState: row!.textState, text: row!.text });
  };
  const upload = async (part: FilePart) => {
    const { payload, headers } = multipart(part);
    const res = await ctx.app.inject({
      method: 'POST',
      url: '/api/files',
      payload,
      headers: s.headers(headers),
    });
    expect(res.statusCode).toBe(201);
    return json<{ id: string; sha256: string; textState: string }>(res);
  };
  const blob = async (sha256: string) =>
    (await ctx.database.db.select().from(blobs).where(eq(blobs.sha256, sha256)))[0]!;
  const drain = () =>
    drainJobs({ db: ctx.deps.db, clock: ctx.clock, handlers: buildJobHandlers(ctx.deps) });

  beforeAll(async () => {
    s = await loginAs(ctx.app, 'vanthu.ubnd');
    ctx.deps.blobTextListeners.push(listener);
  });

  it('reads the Vietnamese text layer of a PDF and tells the listeners', async () => {
    const file = await upload({
      filename: 'quyet-dinh.pdf',
      data: await makePdf([DECISION, SECOND_PAGE]),
    });
    expect(file.textState).toBe('pending');
    expect(await drain()).toMatchObject({ done: 1, failed: 0 });
    const row = await blob(file.sha256);
    expect(row.textState).toBe('done');
    expect(row.text).toContain(DECISION);
    expect(row.text).toContain(SECOND_PAGE);
    expect(row.text).toBe(row.text!.normalize('NFC'));
    expect(heard).toContainEqual({ sha256: file.sha256, textState: 'done', text: row.text });
    const meta = await ctx.app.inject({
      url: `/api/files/${file.id}`,
      headers: { cookie: s.cookie },
    });
    expect(json(meta)).toMatchObject({ textState: 'done' });
  });

  it('reads the body of a DOCX', async () => {
    const file = await upload({
      filename: 'cong-van.docx',
      data: makeDocx([LETTER, 'Kính gửi: Các sở, ban, ngành']),
    });
    await drain();
    const row = await blob(file.sha256);
    expect(row.textState).toBe('done');
    expect(row.text).toContain(LETTER);
    expect(row.text).toContain('Kính gửi: Các sở, ban, ngành');
    expect(heard.map((h) => h.sha256)).toContain(file.sha256);
  });

  it('settles a PDF without a text layer as none and a damaged DOCX as failed, once', async () => {
    const scanBytes = await makePdf(['']);
    const scan = await upload({ filename: 'ban-quet.pdf', data: scanBytes });
    const broken = Buffer.from(
      zipSync({
        '[Content_Types].xml': strToU8(
          '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">' +
            '<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>',
        ),
        'word/document.xml': strToU8('this is not xml <<<'),
      }),
    );
    const damaged = await upload({ filename: 'hong.docx', data: broken });
    expect(await drain()).toMatchObject({ done: 2, retried: 0, failed: 0 });
    expect(await blob(scan.sha256)).toMatchObject({ textState: 'none', text: null });
    expect(await blob(damaged.sha256)).toMatchObject({ textState: 'failed', text: null });
    // Idempotent: the same bytes again enqueue nothing; a rerun would change nothing.
    const heardBefore = heard.length;
    await upload({ filename: 'ban-quet-2.pdf', data: scanBytes });
    expect(await drain()).toMatchObject({ done: 0 });
    expect(heard.length).toBe(heardBefore);
  });
});
