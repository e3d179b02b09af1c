import fs from 'node:fs';
import path from 'node:path';
import { options, positiveInt } from '../lib/args.js';
import { DEFAULT_DATABASE_URL, databaseName } from '../lib/db.js';
import { dataDirFor, repoRoot } from '../lib/paths.js';
import type { SeedManifest } from '../seed/seed.js';
import { runBench } from './bench.js';
import { SCENARIO_IDS } from './scenarios.js';
import { writeJson, writeMarkdown } from './report.js';

const o = options(
  'npm run bench -- [options]  — benchmarks against a database made by bench:seed',
  {
    'database-url': {
      default: process.env.BENCH_DATABASE_URL ?? DEFAULT_DATABASE_URL,
      help: 'the seeded database (env BENCH_DATABASE_URL)',
    },
    concurrency: {
      default: '10,200@1000,200',
      help: 'load levels, comma-separated: N clients back to back, or N@MS with a mean think time of MS between requests; targets judged at the last',
    },
    seconds: { default: '20', help: 'measured seconds per benchmark and side' },
    warmup: { default: '3', help: 'warm-up seconds before each measurement' },
    only: { default: '', help: `comma-separated benchmark ids: ${SCENARIO_IDS.join(', ')}` },
    issuers: {
      default: '50',
      help: 'agencies whose clerks issue outgoing documents (each gets demo certificates and a sealed template on first use)',
    },
    'slow-ms': {
      default: '1000',
      help: 'a benchmark whose single operation takes longer runs serially',
    },
    'log-level': { default: 'warn', help: 'server LOG_LEVEL' },
    profile: {
      default: '',
      help: 'directory for a V8 CPU profile of the server (open in DevTools)',
    },
    out: { default: 'bench/results/latest.json', help: 'JSON results' },
    docs: {
      default: 'docs/performance.md',
      help: 'Markdown file whose results section is replaced ("" = none)',
    },
  },
);

const only = o.only ? o.only.split(',') : [];
const unknown = only.filter((id) => !(SCENARIO_IDS as readonly string[]).includes(id));
if (unknown.length > 0) throw new Error(`Unknown benchmark ${unknown.join(', ')} (see --help)`);
const url = o['database-url'];
const dataDir = dataDirFor(databaseName(url));
const manifestFile = path.join(dataDir, 'seed.json');
if (!fs.existsSync(manifestFile))
  throw new Error(
    `${manifestFile} is missing: run npm run bench:seed -- --database-url ${url} first`,
  );
const manifest = JSON.parse(fs.readFileSync(manifestFile, 'utf8')) as SeedManifest;

const report = await runBench({
  databaseUrl: url,
  dataDir,
  storageDir: manifest.storageDir,
  password: manifest.password,
  levels: o.concurrency.split(',').map((text) => {
    const [clients = '1', think = '0'] = text.split('@');
    return {
      clients: Math.max(1, positiveInt('concurrency', clients)),
      thinkMs: positiveInt('concurrency', think),
    };
  }),
  seconds: Number(o.seconds),
  warmup: Number(o.warmup),
  users: {
    handlers: 50,
    agencyWide: 30,
    clerks: 200,
    issuers: Math.max(1, positiveInt('issuers', o.issuers)),
  },
  only,
  slowMs: Number(o['slow-ms']),
  logLevel: o['log-level'],
  ...(o.profile ? { profileDir: path.resolve(repoRoot, o.profile) } : {}),
  log: (line) => console.log(`[bench] ${line}`),
});
await writeJson(path.resolve(repoRoot, o.out), { ...report, seed: manifest });
if (o.docs) await writeMarkdown(path.resolve(repoRoot, o.docs), report);
console.log(`[bench] results in ${o.out}${o.docs ? ` and ${o.docs}` : ''}`);
for (const s of report.scenarios)
  console.log(`  ${s.status.padEnd(14)} ${s.id}${s.notes.length ? `: ${s.notes.join('; ')}` : ''}`);
