import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import { once } from 'node:events';
import { repoRoot } from '../lib/paths.js';

export interface ServerOptions {
  databaseUrl: string;
  dataDir: string;
  storageDir: string;
  logLevel: string;
  /** Extra node flags for the server, e.g. `--cpu-prof --cpu-prof-dir=…` for a flame graph. */
  nodeArgs?: string[];
}

/** Resident memory and CPU time of a process, from /proc (Linux). */
function procStats(pid: number): { rssMb: number; cpuMs: number } | null {
  try {
    const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
    const rss = /VmRSS:\s+(\d+) kB/.exec(status);
    const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    const ticks = Number(fields[11]) + Number(fields[12]);
    return { rssMb: rss ? Number(rss[1]) / 1024 : 0, cpuMs: (ticks * 1000) / 100 };
  } catch {
    return null;
  }
}

/** The server's VANBAN_SECRET_KEY in the benchmarks (certificates are sealed with it). */
export const BENCH_SECRET_KEY = '5'.repeat(64);

/**
 * A child process whose RSS is sampled every 100 ms and whose CPU time is read from /proc; it
 * is ready when its output matches `ready` (the first group is returned, e.g. its URL).
 */
export class MeasuredProcess {
  peakRssMb = 0;
  private windowPeak = 0;
  private readonly timer: NodeJS.Timeout;

  protected constructor(
    private readonly child: ChildProcess,
    readonly url: string,
  ) {
    this.timer = setInterval(() => this.sample(), 100);
    this.timer.unref();
  }

  protected static async spawnReady(
    name: string,
    args: string[],
    env: NodeJS.ProcessEnv,
    ready: RegExp,
  ): Promise<{ child: ChildProcess; match: string }> {
    const child = spawn(process.execPath, args, {
      cwd: repoRoot,
      env: { ...process.env, ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    const match = await new Promise<string>((resolve, reject) => {
      const onData = (chunk: Buffer) => {
        output += chunk.toString();
        const m = ready.exec(output);
        if (m?.[1]) resolve(m[1]);
      };
      child.stdout?.on('data', onData);
      child.stderr?.on('data', (c: Buffer) => (output += c.toString()));
      child.once('exit', (code) => reject(new Error(`${name} exited (${code}):\n${output}`)));
      setTimeout(
        () => reject(new Error(`${name} did not start in 60 s:\n${output}`)),
        60_000,
      ).unref();
    });
    // Keep draining its output (warnings and errors only at the bench log level).
    child.stdout?.removeAllListeners('data');
    child.stdout?.on('data', (c: Buffer) => process.stderr.write(`[${name}] ${c.toString()}`));
    child.stderr?.on('data', (c: Buffer) => process.stderr.write(`[${name}] ${c.toString()}`));
    return { child, match };
  }

  private sample(): void {
    const s = this.child.pid ? procStats(this.child.pid) : null;
    if (!s) return;
    this.peakRssMb = Math.max(this.peakRssMb, s.rssMb);
    this.windowPeak = Math.max(this.windowPeak, s.rssMb);
  }

  /** Peak RSS since the last call (one benchmark's window). */
  takeWindowPeak(): number {
    this.sample();
    const peak = this.windowPeak;
    this.windowPeak = 0;
    return Math.round(peak);
  }

  cpuMs(): number {
    return (this.child.pid ? procStats(this.child.pid)?.cpuMs : 0) ?? 0;
  }

  async stop(): Promise<void> {
    clearInterval(this.timer);
    if (this.child.exitCode !== null) return;
    const exited = once(this.child, 'exit');
    this.child.kill('SIGTERM');
    const timeout = setTimeout(() => this.child.kill('SIGKILL'), 15_000);
    await exited;
    clearTimeout(timeout);
  }
}

/**
 * The real server (`apps/server/src/main.ts`, the same entry as `npm start`) as a child process
 * on a free port against the bench database.
 */
export class ServerProcess extends MeasuredProcess {
  static async start(o: ServerOptions): Promise<ServerProcess> {
    const args = [...(o.nodeArgs ?? []), '--import', 'tsx', 'apps/server/src/main.ts'];
    const { child, match } = await MeasuredProcess.spawnReady(
      'server',
      args,
      {
        DATABASE_URL: o.databaseUrl,
        VANBAN_SEED: 'none',
        HOST: '127.0.0.1',
        PORT: '0',
        VANBAN_DATA_DIR: o.dataDir,
        VANBAN_STORAGE_DIR: o.storageDir,
        VANBAN_SECRET_KEY: BENCH_SECRET_KEY,
        VANBAN_COOKIE_SECURE: 'false',
        VANBAN_LOGIN_MAX_FAILURES: '1000',
        LOG_LEVEL: o.logLevel,
      },
      /running at (http:\/\/[^\s]+)/,
    );
    return new ServerProcess(child, match.replace('localhost', '127.0.0.1'));
  }
}
