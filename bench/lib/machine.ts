import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type pg from 'pg';
import { repoRoot } from './paths.js';

export interface Machine {
  cpus: number;
  cpuModel: string;
  memoryGiB: number;
  os: string;
  node: string;
  postgres: string;
  postgresSettings: Record<string, string>;
}

export interface Versions {
  app: string;
  commit: string;
  fastify: string;
  pg: string;
  drizzle: string;
}

const SETTINGS = [
  'shared_buffers',
  'effective_cache_size',
  'work_mem',
  'max_connections',
  'random_page_cost',
  'jit',
  'synchronous_commit',
  'max_parallel_workers_per_gather',
];

function packageVersion(name: string): string {
  try {
    const file = path.join(repoRoot, 'node_modules', name, 'package.json');
    return (JSON.parse(fs.readFileSync(file, 'utf8')) as { version: string }).version;
  } catch {
    return 'unknown';
  }
}

export async function describeMachine(pool: pg.Pool): Promise<Machine> {
  const { rows } = await pool.query<{ v: string }>('select version() as v');
  const settings = await pool.query<{ name: string; setting: string; unit: string | null }>(
    'select name, setting, unit from pg_settings where name = any($1)',
    [SETTINGS],
  );
  return {
    cpus: os.cpus().length,
    cpuModel: os.cpus()[0]?.model ?? 'unknown',
    memoryGiB: Math.round(os.totalmem() / 2 ** 30),
    os: `${os.type()} ${os.release()}`,
    node: process.version,
    postgres: (rows[0]?.v ?? '').split(' on ')[0] ?? '',
    postgresSettings: Object.fromEntries(
      settings.rows.map((s) => [s.name, s.unit ? `${s.setting} × ${s.unit}` : s.setting]),
    ),
  };
}

export function describeVersions(): Versions {
  let commit = 'unknown';
  try {
    commit = execFileSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: repoRoot })
      .toString()
      .trim();
    const dirty = execFileSync('git', ['status', '--porcelain'], { cwd: repoRoot })
      .toString()
      .trim();
    if (dirty) commit += ' (with uncommitted changes)';
  } catch {
    // not a git checkout
  }
  const server = JSON.parse(
    fs.readFileSync(path.join(repoRoot, 'apps/server/package.json'), 'utf8'),
  ) as { version: string };
  return {
    app: server.version,
    commit,
    fastify: packageVersion('fastify'),
    pg: packageVersion('pg'),
    drizzle: packageVersion('drizzle-orm'),
  };
}

/** Row counts and size of the bench database. */
export async function describeData(pool: pg.Pool): Promise<Record<string, number>> {
  const tables = [
    'agencies',
    'units',
    'users',
    'incoming_documents',
    'assignments',
    'incoming_access',
    'files',
    'audit_events',
    'outgoing_documents',
    'outgoing_recipients',
  ];
  const out: Record<string, number> = {};
  for (const t of tables) {
    const { rows } = await pool.query<{ n: number }>(`select count(*)::int as n from ${t}`);
    out[t] = rows[0]?.n ?? 0;
  }
  const { rows } = await pool.query<{ mb: number }>(
    'select (pg_database_size(current_database()) / 1048576)::int as mb',
  );
  out.databaseMB = rows[0]?.mb ?? 0;
  return out;
}
