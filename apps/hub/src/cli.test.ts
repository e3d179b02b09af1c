/**
 * The operator CLI and `npm run hub`, as child processes on a PGlite data directory:
 * systems add/list/update/remove with exit codes 0 ok, 1 failure, 2 usage; secrets sealed at rest;
 * `serve` answering signed calls, refusing a second process on the same directory, stopping on
 * SIGTERM.
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { HubClient } from './client.js';
import { documentPacket } from '../test/hub-fixtures.js';

const hubDir = fileURLToPath(new URL('../', import.meta.url));
const repoRoot = fileURLToPath(new URL('../../../', import.meta.url));

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

function run(args: string[], env: Record<string, string>, viaNpm = false): Promise<Run> {
  return new Promise((resolve) => {
    const child = viaNpm
      ? spawn('npm', ['run', '-s', 'hub', '--', ...args], {
          cwd: repoRoot,
          env: { ...process.env, ...env },
        })
      : spawn(process.execPath, ['--import', 'tsx', 'src/main.ts', ...args], {
          cwd: hubDir,
          env: { ...process.env, INIT_CWD: hubDir, ...env },
        });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

function filesUnder(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const full = path.join(dir, e.name);
    return e.isDirectory() ? filesUnder(full) : [full];
  });
}

// Every command opens the PGlite directory (seconds each on a loaded machine).
describe('hub command line', { timeout: 240_000 }, () => {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'vanban-hub-cli-'));
  const env = { HUB_DATA_DIR: dataDir, HUB_DATABASE_URL: '', LOG_LEVEL: 'warn' };
  afterAll(() => fs.rmSync(dataDir, { recursive: true, force: true }));

  it('systems add registers a system (exit 0) and seals its secret at rest', async () => {
    const added = await run(
      [
        'systems',
        'add',
        '--id',
        'vanban-h26',
        '--secret',
        'hanoi-cli-secret-0123456789',
        '--agencies',
        '000.00.00.H26, 000.00.01.h26',
        '--strict',
      ],
      env,
    );
    expect(added, added.stderr).toMatchObject({ code: 0 });
    expect(added.stdout).toContain(
      'Added system vanban-h26 (strict) for 000.00.00.H26, 000.00.01.H26',
    );
    const second = await run(
      [
        'systems',
        'add',
        '--id',
        'vanban-h29',
        '--secret',
        'hcmc-cli-secret-0123456789',
        '--agencies',
        '000.00.00.H29',
      ],
      env,
    );
    expect(second.code, second.stderr).toBe(0);
    expect(fs.existsSync(path.join(dataDir, 'secret.key'))).toBe(true);
    // A copy of the database holds no usable secret: only the AES-GCM sealed form.
    for (const file of filesUnder(path.join(dataDir, 'pglite')))
      expect(fs.readFileSync(file).includes('hanoi-cli-secret'), file).toBe(false);
  });

  it('systems list shows systems and codes, never secrets', async () => {
    const listed = await run(['systems', 'list'], env);
    expect(listed.code, listed.stderr).toBe(0);
    expect(listed.stdout).toMatch(/vanban-h26\tstrict\t000\.00\.00\.H26,000\.00\.01\.H26/);
    expect(listed.stdout).toMatch(/vanban-h29\tsdk\t000\.00\.00\.H29/);
    expect(listed.stdout).not.toContain('secret');
    const json = await run(['systems', 'list', '--json'], env);
    const systems = JSON.parse(json.stdout) as { id: string; agencies: string[] }[];
    expect(systems.map((s) => s.id)).toEqual(['vanban-h26', 'vanban-h29']);
  });

  it('fails with exit 1 on a refused change, 2 on usage errors', async () => {
    const duplicate = await run(
      [
        'systems',
        'add',
        '--id',
        'vanban-h26',
        '--secret',
        'another-secret-0123456789',
        '--agencies',
        '000.00.00.H41',
      ],
      env,
    );
    expect(duplicate.code).toBe(1);
    expect(duplicate.stderr).toMatch(/already exists/);
    const taken = await run(
      [
        'systems',
        'add',
        '--id',
        'intruder',
        '--secret',
        'another-secret-0123456789',
        '--agencies',
        '000.00.00.H29',
      ],
      env,
    );
    expect(taken.code).toBe(1);
    expect(taken.stderr).toMatch(
      /already received by another system: 000\.00\.00\.H29 \(vanban-h29\)/,
    );
    const badCode = await run(
      [
        'systems',
        'add',
        '--id',
        'x',
        '--secret',
        'another-secret-0123456789',
        '--agencies',
        'not a code',
      ],
      env,
    );
    expect(badCode.code).toBe(1);
    expect(badCode.stderr).toMatch(/Agency code/);
    const weak = await run(
      ['systems', 'add', '--id', 'x', '--secret', 'short', '--agencies', '000.00.00.H41'],
      env,
    );
    expect(weak.code).toBe(1);
    const noRemove = await run(['systems', 'remove', '--id', 'nobody'], env);
    expect(noRemove.code).toBe(1);
    expect(noRemove.stderr).toMatch(/No system nobody/);

    const missing = await run(['systems', 'add', '--id', 'x', '--agencies', '000.00.00.H41'], env);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(/--secret/);
    expect((await run(['systems', 'frobnicate'], env)).code).toBe(2);
    expect((await run(['systems', 'update', '--id', 'vanban-h29'], env)).code).toBe(2);
    // Through the root script, as documented.
    const viaNpm = await run(['systems', 'add', '--id', 'x'], env, true);
    expect(viaNpm.code).toBe(2);
  });

  it('serves signed calls, refuses a second process on the directory, stops on SIGTERM', async () => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
      cwd: hubDir,
      env: { ...process.env, INIT_CWD: hubDir, ...env, HUB_PORT: '0', HUB_HOST: '127.0.0.1' },
    });
    let stdout = '';
    let stderr = '';
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    const exited = new Promise<number | null>((resolve) => child.on('close', resolve));
    try {
      const url = await new Promise<string>((resolve, reject) => {
        child.stdout.on('data', (d: Buffer) => {
          stdout += d.toString();
          const m = /exchange hub at (http:\/\/\S+)/.exec(stdout);
          if (m?.[1]) resolve(m[1]);
        });
        child.on('close', () => reject(new Error(`hub exited: ${stderr}`)));
      });
      expect(stdout).toMatch(/2 registered system/);
      const h26 = new HubClient({
        baseUrl: url,
        systemId: 'vanban-h26',
        secret: 'hanoi-cli-secret-0123456789',
      });
      const h29 = new HubClient({
        baseUrl: url,
        systemId: 'vanban-h29',
        secret: 'hcmc-cli-secret-0123456789',
      });
      const sent = await h26.sendEdoc(documentPacket({ number: '301' }));
      const [item] = await h29.getReceivedEdocList();
      expect((await h29.getEdoc(item!.docId)).data.length).toBeGreaterThan(0);
      await h29.updateStatus(item!.docId, 'done');

      const locked = await run(['systems', 'list'], env);
      expect(locked.code).toBe(1);
      expect(locked.stderr).toMatch(/in use by another process/);

      child.kill('SIGTERM');
      expect(await exited).toBe(0);
      const trace = await run(['trace', sent.docId], env);
      expect(trace.code, trace.stderr).toBe(0);
      expect(trace.stdout).toMatch(/received\s+vanban-h26/);
      expect(trace.stdout).toMatch(/acknowledged\s+vanban-h29/);
    } finally {
      child.kill('SIGKILL');
    }
  });

  it('systems update and remove', async () => {
    const updated = await run(
      ['systems', 'update', '--id', 'vanban-h29', '--agencies', '000.00.00.H29,H29.01', '--strict'],
      env,
    );
    expect(updated.code, updated.stderr).toBe(0);
    expect(updated.stdout).toContain(
      'Updated system vanban-h29 (strict) for 000.00.00.H29, H29.01',
    );
    const removed = await run(['systems', 'remove', '--id', 'vanban-h29'], env);
    expect(removed.code, removed.stderr).toBe(0);
    const listed = await run(['systems', 'list'], env);
    expect(listed.stdout).not.toContain('vanban-h29');
    expect(listed.stdout).toContain('vanban-h26');
  });
});
