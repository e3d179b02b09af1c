import { healthResponseSchema } from '@vanban/contracts';
import { sql } from 'drizzle-orm';
import type { RouteModule } from './routes.js';
import { APP_VERSION } from './server.js';

export const registerHealthRoutes: RouteModule = (api, deps) => {
  api.get(
    '/health',
    {
      config: { auth: 'public' },
      schema: {
        tags: ['system'],
        summary: 'Liveness and database check',
        response: { 200: healthResponseSchema },
      },
    },
    async () => {
      await deps.db.execute(sql`select 1`);
      return {
        status: 'ok' as const,
        database: { driver: deps.database.driver },
        version: APP_VERSION,
      };
    },
  );
};
