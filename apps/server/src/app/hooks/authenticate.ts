import type { FastifyInstance, FastifyRequest } from 'fastify';
import {
  authenticate,
  hasScope,
  identityErrors,
  requiredScope,
  safeEqualCsrf,
  type Actor,
} from '../../modules/identity/index.js';
import type { AppDependencies } from '../dependencies.js';

export const SESSION_COOKIE = 'vanban_session';
export const CSRF_COOKIE = 'vanban_csrf';

declare module 'fastify' {
  interface FastifyRequest {
    actor: Actor | null;
  }
  interface FastifyContextConfig {
    /** `public`: no sign-in needed. Default: signed in. */
    auth?: 'public';
    /** Admin endpoints need the `admin` scope on API tokens. */
    admin?: boolean;
  }
}

const UNSAFE = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/**
 * Resolves the actor of every /api request: Bearer token or session cookie, plus an optional
 * `X-On-Behalf-Of` delegation. Cookie-authenticated writes must echo the CSRF token (double
 * submit): a cross-site form can send the cookie but cannot read the token.
 */
export function registerAuthentication(app: FastifyInstance, deps: AppDependencies): void {
  app.decorateRequest('actor', null);
  app.addHook('preHandler', async (request: FastifyRequest) => {
    const config = request.routeOptions.config;
    if (
      config.auth === 'public' ||
      request.is404 ||
      !request.url.startsWith('/api/') ||
      request.url.startsWith('/api/docs')
    )
      return;
    const header = request.headers.authorization;
    const bearer = header?.startsWith('Bearer ') ? header.slice(7).trim() : undefined;
    const sessionToken = bearer === undefined ? request.cookies[SESSION_COOKIE] : undefined;
    const onBehalfOf = request.headers['x-on-behalf-of'];
    const actor = await authenticate(deps, {
      bearer,
      sessionToken,
      onBehalfOf: typeof onBehalfOf === 'string' ? onBehalfOf : undefined,
    });
    if (actor.auth.method === 'token') {
      const needed = requiredScope(request.method, config.admin === true);
      if (!hasScope(actor.auth.scopes ?? [], needed))
        throw identityErrors.tokenScope(`This call needs the "${needed}" scope`);
    } else if (UNSAFE.has(request.method)) {
      const sent = request.headers['x-csrf-token'];
      if (
        typeof sent !== 'string' ||
        !actor.auth.csrfToken ||
        !safeEqualCsrf(sent, actor.auth.csrfToken)
      )
        throw identityErrors.csrfFailed();
    }
    request.actor = actor;
  });
}

export function requireActor(request: FastifyRequest): Actor {
  if (!request.actor) throw identityErrors.authRequired();
  return request.actor;
}

export function requestMeta(request: FastifyRequest) {
  return {
    ip: request.ip,
    requestId: request.id,
    userAgent: request.headers['user-agent'] ?? null,
  };
}
