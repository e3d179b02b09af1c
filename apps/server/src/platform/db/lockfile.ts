import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

export class DataDirLockedError extends Error {
  readonly code = 'db.data_dir_locked';
  constructor(
    readonly lockPath: string,
    readonly holderPid: number,
  ) {
    super(
      `The data directory is in use by another Vanban process (pid ${holderPid}, lock file ${lockPath}). ` +
        'PGlite must not be opened by two processes at once: stop the other process or use another data directory.',
    );
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: the process exists but belongs to someone else.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * Exclusive lock on a PGlite data directory. PGlite has no locking of its own: two processes on one
 * directory lose committed rows (stack-notes §1). The lock records the holder's pid so a lock left
 * behind by a crashed (SIGKILLed) process is taken over instead of blocking a restart forever.
 */
export function acquireDataDirLock(dataDir: string): { release: () => void } {
  const lockPath = path.join(dataDir, 'vanban.lock');
  const content = JSON.stringify({
    pid: process.pid,
    host: os.hostname(),
    since: new Date().toISOString(),
  });
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      fs.writeFileSync(lockPath, content, { flag: 'wx' });
      let released = false;
      return {
        release: () => {
          if (released) return;
          released = true;
          fs.rmSync(lockPath, { force: true });
        },
      };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const holder = readHolder(lockPath);
      if (holder !== null && holder.host === os.hostname() && isAlive(holder.pid)) {
        throw new DataDirLockedError(lockPath, holder.pid);
      }
      if (holder !== null && holder.host !== os.hostname()) {
        throw new DataDirLockedError(lockPath, holder.pid);
      }
      // Stale lock from a process that is gone: remove it and try once more.
      fs.rmSync(lockPath, { force: true });
    }
  }
  throw new Error(`Could not take the lock ${lockPath}`);
}

function readHolder(lockPath: string): { pid: number; host: string } | null {
  try {
    const parsed = JSON.parse(fs.readFileSync(lockPath, 'utf8')) as {
      pid?: unknown;
      host?: unknown;
    };
    if (typeof parsed.pid === 'number' && typeof parsed.host === 'string') {
      return { pid: parsed.pid, host: parsed.host };
    }
    return null;
  } catch {
    return null;
  }
}
