import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { backendsUnderTest, createTestDatabase } from '../../../test/database.js';
import type { Database } from '../../platform/db/database.js';
import { recordAuditEvent, verifyAuditChains } from './audit.repository.js';

const agencyA = '01890000-0000-7000-8000-00000000000a';

describe.each(backendsUnderTest())('audit trail hash chain on %s', (driver) => {
  let database: Database;
  beforeAll(async () => {
    database = await createTestDatabase(driver);
    for (let i = 0; i < 6; i++) {
      await database.db.transaction((tx) =>
        recordAuditEvent(tx, {
          type: 'test.event',
          actor: {
            userId: '01890000-0000-7000-8000-000000000001',
            name: 'Nguyễn Văn An',
            onBehalfOf:
              i === 2
                ? { userId: '01890000-0000-7000-8000-000000000002', name: 'Trần Thị Bình' }
                : null,
          },
          agencyId: i % 2 === 0 ? agencyA : null,
          subject: { type: 'thing', id: String(i) },
          data: { i, text: 'Quyết định số 15/QĐ-UBND', nested: { b: 2, a: [1, 'x'] } },
          occurredAt: new Date(Date.UTC(2026, 0, 1, 0, 0, i, 123)),
        }),
      );
    }
  });
  afterAll(async () => database?.close());

  it('verifies an untouched trail, one chain per agency', async () => {
    const result = await verifyAuditChains(database.db);
    expect(result).toEqual({ chains: 2, events: 6, problems: [] });
  });

  it('refuses UPDATE and DELETE through the append-only trigger', async () => {
    const refused = (e: unknown) =>
      /append-only/.test(String((e as { cause?: Error }).cause?.message ?? e));
    await expect(
      database.db.execute(sql`update audit_events set type = 'x' where seq = 1`),
    ).rejects.toSatisfy(refused);
    await expect(
      database.db.execute(sql`delete from audit_events where seq = 1`),
    ).rejects.toSatisfy(refused);
  });

  it('names the first altered row when someone bypasses the trigger', async () => {
    const rows = (
      (await database.db.execute(
        sql`select id from audit_events where chain = ${agencyA} order by seq`,
      )) as unknown as { rows: { id: number }[] }
    ).rows;
    const second = rows[1]!.id;
    await tamper(
      database,
      sql`update audit_events set data = jsonb_set(data, '{i}', '99') where id = ${second}`,
    );
    const result = await verifyAuditChains(database.db);
    expect(result.problems).toEqual([
      expect.objectContaining({ id: second, chain: agencyA, seq: 2, problem: 'hash_mismatch' }),
    ]);
  });

  it('detects a deleted row in the middle and at the end of a chain', async () => {
    const rows = (
      (await database.db.execute(
        sql`select id, seq from audit_events where chain = 'system' order by seq`,
      )) as unknown as { rows: { id: number; seq: number }[] }
    ).rows;
    expect(rows.map((r) => r.seq)).toEqual([1, 2, 3]);
    await tamper(database, sql`delete from audit_events where id = ${rows[1]!.id}`);
    let result = await verifyAuditChains(database.db);
    expect(result.problems).toContainEqual(
      expect.objectContaining({ chain: 'system', id: rows[2]!.id, problem: 'missing_rows' }),
    );
    await tamper(database, sql`delete from audit_events where id = ${rows[2]!.id}`);
    result = await verifyAuditChains(database.db);
    expect(result.problems).toContainEqual(
      expect.objectContaining({ chain: 'system', problem: 'head_mismatch' }),
    );
  });
});

/** Simulates a database superuser bypassing the trigger. */
async function tamper(database: Database, statement: ReturnType<typeof sql>) {
  await database.db.transaction(async (tx) => {
    await tx.execute(sql`set local session_replication_role = replica`);
    await tx.execute(statement);
  });
}
