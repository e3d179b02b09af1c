import os from 'node:os';
import { benchPool } from '../lib/db.js';
import { builtinCalendarDays } from '../../apps/server/src/modules/calendar/calendar.holidays.data.js';
import { WorkingCalendar } from '../../apps/server/src/modules/calendar/calendar.models.js';
import { createLocalDiskStorage } from '../../apps/server/src/platform/storage/local-disk-storage.js';
import { Api } from '../lib/http.js';
import { runLoad, runPaired, type LoadResult } from '../lib/load.js';
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
  buildScenarios,
  type Scenario,
  type ScenarioContext,
  type Target,
  type User,
} from './scenarios.js';
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
  users: { handlers: number; agencyWide: number; clerks: number };
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

/** Clients, and their mean think time between operations (0 = closed loop, back to back). */
export interface Level {
  clients: number;
  thinkMs: number;
}

export const levelText = (l: Level) =>
  l.thinkMs ? `${l.clients}@${l.thinkMs}` : String(l.clients);

export interface Run {
  concurrency: number;
  thinkMs: number;
  api: LoadResult;
  raw: LoadResult;
  /** API p50 latency / raw p50 latency. */
  ratio: number;
  serverPeakRssMb: number;
  /** Server process CPU per API operation (ms), warm-up included. */
  serverCpuMsPerOp: number;
  /** 1-minute load average after the run: other work on the machine shows here. */
  loadAverage: number;
}

export interface ScenarioResult {
  id: string;
  title: string;
  target: Target;
  raw: string;
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

/** The benchmarks that wait for features still being built. */
export const TODO_SCENARIOS: ScenarioResult[] = [
  ['outgoing_issue', 'Issue an outgoing document to 5 recipients inside the instance'],
  ['edxml_build_sign', 'edXML: build + sign a 370 KB packet'],
  ['edxml_parse_verify', 'edXML: parse + verify a 370 KB packet'],
  ['hub_round_trip', 'Hub: send → receive → status round trip throughput'],
].map(([id, title]) => ({
  id: id as string,
  title: title as string,
  target: {},
  raw: '',
  runs: [],
  status: 'not yet built' as const,
  notes: ['TODO: comes with the outgoing / edXML / hub issues'],
}));

async function mapLimit<T, R>(
  items: readonly T[],
  limit: number,
  fn: (x: T) => Promise<R>,
): Promise<R[]> {
  const out: R[] = new Array<R>(items.length);
  let next = 0;
  const worker = async () => {
    for (let i = next++; i < items.length; i = next++) out[i] = await fn(items[i] as T);
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return out;
}

async function timeOnce(op: (w: number, i: number) => Promise<void>): Promise<number> {
  const t0 = performance.now();
  await op(0, 0);
  return performance.now() - t0;
}

function judge(s: Scenario, runs: Run[]): Pick<ScenarioResult, 'status' | 'notes'> {
  const top = runs[runs.length - 1];
  if (!top) return { status: 'no target', notes: [] };
  const notes: string[] = [];
  if (top.api.errors > 0) notes.push(`${top.api.errors} API errors (first: ${top.api.firstError})`);
  if (s.target.p95Ms !== undefined && top.api.latency.p95 > s.target.p95Ms)
    notes.push(`p95 ${top.api.latency.p95} ms > ${s.target.p95Ms} ms`);
  if (s.target.throughput !== undefined && top.api.throughput < s.target.throughput)
    notes.push(`${top.api.throughput}/s < ${s.target.throughput}/s`);
  if (top.ratio > 3) notes.push(`API/raw ${top.ratio}× > 3×`);
  return { status: notes.length === 0 ? 'met' : 'missed', notes };
}

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
      storage: createLocalDiskStorage(o.storageDir),
      today,
      soon: new WorkingCalendar(Object.values(builtinCalendarDays).flat()).addWorkingDays(today, 2),
      handlers,
      agencyWide,
      clerks: clerkUsers,
      senderCodes: codes.map((c) => c.code),
      numberBase: 100_000_000 + (Math.floor(Date.now() / 1000) % 800_000) * 1000,
    };
    const scenarios = buildScenarios(ctx).filter(
      (s) => o.only.length === 0 || o.only.includes(s.id),
    );
    const results: ScenarioResult[] = [];
    for (const s of scenarios) {
      const runs: Run[] = [];
      // A statement slower than `slowMs` alone would take minutes to drain at 200 clients:
      // measure it serially instead, and say so.
      const probe = Math.max(await timeOnce(s.apiOp), await timeOnce(s.rawOp));
      const serial = probe > o.slowMs;
      const levels: Level[] = serial ? [{ clients: 1, thinkMs: 0 }] : o.levels;
      if (serial) o.log(`${s.id}: one operation takes ${Math.round(probe)} ms — measured serially`);
      for (const level of levels) {
        const c = level.clients;
        server.takeWindowPeak();
        const cpu0 = server.cpuMs();
        const load = {
          concurrency: c,
          seconds: o.seconds,
          warmup: o.warmup,
          minOps: serial ? 3 : c,
          thinkMs: level.thinkMs,
        };
        const [apiResult, rawResult] = o.paired
          ? await runPaired({ ...load, a: s.apiOp, b: s.rawOp })
          : [await runLoad({ ...load, op: s.apiOp }), null];
        const serverCpuMsPerOp =
          Math.round(
            ((server.cpuMs() - cpu0) / Math.max(1, apiResult.totalOps / (o.paired ? 2 : 1))) * 100,
          ) / 100;
        const serverPeakRssMb = server.takeWindowPeak();
        const rawRun = rawResult ?? (await runLoad({ ...load, op: s.rawOp }));
        const ratio =
          Math.round((apiResult.latency.p50 / Math.max(0.01, rawRun.latency.p50)) * 10) / 10;
        const loadAverage = Math.round((os.loadavg()[0] ?? 0) * 10) / 10;
        runs.push({
          concurrency: c,
          thinkMs: level.thinkMs,
          api: apiResult,
          raw: rawRun,
          ratio,
          serverPeakRssMb,
          serverCpuMsPerOp,
          loadAverage,
        });
        o.log(
          `${s.id} c=${levelText(level)}: API ${apiResult.throughput}/s p50 ${apiResult.latency.p50} p95 ${apiResult.latency.p95} p99 ${apiResult.latency.p99} ms` +
            `${apiResult.errors ? ` (${apiResult.errors} errors: ${apiResult.firstError})` : ''}; ` +
            `raw ${rawRun.throughput}/s p50 ${rawRun.latency.p50} p95 ${rawRun.latency.p95} ms` +
            `${rawRun.errors ? ` (${rawRun.errors} errors: ${rawRun.firstError})` : ''}; ratio ${ratio}×; server CPU ${serverCpuMsPerOp} ms/op; RSS ${serverPeakRssMb} MB; load ${loadAverage}`,
        );
      }
      const verdict = judge(s, runs);
      if (serial) {
        verdict.status = 'missed';
        verdict.notes.unshift(
          `one operation takes ${Math.round(probe)} ms: measured serially, not at ${o.levels.map(levelText).join('/')} clients`,
        );
      }
      results.push({
        id: s.id,
        title: s.title,
        target: s.target,
        raw: s.raw,
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
      scenarios: [...results, ...TODO_SCENARIOS],
    };
  } finally {
    await api.close();
    if (!o.server) await server.stop();
    await pool.end();
  }
}
