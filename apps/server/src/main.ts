import { buildDependencies } from './app/dependencies.js';
import { buildJobHandlers } from './app/jobs.js';
import { buildServer } from './app/server.js';
import { loadConfig } from './platform/config/config.js';
import { openDatabase } from './platform/db/database.js';
import { createJobWorker } from './platform/jobs/jobs.worker.js';
import { startExchange } from './modules/exchange/exchange.connector.js';
import { startReminderScans } from './modules/reminders/index.js';
import { DEMO_PASSWORD, demoUsers } from './seed/demo-city.data.js';
import { isDatabaseEmpty, seedDemoCity } from './seed/demo-city.seed.js';

async function main(): Promise<void> {
  const config = loadConfig();
  const database = await openDatabase(
    config.database.driver === 'postgres'
      ? config.database
      : { driver: 'pglite', dataDir: config.database.dataDir },
  );
  await database.migrate();
  const deps = buildDependencies(config, database);
  let seeded = false;
  if (config.seed === 'demo' && (await isDatabaseEmpty(deps))) {
    await seedDemoCity(deps);
    seeded = true;
  }
  const app = await buildServer(deps);
  // Same process as the API: enqueuers nudge it through deps.jobs, so new work starts at once.
  const worker = createJobWorker({
    db: deps.db,
    clock: deps.clock,
    handlers: buildJobHandlers(deps),
    logger: app.log,
    signal: deps.jobs,
    concurrency: 2,
    pollMs: 5000,
  });
  worker.start();
  await startReminderScans(deps);
  const exchange = config.hub
    ? startExchange(deps, config.hub, (message, error) => app.log.warn({ err: error }, message))
    : null;
  let closing = false;
  const shutdown = async (signal: string) => {
    if (closing) return;
    closing = true;
    app.log.info({ signal }, 'shutting down: finishing requests in flight');
    try {
      await app.close();
    } finally {
      await worker.stop();
      await exchange?.stop();
      await database.close();
      process.exit(0);
    }
  };
  process.once('SIGINT', () => void shutdown('SIGINT'));
  process.once('SIGTERM', () => void shutdown('SIGTERM'));
  await app.listen({ port: config.port, host: config.host });
  const url = `http://localhost:${(app.server.address() as { port: number }).port}`;
  const where =
    database.driver === 'pglite'
      ? `embedded PGlite in ${config.dataDir}`
      : 'PostgreSQL (DATABASE_URL)';
  const lines = [
    '',
    `  Vanban is running at ${url}  (API docs: ${url}/api/docs)`,
    `  Database: ${where}${seeded ? ' — demo city seeded' : ''}`,
  ];
  if (config.seed === 'demo') {
    lines.push(
      `  Demo logins (password ${DEMO_PASSWORD}): ${demoUsers
        .slice(0, 6)
        .map((u) => u.username)
        .join(', ')}, … (see README)`,
    );
  }
  process.stdout.write(`${lines.join('\n')}\n\n`);
}

main().catch((error: unknown) => {
  process.stderr.write(
    `Vanban could not start: ${error instanceof Error ? error.message : String(error)}\n`,
  );
  process.exit(1);
});
