import { sql } from 'drizzle-orm';
import { describe, expect, inject, it } from 'vitest';
import { createTestDatabase } from '../../../test/database.js';
import { queryRows } from './database.js';

describe('PostgreSQL connections of the app', () => {
  // docs/performance.md, finding 4: JIT compiled every plan above jit_above_cost and no statement
  // of this app runs long enough to win the compile time back. (PGlite has no JIT.)
  it.skipIf(!inject('postgresUrl'))('run without JIT compilation', async () => {
    const database = await createTestDatabase('postgres');
    try {
      const rows = await queryRows<{ jit: string }>(
        database.db,
        sql`select current_setting('jit') as jit`,
      );
      expect(rows).toEqual([{ jit: 'off' }]);
    } finally {
      await database.close();
    }
  });
});
