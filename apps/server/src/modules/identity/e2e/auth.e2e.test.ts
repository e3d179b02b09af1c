import * as OTPAuth from 'otpauth';
import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { backendsUnderTest } from '../../../../test/database.js';
import { json, loginAs, useTestApp } from '../../../../test/test-app.js';
import { queryRows } from '../../../platform/db/database.js';

describe.each(backendsUnderTest())('accounts and access over HTTP on %s', (driver) => {
  const ctx = useTestApp(driver);
  const audits = (type: string) =>
    queryRows<{
      actor_name: string | null;
      on_behalf_of_name: string | null;
      data: Record<string, unknown>;
    }>(
      ctx.database.db,
      sql`select actor_name, on_behalf_of_name, data from audit_events where type = ${type} order by id`,
    );

  it('answers health, the OpenAPI document and problem+json for unknown routes', async () => {
    expect(json(await ctx.app.inject('/api/health'))).toEqual({
      status: 'ok',
      database: { driver },
      version: expect.any(String),
    });
    const openapi = json<{ openapi: string; paths: Record<string, unknown> }>(
      await ctx.app.inject('/api/openapi.json'),
    );
    expect(openapi.openapi).toMatch(/^3\./);
    expect(Object.keys(openapi.paths)).toEqual(
      expect.arrayContaining(['/api/auth/login', '/api/agencies', '/api/admin/users']),
    );
    expect((await ctx.app.inject('/api/docs/')).statusCode).toBe(200);
    const missing = await ctx.app.inject('/api/no-such-thing');
    expect(missing.statusCode).toBe(404);
    expect(missing.headers['content-type']).toMatch(/application\/problem\+json/);
    expect(json(missing)).toMatchObject({
      status: 404,
      code: 'route.not_found',
      title: expect.any(String),
      type: expect.any(String),
    });
  });

  it('signs in with an httpOnly SameSite session cookie and shows /me', async () => {
    const res = await ctx.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { username: 'truongphong.snv', password: 'Vanban@2026' },
    });
    expect(res.statusCode).toBe(200);
    const cookie = res.cookies.find((c) => c.name === 'vanban_session');
    expect(cookie).toMatchObject({ httpOnly: true, sameSite: 'Lax', path: '/' });
    const me = json<{
      agency: { code: string };
      roles: { role: string; unit: { code: string } | null }[];
      positions: { title: string }[];
      units: { code: string }[];
    }>(res);
    expect(me.agency.code).toBe('000.00.02.H26');
    expect(me.roles).toEqual([
      expect.objectContaining({
        role: 'unit_head',
        unit: expect.objectContaining({ code: 'TCBC' }),
      }),
    ]);
    expect(me.positions[0]!.title).toBe('Trưởng phòng Tổ chức biên chế');
    expect(me.units.map((u) => u.code)).toEqual(['TCBC']);
  });

  it.each([
    [
      'malformed JSON',
      { payload: '{"username":', headers: { 'content-type': 'application/json' } },
      400,
      'request.malformed_json',
    ],
    [
      'unknown fields',
      { payload: { username: 'admin', password: 'x', extra: 1 } },
      400,
      'request.validation_failed',
    ],
    [
      'a wrong password',
      { payload: { username: 'giamdoc.stc', password: 'wrong-password' } },
      401,
      'auth.invalid_credentials',
    ],
    [
      'an unknown user',
      { payload: { username: 'khong.ton.tai', password: 'Vanban@2026' } },
      401,
      'auth.invalid_credentials',
    ],
  ])('refuses %s with a problem', async (_label, request, status, code) => {
    const res = await ctx.app.inject({ method: 'POST', url: '/api/auth/login', ...request });
    expect(res.statusCode).toBe(status);
    expect(json(res)).toMatchObject({ status, code });
  });

  it('locks an account after 5 failures, audits it, and refuses even the right password until the lock ends', async () => {
    for (let i = 0; i < 4; i++) {
      const res = await ctx.app.inject({
        method: 'POST',
        url: '/api/auth/login',
        payload: { username: 'vanthu.stc', password: `wrong-${i}` },
      });
      expect(json(res)).toMatchObject({ code: 'auth.invalid_credentials' });
    }
    const fifth = await ctx.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { username: 'vanthu.stc', password: 'wrong-5' },
    });
    expect(fifth.statusCode).toBe(429);
    expect(json(fifth)).toMatchObject({ code: 'auth.locked' });
    expect(Number(fifth.headers['retry-after'])).toBe(900);
    const right = await ctx.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { username: 'vanthu.stc', password: 'Vanban@2026' },
    });
    expect(json(right)).toMatchObject({ code: 'auth.locked' });
    expect((await audits('auth.locked')).length).toBe(1);
    expect(
      (await audits('auth.login_failed')).filter((a) => a.actor_name === 'Hồ Văn Sơn').length,
    ).toBe(5);
    ctx.clock.advance(15 * 60_000 + 1000);
    const later = await ctx.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { username: 'vanthu.stc', password: 'Vanban@2026' },
    });
    expect(later.statusCode).toBe(200);
  });

  it('protects cookie-authenticated writes with the CSRF token, but not reads', async () => {
    const s = await loginAs(ctx.app, 'chuyenvien.snv');
    expect(
      (await ctx.app.inject({ url: '/api/auth/me', headers: { cookie: s.cookie } })).statusCode,
    ).toBe(200);
    const noToken = await ctx.app.inject({
      method: 'POST',
      url: '/api/auth/tokens',
      headers: { cookie: s.cookie },
      payload: { name: 'x', scopes: ['read'] },
    });
    expect(noToken.statusCode).toBe(403);
    expect(json(noToken)).toMatchObject({ code: 'auth.csrf_failed' });
    const wrong = await ctx.app.inject({
      method: 'POST',
      url: '/api/auth/tokens',
      headers: { cookie: s.cookie, 'x-csrf-token': 'forged' },
      payload: { name: 'x', scopes: ['read'] },
    });
    expect(json(wrong)).toMatchObject({ code: 'auth.csrf_failed' });
    const ok = await ctx.app.inject({
      method: 'POST',
      url: '/api/auth/tokens',
      headers: s.headers(),
      payload: { name: 'x', scopes: ['read'] },
    });
    expect(ok.statusCode).toBe(201);
  });

  it('expires sessions and ends them on logout', async () => {
    const s = await loginAs(ctx.app, 'phogiamdoc.snv');
    await ctx.app.inject({ method: 'POST', url: '/api/auth/logout', headers: s.headers() });
    expect(
      json(await ctx.app.inject({ url: '/api/auth/me', headers: { cookie: s.cookie } })),
    ).toMatchObject({ code: 'auth.required' });
    const s2 = await loginAs(ctx.app, 'phogiamdoc.snv');
    ctx.clock.advance(8 * 3600_000 + 1);
    const expired = await ctx.app.inject({ url: '/api/auth/me', headers: { cookie: s2.cookie } });
    expect(expired.statusCode).toBe(401);
    expect(json(expired)).toMatchObject({ code: 'auth.session_expired' });
  });

  it('accepts scoped, revocable personal API tokens without CSRF', async () => {
    const s = await loginAs(ctx.app, 'admin');
    const created = json<{ token: { id: string }; secret: string }>(
      await ctx.app.inject({
        method: 'POST',
        url: '/api/auth/tokens',
        headers: s.headers(),
        payload: { name: 'script', scopes: ['read'] },
      }),
    );
    const bearer = { authorization: `Bearer ${created.secret}` };
    expect((await ctx.app.inject({ url: '/api/auth/me', headers: bearer })).statusCode).toBe(200);
    const write = await ctx.app.inject({
      method: 'POST',
      url: '/api/auth/tokens',
      headers: bearer,
      payload: { name: 'y', scopes: ['read'] },
    });
    expect(json(write)).toMatchObject({ status: 403, code: 'auth.token_scope_insufficient' });
    const adminRead = await ctx.app.inject({ url: '/api/admin/users', headers: bearer });
    expect(json(adminRead)).toMatchObject({ code: 'auth.token_scope_insufficient' });
    await ctx.app.inject({
      method: 'DELETE',
      url: `/api/auth/tokens/${created.token.id}`,
      headers: s.headers(),
    });
    expect(json(await ctx.app.inject({ url: '/api/auth/me', headers: bearer }))).toMatchObject({
      status: 401,
      code: 'auth.token_invalid',
    });
    expect(
      json(
        await ctx.app.inject({
          url: '/api/auth/me',
          headers: { authorization: 'Bearer vbn_made_up' },
        }),
      ),
    ).toMatchObject({ code: 'auth.token_invalid' });
  });

  it('asks for a TOTP code once the second factor is on', async () => {
    const s = await loginAs(ctx.app, 'chanhvanphong.vp');
    const setup = json<{ secret: string }>(
      await ctx.app.inject({ method: 'POST', url: '/api/auth/totp/setup', headers: s.headers() }),
    );
    const totp = new OTPAuth.TOTP({ secret: OTPAuth.Secret.fromBase32(setup.secret) });
    const code = () => totp.generate({ timestamp: ctx.clock.now().getTime() });
    expect(
      json(
        await ctx.app.inject({
          method: 'POST',
          url: '/api/auth/totp/enable',
          headers: s.headers(),
          payload: { code: '000000' === code() ? '111111' : '000000' },
        }),
      ),
    ).toMatchObject({ code: 'auth.totp_invalid' });
    expect(
      (
        await ctx.app.inject({
          method: 'POST',
          url: '/api/auth/totp/enable',
          headers: s.headers(),
          payload: { code: code() },
        })
      ).statusCode,
    ).toBe(200);
    const login = (totpCode?: string) =>
      ctx.app.inject({
        method: 'POST',
        url: '/api/auth/login',
        payload: {
          username: 'chanhvanphong.vp',
          password: 'Vanban@2026',
          ...(totpCode ? { totp: totpCode } : {}),
        },
      });
    expect(json(await login())).toMatchObject({ status: 401, code: 'auth.totp_required' });
    expect(json(await login(code() === '123456' ? '654321' : '123456'))).toMatchObject({
      code: 'auth.totp_invalid',
    });
    expect((await login(code())).statusCode).toBe(200);
  });

  it('lets only administrators reach admin endpoints, each within their agency subtree', async () => {
    const specialist = await loginAs(ctx.app, 'chuyenvien.stc');
    expect(
      json(
        await ctx.app.inject({ url: '/api/admin/users', headers: { cookie: specialist.cookie } }),
      ),
    ).toMatchObject({ status: 403, code: 'auth.forbidden' });
    const agencyAdmin = await loginAs(ctx.app, 'quantri.snv');
    const own = json<{ items: { username: string; agency: { code: string } }[] }>(
      await ctx.app.inject({
        url: '/api/admin/users?limit=200',
        headers: { cookie: agencyAdmin.cookie },
      }),
    );
    expect(new Set(own.items.map((u) => u.agency.code))).toEqual(new Set(['000.00.02.H26']));
    const other = await queryRows<{ id: string; agency_id: string }>(
      ctx.database.db,
      sql`select id, agency_id from users where username = 'giamdoc.stc'`,
    );
    const foreign = await ctx.app.inject({
      method: 'POST',
      url: `/api/admin/users/${other[0]!.id}/reset-password`,
      headers: agencyAdmin.headers(),
      payload: { password: 'Mot-mat-khau-moi' },
    });
    expect(json(foreign)).toMatchObject({ status: 403, code: 'auth.forbidden' });
    const cityAdmin = await loginAs(ctx.app, 'admin');
    const all = json<{ items: unknown[] }>(
      await ctx.app.inject({
        url: '/api/admin/users?limit=200',
        headers: { cookie: cityAdmin.cookie },
      }),
    );
    expect(all.items.length).toBeGreaterThan(own.items.length);
    const importByAgencyAdmin = await ctx.app.inject({
      method: 'POST',
      url: '/api/agencies/import',
      headers: agencyAdmin.headers(),
      payload: { format: 'csv', content: 'code,name,level\nH26.99,Thử,2\n' },
    });
    expect(json(importByAgencyAdmin)).toMatchObject({ code: 'auth.forbidden' });
  });

  it('lets an admin create, disable and reset a user; a disabled user cannot sign in', async () => {
    const admin = await loginAs(ctx.app, 'admin');
    const agencies = json<{ items: { id: string; code: string }[] }>(
      await ctx.app.inject({ url: '/api/agencies?q=000.00.04', headers: { cookie: admin.cookie } }),
    );
    const create = await ctx.app.inject({
      method: 'POST',
      url: '/api/admin/users',
      headers: admin.headers(),
      payload: {
        username: 'chuyenvien2.sxd',
        fullName: 'Nguyễn Thị Hoa',
        agencyId: agencies.items[0]!.id,
        password: 'Mat-khau-dai-1',
      },
    });
    expect(create.statusCode).toBe(201);
    const user = json<{ id: string }>(create);
    const dup = await ctx.app.inject({
      method: 'POST',
      url: '/api/admin/users',
      headers: admin.headers(),
      payload: {
        username: 'chuyenvien2.sxd',
        fullName: 'X',
        agencyId: agencies.items[0]!.id,
        password: 'Mat-khau-dai-1',
      },
    });
    expect(json(dup)).toMatchObject({ status: 409, code: 'users.username_taken' });
    const role = await ctx.app.inject({
      method: 'POST',
      url: `/api/admin/users/${user.id}/roles`,
      headers: admin.headers(),
      payload: { role: 'specialist', agencyId: agencies.items[0]!.id },
    });
    expect(json<{ roles: { role: string }[] }>(role).roles.map((r) => r.role)).toEqual([
      'specialist',
    ]);
    const userSession = await loginAs(ctx.app, 'chuyenvien2.sxd', 'Mat-khau-dai-1');
    await ctx.app.inject({
      method: 'PATCH',
      url: `/api/admin/users/${user.id}`,
      headers: admin.headers(),
      payload: { disabled: true },
    });
    expect(
      json(await ctx.app.inject({ url: '/api/auth/me', headers: { cookie: userSession.cookie } })),
    ).toMatchObject({ status: 401 });
    const refused = await ctx.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { username: 'chuyenvien2.sxd', password: 'Mat-khau-dai-1' },
    });
    expect(json(refused)).toMatchObject({ status: 403, code: 'auth.user_disabled' });
    await ctx.app.inject({
      method: 'PATCH',
      url: `/api/admin/users/${user.id}`,
      headers: admin.headers(),
      payload: { disabled: false },
    });
    await ctx.app.inject({
      method: 'POST',
      url: `/api/admin/users/${user.id}/reset-password`,
      headers: admin.headers(),
      payload: { password: 'Mat-khau-moi-2' },
    });
    await expect(loginAs(ctx.app, 'chuyenvien2.sxd', 'Mat-khau-moi-2')).resolves.toBeTruthy();
  });

  it('records both names on actions taken under a delegation', async () => {
    const leader = await loginAs(ctx.app, 'giamdoc.snv');
    const deputyRow = await queryRows<{ id: string }>(
      ctx.database.db,
      sql`select id from users where username = 'phogiamdoc.snv'`,
    );
    const leaderRow = await queryRows<{ id: string }>(
      ctx.database.db,
      sql`select id from users where username = 'giamdoc.snv'`,
    );
    const today = '2026-03-02';
    const created = await ctx.app.inject({
      method: 'POST',
      url: '/api/delegations',
      headers: leader.headers(),
      payload: {
        toUserId: deputyRow[0]!.id,
        validFrom: today,
        validTo: '2026-03-10',
        note: 'Đi công tác',
      },
    });
    expect(created.statusCode).toBe(201);
    expect(json(created)).toMatchObject({
      roles: ['leader'],
      fromUser: { username: 'giamdoc.snv' },
      toUser: { username: 'phogiamdoc.snv' },
    });
    const deputy = await loginAs(ctx.app, 'phogiamdoc.snv');
    const me = json<{
      delegations: { received: unknown[] };
      actingFor: unknown;
      roles: { role: string }[];
    }>(
      await ctx.app.inject({
        url: '/api/auth/me',
        headers: { cookie: deputy.cookie, 'x-on-behalf-of': leaderRow[0]!.id },
      }),
    );
    expect(me.delegations.received).toHaveLength(1);
    expect(me.actingFor).toEqual({ id: leaderRow[0]!.id, fullName: 'Bùi Thị Lan' });
    // An action under the delegation: the deputy creates an API token while acting for the leader.
    const action = await ctx.app.inject({
      method: 'POST',
      url: '/api/auth/tokens',
      headers: deputy.headers({ 'x-on-behalf-of': leaderRow[0]!.id }),
      payload: { name: 'ủy quyền', scopes: ['read'] },
    });
    expect(action.statusCode).toBe(201);
    const events = await audits('auth.token_created');
    expect(events.at(-1)).toMatchObject({
      actor_name: 'Đỗ Văn Khánh',
      on_behalf_of_name: 'Bùi Thị Lan',
    });
    const redelegate = await ctx.app.inject({
      method: 'POST',
      url: '/api/delegations',
      headers: deputy.headers({ 'x-on-behalf-of': leaderRow[0]!.id }),
      payload: { toUserId: leaderRow[0]!.id, validFrom: today, validTo: today },
    });
    expect(json(redelegate)).toMatchObject({ code: 'delegations.invalid' });
    const stranger = await loginAs(ctx.app, 'chuyenvien.stc');
    const notDelegated = await ctx.app.inject({
      url: '/api/auth/me',
      headers: { cookie: stranger.cookie, 'x-on-behalf-of': leaderRow[0]!.id },
    });
    expect(json(notDelegated)).toMatchObject({ status: 403, code: 'delegations.not_active' });
  });
});
