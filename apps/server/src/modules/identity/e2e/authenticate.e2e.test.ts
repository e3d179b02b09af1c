import { sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { backendsUnderTest } from '../../../../test/database.js';
import { json, loginAs, useTestApp, type Session } from '../../../../test/test-app.js';
import { queryRows } from '../../../platform/db/database.js';
import { authenticate } from '../index.js';

const tokenOf = (s: Session) => s.cookie.slice('vanban_session='.length);
const byKey = (r: { role: string; agencyId: string; unitId: string | null }) =>
  `${r.role}/${r.agencyId}/${r.unitId ?? ''}`;

/**
 * The request hook signs in with one statement (session or token ⋈ user ⋈ role grants; a
 * delegation adds one): the actor must carry exactly what the separate reads gave, and the
 * revocation, expiry, disabled-account and delegation rules still hold on every request.
 */
describe.each(backendsUnderTest())('resolving the actor of a request on %s', (driver) => {
  const ctx = useTestApp(driver);
  const ids: Record<string, string> = {};

  beforeAll(async () => {
    const rows = await queryRows<{ id: string; username: string }>(
      ctx.database.db,
      sql`select id, username from users where username in ('giamdoc.snv', 'phogiamdoc.snv', 'truongphong.snv')`,
    );
    for (const r of rows) ids[r.username] = r.id;
  });

  const grantsOf = async (userId: string) =>
    (
      await queryRows<{ role: string; agency_id: string; unit_id: string | null }>(
        ctx.database.db,
        sql`select role, agency_id, unit_id from user_roles where user_id = ${userId}`,
      )
    )
      .map((r) => byKey({ role: r.role, agencyId: r.agency_id, unitId: r.unit_id }))
      .sort();

  it('gives the user, every role grant and the session of a cookie', async () => {
    const session = await loginAs(ctx.app, 'truongphong.snv');
    const actor = await authenticate(ctx.deps, { sessionToken: tokenOf(session) });
    expect(actor).toMatchObject({
      userId: ids['truongphong.snv'],
      username: 'truongphong.snv',
      onBehalfOf: null,
      auth: { method: 'session', scopes: null, csrfToken: session.csrf },
    });
    expect(actor.fullName).not.toBe('');
    expect(actor.auth.expiresAt).toEqual(new Date(ctx.clock.now().getTime() + 8 * 3600_000));
    expect(actor.roles.map(byKey).sort()).toEqual(await grantsOf(ids['truongphong.snv']!));
    expect(actor.roles.length).toBeGreaterThan(0);
  });

  it('writes the last-seen time at most once a minute', async () => {
    const session = await loginAs(ctx.app, 'truongphong.snv');
    const lastSeen = async () =>
      (
        await queryRows<{ last_seen_at: string }>(
          ctx.database.db,
          sql`select last_seen_at from sessions where csrf_token = ${session.csrf}`,
        )
      ).map((r) => new Date(r.last_seen_at).getTime())[0];
    const signedIn = ctx.clock.now().getTime();
    ctx.clock.advance(30_000);
    await authenticate(ctx.deps, { sessionToken: tokenOf(session) });
    expect(await lastSeen()).toBe(signedIn);
    ctx.clock.advance(31_000);
    await authenticate(ctx.deps, { sessionToken: tokenOf(session) });
    expect(await lastSeen()).toBe(ctx.clock.now().getTime());
  });

  it('lends the delegator’s grants for the lent roles while the delegation lasts', async () => {
    const leader = await loginAs(ctx.app, 'giamdoc.snv');
    const created = await ctx.app.inject({
      method: 'POST',
      url: '/api/delegations',
      headers: leader.headers(),
      payload: {
        toUserId: ids['phogiamdoc.snv'],
        validFrom: '2026-03-02',
        validTo: '2026-03-04',
        note: 'Đi công tác',
      },
    });
    expect(created.statusCode, created.body).toBe(201);
    const deputy = await loginAs(ctx.app, 'phogiamdoc.snv');
    const acting = await authenticate(ctx.deps, {
      sessionToken: tokenOf(deputy),
      onBehalfOf: ids['giamdoc.snv'],
    });
    const own = await grantsOf(ids['phogiamdoc.snv']!);
    const lent = (await grantsOf(ids['giamdoc.snv']!)).filter((k) => k.startsWith('leader/'));
    expect(lent).toHaveLength(1);
    expect(acting.roles.map(byKey).sort()).toEqual([...own, ...lent].sort());
    expect(acting.onBehalfOf).toMatchObject({
      userId: ids['giamdoc.snv'],
      fullName: 'Bùi Thị Lan',
      delegationId: json<{ id: string }>(created).id,
    });

    // A disabled delegator lends nothing.
    await ctx.deps.db.execute(
      sql`update users set disabled = true where id = ${ids['giamdoc.snv']!}`,
    );
    await expect(
      authenticate(ctx.deps, { sessionToken: tokenOf(deputy), onBehalfOf: ids['giamdoc.snv'] }),
    ).rejects.toMatchObject({ code: 'delegations.not_active' });
    await ctx.deps.db.execute(
      sql`update users set disabled = false where id = ${ids['giamdoc.snv']!}`,
    );

    // After the last day (inclusive, Vietnam time) the delegation is over.
    ctx.clock.set(new Date('2026-03-04T16:59:00Z'));
    const lastDay = await loginAs(ctx.app, 'phogiamdoc.snv');
    await expect(
      authenticate(ctx.deps, { sessionToken: tokenOf(lastDay), onBehalfOf: ids['giamdoc.snv'] }),
    ).resolves.toMatchObject({ onBehalfOf: { userId: ids['giamdoc.snv'] } });
    ctx.clock.set(new Date('2026-03-04T17:01:00Z'));
    await expect(
      authenticate(ctx.deps, { sessionToken: tokenOf(lastDay), onBehalfOf: ids['giamdoc.snv'] }),
    ).rejects.toMatchObject({ code: 'delegations.not_active' });
    ctx.clock.set(new Date('2026-03-02T02:00:00Z'));
  });

  it('refuses a token after its expiry, and a session of a disabled user', async () => {
    const session = await loginAs(ctx.app, 'truongphong.snv');
    const expiresAt = new Date(ctx.clock.now().getTime() + 3600_000).toISOString();
    const created = json<{ secret: string }>(
      await ctx.app.inject({
        method: 'POST',
        url: '/api/auth/tokens',
        headers: session.headers(),
        payload: { name: 'báo cáo', scopes: ['read'], expiresAt },
      }),
    );
    const byToken = await authenticate(ctx.deps, { bearer: created.secret });
    expect(byToken).toMatchObject({
      userId: ids['truongphong.snv'],
      auth: { method: 'token', scopes: ['read'], csrfToken: null, expiresAt: new Date(expiresAt) },
    });
    expect(byToken.roles.map(byKey).sort()).toEqual(await grantsOf(ids['truongphong.snv']!));
    ctx.clock.advance(3600_000);
    await expect(authenticate(ctx.deps, { bearer: created.secret })).rejects.toMatchObject({
      code: 'auth.token_invalid',
    });

    await ctx.deps.db.execute(
      sql`update users set disabled = true where id = ${ids['truongphong.snv']!}`,
    );
    await expect(authenticate(ctx.deps, { sessionToken: tokenOf(session) })).rejects.toMatchObject({
      code: 'auth.user_disabled',
    });
    await ctx.deps.db.execute(
      sql`update users set disabled = false where id = ${ids['truongphong.snv']!}`,
    );
    ctx.clock.set(new Date('2026-03-02T02:00:00Z'));
  });
});
