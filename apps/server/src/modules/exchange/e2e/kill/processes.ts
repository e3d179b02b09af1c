/**
 * Real child processes for the kill test: started from the repository root with tsx, exactly as
 * `npm start` / `npm run hub` run them, killed with SIGKILL (no shutdown code runs) and started
 * again. Their output goes to a log file per process, and the last lines are kept for failures.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import { fileURLToPath } from 'node:url';

export const repoRoot = fileURLToPath(new URL('../../../../../../../', import.meta.url));

/** Small seeded PRNG (mulberry32): the same seed replays the same kill schedule. */
export function seededRandom(seed: number) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return {
    next,
    between: (min: number, max: number) => min + next() * (max - min),
    pick: <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)]!,
  };
}

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

export class ManagedProcess {
  private child: ChildProcess | null = null;
  private exited: Promise<void> = Promise.resolve();
  private readyNow: Promise<void> = Promise.resolve();
  private markReady: () => void = () => {};
  private readonly tail: string[] = [];
  private readonly log: fs.WriteStream;
  private closed = false;
  starts = 0;
  kills = 0;

  constructor(
    readonly name: string,
    private readonly entry: string,
    private readonly env: NodeJS.ProcessEnv,
    /** A line the process prints once it serves (its "running at" banner). */
    private readonly readyMarker: string,
    logFile: string,
  ) {
    this.log = fs.createWriteStream(logFile, { flags: 'a' });
  }

  get running(): boolean {
    return this.child !== null;
  }

  start(): void {
    if (this.child || this.closed) return;
    this.starts++;
    this.note(`start #${this.starts}`);
    const child = spawn(process.execPath, ['--import', 'tsx', this.entry], {
      cwd: repoRoot,
      env: { ...process.env, ...this.env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    this.child = child;
    this.readyNow = new Promise((resolve) => (this.markReady = resolve));
    const keep = (chunk: Buffer) => {
      this.log.write(chunk);
      if (chunk.toString('utf8').includes(this.readyMarker)) this.markReady();
      for (const line of chunk.toString('utf8').split('\n').filter(Boolean)) {
        this.tail.push(line);
        if (this.tail.length > 40) this.tail.shift();
      }
    };
    child.stdout!.on('data', keep);
    child.stderr!.on('data', keep);
    this.exited = new Promise((resolve) => {
      child.once('exit', (code, signal) => {
        this.note(`exited (${signal ?? code})`);
        if (this.child === child) this.child = null;
        this.markReady();
        resolve();
      });
    });
  }

  /** Resolves once the current run printed its banner (or ended). */
  ready(): Promise<void> {
    return this.readyNow;
  }

  /** SIGKILL: no handler runs, open transactions are cut, sockets reset. */
  async kill(): Promise<void> {
    const child = this.child;
    if (!child) return;
    this.kills++;
    this.note('SIGKILL');
    child.kill('SIGKILL');
    await this.exited;
  }

  /** The last lines it printed, for a failure message. */
  recent(): string {
    return this.tail.map((l) => `  [${this.name}] ${l}`).join('\n');
  }

  async close(): Promise<void> {
    this.closed = true;
    await this.kill();
    await new Promise<void>((resolve) => this.log.end(resolve));
  }

  private note(text: string): void {
    this.log.write(`--- ${new Date().toISOString()} ${this.name}: ${text}\n`);
  }
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * One process's chaos, driven by progress so that kills land in the middle of the work however
 * fast the machine is: one time in six while the process is still starting (loading, its first
 * round), otherwise once it has done a random amount of work (`work()`: documents sent, taken or
 * stored) plus a random fraction of a second. Down for a moment, started again, until `done()`.
 */
export async function chaos(
  proc: ManagedProcess,
  rng: ReturnType<typeof seededRandom>,
  work: () => number,
  done: () => boolean,
): Promise<void> {
  // The first kill comes early, so that every process is killed even on a slow machine.
  for (let round = 0; !done(); round++) {
    if (rng.next() < 1 / 6) await sleep(rng.between(300, 3000));
    else {
      const target = work() + Math.round(round === 0 ? rng.between(1, 6) : rng.between(4, 24));
      while (work() < target && !done()) await sleep(100);
      await sleep(rng.between(0, 400));
    }
    if (done()) break;
    await proc.kill();
    await sleep(rng.between(0, 1000));
    proc.start();
  }
}
