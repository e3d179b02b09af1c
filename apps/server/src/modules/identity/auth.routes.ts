import {
  changePasswordBodySchema,
  createDelegationBodySchema,
  createTokenBodySchema,
  createTokenResponseSchema,
  delegationListResponseSchema,
  delegationSchema,
  loginBodySchema,
  meResponseSchema,
  okSchema,
  tokenListResponseSchema,
  totpCodeBodySchema,
  totpSetupResponseSchema,
  uuidSchema,
} from '@vanban/contracts';
import { z } from 'zod';
import {
  CSRF_COOKIE,
  SESSION_COOKIE,
  requestMeta,
  requireActor,
} from '../../app/hooks/authenticate.js';
import type { RouteModule } from '../../app/routes.js';
import { vietnamDate } from '../../platform/clock/clock.js';
import {
  account,
  authenticate,
  delegationsOf,
  listTokens,
  login,
  logout,
  presentDelegations,
  presentMe,
} from './index.js';

const tags = ['auth'];

export const registerAuthRoutes: RouteModule = (api, deps) => {
  const secure = (protocol: string) =>
    deps.config.session.cookieSecure === 'auto'
      ? protocol === 'https'
      : deps.config.session.cookieSecure;

  api.post(
    '/auth/login',
    // A plain JSON call from any client: no session yet, so no CSRF token to check.
    {
      config: { auth: 'public' },
      schema: {
        tags,
        summary: 'Sign in with username and password (and TOTP when enabled)',
        body: loginBodySchema,
        response: { 200: meResponseSchema },
      },
    },
    async (request, reply) => {
      const result = await login(deps, request.body, requestMeta(request));
      const cookieOptions = {
        path: '/',
        sameSite: 'lax' as const,
        secure: secure(request.protocol),
        expires: result.expiresAt,
      };
      void reply.setCookie(SESSION_COOKIE, result.sessionToken, {
        ...cookieOptions,
        httpOnly: true,
      });
      void reply.setCookie(CSRF_COOKIE, result.csrfToken, { ...cookieOptions, httpOnly: false });
      const actor = await authenticate(deps, { sessionToken: result.sessionToken });
      return presentMe(deps.db, actor, deps.clock.now());
    },
  );

  api.post(
    '/auth/logout',
    { schema: { tags, summary: 'Sign out (revokes the session)', response: { 200: okSchema } } },
    async (request, reply) => {
      await logout(deps, requireActor(request), requestMeta(request));
      void reply.clearCookie(SESSION_COOKIE, { path: '/' }).clearCookie(CSRF_COOKIE, { path: '/' });
      return { ok: true as const };
    },
  );

  api.get(
    '/auth/me',
    {
      schema: {
        tags,
        summary: 'The signed-in user, agency, units, positions, roles and delegations',
        response: { 200: meResponseSchema },
      },
    },
    async (request) => presentMe(deps.db, requireActor(request), deps.clock.now()),
  );

  api.post(
    '/auth/password',
    {
      schema: {
        tags,
        summary: 'Change your own password',
        body: changePasswordBodySchema,
        response: { 200: okSchema },
      },
    },
    async (request) => {
      await account.changePassword(deps, requireActor(request), request.body, requestMeta(request));
      return { ok: true as const };
    },
  );

  api.post(
    '/auth/totp/setup',
    {
      schema: {
        tags,
        summary: 'Start setting up a TOTP second factor',
        response: { 200: totpSetupResponseSchema },
      },
    },
    async (request) => account.setupTotp(deps, requireActor(request), requestMeta(request)),
  );
  api.post(
    '/auth/totp/enable',
    {
      schema: {
        tags,
        summary: 'Confirm a code and turn the second factor on',
        body: totpCodeBodySchema,
        response: { 200: okSchema },
      },
    },
    async (request) => {
      await account.setTotpEnabled(
        deps,
        requireActor(request),
        request.body.code,
        true,
        requestMeta(request),
      );
      return { ok: true as const };
    },
  );
  api.post(
    '/auth/totp/disable',
    {
      schema: {
        tags,
        summary: 'Turn the second factor off (needs a current code)',
        body: totpCodeBodySchema,
        response: { 200: okSchema },
      },
    },
    async (request) => {
      await account.setTotpEnabled(
        deps,
        requireActor(request),
        request.body.code,
        false,
        requestMeta(request),
      );
      return { ok: true as const };
    },
  );

  const presentToken = (t: Awaited<ReturnType<typeof listTokens>>[number]) => ({
    id: t.id,
    name: t.name,
    scopes: t.scopes as ('read' | 'write' | 'admin')[],
    prefix: t.prefix,
    createdAt: t.createdAt.toISOString(),
    lastUsedAt: t.lastUsedAt?.toISOString() ?? null,
    expiresAt: t.expiresAt?.toISOString() ?? null,
    revokedAt: t.revokedAt?.toISOString() ?? null,
  });
  api.get(
    '/auth/tokens',
    {
      schema: {
        tags,
        summary: 'Your personal API tokens',
        response: { 200: tokenListResponseSchema },
      },
    },
    async (request) => ({
      items: (await listTokens(deps.db, requireActor(request).userId)).map(presentToken),
    }),
  );
  api.post(
    '/auth/tokens',
    {
      schema: {
        tags,
        summary: 'Create a personal API token (the secret is shown once)',
        body: createTokenBodySchema,
        response: { 201: createTokenResponseSchema },
      },
    },
    async (request, reply) => {
      const created = await account.createToken(
        deps,
        requireActor(request),
        request.body,
        requestMeta(request),
      );
      return reply.status(201).send({ token: presentToken(created.token), secret: created.secret });
    },
  );
  api.delete(
    '/auth/tokens/:id',
    {
      schema: {
        tags,
        summary: 'Revoke a personal API token',
        params: z.object({ id: uuidSchema }),
        response: { 200: okSchema },
      },
    },
    async (request) => {
      await account.revokeToken(
        deps,
        requireActor(request),
        request.params.id,
        requestMeta(request),
      );
      return { ok: true as const };
    },
  );

  api.get(
    '/delegations',
    {
      schema: {
        tags: ['delegations'],
        summary: 'Delegations you gave or received that are not over',
        response: { 200: delegationListResponseSchema },
      },
    },
    async (request) => {
      const today = vietnamDate(deps.clock.now());
      return {
        items: await presentDelegations(
          deps.db,
          await delegationsOf(deps.db, requireActor(request).userId, today),
          today,
        ),
      };
    },
  );
  api.post(
    '/delegations',
    {
      schema: {
        tags: ['delegations'],
        summary: 'Delegate (ủy quyền) some of your roles to another user for a date range',
        body: createDelegationBodySchema,
        response: { 201: delegationSchema },
      },
    },
    async (request, reply) => {
      const row = await account.createDelegation(
        deps,
        requireActor(request),
        request.body,
        requestMeta(request),
      );
      const [view] = await presentDelegations(deps.db, [row], vietnamDate(deps.clock.now()));
      return reply.status(201).send(view!);
    },
  );
  api.post(
    '/delegations/:id/revoke',
    {
      schema: {
        tags: ['delegations'],
        summary: 'End a delegation now',
        params: z.object({ id: uuidSchema }),
        response: { 200: delegationSchema },
      },
    },
    async (request) => {
      const row = await account.revokeDelegation(
        deps,
        requireActor(request),
        request.params.id,
        requestMeta(request),
      );
      const [view] = await presentDelegations(deps.db, [row], vietnamDate(deps.clock.now()));
      return view!;
    },
  );
};
