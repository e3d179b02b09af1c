import os from 'node:os';
import { runLoad, runPaired, type LoadResult, type Operation } from '../lib/load.js';

/** Clients, and their mean think time between operations (0 = closed loop, back to back). */
export interface Level {
  clients: number;
  thinkMs: number;
}

export const levelText = (l: Level) =>
  l.thinkMs ? `${l.clients}@${l.thinkMs}` : String(l.clients);

export interface Target {
  /** Latency target on the API side (p95, ms). */
  p95Ms?: number;
  /** Throughput target on the API side (operations per second). */
  throughput?: number;
}

/** The process whose CPU time and memory a benchmark reports (the server, the hub, this one). */
export interface Measured {
  /** CPU time used so far (ms). */
  cpuMs(): number;
  /** Peak RSS since the last call (MB). */
  takeWindowPeak(): number;
}

/** Whose CPU the "CPU ms/op" column shows. */
export type CpuOf = 'server' | 'hub' | 'benchmark process';

export interface Scenario {
  id: string;
  title: string;
  target: Target;
  /** What the raw baseline does, in words (or why there is none). */
  raw: string;
  apiOp: Operation;
  /** The raw baseline; absent for benchmarks that have none (in-process, the hub). */
  rawOp?: Operation;
  /** Fixed load levels (e.g. one client for an in-process CPU benchmark); default the run's. */
  levels?: Level[];
  /** Whose CPU and memory are reported; default the app server. */
  measured?: { process: Measured; name: CpuOf };
  /** Set-up before the first measurement (not measured). */
  prepare?: () => Promise<void>;
  /** Before each measured run: e.g. prepare enough documents for the operations to come. */
  beforeRun?: (run: BeforeRun) => Promise<void>;
  /** After the last run (stop processes, drop databases). */
  close?: () => Promise<void>;
}

export interface BeforeRun {
  level: Level;
  seconds: number;
  sides: ('api' | 'raw')[];
  /** The previous run of this benchmark (throughput guides how much to prepare). */
  previous: Run | null;
}

export interface Run {
  concurrency: number;
  thinkMs: number;
  api: LoadResult;
  /** Null when the benchmark has no raw baseline. */
  raw: LoadResult | null;
  /** API p50 latency / raw p50 latency (null without a raw baseline). */
  ratio: number | null;
  serverPeakRssMb: number;
  /** CPU per API operation (ms) of the measured process, warm-up included. */
  serverCpuMsPerOp: number;
  /** 1-minute load average after the run: other work on the machine shows here. */
  loadAverage: number;
}

export interface MeasureOptions {
  levels: Level[];
  seconds: number;
  warmup: number;
  paired?: boolean;
  slowMs: number;
  log: (line: string) => void;
}

async function timeOnce(op: Operation): Promise<number> {
  const t0 = performance.now();
  await op(0, 0);
  return performance.now() - t0;
}

const rounded = (v: number, digits: number) => Math.round(v * 10 ** digits) / 10 ** digits;

/**
 * Runs one benchmark at every level: the API side and (when there is one) the raw side, paired
 * or one after the other. A single operation slower than `slowMs` alone would take minutes to
 * drain at 200 clients: such a benchmark is measured serially instead, and says so.
 */
export async function measureScenario(
  s: Scenario,
  o: MeasureOptions,
  server: Measured,
): Promise<{ runs: Run[]; serialProbeMs: number | null }> {
  const measured = s.measured?.process ?? server;
  const probe = Math.max(await timeOnce(s.apiOp), s.rawOp ? await timeOnce(s.rawOp) : 0);
  const serial = probe > o.slowMs;
  const levels: Level[] = serial ? [{ clients: 1, thinkMs: 0 }] : (s.levels ?? o.levels);
  if (serial) o.log(`${s.id}: one operation takes ${Math.round(probe)} ms — measured serially`);
  const runs: Run[] = [];
  for (const level of levels) {
    const c = level.clients;
    const load = {
      concurrency: c,
      seconds: o.seconds,
      warmup: o.warmup,
      minOps: serial ? 3 : c,
      thinkMs: level.thinkMs,
    };
    const paired = Boolean(o.paired && s.rawOp);
    const before = (sides: ('api' | 'raw')[]) =>
      s.beforeRun?.({ level, seconds: o.seconds + o.warmup, sides, previous: runs.at(-1) ?? null });
    await before(paired ? ['api', 'raw'] : ['api']);
    measured.takeWindowPeak();
    const cpu0 = measured.cpuMs();
    const [api, pairedRaw] =
      paired && s.rawOp
        ? await runPaired({ ...load, a: s.apiOp, b: s.rawOp })
        : [await runLoad({ ...load, op: s.apiOp }), null];
    const apiOps = Math.max(1, api.totalOps / (paired ? 2 : 1));
    const serverCpuMsPerOp = rounded((measured.cpuMs() - cpu0) / apiOps, 2);
    const serverPeakRssMb = measured.takeWindowPeak();
    let raw = pairedRaw;
    if (!raw && s.rawOp) {
      await before(['raw']);
      raw = await runLoad({ ...load, op: s.rawOp });
    }
    const ratio = raw ? rounded(api.latency.p50 / Math.max(0.01, raw.latency.p50), 1) : null;
    const loadAverage = rounded(os.loadavg()[0] ?? 0, 1);
    runs.push({
      concurrency: c,
      thinkMs: level.thinkMs,
      api,
      raw,
      ratio,
      serverPeakRssMb,
      serverCpuMsPerOp,
      loadAverage,
    });
    const side = (r: LoadResult) =>
      `${r.throughput}/s p50 ${r.latency.p50} p95 ${r.latency.p95} p99 ${r.latency.p99} ms` +
      `${r.errors ? ` (${r.errors} errors: ${r.firstError})` : ''}`;
    o.log(
      `${s.id} c=${levelText(level)}: API ${side(api)}; ` +
        (raw ? `raw ${side(raw)}; ratio ${ratio}×; ` : 'no raw baseline; ') +
        `${s.measured?.name ?? 'server'} CPU ${serverCpuMsPerOp} ms/op; RSS ${serverPeakRssMb} MB; load ${loadAverage}`,
    );
  }
  return { runs, serialProbeMs: serial ? probe : null };
}

/** Met or missed at the last level: errors, the target, and API within 3× of the raw side. */
export function judge(
  s: Pick<Scenario, 'target'>,
  runs: Run[],
): { status: 'met' | 'missed' | 'no target'; notes: string[] } {
  const top = runs[runs.length - 1];
  if (!top) return { status: 'no target', notes: [] };
  const notes: string[] = [];
  if (top.api.errors > 0) notes.push(`${top.api.errors} API errors (first: ${top.api.firstError})`);
  if (top.raw && top.raw.errors > 0)
    notes.push(`${top.raw.errors} raw errors (first: ${top.raw.firstError})`);
  if (s.target.p95Ms !== undefined && top.api.latency.p95 > s.target.p95Ms)
    notes.push(`p95 ${top.api.latency.p95} ms > ${s.target.p95Ms} ms`);
  if (s.target.throughput !== undefined && top.api.throughput < s.target.throughput)
    notes.push(`${top.api.throughput}/s < ${s.target.throughput}/s`);
  if (top.ratio !== null && top.ratio > 3) notes.push(`API/raw ${top.ratio}× > 3×`);
  const judged = top.ratio !== null || Object.keys(s.target).length > 0;
  if (notes.length > 0) return { status: 'missed', notes };
  return { status: judged ? 'met' : 'no target', notes };
}
