import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import { isAppError, type FieldProblem } from '../../platform/errors/app-error.js';

const PROBLEM_TYPE_BASE = 'https://vanban.dev/problems/';

function send(
  reply: FastifyReply,
  request: FastifyRequest,
  body: {
    status: number;
    code: string;
    title: string;
    detail?: string | undefined;
    errors?: FieldProblem[] | undefined;
    extensions?: Record<string, unknown> | undefined;
  },
) {
  return reply
    .status(body.status)
    .type('application/problem+json')
    .send({
      type: PROBLEM_TYPE_BASE + body.code,
      title: body.title,
      status: body.status,
      ...(body.detail !== undefined ? { detail: body.detail } : {}),
      code: body.code,
      instance: request.url,
      requestId: request.id,
      ...(body.errors ? { errors: body.errors } : {}),
      ...body.extensions,
    });
}

/** Every error leaves as RFC 9457 problem+json with a stable `code`; internals are logged, not shown. */
export function registerProblemHandlers(app: FastifyInstance, options: { spa: boolean }): void {
  app.setErrorHandler((error: FastifyError, request, reply) => {
    if (isAppError(error)) {
      if (error.headers) void reply.headers(error.headers);
      return send(reply, request, {
        status: error.status,
        code: error.code,
        title: error.title,
        detail: error.detail,
        errors: error.errors,
        extensions: error.extensions,
      });
    }
    if (hasZodFastifySchemaValidationErrors(error)) {
      const errors = error.validation.map((v) => ({
        path: [
          error.validationContext ?? 'body',
          ...String(v.instancePath).split('/').filter(Boolean),
        ].join('.'),
        message: v.message ?? 'invalid',
        code: String(
          (v.params as { issue?: { code?: string } } | undefined)?.issue?.code ?? v.keyword,
        ),
      }));
      return send(reply, request, {
        status: 400,
        code: 'request.validation_failed',
        title: 'The request is not valid',
        detail: errors.map((e) => `${e.path}: ${e.message}`).join('; '),
        errors,
      });
    }
    if (
      error.code === 'FST_ERR_CTP_INVALID_JSON_BODY' ||
      (error instanceof SyntaxError && error.statusCode === 400)
    ) {
      return send(reply, request, {
        status: 400,
        code: 'request.malformed_json',
        title: 'The request body is not valid JSON',
        detail: error.message,
      });
    }
    if (error.code === 'FST_ERR_CTP_INVALID_MEDIA_TYPE') {
      return send(reply, request, {
        status: 415,
        code: 'request.unsupported_media_type',
        title: 'Unsupported content type',
        detail: error.message,
      });
    }
    if (error.code === 'FST_ERR_CTP_BODY_TOO_LARGE' || error.statusCode === 413) {
      return send(reply, request, {
        status: 413,
        code: 'request.payload_too_large',
        title: 'The request body is too large',
      });
    }
    if (error.code === 'FST_ERR_CTP_EMPTY_JSON_BODY') {
      return send(reply, request, {
        status: 400,
        code: 'request.malformed_json',
        title: 'The request body is empty',
        detail: error.message,
      });
    }
    if (error.statusCode && error.statusCode >= 400 && error.statusCode < 500) {
      return send(reply, request, {
        status: error.statusCode,
        code: `request.${(error.code ?? 'bad_request').toLowerCase()}`,
        title: error.message,
      });
    }
    request.log.error({ err: error }, 'unhandled error');
    return send(reply, request, {
      status: 500,
      code: 'internal.error',
      title: 'Internal error',
      detail: `Reference ${request.id} when you report this`,
    });
  });
  app.setNotFoundHandler((request, reply) => {
    // Single-page app: unknown non-API pages get index.html; unknown API paths stay problem+json.
    if (options.spa && request.method === 'GET' && !request.url.startsWith('/api/'))
      return reply.sendFile('index.html');
    return send(reply, request, {
      status: 404,
      code: 'route.not_found',
      title: 'Not found',
      detail: `${request.method} ${request.url} does not exist`,
    });
  });
}
