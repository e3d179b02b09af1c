import path from 'node:path';
import { options, positiveInt } from '../lib/args.js';
import { DEFAULT_DATABASE_URL, databaseName } from '../lib/db.js';
import { dataDirFor, todayInVietnam } from '../lib/paths.js';
import { seedCity } from './seed.js';

const o = options(
  'npm run bench:seed -- [options]  — generate a city into a fresh PostgreSQL database',
  {
    agencies: { default: '633', help: 'agencies (4 levels)' },
    users: { default: '31300', help: 'user accounts' },
    documents: { default: '1000000', help: 'incoming documents' },
    seed: { default: '1', help: 'random seed (same seed + --now = same city)' },
    years: { default: '4', help: 'years of history up to --now' },
    now: { default: todayInVietnam(), help: 'last day of history (documents stop before it)' },
    password: { default: 'Vanban@2026', help: 'password of every generated account' },
    'database-url': {
      default: process.env.BENCH_DATABASE_URL ?? DEFAULT_DATABASE_URL,
      help: 'database to (re)create; its name must start with vanban_bench (env BENCH_DATABASE_URL)',
    },
    'storage-dir': { default: '', help: 'blob storage (default bench/data/<database>/files)' },
  },
);

const url = o['database-url'];
const name = databaseName(url);
if (!name.startsWith('vanban_bench'))
  throw new Error(`Refusing to drop and recreate "${name}": use a database named vanban_bench…`);
if (!/^\d{4}-\d{2}-\d{2}$/.test(o.now)) throw new Error('--now must be YYYY-MM-DD');

const manifest = await seedCity(
  {
    url,
    seed: positiveInt('seed', o.seed),
    agencies: Math.max(1, positiveInt('agencies', o.agencies)),
    users: positiveInt('users', o.users),
    documents: positiveInt('documents', o.documents),
    years: Math.max(1, positiveInt('years', o.years)),
    now: o.now,
    password: o.password,
    storageDir: o['storage-dir'] || path.join(dataDirFor(name), 'files'),
    vacuum: true,
  },
  (line) => console.log(`[seed] ${line}`),
);
console.log(JSON.stringify(manifest.rows));
