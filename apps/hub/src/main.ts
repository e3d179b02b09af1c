/**
 * `npm run hub` — starts the hub; `npm run hub -- <command>` — operator commands.
 * Exit codes: 0 ok, 1 failure, 2 usage.
 */
import path from 'node:path';
import { Command, CommanderError } from 'commander';
import { loadHubConfig, type HubConfig } from './config.js';
import { openHubDatabase } from './db/database.js';
import { startHub } from './hub.js';
import { createSecretBox } from './secrets.js';
import {
  RegistryError,
  addSystem,
  checkInput,
  listAgencies,
  listSystems,
  removeSystem,
  setAgency,
  updateSystem,
  type RegistryDeps,
} from './systems.js';
import { formatTime, tracePacket } from './packets.js';

class UsageError extends Error {}

const out = (text: string): void => {
  process.stdout.write(text.endsWith('\n') ? text : `${text}\n`);
};

async function withRegistry<T>(
  fn: (deps: RegistryDeps, config: HubConfig) => Promise<T>,
): Promise<T> {
  const config = loadHubConfig();
  const database = await openHubDatabase(config.database);
  try {
    await database.migrate();
    return await fn(
      { db: database.db, box: createSecretBox(config.secretKey), now: () => new Date() },
      config,
    );
  } finally {
    await database.close();
  }
}

function codesOf(text: string): string[] {
  const codes = text
    .split(',')
    .map((c) => c.trim())
    .filter(Boolean);
  if (codes.length === 0) throw new UsageError('--agencies needs at least one agency code');
  return codes;
}

async function serve(): Promise<void> {
  const config = loadHubConfig();
  const hub = await startHub({
    ...(config.database.driver === 'postgres'
      ? { databaseUrl: config.database.url, tmpDir: path.join(config.dataDir, 'tmp') }
      : { dataDir: config.database.dataDir }),
    secretKey: config.secretKey,
    port: config.port,
    host: config.host,
    basePath: config.basePath,
    maxPacketBytes: config.maxPacketBytes,
    timestampWindowMs: config.timestampWindowMs,
    sdkTimestampMaxAgeMs: config.sdkTimestampMaxAgeMs,
    listLimit: config.listLimit,
    logger: config.logLevel,
  });
  let closing = false;
  const shutdown = async (signal: string) => {
    if (closing) return;
    closing = true;
    hub.app.log.info({ signal }, 'shutting down: finishing requests in flight');
    try {
      await hub.close();
    } finally {
      process.exit(0);
    }
  };
  process.once('SIGINT', () => void shutdown('SIGINT'));
  process.once('SIGTERM', () => void shutdown('SIGTERM'));
  const systems = await hub.listSystems();
  const where =
    config.database.driver === 'pglite'
      ? `embedded PGlite in ${config.dataDir}`
      : 'PostgreSQL (HUB_DATABASE_URL)';
  out(
    [
      '',
      `  Vanban exchange hub at ${hub.url}  (operations: ${hub.url}/sendEdoc, …)`,
      `  Database: ${where}; ${systems.length} registered system(s)`,
      systems.length === 0
        ? '  Register one: npm run hub -- systems add --id <id> --secret <secret> --agencies <codes>'
        : '',
      '',
    ]
      .filter((l, i, all) => l !== '' || i === 0 || i === all.length - 1)
      .join('\n'),
  );
}

const program = new Command('hub')
  .description('Vanban exchange hub (national document interconnection axis protocol)')
  .exitOverride()
  .showHelpAfterError()
  .configureOutput({ writeErr: (s) => process.stderr.write(s) });

program
  .command('serve', { isDefault: true })
  .description('Start the hub (HUB_PORT, HUB_HOST, HUB_DATA_DIR or HUB_DATABASE_URL)')
  .action(serve);

const systemsCmd = program.command('systems').description('Client systems allowed to call the hub');
systemsCmd
  .command('add')
  .description('Register a system: its id (XroadVnpt-systemid), HMAC secret and agency codes')
  .requiredOption('--id <systemid>', 'XroadVnpt-systemid the client sends')
  .requiredOption('--secret <secret>', 'shared HMAC secret (at least 16 characters)')
  .requiredOption('--agencies <codes>', 'comma-separated agency codes this system receives for')
  .option(
    '--strict',
    'require a signed nonce and a fresh timestamp on every request (Vanban servers)',
  )
  .action(async (opts: { id: string; secret: string; agencies: string; strict?: boolean }) => {
    const agencies = codesOf(opts.agencies);
    checkInput({ id: opts.id, secret: opts.secret, agencies });
    const system = await withRegistry((deps) =>
      addSystem(deps, { id: opts.id, secret: opts.secret, agencies, strict: opts.strict === true }),
    );
    out(
      `Added system ${system.id}${system.strict ? ' (strict)' : ''} for ${system.agencies.join(', ')}`,
    );
  });
systemsCmd
  .command('update')
  .description('Change a system: new secret, new agency list (replaces the old one), strictness')
  .requiredOption('--id <systemid>')
  .option('--secret <secret>')
  .option('--agencies <codes>')
  .option('--strict', 'require a signed nonce and a fresh timestamp')
  .option('--no-strict', 'accept requests without a nonce (deployed SDK clients)')
  .action(async (opts: { id: string; secret?: string; agencies?: string; strict?: boolean }) => {
    if (opts.secret === undefined && opts.agencies === undefined && opts.strict === undefined)
      throw new UsageError('Nothing to change: give --secret, --agencies, --strict or --no-strict');
    checkInput({
      id: opts.id,
      ...(opts.secret !== undefined ? { secret: opts.secret } : {}),
      ...(opts.agencies !== undefined ? { agencies: codesOf(opts.agencies) } : {}),
    });
    const system = await withRegistry((deps) =>
      updateSystem(deps, {
        id: opts.id,
        ...(opts.secret !== undefined ? { secret: opts.secret } : {}),
        ...(opts.agencies !== undefined ? { agencies: codesOf(opts.agencies) } : {}),
        ...(opts.strict !== undefined ? { strict: opts.strict } : {}),
      }),
    );
    out(
      `Updated system ${system.id}${system.strict ? ' (strict)' : ''} for ${system.agencies.join(', ')}`,
    );
  });
systemsCmd
  .command('list')
  .description('List registered systems (secrets are never shown)')
  .option('--json', 'JSON output')
  .action(async (opts: { json?: boolean }) => {
    const systems = await withRegistry((deps) => listSystems(deps.db));
    if (opts.json) return out(JSON.stringify(systems, null, 2));
    if (systems.length === 0) return out('No systems registered');
    for (const s of systems)
      out(
        `${s.id}\t${s.strict ? 'strict' : 'sdk'}\t${s.agencies.join(',')}\tsince ${formatTime(s.createdAt)}`,
      );
  });
systemsCmd
  .command('remove')
  .description('Remove a system and its agency codes (its stored packets and trace stay)')
  .requiredOption('--id <systemid>')
  .action(async (opts: { id: string }) => {
    await withRegistry((deps) => removeSystem(deps.db, opts.id));
    out(`Removed system ${opts.id}`);
  });

const agenciesCmd = program
  .command('agencies')
  .description('The agency directory served by getAgenciesList');
agenciesCmd
  .command('list')
  .option('--json', 'JSON output')
  .action(async (opts: { json?: boolean }) => {
    const rows = await withRegistry((deps) => listAgencies(deps.db));
    if (opts.json) return out(JSON.stringify(rows, null, 2));
    for (const a of rows)
      out(`${a.code}\t${a.systemId}\t${a.name}${a.parentCode ? `\tparent ${a.parentCode}` : ''}`);
  });
agenciesCmd
  .command('set')
  .description('Name, parent and mail of a registered agency code')
  .requiredOption('--code <code>')
  .option('--name <name>')
  .option('--parent <code>')
  .option('--mail <mail>')
  .action(async (opts: { code: string; name?: string; parent?: string; mail?: string }) => {
    const agency = await withRegistry((deps) =>
      setAgency(deps.db, {
        code: opts.code,
        ...(opts.name !== undefined ? { name: opts.name } : {}),
        ...(opts.parent !== undefined ? { parentCode: opts.parent || null } : {}),
        ...(opts.mail !== undefined ? { mail: opts.mail || null } : {}),
      }),
    );
    out(`${agency.code}: ${agency.name}`);
  });

program
  .command('trace <docId>')
  .description("Trace of a packet by its DocId or a receiver's docId")
  .action(async (docId: string) => {
    const trace = await withRegistry((deps) => tracePacket(deps.db, docId));
    if (!trace) throw new RegistryError(`No packet ${docId}`);
    const p = trace.packet;
    out(
      `packet ${p.id}: ${p.messageType} from ${p.fromCode} (system ${p.senderSystemId}) to ${p.toCodes.join(', ')}`,
    );
    out(
      `  ${p.notation ?? ''} ${p.title ?? ''} — ${p.size} bytes, received ${formatTime(p.receivedAt)}`,
    );
    for (const d of trace.deliveries)
      out(
        `  delivery ${d.id} → ${d.systemId} (${d.toCodes.join(', ')}): ${d.state}, downloads ${d.fetchCount}` +
          `${d.firstFetchedAt ? `, first ${formatTime(d.firstFetchedAt)}` : ''}` +
          `${d.acknowledgedAt ? `, acknowledged ${formatTime(d.acknowledgedAt)}` : ''}`,
      );
    for (const e of trace.events)
      out(
        `  ${formatTime(e.at)}  ${e.event.padEnd(12)} ${e.systemId}${e.deliveryId ? ` ${e.deliveryId}` : ''}  ${e.detail ?? ''}`,
      );
  });

try {
  await program.parseAsync(process.argv);
} catch (error) {
  if (error instanceof CommanderError) {
    process.exitCode = error.exitCode === 0 ? 0 : 2;
  } else if (error instanceof UsageError) {
    process.stderr.write(`hub: ${error.message}\n`);
    process.exitCode = 2;
  } else {
    process.stderr.write(`hub: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exitCode = 1;
  }
}
