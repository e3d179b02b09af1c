import { builtinCalendarDays } from '../../apps/server/src/modules/calendar/calendar.holidays.data.js';
import { WorkingCalendar } from '../../apps/server/src/modules/calendar/calendar.models.js';
import { options } from '../lib/args.js';
import { benchPool, DEFAULT_DATABASE_URL } from '../lib/db.js';
import { todayInVietnam } from '../lib/paths.js';
import { agencyWideUsers, busyHandlers, referenceOf, visibleDocuments } from './actors.js';
import { listAllUnion, REFERENCE_INDEX, searchUnion } from './proposals.js';
import { countSql, listSql, searchSql } from './raw-sql.js';

/**
 * EXPLAIN (ANALYZE, BUFFERS) of the app's list and search statements for the users the benchmark
 * picks, and of the proposed shapes (`--proposals yes`; `--index yes` also builds the proposed
 * trigram index for the run and drops it after). Evidence for docs/performance.md.
 */
const o = options('npx tsx bench/run/explain.ts -- [options]', {
  'database-url': {
    default: process.env.BENCH_DATABASE_URL ?? DEFAULT_DATABASE_URL,
    help: 'bench database',
  },
  only: { default: '', help: 'comma-separated statement ids' },
  proposals: { default: 'no', help: 'yes: also the proposed shapes' },
  index: {
    default: 'no',
    help: 'yes: build the proposed reference index for the run, then drop it',
  },
  jit: { default: 'default', help: 'off: run with jit = off' },
  repeat: { default: '5', help: 'timed executions per statement (median reported)' },
});
const pool = benchPool(o['database-url'], 1);
const today = todayInVietnam();
const soon = new WorkingCalendar(Object.values(builtinCalendarDays).flat()).addWorkingDays(
  today,
  2,
);
const [handler] = await busyHandlers(pool, 1);
const [clerk] = await agencyWideUsers(pool, 1);
if (!handler || !clerk) throw new Error('no users: seed the database first');
const docs = await visibleDocuments(pool, clerk, 1);
const reference = docs[0] ? await referenceOf(pool, docs[0]) : '1/UBND';
type Statement = { text: string; values: unknown[] };
const statements: Record<string, Statement> = {
  inbox_to_handle: listSql('to_handle', handler.scope, today, soon, 25),
  list_agency_all: listSql('all', clerk.scope, today, soon, 25),
  inbox_counts: countSql(handler.scope, today),
  inbox_counts_clerk: countSql(clerk.scope, today),
  search_selective: searchSql('công viên Kim Quy', clerk.scope, today, soon, 20),
  search_broad: searchSql('kế hoạch', clerk.scope, today, soon, 20),
  search_broad_handler: searchSql('kế hoạch', handler.scope, today, soon, 20),
  search_reference: searchSql(reference, clerk.scope, today, soon, 20),
};
if (o.proposals === 'yes') {
  statements.proposed_list_agency_all = listAllUnion(clerk.scope, today, soon, 25);
  statements.proposed_search_broad = searchUnion('kế hoạch', clerk.scope, today, soon, 20);
  statements.proposed_search_broad_handler = searchUnion(
    'kế hoạch',
    handler.scope,
    today,
    soon,
    20,
  );
}
const client = await pool.connect();
try {
  if (o.jit === 'off') await client.query('set jit = off');
  if (o.index === 'yes') await client.query(REFERENCE_INDEX);
  console.log(
    `handler ${handler.username}, agency-wide ${clerk.username}, reference ${reference}, jit ${o.jit}`,
  );
  for (const [id, q] of Object.entries(statements)) {
    if (o.only && !o.only.split(',').includes(id)) continue;
    const times: number[] = [];
    let rows = 0;
    for (let i = 0; i < Number(o.repeat); i++) {
      const t0 = performance.now();
      rows = (await client.query(q.text, q.values)).rowCount ?? 0;
      times.push(performance.now() - t0);
    }
    times.sort((a, b) => a - b);
    const median = times[Math.floor(times.length / 2)] ?? 0;
    const { rows: plan } = await client.query<{ 'QUERY PLAN': string }>(
      `explain (analyze, buffers) ${q.text}`,
      q.values,
    );
    console.log(
      `\n=== ${id}: ${rows} rows, median ${median.toFixed(1)} ms over ${times.length} runs\n${plan.map((r) => r['QUERY PLAN']).join('\n')}`,
    );
  }
} finally {
  if (o.index === 'yes') await client.query('drop index if exists bench_reference_folded_trgm_idx');
  client.release();
  await pool.end();
}
