import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { backendsUnderTest } from '../../../../test/database.js';
import {
  makeDocx,
  makeElf,
  makeExe,
  makePdf,
  multipart,
  PNG_1X1,
  type FilePart,
} from '../../../../test/fixtures/files.js';
import { json, loginAs, useTestApp, type Session } from '../../../../test/test-app.js';
import { queryRows } from '../../../platform/db/database.js';
import { loadFilesForAttach, type FileAccessRule } from '../index.js';

const sha256 = (b: Buffer) => createHash('sha256').update(b).digest('hex');

interface FileJson {
  id: string;
  name: string;
  mediaType: string;
  size: number;
  sha256: string;
  pageCount: number | null;
  textState: string;
  createdAt: string;
}

/** Regular files under the storage root (blobs and any temp leftovers), relative paths. */
function storedFiles(dir: string): string[] {
  if (!fs.existsSync(dir)) return [];
  return fs
    .readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => path.relative(dir, path.join(e.parentPath, e.name)));
}

describe.each(backendsUnderTest())('file uploads and downloads on %s', (driver) => {
  const ctx = useTestApp(driver);
  let owner: Session;
  let other: Session;
  let pdf: Buffer;
  const upload = (s: Session, part: FilePart) => {
    const { payload, headers } = multipart(part);
    return ctx.app.inject({
      method: 'POST',
      url: '/api/files',
      payload,
      headers: s.headers(headers),
    });
  };
  const count = async (table: 'blobs' | 'files' | 'jobs') =>
    (
      await queryRows<{ n: number }>(
        ctx.database.db,
        sql`select count(*)::int as n from ${sql.identifier(table)}`,
      )
    )[0]!.n;

  beforeAll(async () => {
    owner = await loginAs(ctx.app, 'chuyenvien.snv');
    other = await loginAs(ctx.app, 'chuyenvien.stc');
    pdf = await makePdf(['Trang một', 'Trang hai']);
  });

  it('accepts a PDF with its metadata, an audit event and a text job', async () => {
    const res = await upload(owner, {
      filename: 'Quyết định số 12.pdf',
      contentType: 'application/pdf',
      data: pdf,
    });
    expect(res.statusCode).toBe(201);
    const file = json<FileJson>(res);
    expect(file).toEqual({
      id: expect.any(String),
      name: 'Quyết định số 12.pdf',
      mediaType: 'application/pdf',
      size: pdf.length,
      sha256: sha256(pdf),
      pageCount: 2,
      textState: 'pending',
      createdAt: '2026-03-02T02:00:00.000Z',
    });
    const audit = await queryRows<{ subject_id: string; data: Record<string, unknown> }>(
      ctx.database.db,
      sql`select subject_id, data from audit_events where type = 'file.uploaded'`,
    );
    expect(audit).toContainEqual({
      subject_id: file.id,
      data: expect.objectContaining({ name: 'Quyết định số 12.pdf', sha256: sha256(pdf) }),
    });
    const queued = await queryRows<{ kind: string; payload: unknown }>(
      ctx.database.db,
      sql`select kind, payload from jobs where dedupe_key = ${`files.extract_text:${file.sha256}`}`,
    );
    expect(queued).toEqual([{ kind: 'files.extract_text', payload: { sha256: file.sha256 } }]);
  });

  it('accepts DOCX, PNG and UTF-8 text, named by content', async () => {
    const docx = makeDocx(['Báo cáo tháng 3']);
    const cases: Array<[FilePart, Partial<FileJson>]> = [
      [
        { filename: 'bao-cao.docx', data: docx },
        {
          mediaType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
          pageCount: null,
          textState: 'pending',
        },
      ],
      [
        { filename: 'C:\\fakepath\\ảnh chụp.PNG', contentType: 'image/png', data: PNG_1X1 },
        { name: 'ảnh chụp.PNG', mediaType: 'image/png', textState: 'none' },
      ],
      [
        {
          filename: 'ghi-chu.txt',
          contentType: 'text/plain',
          data: Buffer.from('Ghi chú: họp lúc 8 giờ\n'),
        },
        { mediaType: 'text/plain', textState: 'pending' },
      ],
    ];
    for (const [part, expected] of cases) {
      const res = await upload(owner, part);
      expect(res.statusCode, part.filename).toBe(201);
      expect(json(res)).toMatchObject({ ...expected, size: part.data.length });
    }
  });

  it.each([
    [
      'an ELF program named .pdf',
      { filename: 'cong-van.pdf', data: makeElf() },
      415,
      'files.type_forbidden',
    ],
    [
      'a Windows program named .pdf',
      { filename: 'cong-van.pdf', contentType: 'application/pdf', data: makeExe() },
      415,
      'files.type_forbidden',
    ],
    [
      'a program by its name',
      { filename: 'setup.exe', data: makeExe() },
      415,
      'files.type_forbidden',
    ],
    [
      'a double extension',
      { filename: 'quyet-dinh.pdf.exe', data: makeExe() },
      415,
      'files.type_forbidden',
    ],
    [
      'a declared script type',
      { filename: 'a.txt', contentType: 'application/x-sh', data: Buffer.from('echo') },
      415,
      'files.type_forbidden',
    ],
    [
      'a shell script named .txt',
      { filename: 'a.txt', data: Buffer.from('#!/bin/sh\nrm -rf /\n') },
      415,
      'files.type_forbidden',
    ],
    [
      'an HTML page',
      { filename: 'trang.html', data: Buffer.from('<script>alert(1)</script>') },
      415,
      'files.type_forbidden',
    ],
    [
      'a PNG named .pdf',
      { filename: 'scan.pdf', contentType: 'application/pdf', data: PNG_1X1 },
      422,
      'files.type_mismatch',
    ],
    [
      'a PNG declared as PDF',
      { filename: 'scan.png', contentType: 'application/pdf', data: PNG_1X1 },
      422,
      'files.type_mismatch',
    ],
    [
      'a DOCX named .xlsx',
      { filename: 'bang.xlsx', data: makeDocx(['x']) },
      422,
      'files.type_mismatch',
    ],
    [
      'binary named .txt',
      { filename: 'a.txt', data: Buffer.from([0x61, 0x00, 0x62]) },
      422,
      'files.type_mismatch',
    ],
    [
      'Latin-1 text named .txt',
      { filename: 'a.txt', data: Buffer.from('Hà Nội', 'latin1') },
      422,
      'files.type_mismatch',
    ],
    [
      'a broken PDF',
      { filename: 'hong.pdf', data: Buffer.from('%PDF-1.7\n1 0 obj << >> garbage') },
      422,
      'files.pdf_invalid',
    ],
  ])('refuses %s', async (_label, part, status, code) => {
    const before = await Promise.all([count('blobs'), count('files')]);
    const res = await upload(owner, part);
    expect(res.statusCode).toBe(status);
    expect(res.headers['content-type']).toMatch(/application\/problem\+json/);
    expect(json(res)).toMatchObject({ status, code });
    expect(await Promise.all([count('blobs'), count('files')])).toEqual(before);
    expect(storedFiles(ctx.deps.config.storage.dir).filter((f) => f.startsWith('tmp'))).toEqual([]);
  });

  it('asks for a file part, a session and the CSRF token', async () => {
    const json1 = await ctx.app.inject({
      method: 'POST',
      url: '/api/files',
      headers: owner.headers(),
      payload: {},
    });
    expect(json(json1)).toMatchObject({ status: 400, code: 'files.file_required' });
    const { payload, headers } = multipart({ filename: 'a.pdf', data: pdf });
    const anonymous = await ctx.app.inject({ method: 'POST', url: '/api/files', payload, headers });
    expect(json(anonymous)).toMatchObject({ status: 401, code: 'auth.required' });
    const noCsrf = await ctx.app.inject({
      method: 'POST',
      url: '/api/files',
      payload,
      headers: { ...headers, cookie: owner.cookie },
    });
    expect(json(noCsrf)).toMatchObject({ status: 403, code: 'auth.csrf_failed' });
  });

  it('keeps the same bytes once: one blob, two files', async () => {
    const bytes = await makePdf(['Bản sao']);
    const a = json<FileJson>(await upload(owner, { filename: 'ban-1.pdf', data: bytes }));
    const b = json<FileJson>(await upload(other, { filename: 'ban-2.pdf', data: bytes }));
    expect(a.id).not.toBe(b.id);
    expect(a.sha256).toBe(b.sha256);
    const rows = await queryRows<{ blobs: number; files: number; jobs: number }>(
      ctx.database.db,
      sql`select (select count(*)::int from blobs where sha256 = ${a.sha256}) as blobs,
                 (select count(*)::int from files where sha256 = ${a.sha256}) as files,
                 (select count(*)::int from jobs where dedupe_key = ${`files.extract_text:${a.sha256}`}) as jobs`,
    );
    expect(rows[0]).toEqual({ blobs: 1, files: 2, jobs: 1 });
    expect(
      storedFiles(ctx.deps.config.storage.dir).filter((f) => f.endsWith(a.sha256)),
    ).toHaveLength(1);
  });

  it('lets other modules attach only files the actor uploaded', async () => {
    const userId = async (username: string) =>
      (
        await queryRows<{ id: string }>(
          ctx.database.db,
          sql`select id from users where username = ${username}`,
        )
      )[0]!.id;
    const [ownerId, otherId] = [await userId('chuyenvien.snv'), await userId('chuyenvien.stc')];
    const mine = json<FileJson>(await upload(owner, { filename: 'dinh-kem.pdf', data: pdf }));
    const theirs = json<FileJson>(
      await upload(other, { filename: 'khac.txt', data: Buffer.from('Tệp của người khác') }),
    );
    await ctx.database.db.transaction(async (tx) => {
      expect(await loadFilesForAttach(tx, [ownerId], [mine.id, mine.id])).toEqual([
        {
          id: mine.id,
          name: 'dinh-kem.pdf',
          mediaType: 'application/pdf',
          size: pdf.length,
          sha256: mine.sha256,
          pageCount: 2,
          textState: 'pending',
          text: null,
          uploadedBy: ownerId,
        },
      ]);
      await expect(loadFilesForAttach(tx, [ownerId], [mine.id, theirs.id])).rejects.toMatchObject({
        code: 'files.not_found',
        status: 404,
      });
      await expect(
        loadFilesForAttach(tx, [ownerId], ['0190b3a4-0000-7000-8000-000000000000']),
      ).rejects.toMatchObject({ code: 'files.not_found' });
      // A delegate attaching for their leader passes both ids.
      const both = await loadFilesForAttach(tx, [ownerId, otherId], [theirs.id, mine.id]);
      expect(both.map((f) => f.id)).toEqual([theirs.id, mine.id]);
    });
  });

  describe('downloads', () => {
    let file: FileJson;
    beforeAll(async () => {
      file = json<FileJson>(
        await upload(owner, { filename: "Quyết định đặc biệt (2026) 'mật'.pdf", data: pdf }),
      );
    });
    const get = (url: string, s: Session, headers: Record<string, string> = {}) =>
      ctx.app.inject({ url, headers: { cookie: s.cookie, ...headers } });

    it('serves metadata and the bytes with safe, cacheable headers and a Vietnamese name', async () => {
      expect(json(await get(`/api/files/${file.id}`, owner))).toEqual(file);
      const res = await get(`/api/files/${file.id}/content`, owner);
      expect(res.statusCode).toBe(200);
      expect(res.rawPayload.equals(pdf)).toBe(true);
      expect(res.headers).toMatchObject({
        'content-type': 'application/pdf',
        'content-length': String(pdf.length),
        etag: `"${file.sha256}"`,
        'x-content-type-options': 'nosniff',
        'accept-ranges': 'bytes',
      });
      expect(res.headers['cache-control']).toMatch(/\bprivate\b/);
      expect(res.headers['content-disposition']).toBe(
        `attachment; filename="Quyet dinh dac biet (2026) 'mat'.pdf"; ` +
          `filename*=UTF-8''Quy%E1%BA%BFt%20%C4%91%E1%BB%8Bnh%20%C4%91%E1%BA%B7c%20bi%E1%BB%87t%20%282026%29%20%27m%E1%BA%ADt%27.pdf`,
      );
      const decoded = decodeURIComponent(
        /filename\*=UTF-8''(.+)$/.exec(res.headers['content-disposition'] as string)![1]!,
      );
      expect(decoded).toBe("Quyết định đặc biệt (2026) 'mật'.pdf");
    });

    it('previews PDFs inline but always downloads types a browser could run', async () => {
      const inline = await get(`/api/files/${file.id}/content?disposition=inline`, owner);
      expect(inline.headers['content-disposition']).toMatch(/^inline; /);
      const xml = json<FileJson>(
        await upload(owner, {
          filename: 'goi-tin.xml',
          data: Buffer.from('<?xml version="1.0"?><a>ý</a>'),
        }),
      );
      expect(xml.mediaType).toBe('application/xml');
      const res = await get(`/api/files/${xml.id}/content?disposition=inline`, owner);
      expect(res.headers['content-disposition']).toMatch(/^attachment; /);
      expect(res.headers['content-type']).toBe('application/xml; charset=utf-8');
    });

    it('answers byte ranges as PDF viewers ask for them', async () => {
      const first = await get(`/api/files/${file.id}/content`, owner, { range: 'bytes=0-9' });
      expect(first.statusCode).toBe(206);
      expect(first.headers['content-range']).toBe(`bytes 0-9/${pdf.length}`);
      expect(first.headers['content-length']).toBe('10');
      expect(first.rawPayload.equals(pdf.subarray(0, 10))).toBe(true);
      const tail = await get(`/api/files/${file.id}/content`, owner, { range: 'bytes=-7' });
      expect(tail.statusCode).toBe(206);
      expect(tail.rawPayload.equals(pdf.subarray(pdf.length - 7))).toBe(true);
      const open = await get(`/api/files/${file.id}/content`, owner, { range: 'bytes=100-' });
      expect(open.rawPayload.equals(pdf.subarray(100))).toBe(true);
      const outside = await get(`/api/files/${file.id}/content`, owner, {
        range: `bytes=${pdf.length}-`,
      });
      expect(outside.statusCode).toBe(416);
      expect(outside.headers['content-range']).toBe(`bytes */${pdf.length}`);
      expect(json(outside)).toMatchObject({ code: 'files.range_not_satisfiable' });
      const stale = await get(`/api/files/${file.id}/content`, owner, {
        range: 'bytes=0-9',
        'if-range': '"another-version"',
      });
      expect(stale.statusCode).toBe(200);
      expect(stale.rawPayload.length).toBe(pdf.length);
    });

    it('answers 304 to a matching If-None-Match', async () => {
      const res = await get(`/api/files/${file.id}/content`, owner, {
        'if-none-match': `W/"x", "${file.sha256}"`,
      });
      expect(res.statusCode).toBe(304);
      expect(res.body).toBe('');
      expect(res.headers.etag).toBe(`"${file.sha256}"`);
    });

    it('hides files from other users unless an access rule lets them in', async () => {
      for (const url of [`/api/files/${file.id}`, `/api/files/${file.id}/content`]) {
        const res = await get(url, other);
        expect(res.statusCode).toBe(404);
        expect(json(res)).toMatchObject({ code: 'files.not_found' });
      }
      const unknown = await get('/api/files/0190b3a4-0000-7000-8000-000000000000', owner);
      expect(json(unknown)).toMatchObject({ status: 404, code: 'files.not_found' });
      const asked: string[] = [];
      const rule: FileAccessRule = async (_db, actor, fileId) => {
        asked.push(fileId);
        return actor.username === 'chuyenvien.stc' && fileId === file.id;
      };
      ctx.deps.fileAccessRules.push(rule);
      try {
        const res = await get(`/api/files/${file.id}/content`, other);
        expect(res.statusCode).toBe(200);
        expect(res.rawPayload.equals(pdf)).toBe(true);
        expect(asked).toEqual([file.id]);
      } finally {
        ctx.deps.fileAccessRules.splice(ctx.deps.fileAccessRules.indexOf(rule), 1);
      }
    });
  });
});

describe.each(backendsUnderTest())('upload size limit on %s', (driver) => {
  const ctx = useTestApp(driver, { config: { upload: { maxBytes: 1024 } } });

  it('refuses a file over the limit with 413 and leaves nothing behind', async () => {
    const s = await loginAs(ctx.app, 'vanthu.snv');
    const big = Buffer.alloc(64 * 1024, 'a');
    const { payload, headers } = multipart({ filename: 'lon.txt', data: big });
    const res = await ctx.app.inject({
      method: 'POST',
      url: '/api/files',
      payload,
      headers: s.headers(headers),
    });
    expect(res.statusCode).toBe(413);
    expect(json(res)).toMatchObject({ status: 413, code: 'files.too_large' });
    const counts = await queryRows<{ blobs: number; files: number; jobs: number }>(
      ctx.database.db,
      sql`select (select count(*)::int from blobs) as blobs, (select count(*)::int from files) as files,
                 (select count(*)::int from jobs) as jobs`,
    );
    expect(counts[0]).toEqual({ blobs: 0, files: 0, jobs: 0 });
    expect(storedFiles(ctx.deps.config.storage.dir)).toEqual([]);
    const exact = multipart({ filename: 'vua.txt', data: Buffer.alloc(1024, 'b') });
    const ok = await ctx.app.inject({
      method: 'POST',
      url: '/api/files',
      payload: exact.payload,
      headers: s.headers(exact.headers),
    });
    expect(ok.statusCode).toBe(201);
  });
});
