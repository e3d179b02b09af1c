import fs from 'node:fs';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { backendsUnderTest, createTestDatabase } from '../../../test/database.js';
import { fixedClock } from '../../platform/clock/clock.js';
import { migrationsFolder, queryRows, type Database } from '../../platform/db/database.js';
import { demoAgencies } from '../../seed/demo-city.data.js';
import { importDirectory } from './organizations.import.js';
import { deriveAgencyTier } from './organizations.models.js';
import { exportDirectory, getAgency, listAgencies } from './organizations.usecases.js';

/** The backfill statement, wherever the migrations put it (they may be squashed). */
function backfillStatement(): string {
  const statements = fs
    .readdirSync(migrationsFolder)
    .filter((f) => f.endsWith('.sql'))
    .flatMap((f) =>
      fs.readFileSync(`${migrationsFolder}/${f}`, 'utf8').split('--> statement-breakpoint'),
    )
    .filter((s) => s.includes('UPDATE "agency_versions" SET "tier"'));
  expect(statements).toHaveLength(1);
  return statements[0]!;
}

describe.each(backendsUnderTest())('agency tiers on %s', (driver) => {
  let database: Database;
  const clock = fixedClock(new Date('2026-03-02T02:00:00Z'));
  const deps = () => ({ db: database.db, clock, actor: null });

  beforeAll(async () => {
    database = await createTestDatabase(driver);
    await importDirectory(deps(), {
      format: 'json',
      content: JSON.stringify(demoAgencies),
      dryRun: false,
    });
  });
  afterAll(async () => database?.close());

  it('derives the tier on import and shows it as of a date', async () => {
    const tierOf = async (asOf: string) =>
      Object.fromEntries(
        (await listAgencies({ db: database.db, clock }, { asOf, limit: 100 })).items.map((a) => [
          a.code,
          a.tier,
        ]),
      );
    const before = await tierOf('2025-06-30');
    expect(before).toMatchObject({
      '000.00.00.H26': 'city',
      '000.00.01.H26': 'department',
      '000.00.02.H26': 'department',
      '000.00.80.H26': 'district',
      '000.00.81.H26': 'district',
    });
    expect(before['000.00.51.H26']).toBeUndefined();
    const after = await tierOf('2026-01-01');
    expect(after).toMatchObject({ '000.00.51.H26': 'commune', '000.00.56.H26': 'commune' });
    expect(after['000.00.80.H26']).toBeUndefined();
    const communes = await listAgencies(
      { db: database.db, clock },
      { asOf: '2026-01-01', tier: 'commune', limit: 100 },
    );
    expect(communes.items).toHaveLength(6);
  });

  it('opens a new version when the tier changes, and the export carries it', async () => {
    const csv =
      'code,name,short_name,level,tier,parent_code,valid_from\n' +
      '000.00.07.H26,Sở Y tế thành phố Hà Nội,SYT,2,other,000.00.00.H26,2026-01-01\n';
    const report = await importDirectory(deps(), { format: 'csv', content: csv, dryRun: false });
    expect(report).toMatchObject({ newVersions: 1 });
    const [found] = (await listAgencies({ db: database.db, clock }, { q: '000.00.07', limit: 1 }))
      .items;
    const detail = await getAgency({ db: database.db, clock }, found!.id);
    expect(detail.history.map((v) => [v.validFrom, v.tier])).toEqual([
      ['2008-08-01', 'department'],
      ['2026-01-01', 'other'],
    ]);
    const exported = await exportDirectory({ db: database.db }, { format: 'csv' });
    expect(exported.split('\n')[0]).toBe(
      'code,name,short_name,level,tier,parent_code,address,email,phone,website,valid_from,valid_to,successors',
    );
    expect(exported).toContain('000.00.07.H26,Sở Y tế thành phố Hà Nội,SYT,2,other,');
    const again = await importDirectory(deps(), {
      format: 'csv',
      content: exported,
      dryRun: false,
    });
    expect(again).toMatchObject({ created: 0, newVersions: 0, updated: 0 });
  });

  it('backfills existing versions in the migration exactly as the import derives the tier', async () => {
    const names = [
      'Uỷ ban nhân dân thị xã Sơn Tây',
      'UBND đặc khu Phú Quốc',
      'Ủy ban nhân dân  thị trấn Đông Anh'.normalize('NFD'),
      'Ủy ban nhân dân thành phố Thủ Đức',
      'Ban Quản lý các khu công nghiệp và chế xuất',
      'Ủy ban nhân dân huyện Sóc Sơn',
    ];
    await importDirectory(deps(), {
      format: 'json',
      content: JSON.stringify(
        names.map((name, i) => ({
          code: `000.00.${60 + i}.H26`,
          name,
          level: 2,
          parent_code: '000.00.00.H26',
          valid_from: '2020-01-01',
        })),
      ),
      dryRun: false,
    });
    // As the rows were before the column existed: every version 'other'.
    await database.db.execute(sql`update agency_versions set tier = 'other'`);
    await database.db.execute(sql.raw(backfillStatement()));
    const rows = await queryRows<{ name: string; level: number; tier: string }>(
      database.db,
      sql`select name, level, tier::text as tier from agency_versions`,
    );
    expect(rows.length).toBeGreaterThan(20);
    for (const r of rows)
      expect([r.name, r.tier]).toEqual([r.name, deriveAgencyTier(r.name, r.level)]);
    expect(
      rows
        .filter((r) => names.includes(r.name))
        .map((r) => r.tier)
        .sort(),
    ).toEqual(['commune', 'commune', 'department', 'district', 'district', 'district']);
  });
});
