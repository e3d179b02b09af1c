import fs from 'node:fs';
import { randomUUID } from 'node:crypto';
import cookie from '@fastify/cookie';
import fastifyStatic from '@fastify/static';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import Fastify, { type FastifyInstance } from 'fastify';
import {
  jsonSchemaTransform,
  serializerCompiler,
  validatorCompiler,
  type ZodTypeProvider,
} from 'fastify-type-provider-zod';
import type { AppDependencies } from './dependencies.js';
import { registerAuthentication } from './hooks/authenticate.js';
import { registerProblemHandlers } from './hooks/problem.js';
import { routeModules } from './routes.js';

export const APP_VERSION = '0.1.0';

export async function buildServer(
  deps: AppDependencies,
  options: { logger?: boolean } = {},
): Promise<FastifyInstance> {
  const app = Fastify({
    logger:
      options.logger === false
        ? false
        : {
            level: deps.config.logLevel,
            redact: [
              'req.headers.authorization',
              'req.headers.cookie',
              'req.headers["x-csrf-token"]',
            ],
          },
    // Honour an incoming request id from a proxy, else make one; it is logged and echoed in problems.
    genReqId: (req) => {
      const incoming = req.headers['x-request-id'];
      return typeof incoming === 'string' && /^[\w.-]{1,100}$/.test(incoming)
        ? incoming
        : randomUUID();
    },
    requestIdHeader: false,
    trustProxy: true,
    bodyLimit: 10 * 1024 * 1024,
  }).withTypeProvider<ZodTypeProvider>();
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  app.addHook('onSend', async (request, reply) => {
    void reply.header('x-request-id', request.id);
  });

  await app.register(cookie);
  await app.register(swagger, {
    openapi: {
      openapi: '3.0.3',
      info: {
        title: 'Vanban API',
        version: APP_VERSION,
        description:
          'Hệ thống quản lý văn bản và điều hành — document management and city administration.',
      },
      components: {
        securitySchemes: {
          session: { type: 'apiKey', in: 'cookie', name: 'vanban_session' },
          bearer: { type: 'http', scheme: 'bearer', description: 'Personal API token (vbn_…)' },
        },
      },
      security: [{ session: [] }, { bearer: [] }],
    },
    transform: jsonSchemaTransform,
  });
  await app.register(swaggerUi, { routePrefix: '/api/docs', uiConfig: { docExpansion: 'list' } });
  const spa = fs.existsSync(deps.config.webDist);
  if (spa) await app.register(fastifyStatic, { root: deps.config.webDist, wildcard: false });
  registerProblemHandlers(app, { spa });
  registerAuthentication(app, deps);
  // Notification streams never finish on their own: end them before close waits for requests.
  deps.notificationStreams.setLogger(app.log);
  app.addHook('preClose', async () => deps.notificationStreams.closeAll());
  app.addHook('onClose', async () => deps.notificationStreams.stop());

  await app.register(
    async (api) => {
      for (const register of routeModules)
        await register(api.withTypeProvider<ZodTypeProvider>(), deps);
      api.get('/openapi.json', { config: { auth: 'public' }, schema: { hide: true } }, async () =>
        app.swagger(),
      );
    },
    { prefix: '/api' },
  );

  return app;
}
