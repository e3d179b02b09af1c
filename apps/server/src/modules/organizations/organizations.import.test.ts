import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { backendsUnderTest, createTestDatabase } from '../../../test/database.js';
import { fixedClock } from '../../platform/clock/clock.js';
import { queryRows, type Database } from '../../platform/db/database.js';
import { isAppError } from '../../platform/errors/app-error.js';
import { demoAgencies } from '../../seed/demo-city.data.js';
import { importDirectory } from './organizations.import.js';
import { exportDirectory, listAgencies } from './organizations.usecases.js';

describe.each(backendsUnderTest())('agency directory import on %s', (driver) => {
  let database: Database;
  const clock = fixedClock(new Date('2026-03-02T02:00:00Z'));
  const deps = () => ({ db: database.db, clock, actor: null });
  const counts = async () =>
    (
      await queryRows<{ agencies: number; versions: number; successions: number; audits: number }>(
        database.db,
        sql`select (select count(*) from agencies) as agencies, (select count(*) from agency_versions) as versions,
                 (select count(*) from agency_successions) as successions, (select count(*) from audit_events) as audits`,
      )
    )[0]!;

  beforeAll(async () => {
    database = await createTestDatabase(driver);
  });
  afterAll(async () => database?.close());

  it('imports the demo directory with successor links, then re-imports without duplicating', async () => {
    const content = JSON.stringify(demoAgencies);
    const first = await importDirectory(deps(), { format: 'json', content, dryRun: false });
    expect(first).toMatchObject({ rows: 16, created: 16, successionsAdded: 5 });
    const before = await counts();
    const second = await importDirectory(deps(), { format: 'json', content, dryRun: false });
    expect(second).toMatchObject({
      created: 0,
      newVersions: 0,
      updated: 0,
      unchanged: 16,
      successionsAdded: 0,
    });
    expect(await counts()).toEqual(before);
  });

  it('answers "as of" a date: the district before 1 July 2025, its wards after', async () => {
    const before = await listAgencies(
      { db: database.db, clock },
      { asOf: '2025-06-30', q: 'Ba Đình', limit: 50 },
    );
    expect(before.items.map((a) => a.name)).toEqual(['Ủy ban nhân dân quận Ba Đình']);
    expect(before.items[0]!.successors.map((s) => s.name).sort()).toEqual([
      'Ủy ban nhân dân phường Ba Đình',
      'Ủy ban nhân dân phường Giảng Võ',
      'Ủy ban nhân dân phường Ngọc Hà',
    ]);
    const after = await listAgencies(
      { db: database.db, clock },
      { asOf: '2025-07-01', q: 'ba dinh', limit: 50 },
    );
    expect(after.items.map((a) => a.name)).toEqual(['Ủy ban nhân dân phường Ba Đình']);
    expect(after.items[0]!.predecessors).toEqual([
      expect.objectContaining({ kind: 'split_into', code: '000.00.80.H26' }),
    ]);
  });

  it('keeps history on a rename: a new version from the effective date, the old name stays', async () => {
    const csv =
      'code,name,short_name,level,parent_code,valid_from\n000.00.07.H26,Sở Y tế Hà Nội (tên mới),SYT,2,000.00.00.H26,2026-01-01\n';
    const report = await importDirectory(deps(), { format: 'csv', content: csv, dryRun: false });
    expect(report).toMatchObject({ newVersions: 1, created: 0 });
    const old = await listAgencies(
      { db: database.db, clock },
      { asOf: '2025-12-31', q: '000.00.07', limit: 5 },
    );
    const now = await listAgencies(
      { db: database.db, clock },
      { asOf: '2026-01-01', q: '000.00.07', limit: 5 },
    );
    expect(old.items[0]!.name).toBe('Sở Y tế thành phố Hà Nội');
    expect(now.items[0]!.name).toBe('Sở Y tế Hà Nội (tên mới)');
    expect(now.items[0]!.id).toBe(old.items[0]!.id);
    const again = await importDirectory(deps(), { format: 'csv', content: csv, dryRun: false });
    expect(again).toMatchObject({ newVersions: 0, unchanged: 1 });
  });

  it('round-trips its own CSV and JSON export without changes', async () => {
    for (const format of ['csv', 'json'] as const) {
      const exported = await exportDirectory({ db: database.db }, { format });
      const report = await importDirectory(deps(), { format, content: exported, dryRun: false });
      expect(report).toMatchObject({ created: 0, newVersions: 0, updated: 0, successionsAdded: 0 });
    }
  });

  const header = 'code,name,level,parent_code,successors\n';
  const goodRow = '000.00.70.H26,Phường Hợp Lệ,2,000.00.00.H26,\n';
  it.each([
    ['a code that is not a code', '00.00.H26X,Sai mã,2,000.00.00.H26,', 'rows[2].code'],
    [
      'a row whose parent is missing',
      '000.00.60.H26,Phường Mới,2,000.00.99.H26,',
      'rows[2].parent_code',
    ],
    ['a bad level', '000.00.61.H26,Phường Khác,7,000.00.00.H26,', 'rows[2].level'],
    ['a bad successor', '000.00.62.H26,Phường X,2,000.00.00.H26,renamed:H26', 'rows[2].successors'],
  ])(
    'rejects %s with a row-level error and changes nothing (not even the good row)',
    async (_label, badRow, path) => {
      const before = await counts();
      const error = await importDirectory(deps(), {
        format: 'csv',
        content: header + goodRow + badRow + '\n',
        dryRun: false,
      }).catch((e: unknown) => e);
      expect(isAppError(error) && error.code).toBe('agencies.import_invalid');
      expect(isAppError(error) && error.errors?.map((e) => e.path)).toContain(path);
      expect(await counts()).toEqual(before);
    },
  );

  it('dry run reports without writing', async () => {
    const before = await counts();
    const report = await importDirectory(deps(), {
      format: 'csv',
      content: 'code,name,level,parent_code\nH26.90,Đơn vị thử,2,000.00.00.H26\n',
      dryRun: true,
    });
    expect(report).toMatchObject({ dryRun: true, created: 1 });
    expect(await counts()).toEqual(before);
  });
});
