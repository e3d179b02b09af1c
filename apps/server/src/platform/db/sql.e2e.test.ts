import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { backendsUnderTest, createTestDatabase } from '../../../test/database.js';
import { queryRows, type Database } from './database.js';
import { textArray } from './sql.js';

describe.each(backendsUnderTest())('array parameters on %s', (driver) => {
  let database: Database;
  beforeAll(async () => {
    database = await createTestDatabase(driver);
  });
  afterAll(async () => database?.close());

  it('passes any text through textArray unchanged, quotes and backslashes included', async () => {
    // Agency codes in a hub packet are outside input: `x\` once broke the literal and stopped
    // the exchange's inbox at that packet for good.
    const values = ['000.00.00.H26', 'a"b', 'x\\', '\\"', 'c,d', '{e}', ' f ', 'NULL', ''];
    const [row] = await queryRows<{ v: string[]; n: number }>(
      database.db,
      sql`select ${textArray(values)} as v, cardinality(${textArray(values)})::int as n`,
    );
    expect(row).toEqual({ v: values, n: values.length });
  });
});
