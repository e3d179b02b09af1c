import { benchPool } from '../lib/db.js';
import { builtinCalendarDays } from '../../apps/server/src/modules/calendar/calendar.holidays.data.js';
import { WorkingCalendar } from '../../apps/server/src/modules/calendar/calendar.models.js';
import { createLocalDiskStorage } from '../../apps/server/src/platform/storage/local-disk-storage.js';
import { Api } from '../lib/http.js';
import { mapLimit } from '../lib/load.js';
import {
  describeData,
  describeMachine,
  describeVersions,
  type Machine,
  type Versions,
} from '../lib/machine.js';
import { todayInVietnam } from '../lib/paths.js';
import {
  agencyWideUsers,
  busyHandlers,
  clerks,
  referenceOf,
  visibleDocuments,
  type Actor,
} from './actors.js';
import {
  judge,
  levelText,
  measureScenario,
  type CpuOf,
  type Level,
  type Run,
  type Target,
} from './measure.js';
import { buildScenarios, type ScenarioContext, type User } from './scenarios.js';
import { ServerProcess } from './server.js';

export interface BenchOptions {
  databaseUrl: string;
  dataDir: string;
  storageDir: string;
  password: string;
  /** Load levels, in order; targets are judged at the last. */
  levels: Level[];
  seconds: number;
  warmup: number;
  /** How many people of each kind the benchmarks use; `issuers`: agencies issuing outgoing documents. */
  users: { handlers: number; agencyWide: number; clerks: number; issuers: number };
  only: string[];
  /** Quick mode: API and raw operations alternate in every client (robust on a busy machine). */
  paired?: boolean;
  /** Operations slower than this alone are measured serially (ms). */
  slowMs: number;
  logLevel: string;
  /** A server already started by the caller (who stops it); else one is started and stopped. */
  server?: ServerProcess;
  /** Write a V8 CPU profile of the server into this directory (flame graph in DevTools). */
  profileDir?: string;
  log: (line: string) => void;
}

export interface ScenarioResult {
  id: string;
  title: string;
  target: Target;
  raw: string;
  /** Whose CPU the runs' `serverCpuMsPerOp` is (absent in older results: the server). */
  cpuOf?: CpuOf;
  runs: Run[];
  status: 'met' | 'missed' | 'not yet built' | 'no target';
  notes: string[];
}

export interface BenchReport {
  at: string;
  /** How the database was generated (bench/data/<database>/seed.json), when known. */
  seed?: unknown;
  durationSeconds: number;
  machine: Machine;
  versions: Versions;
  data: Record<string, number>;
  settings: {
    seconds: number;
    warmup: number;
    levels: string[];
    serverPool: number;
    rawPool: number;
    logLevel: string;
  };
  server: { peakRssMb: number; cpuSeconds: number; extractionBacklog: number };
  scenarios: ScenarioResult[];
}

export type { Level, Run } from './measure.js';

export async function runBench(o: BenchOptions): Promise<BenchReport> {
  const started = performance.now();
  const pool = benchPool(o.databaseUrl, 10);
  const server =
    o.server ??
    (await ServerProcess.start({
      databaseUrl: o.databaseUrl,
      dataDir: o.dataDir,
      storageDir: o.storageDir,
      logLevel: o.logLevel,
      nodeArgs: o.profileDir ? ['--cpu-prof', `--cpu-prof-dir=${o.profileDir}`] : [],
    }));
  const api = new Api(server.url, Math.max(...o.levels.map((l) => l.clients)) * 2);
  try {
    o.log(`server at ${server.url} (pid RSS ${server.takeWindowPeak()} MB)`);
    const login = async (a: Actor): Promise<User> => {
      const documents = await visibleDocuments(pool, a, 30);
      return {
        actor: a,
        session: await api.login(a.username, o.password),
        documents,
        reference: documents[0] ? await referenceOf(pool, documents[0]) : '1/UBND',
      };
    };
    const handlers = await mapLimit(await busyHandlers(pool, o.users.handlers), 4, login);
    const agencyWide = await mapLimit(await agencyWideUsers(pool, o.users.agencyWide), 4, login);
    const clerkUsers = await mapLimit(await clerks(pool, o.users.clerks), 4, login);
    const { rows: codes } = await pool.query<{ code: string }>(
      'select code from agency_versions where valid_to is null order by code limit 200',
    );
    o.log(
      `signed in ${handlers.length} busy handlers, ${agencyWide.length} agency-wide users, ${clerkUsers.length} clerks`,
    );
    const today = todayInVietnam();
    const ctx: ScenarioContext = {
      api,
      pool,
      databaseUrl: o.databaseUrl,
      password: o.password,
      storage: createLocalDiskStorage(o.storageDir),
      today,
      soon: new WorkingCalendar(Object.values(builtinCalendarDays).flat()).addWorkingDays(today, 2),
      handlers,
      agencyWide,
      clerks: clerkUsers,
      senderCodes: codes.map((c) => c.code),
      numberBase: 100_000_000 + (Math.floor(Date.now() / 1000) % 800_000) * 1000,
      issuers: o.users.issuers,
      log: o.log,
    };
    const scenarios = buildScenarios(ctx).filter(
      (s) => o.only.length === 0 || o.only.includes(s.id),
    );
    const results: ScenarioResult[] = [];
    for (const s of scenarios) {
      let measured: Awaited<ReturnType<typeof measureScenario>>;
      try {
        await s.prepare?.();
        measured = await measureScenario(s, o, server);
      } catch (error) {
        // One broken benchmark must not cost the results of a long run: report it, go on.
        const message = error instanceof Error ? error.message : String(error);
        o.log(`${s.id} failed: ${message}`);
        const { id, title, target, raw } = s;
        results.push({
          id,
          title,
          target,
          raw,
          runs: [],
          status: 'missed',
          notes: [`failed: ${message}`],
        });
        continue;
      } finally {
        await s.close?.();
      }
      const { runs, serialProbeMs } = measured;
      const verdict = judge(s, runs);
      if (serialProbeMs !== null) {
        verdict.status = 'missed';
        verdict.notes.unshift(
          `one operation takes ${Math.round(serialProbeMs)} ms: measured serially, not at ${o.levels.map(levelText).join('/')} clients`,
        );
      }
      results.push({
        id: s.id,
        title: s.title,
        target: s.target,
        raw: s.raw,
        cpuOf: s.measured?.name ?? 'server',
        runs,
        ...verdict,
      });
    }
    const backlog = await pool.query<{ n: number }>(
      "select count(*)::int as n from jobs where state in ('queued', 'running')",
    );
    return {
      at: new Date().toISOString(),
      durationSeconds: Math.round((performance.now() - started) / 1000),
      machine: await describeMachine(pool),
      versions: describeVersions(),
      data: await describeData(pool),
      settings: {
        seconds: o.seconds,
        warmup: o.warmup,
        levels: o.levels.map(levelText),
        serverPool: 10,
        rawPool: 10,
        logLevel: o.logLevel,
      },
      server: {
        peakRssMb: Math.round(server.peakRssMb),
        cpuSeconds: Math.round(server.cpuMs() / 100) / 10,
        extractionBacklog: backlog.rows[0]?.n ?? 0,
      },
      scenarios: results,
    };
  } finally {
    await api.close();
    if (!o.server) await server.stop();
    await pool.end();
  }
}
