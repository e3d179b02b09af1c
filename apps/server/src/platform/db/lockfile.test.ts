import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { openDatabase } from './database.js';

const serverDir = fileURLToPath(new URL('../../../', import.meta.url));

/** Runs `vanban db migrate` in a separate process against `dataDir`. */
function runCli(dataDir: string): Promise<{ code: number | null; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['bin/vanban.mjs', 'db', 'migrate'], {
      cwd: serverDir,
      env: { ...process.env, VANBAN_DATA_DIR: dataDir, DATABASE_URL: '', INIT_CWD: serverDir },
    });
    let stderr = '';
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('close', (code) => resolve({ code, stderr }));
  });
}

describe('PGlite data directory lock', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'vanban-lock-'));
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('refuses a second process with a clear error while the first holds the directory', async () => {
    const first = await openDatabase({ driver: 'pglite', dataDir: dir });
    try {
      const second = await runCli(dir);
      expect(second.code).not.toBe(0);
      expect(second.stderr).toMatch(/in use by another Vanban process \(pid \d+/);
    } finally {
      await first.close();
    }
    expect(fs.existsSync(path.join(dir, 'vanban.lock'))).toBe(false);
  });

  it('takes over a lock left by a process that no longer exists', async () => {
    fs.writeFileSync(
      path.join(dir, 'vanban.lock'),
      JSON.stringify({ pid: 2 ** 22 + 12345, host: os.hostname() }),
    );
    const reopened = await openDatabase({ driver: 'pglite', dataDir: dir });
    await reopened.close();
  });
});
