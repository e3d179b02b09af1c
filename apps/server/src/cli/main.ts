import fs from 'node:fs';
import { Command, CommanderError } from 'commander';
import { buildDependencies, type AppDependencies } from '../app/dependencies.js';
import { loadConfig } from '../platform/config/config.js';
import { openDatabase } from '../platform/db/database.js';
import { isAppError } from '../platform/errors/app-error.js';
import { verifyAuditChains } from '../modules/audit/index.js';
import { findUserByUsername, insertRole, usersAdmin } from '../modules/identity/index.js';
import {
  exportDirectory,
  findVersionByCode,
  importDirectory,
} from '../modules/organizations/index.js';
import { roleValues, type Role } from '@vanban/contracts';
import { vietnamDate } from '../platform/clock/clock.js';
import { newId } from '../platform/db/ids.js';
import { seedDemoCity } from '../seed/demo-city.seed.js';
import { registerSampleCommands } from './sample.command.js';

/** Exit codes: 0 ok, 1 the operation found a problem or failed, 2 usage error. */
class CliFailure extends Error {
  constructor(
    message: string,
    readonly exitCode = 1,
  ) {
    super(message);
  }
}

async function withDeps<T>(fn: (deps: AppDependencies) => Promise<T>): Promise<T> {
  const config = loadConfig();
  const database = await openDatabase(
    config.database.driver === 'postgres'
      ? config.database
      : { driver: 'pglite', dataDir: config.database.dataDir },
  );
  try {
    await database.migrate();
    return await fn(buildDependencies(config, database));
  } finally {
    await database.close();
  }
}

const out = (text: string) => process.stdout.write(text.endsWith('\n') ? text : `${text}\n`);
const cliMeta = { ip: null, requestId: null };

function formatOf(file: string, explicit?: string): 'csv' | 'json' {
  const format = explicit ?? (file.toLowerCase().endsWith('.json') ? 'json' : 'csv');
  if (format !== 'csv' && format !== 'json')
    throw new CliFailure(`Unknown format "${format}" (csv or json)`, 2);
  return format;
}

const program = new Command('vanban')
  .description('Vanban command line')
  .exitOverride()
  .showHelpAfterError();

const agencies = program.command('agencies').description('Agency directory');
agencies
  .command('import <file>')
  .description('Import the directory from CSV or JSON (idempotent; all or nothing)')
  .option('--format <format>', 'csv or json (default: from the file extension)')
  .option('--dry-run', 'check and report without writing')
  .action(async (file: string, opts: { format?: string; dryRun?: boolean }) => {
    if (!fs.existsSync(file)) throw new CliFailure(`File not found: ${file}`, 2);
    const content = fs.readFileSync(file, 'utf8');
    const report = await withDeps((deps) =>
      importDirectory(
        { ...deps, actor: null },
        { format: formatOf(file, opts.format), content, dryRun: opts.dryRun === true },
      ),
    );
    out(JSON.stringify(report, null, 2));
  });
agencies
  .command('export')
  .description('Export the directory (all versions, or those valid on --as-of)')
  .option('--format <format>', 'csv or json', 'csv')
  .option('--as-of <date>', 'YYYY-MM-DD')
  .option('--out <file>', 'write to a file instead of stdout')
  .action(async (opts: { format: string; asOf?: string; out?: string }) => {
    if (opts.asOf && !/^\d{4}-\d{2}-\d{2}$/.test(opts.asOf))
      throw new CliFailure('--as-of must be YYYY-MM-DD', 2);
    const text = await withDeps((deps) =>
      exportDirectory(deps, {
        format: formatOf('', opts.format),
        ...(opts.asOf ? { asOf: opts.asOf } : {}),
      }),
    );
    if (opts.out) fs.writeFileSync(opts.out, text);
    else process.stdout.write(text);
  });

const users = program.command('users').description('User accounts');
users
  .command('create')
  .description('Create a user in an agency (by agency code), optionally with roles')
  .requiredOption('--username <username>')
  .requiredOption('--full-name <name>')
  .requiredOption('--agency <code>', 'agency electronic code, e.g. 000.00.00.H26')
  .requiredOption('--password <password>')
  .option('--email <email>')
  .option('--role <role...>', `one or more of ${roleValues.join(', ')}`)
  .action(
    async (opts: {
      username: string;
      fullName: string;
      agency: string;
      password: string;
      email?: string;
      role?: string[];
    }) => {
      const roles = (opts.role ?? []) as Role[];
      const bad = roles.filter((r) => !roleValues.includes(r));
      if (bad.length > 0) throw new CliFailure(`Unknown role(s): ${bad.join(', ')}`, 2);
      const user = await withDeps(async (deps) => {
        const agency = await findVersionByCode(deps.db, opts.agency, vietnamDate(deps.clock.now()));
        if (!agency) throw new CliFailure(`No current agency has the code ${opts.agency}`);
        const created = await usersAdmin.createUser(
          deps,
          null,
          {
            username: opts.username,
            fullName: opts.fullName,
            email: opts.email,
            agencyId: agency.agencyId,
            password: opts.password,
          },
          cliMeta,
        );
        for (const role of roles)
          await insertRole(deps.db, {
            id: newId(),
            userId: created.id,
            role,
            agencyId: agency.agencyId,
            unitId: null,
          });
        return created;
      });
      out(
        `Created ${user.username} (${user.id}) in ${user.agency.name}${roles.length ? ` with roles ${roles.join(', ')}` : ''}`,
      );
    },
  );
users
  .command('reset-password')
  .description('Set a new password, unlock the account and end its sessions')
  .requiredOption('--username <username>')
  .requiredOption('--password <password>')
  .action(async (opts: { username: string; password: string }) => {
    await withDeps(async (deps) => {
      const user = await findUserByUsername(deps.db, opts.username);
      if (!user) throw new CliFailure(`No user ${opts.username}`);
      await usersAdmin.resetPassword(deps, null, user.id, opts.password, cliMeta);
    });
    out(`Password of ${opts.username} reset`);
  });

program
  .command('audit')
  .description('Audit trail')
  .command('verify')
  .description('Verify the hash chains; exits 1 naming the first bad row')
  .action(async () => {
    const result = await withDeps((deps) => verifyAuditChains(deps.db));
    if (result.problems.length > 0) {
      for (const p of result.problems)
        process.stderr.write(
          `BAD chain=${p.chain} row=${p.id ?? '-'} seq=${p.seq}: ${p.message}\n`,
        );
      throw new CliFailure(`Audit trail tampered: ${result.problems.length} chain(s) broken`);
    }
    out(`Audit trail intact: ${result.events} events in ${result.chains} chains`);
  });

program
  .command('db')
  .description('Database')
  .command('migrate')
  .description('Apply pending migrations')
  .action(async () => {
    await withDeps(async () => undefined);
    out('Migrations applied');
  });

program
  .command('seed')
  .description('Seed data')
  .command('demo')
  .description('Seed the demo city (idempotent)')
  .action(async () => {
    const result = await withDeps((deps) => seedDemoCity(deps));
    out(`Demo city seeded (${result.users} new users)`);
  });

registerSampleCommands(program);

try {
  await program.parseAsync(process.argv);
} catch (error) {
  if (error instanceof CommanderError) {
    process.exitCode = error.exitCode === 0 ? 0 : 2;
  } else if (error instanceof CliFailure) {
    process.stderr.write(`vanban: ${error.message}\n`);
    process.exitCode = error.exitCode;
  } else if (isAppError(error)) {
    process.stderr.write(`vanban: ${error.title}${error.detail ? `: ${error.detail}` : ''}\n`);
    for (const e of error.errors ?? []) process.stderr.write(`  ${e.path}: ${e.message}\n`);
    process.exitCode = 1;
  } else {
    process.stderr.write(`vanban: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exitCode = 1;
  }
}
