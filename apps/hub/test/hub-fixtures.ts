/** Test hubs on both backends, systems and packets. */
import { randomBytes } from 'node:crypto';
import { buildPacketBuffer, type DocumentPacketSpec, type StatusPacketSpec } from '@vanban/edxml';
import pg from 'pg';
import { inject } from 'vitest';
import { HubClient } from '../src/client.js';
import { startHub, type HubOptions, type RunningHub } from '../src/hub.js';

export type Backend = 'pglite' | 'postgres';

/** `vanban_hub_test_<unix seconds>_<random>`: the time lets a later run sweep leftovers. */
export const TEST_DATABASE_PREFIX = 'vanban_hub_test_';

export function backendsUnderTest(): Backend[] {
  return inject('hubPostgresUrl') ? ['pglite', 'postgres'] : ['pglite'];
}

/**
 * Drops a test database without ever hanging the suite: DROP DATABASE waits for every backend of
 * the server to acknowledge a barrier, which a busy neighbour (a long COPY) can delay for minutes.
 * A database left behind is swept by the next run's global setup.
 */
export async function dropTestDatabase(adminUrl: string, name: string): Promise<void> {
  const dropper = new pg.Client({ connectionString: adminUrl, statement_timeout: 20_000 });
  try {
    await dropper.connect();
    await dropper.query(`drop database if exists ${name} with (force)`);
  } catch (error) {
    process.emitWarning(`Test database ${name} not dropped: ${(error as Error).message}`);
  } finally {
    await dropper.end().catch(() => undefined);
  }
}

/** A fresh PostgreSQL database for one test file; `drop` removes it. */
export async function createPostgresDatabase(): Promise<{
  url: string;
  drop: () => Promise<void>;
}> {
  const adminUrl = inject('hubPostgresUrl');
  if (!adminUrl) throw new Error('PostgreSQL is not available');
  const name = `${TEST_DATABASE_PREFIX}${Math.floor(Date.now() / 1000)}_${randomBytes(4).toString('hex')}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`create database ${name}`);
  await admin.end();
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return { url: url.toString(), drop: () => dropTestDatabase(adminUrl, name) };
}

/** A hub on a fresh database: in-memory PGlite, or `create database vanban_hub_test_…`. */
export async function startTestHub(
  backend: Backend,
  options: HubOptions = {},
): Promise<RunningHub> {
  if (backend === 'pglite') return startHub({ dataDir: null, ...options });
  const database = await createPostgresDatabase();
  const hub = await startHub({ databaseUrl: database.url, ...options });
  return {
    ...hub,
    close: async () => {
      await hub.close();
      await database.drop();
    },
  };
}

export { HANOI, HCMC } from './hub-fixtures-data.js';

export function clientFor(
  hub: RunningHub,
  system: { id: string; secret: string },
  extra: Partial<ConstructorParameters<typeof HubClient>[0]> = {},
): HubClient {
  return new HubClient({ baseUrl: hub.url, systemId: system.id, secret: system.secret, ...extra });
}

export const PDF_BYTES = Buffer.from('%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\n%%EOF\n');

export function documentSpec(
  options: {
    from?: string;
    to?: string[];
    number?: string;
    subject?: string;
    attachment?: Buffer;
  } = {},
): DocumentPacketSpec {
  const number = options.number ?? '12';
  return {
    kind: 'document',
    header: {
      from: { organId: options.from ?? '000.00.00.H26', organName: 'UBND thành phố Hà Nội' },
      to: (options.to ?? ['000.00.00.H29']).map((organId) => ({ organId, organName: 'Nơi nhận' })),
      code: { codeNumber: number, codeNotation: 'UBND-VX' },
      promulgationInfo: { place: 'Hà Nội', promulgationDate: '2026-03-05' },
      documentType: { type: 2, typeDetail: 18, typeName: 'Công văn' },
      subject: options.subject ?? 'V/v phối hợp liên thông văn bản điện tử',
    },
    attachments: [{ name: `Công văn ${number}.pdf`, data: options.attachment ?? PDF_BYTES }],
  };
}

export function documentPacket(options: Parameters<typeof documentSpec>[0] = {}): Buffer {
  return buildPacketBuffer(documentSpec(options), { zipPolicy: 'none' });
}

export function statusPacket(
  options: {
    from?: string;
    to?: string;
    number?: string;
    code?: StatusPacketSpec['status']['statusCode'];
  } = {},
): Buffer {
  const number = options.number ?? '12';
  const to = options.to ?? '000.00.00.H26';
  const spec: StatusPacketSpec = {
    kind: 'status',
    status: {
      from: { organId: options.from ?? '000.00.00.H29', organName: 'UBND TP Hồ Chí Minh' },
      responseFor: {
        organId: to,
        code: `${number}/UBND-VX`,
        promulgationDate: '2026-03-05',
        documentId: `${to},2026/03/05,${number}/UBND-VX`,
      },
      staffInfo: { department: 'Văn phòng', staff: 'Phạm Thu Hà' },
      statusCode: options.code ?? '03',
      description: 'Đã tiếp nhận văn bản',
      timestamp: '2026-03-05T10:00:00',
    },
  };
  return buildPacketBuffer(spec);
}
