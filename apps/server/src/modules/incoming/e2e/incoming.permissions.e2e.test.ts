import type { IncomingDetail } from '@vanban/contracts';
import { describe, expect, it } from 'vitest';
import { backendsUnderTest } from '../../../../test/database.js';
import { makePdf } from '../../../../test/fixtures/files.js';
import {
  get,
  post,
  registerBody,
  unitId,
  uploadFile,
  userId,
} from '../../../../test/incoming-fixtures.js';
import { json, loginAs, useTestApp, type Session } from '../../../../test/test-app.js';

const SNV = '000.00.02.H26';

/**
 * Who may list, open, download and find a document: roles × own/other agency × secrecy
 * (design §4). `normal` is directed to the TCBC unit; `secret` (mật) names one specialist.
 */
const matrix: [username: string, description: string, normal: boolean, secret: boolean][] = [
  ['vanthu.snv', 'clerk of the agency, registered both', true, true],
  ['giamdoc.snv', 'head of the agency, presented both', true, true],
  ['phogiamdoc.snv', 'deputy of the agency, not named', true, false],
  ['truongphong.snv', 'head of the assigned unit', true, false],
  ['chuyenvien.snv', 'specialist of the unit, named on the secret one', true, true],
  ['chuyenvien.ccvc.snv', 'specialist of another unit', false, false],
  ['quantri.snv', 'administrator of the agency', false, false],
  ['vanthu.stc', 'clerk of another agency', false, false],
  ['giamdoc.stc', 'leader of another agency', false, false],
  ['lanhdao.ubnd', 'leader of the parent agency', false, false],
  ['admin', 'city administrator', false, false],
];

describe.each(backendsUnderTest())('who sees an incoming document on %s', (driver) => {
  const ctx = useTestApp(driver);
  const docs: Record<'normal' | 'secret', { id: string; fileId: string; word: string }> = {
    normal: { id: '', fileId: '', word: 'hoàngthành' },
    secret: { id: '', fileId: '', word: 'thăngbình' },
  };

  async function registerAndDirect(clerk: Session, leader: Session, kind: 'normal' | 'secret') {
    const db = ctx.database.db;
    const upload = await uploadFile(
      ctx.app,
      clerk,
      `${kind}.pdf`,
      await makePdf([`Văn bản ${kind}`]),
      'application/pdf',
    );
    expect(upload.statusCode, upload.body).toBe(201);
    const fileId = json<{ id: string }>(upload).id;
    const res = await post(
      ctx.app,
      clerk,
      '/api/incoming',
      registerBody({
        subject: `Về việc bảo vệ bí mật nhà nước ${docs[kind].word}`,
        secrecy: kind === 'secret' ? 'secret' : 'normal',
        fileIds: [fileId],
        submitTo: { userId: await userId(db, 'giamdoc.snv') },
      }),
    );
    expect(res.statusCode, res.body).toBe(201);
    const doc = json<IncomingDetail>(res);
    const lead =
      kind === 'normal'
        ? { unitId: await unitId(db, SNV, 'TCBC') }
        : { unitId: await unitId(db, SNV, 'TCBC'), userId: await userId(db, 'chuyenvien.snv') };
    const directed = await post(ctx.app, leader, `/api/incoming/${doc.id}/direct`, {
      direction: 'Giao xử lý.',
      lead,
    });
    expect(directed.statusCode, directed.body).toBe(200);
    docs[kind].id = doc.id;
    docs[kind].fileId = fileId;
  }

  it('registers one normal and one secret document', async () => {
    const clerk = await loginAs(ctx.app, 'vanthu.snv');
    const leader = await loginAs(ctx.app, 'giamdoc.snv');
    await registerAndDirect(clerk, leader, 'normal');
    await registerAndDirect(clerk, leader, 'secret');
    // The secret document took the first number of the separate secret series.
    const secret = json<IncomingDetail>(
      await get(ctx.app, clerk, `/api/incoming/${docs.secret.id}`),
    );
    expect(secret).toMatchObject({
      arrivalNumber: 1,
      registerName: 'Sổ đăng ký văn bản đến mật năm 2026',
    });
  });

  it.each(matrix)('%s (%s): normal %s, secret %s', async (username, _d, normal, secret) => {
    const s = await loginAs(ctx.app, username);
    for (const [kind, allowed] of [
      ['normal', normal],
      ['secret', secret],
    ] as const) {
      const d = docs[kind];
      const listed = json<{ items: { id: string }[] }>(
        await get(ctx.app, s, '/api/incoming?view=all&limit=200'),
      ).items.some((i) => i.id === d.id);
      const opened = (await get(ctx.app, s, `/api/incoming/${d.id}`)).statusCode;
      const downloaded = (await get(ctx.app, s, `/api/files/${d.fileId}/content`)).statusCode;
      const found = json<{ items: { id: string }[] }>(
        await get(ctx.app, s, `/api/incoming/search?q=${encodeURIComponent(d.word)}`),
      ).items.some((i) => i.id === d.id);
      const history = (await get(ctx.app, s, `/api/incoming/${d.id}/history`)).statusCode;
      expect({ kind, listed, opened, downloaded, found, history }).toEqual({
        kind,
        listed: allowed,
        opened: allowed ? 200 : 404,
        downloaded: allowed ? 200 : 404,
        found: allowed,
        history: allowed ? 200 : 404,
      });
    }
  });

  it('audits every view of a confidential document', async () => {
    const s = await loginAs(ctx.app, 'chuyenvien.snv');
    await get(ctx.app, s, `/api/incoming/${docs.secret.id}`);
    const history = json<{ items: { type: string; actor: { name: string } }[] }>(
      await get(ctx.app, s, `/api/incoming/${docs.secret.id}/history`),
    );
    expect(history.items.filter((e) => e.type === 'incoming.viewed').at(-1)).toMatchObject({
      actor: { name: 'Lý Thị Oanh' },
    });
  });
});
