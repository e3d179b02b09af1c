import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

export class DataDirLockedError extends Error {
  readonly code = 'hub.data_dir_locked';
  constructor(
    readonly lockPath: string,
    readonly holderPid: number,
  ) {
    super(
      `The hub data directory is in use by another process (pid ${holderPid}, lock file ${lockPath}). ` +
        'PGlite must not be opened by two processes at once: stop the other process (a running hub ' +
        'included — stop it before using the CLI) or use another HUB_DATA_DIR.',
    );
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function readHolder(lockPath: string): { pid: number; host: string } | null {
  try {
    const parsed = JSON.parse(fs.readFileSync(lockPath, 'utf8')) as {
      pid?: unknown;
      host?: unknown;
    };
    return typeof parsed.pid === 'number' && typeof parsed.host === 'string'
      ? { pid: parsed.pid, host: parsed.host }
      : null;
  } catch {
    return null;
  }
}

/**
 * Exclusive lock on a PGlite data directory (PGlite has none of its own; two processes on one
 * directory lose rows). A lock left by a dead process on this host is taken over.
 */
export function acquireDataDirLock(dataDir: string): { release: () => void } {
  const lockPath = path.join(dataDir, 'hub.lock');
  const content = JSON.stringify({ pid: process.pid, host: os.hostname(), since: new Date() });
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
      if (holder !== null && (holder.host !== os.hostname() || isAlive(holder.pid))) {
        throw new DataDirLockedError(lockPath, holder.pid);
      }
      fs.rmSync(lockPath, { force: true });
    }
  }
  throw new Error(`Could not take the lock ${lockPath}`);
}
