/**
 * A hub in its own process for measurements (large-packet.test.ts): PGlite in HUB_DATA_DIR (or
 * PostgreSQL at HUB_DATABASE_URL), the
 * two test systems, prints `{"url": …}` once listening.
 */
import { startHub } from '../src/hub.js';
import { HANOI, HCMC } from './hub-fixtures-data.js';

const hub = await startHub({
  ...(process.env.HUB_DATABASE_URL
    ? { databaseUrl: process.env.HUB_DATABASE_URL, tmpDir: `${process.env.HUB_DATA_DIR!}/tmp` }
    : { dataDir: process.env.HUB_DATA_DIR! }),
  maxPacketBytes: Number(process.env.HUB_MAX_PACKET_BYTES ?? 100 * 1024 * 1024),
  systems: [HANOI, HCMC],
});
process.stdout.write(`${JSON.stringify({ url: hub.url })}\n`);
process.once('SIGTERM', () => {
  void hub.close().then(() => process.exit(0));
});
