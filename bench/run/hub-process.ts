import { startHub, type SystemInput } from '@vanban/hub';

/**
 * The exchange hub in its own process for the round-trip benchmark (`bench/run/hub.ts`): the
 * programmatic `startHub` on the PostgreSQL database in HUB_BENCH_DATABASE_URL with the systems in
 * HUB_BENCH_SYSTEMS (JSON), default settings otherwise; prints `hub running at <url>`.
 */
const url = process.env.HUB_BENCH_DATABASE_URL;
const systems = JSON.parse(process.env.HUB_BENCH_SYSTEMS ?? '[]') as SystemInput[];
if (!url) throw new Error('HUB_BENCH_DATABASE_URL is not set');
const hub = await startHub({
  databaseUrl: url,
  systems,
  logger: 'warn',
  ...(process.env.HUB_BENCH_TMP_DIR ? { tmpDir: process.env.HUB_BENCH_TMP_DIR } : {}),
});
process.stdout.write(`hub running at ${hub.url}\n`);
process.once('SIGTERM', () => {
  void hub.close().then(() => process.exit(0));
});
