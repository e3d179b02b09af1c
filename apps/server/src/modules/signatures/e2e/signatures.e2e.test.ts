import type { Certificate } from '@vanban/contracts';
import { PNG } from 'pngjs';
import { sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { backendsUnderTest } from '../../../../test/database.js';
import { get, post } from '../../../../test/incoming-fixtures.js';
import { json, loginAs, useTestApp, type Session } from '../../../../test/test-app.js';
import { queryRows } from '../../../platform/db/database.js';
import { createDemoCa, demoPersonalSignature } from '../../../platform/signing/index.js';

const put = (ctx: ReturnType<typeof useTestApp>, s: Session, url: string, payload: unknown) =>
  ctx.app.inject({ method: 'PUT', url, headers: s.headers(), payload: payload as object });

describe.each(backendsUnderTest())('certificates and signature images on %s', (driver) => {
  const ctx = useTestApp(driver, { pki: true });
  let director: Session;
  let clerk: Session;
  let drafter: Session;
  const ca = createDemoCa({
    validFrom: new Date('2026-01-01T00:00:00Z'),
    validTo: new Date('2030-01-01T00:00:00Z'),
  });

  beforeAll(async () => {
    director = await loginAs(ctx.app, 'giamdoc.snv');
    clerk = await loginAs(ctx.app, 'vanthu.snv');
    drafter = await loginAs(ctx.app, 'chuyenvien.snv');
  });

  it('lists the demo certificates with their expiry, marked as demo', async () => {
    const list = json<{ items: Certificate[] }>(await get(ctx.app, director, '/api/certificates'));
    const mine = list.items.find((c) => c.owner.kind === 'user');
    expect(mine).toMatchObject({ demo: true, active: true, expired: false });
    expect(mine!.subject).toContain('Bùi Thị Lan');
    expect(list.items.some((c) => c.owner.kind === 'agency')).toBe(true);
  });

  it('imports a PKCS#12, sealed at rest, and retires the previous one', async () => {
    const id = ca.issue({
      commonName: 'Bùi Thị Lan',
      validFrom: new Date('2026-01-01T00:00:00Z'),
      validTo: new Date('2028-01-01T00:00:00Z'),
      password: 'mật-khẩu',
    });
    const res = await post(ctx.app, director, '/api/certificates', {
      owner: { kind: 'user' },
      pkcs12: id.pkcs12.toString('base64'),
      password: 'mật-khẩu',
    });
    expect(res.statusCode, res.body).toBe(201);
    expect(json<Certificate>(res)).toMatchObject({ demo: true, active: true, expired: false });
    const [row] = await queryRows<{ pkcs12_sealed: string; password_sealed: string }>(
      ctx.deps.db,
      sql`select pkcs12_sealed, password_sealed from certificates where id = ${json<Certificate>(res).id}`,
    );
    expect(row!.pkcs12_sealed.startsWith('v1.')).toBe(true);
    expect(row!.password_sealed).not.toContain('mật');
    const list = json<{ items: Certificate[] }>(await get(ctx.app, director, '/api/certificates'));
    expect(list.items.filter((c) => c.owner.kind === 'user' && c.active)).toHaveLength(1);
  });

  it('refuses a wrong password and an expired certificate, storing nothing', async () => {
    const count = async () =>
      (
        await queryRows<{ n: number }>(
          ctx.deps.db,
          sql`select count(*)::int as n from certificates`,
        )
      )[0]!.n;
    const before = await count();
    const id = ca.issue({ commonName: 'Ai đó', password: 'đúng' });
    const wrong = await post(ctx.app, director, '/api/certificates', {
      owner: { kind: 'user' },
      pkcs12: id.pkcs12.toString('base64'),
      password: 'sai',
    });
    expect(wrong.statusCode).toBe(422);
    expect(json(wrong).code).toBe('signing.pkcs12_invalid');
    const old = ca.issue({
      commonName: 'Hết hạn',
      validFrom: new Date('2026-01-01T00:00:00Z'),
      validTo: new Date('2026-02-01T00:00:00Z'),
    });
    const expired = await post(ctx.app, director, '/api/certificates', {
      owner: { kind: 'user' },
      pkcs12: old.pkcs12.toString('base64'),
      password: old.password,
    });
    expect(json(expired).code).toBe('signing.certificate_expired');
    expect(await count()).toBe(before);
  });

  it('lets only clerks, leaders and admins manage the agency certificate', async () => {
    const agency = json<{ agency: { id: string } }>(await get(ctx.app, drafter, '/api/auth/me'))
      .agency.id;
    const id = ca.issue({ commonName: 'Sở Nội vụ thành phố Hà Nội' });
    const body = {
      owner: { kind: 'agency', agencyId: agency },
      pkcs12: id.pkcs12.toString('base64'),
      password: id.password,
    };
    expect((await post(ctx.app, drafter, '/api/certificates', body)).statusCode).toBe(403);
    expect((await post(ctx.app, clerk, '/api/certificates', body)).statusCode).toBe(201);
  });

  it('takes transparent PNG signature images only', async () => {
    const ok = await put(ctx, director, '/api/signature-images', {
      owner: { kind: 'user' },
      kind: 'signature',
      png: demoPersonalSignature('Bùi Thị Lan').toString('base64'),
    });
    expect(ok.statusCode, ok.body).toBe(200);
    const opaque = new PNG({ width: 4, height: 4 });
    opaque.data.fill(255);
    const bad = await put(ctx, director, '/api/signature-images', {
      owner: { kind: 'user' },
      kind: 'signature',
      png: PNG.sync.write(opaque).toString('base64'),
    });
    expect(json(bad).code).toBe('signing.image_invalid');
    const image = await get(
      ctx.app,
      director,
      `/api/signature-images/${json<{ id: string }>(ok).id}/content`,
    );
    expect(image.headers['content-type']).toBe('image/png');
    const other = await get(
      ctx.app,
      drafter,
      `/api/signature-images/${json<{ id: string }>(ok).id}/content`,
    );
    expect(other.statusCode).toBe(404);
  });
});
