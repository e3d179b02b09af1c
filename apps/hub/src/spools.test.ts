import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createHub, removeStaleSpools } from './hub.js';

describe('bodies left by a killed hub (tmpDir given, as on PostgreSQL)', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'hub-spools-'));
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  const write = (name: string, ageMs: number) => {
    const file = path.join(dir, name);
    fs.writeFileSync(file, 'x');
    const at = new Date(Date.now() - ageMs);
    fs.utimesSync(file, at, at);
  };

  it('removes .part files idle for an hour at start, and nothing else', async () => {
    write('dead.part', 2 * 3600_000);
    write('uploading.part', 5_000);
    write('notes.txt', 5 * 3600_000);
    const hub = await createHub({ tmpDir: dir });
    await hub.close();
    expect(fs.readdirSync(dir).sort()).toEqual(['notes.txt', 'uploading.part']);
  });

  it('tolerates a missing directory', () => {
    expect(() => removeStaleSpools(path.join(dir, 'missing'))).not.toThrow();
  });
});
