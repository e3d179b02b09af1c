import type { DashboardOverdue, DashboardSummary, DashboardTargets } from '@vanban/contracts';
import { sql } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { extractText } from 'unpdf';
import { beforeAll, describe, expect, it } from 'vitest';
import { backendsUnderTest } from '../../../../test/database.js';
import { get } from '../../../../test/incoming-fixtures.js';
import { json, loginAs, useTestApp, type Session } from '../../../../test/test-app.js';
import { queryRows } from '../../../platform/db/database.js';
import { CODES, seedDashboardCity, type SeededCity } from './dashboards.fixtures.js';

describe.each(backendsUnderTest())(
  'dashboard access, drill-down, targets and export on %s',
  (driver) => {
    const ctx = useTestApp(driver, { pki: true });
    let city: SeededCity;

    beforeAll(async () => {
      city = await seedDashboardCity(ctx);
    });

    const call = (session: Session, url: string) => get(ctx.app, session, url);
    const put = (session: Session, payload: unknown) =>
      ctx.app.inject({
        method: 'PUT',
        url: '/api/dashboards/targets',
        headers: session.headers(),
        payload: payload as Record<string, unknown>,
      });

    it('refuses an agency the actor cannot see, and says nothing about it', async () => {
      const clerk51 = city.ward51.clerk;
      for (const url of [
        `/api/dashboards/summary?scope=agency&agency=${CODES.ward53}`,
        `/api/dashboards/ranking?scope=agency&agency=${CODES.ward53}`,
        `/api/dashboards/overdue?agency=${CODES.ward53}`,
        `/api/dashboards/export?format=xlsx&scope=agency&agency=${CODES.ward53}`,
        `/api/dashboards/summary?scope=tier&tier=commune&agency=${CODES.ward53}`,
        '/api/dashboards/summary?scope=city',
        `/api/dashboards/overdue?agency=${CODES.snv}`,
      ]) {
        const res = await call(clerk51, url);
        expect([res.statusCode, json(res).code], url).toEqual([403, 'dashboards.forbidden']);
        expect(res.body).not.toContain('metrics');
        expect(res.body).not.toContain('Ba Đình');
      }
      // Their own ward, and the communes they may see: only their own.
      const own = await call(clerk51, '/api/dashboards/summary?scope=tier&tier=commune');
      expect(json<DashboardSummary>(own).agencies.map((a) => a.code)).toEqual([CODES.ward51]);
      // A specialist has no dashboard; a department administrator sees the department only.
      const specialist = await loginAs(ctx.app, 'chuyenvien.snv');
      expect(json(await call(specialist, '/api/dashboards/summary')).code).toBe(
        'dashboards.forbidden',
      );
      const deptAdmin = await loginAs(ctx.app, 'quantri.snv');
      const adminOwn = await call(deptAdmin, '/api/dashboards/summary?scope=agency');
      expect(json<DashboardSummary>(adminOwn).agencies.map((a) => a.code)).toEqual([CODES.snv]);
      expect((await call(deptAdmin, '/api/dashboards/summary?scope=city')).statusCode).toBe(403);
      // The city's administrator sees every agency.
      const admin = await loginAs(ctx.app, 'admin');
      const all = await call(admin, '/api/dashboards/summary?scope=city');
      expect(json<DashboardSummary>(all).agencies).toHaveLength(14);
    });

    it('rejects bad input', async () => {
      const leader = city.cityLeader;
      const unknown = await call(leader, '/api/dashboards/summary?agency=000.00.99.H26');
      expect([unknown.statusCode, json(unknown).code]).toEqual([
        404,
        'dashboards.agency_not_found',
      ]);
      for (const query of [
        'from=2026-03-01&to=2026-02-01',
        'from=2026-04-01',
        'scope=tier',
        'scope=region',
        'from=2026-02-30',
      ]) {
        const res = await call(leader, `/api/dashboards/summary?${query}`);
        expect([res.statusCode, json(res).code], query).toEqual([400, 'request.validation_failed']);
      }
      const anonymous = await ctx.app.inject({ method: 'GET', url: '/api/dashboards/summary' });
      expect(anonymous.statusCode).toBe(401);
      // The contracts are in the API description for the web app.
      type Paths = Record<string, { get?: { parameters?: { name: string }[] } }>;
      const { paths } = json<{ paths: Paths }>(await ctx.app.inject('/api/openapi.json'));
      expect(Object.keys(paths)).toEqual(
        expect.arrayContaining(
          ['summary', 'ranking', 'overdue', 'export', 'targets'].map((p) => `/api/dashboards/${p}`),
        ),
      );
      expect(paths['/api/dashboards/summary']!.get!.parameters!.map((p) => p.name)).toEqual(
        expect.arrayContaining(['scope', 'agency', 'tier', 'subtree', 'from', 'to']),
      );
    });

    it('drills down to the overdue items the actor may see', async () => {
      const res = await call(city.cityLeader, `/api/dashboards/overdue?agency=${CODES.snv}`);
      expect(res.statusCode, res.body).toBe(200);
      const overdue = json<DashboardOverdue>(res);
      expect(overdue.cutDate).toBe('2026-03-02');
      // S3 (due 24/2: 25, 26, 27/2 and 2/3 past it) is listed; S6 is confidential and the city
      // leader is not named on it: counted, not listed.
      expect(overdue.incoming).toMatchObject({ total: 2, hidden: 1 });
      expect(overdue.incoming.items).toEqual([
        expect.objectContaining({
          id: city.docs.S3,
          dueDate: '2026-02-24',
          workingDaysOverdue: 4,
          secret: false,
          handler: expect.any(String),
        }),
      ]);
      // The task due 13/2: 23–27/2 and 2/3 after Tết.
      expect(overdue.tasks).toMatchObject({ total: 1, hidden: 0 });
      expect(overdue.tasks.items).toEqual([
        expect.objectContaining({
          dueDate: '2026-02-13',
          workingDaysOverdue: 6,
          state: 'assigned',
        }),
      ]);
      // The director of the department directed S6: he sees it.
      const own = json<DashboardOverdue>(await call(city.snv.leader, '/api/dashboards/overdue'));
      expect(own.incoming.hidden).toBe(0);
      expect(own.incoming.items.map((i) => [i.id, i.secret, i.workingDaysOverdue])).toEqual([
        [city.docs.S6, true, 6],
        [city.docs.S3, false, 4],
      ]);
      // At the end of June 2025, the former district: D2 due 9/5, 36 working days late.
      const district = json<DashboardOverdue>(
        await call(
          city.cityLeader,
          `/api/dashboards/overdue?agency=${CODES.district80}&to=2025-06-30`,
        ),
      );
      expect(district.agency).toMatchObject({ code: CODES.district80, tier: 'district' });
      expect(district.incoming.items.map((i) => [i.id, i.workingDaysOverdue])).toEqual([
        [city.docs.D2, 36],
      ]);
    });

    it('exports the dashboard as XLSX and PDF with the same numbers', async () => {
      const xlsx = await call(city.cityLeader, '/api/dashboards/export?format=xlsx&scope=city');
      expect(xlsx.statusCode, xlsx.body).toBe(200);
      expect(xlsx.headers['content-type']).toContain('spreadsheetml');
      const workbook = new ExcelJS.Workbook();
      await workbook.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer);
      expect(workbook.worksheets.map((w) => w.name)).toEqual([
        'Theo cơ quan',
        'Theo cấp',
        'Xếp hạng',
      ]);
      const sheet = workbook.getWorksheet('Theo cơ quan')!;
      const rows = sheet.getSheetValues().filter(Boolean) as ExcelJS.CellValue[][];
      const rowOf = (name: string) => rows.find((r) => r[2] === name)!.slice(1);
      // STT, name, tier, received, completed, on time, late, rate, open, overdue, average days,
      // issued, tasks open, tasks overdue, tasks completed, on time, records closed, online,
      // share, target, verdict.
      expect(rowOf('Sở Nội vụ thành phố Hà Nội')).toEqual([
        3,
        'Sở Nội vụ thành phố Hà Nội',
        'Sở, ban, ngành',
        7,
        5,
        4,
        1,
        0.8,
        3,
        2,
        8.8,
        1,
        2,
        1,
        0,
        0,
        2,
        1,
        0.5,
        90,
        'Chưa đạt',
      ]);
      expect(rowOf('Tổng cộng').slice(3, 11)).toEqual([12, 9, 6, 3, 6 / 9, 4, 3, 6.9]);
      const ranking = workbook.getWorksheet('Xếp hạng')!;
      expect(ranking.getRow(7).getCell(2).value).toBe('Ủy ban nhân dân phường Hoàn Kiếm');
      expect(ranking.getRow(7).getCell(1).value).toBe(1);
      expect(sheet.getCell('A1').value).toBe(
        'BÁO CÁO TÌNH HÌNH XỬ LÝ VĂN BẢN, NHIỆM VỤ VÀ HỒ SƠ CÔNG VIỆC',
      );

      const pdf = await call(city.cityLeader, '/api/dashboards/export?format=pdf&scope=city');
      expect(pdf.statusCode).toBe(200);
      expect(pdf.headers['content-type']).toBe('application/pdf');
      expect(pdf.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
      const { text } = await extractText(new Uint8Array(pdf.rawPayload), { mergePages: true });
      const flat = text.replace(/\s+/g, ' ');
      expect(flat).toContain('BÁO CÁO TÌNH HÌNH XỬ LÝ VĂN BẢN, NHIỆM VỤ VÀ HỒ SƠ CÔNG VIỆC');
      expect(flat).toContain('Toàn thành phố: Ủy ban nhân dân thành phố Hà Nội');
      expect(flat).toContain('Từ ngày 01/01/2026 đến ngày 02/03/2026');
      expect(flat).toContain('Sở Nội vụ thành phố Hà Nội');
      expect(flat).toContain('66,7 %');
    });

    it('lets only the city administrators change the targets, and uses them', async () => {
      const specialist = await loginAs(ctx.app, 'chuyenvien.snv');
      const defaults = json<DashboardTargets>(await call(specialist, '/api/dashboards/targets'));
      expect(defaults).toEqual({
        targets: { city: 90, department: 90, district: 80, commune: 60, other: null },
        sources: {
          city: 'default',
          department: 'default',
          district: 'default',
          commune: 'default',
          other: 'default',
        },
        updatedAt: null,
      });
      for (const username of ['giamdoc.snv', 'quantri.snv']) {
        const res = await put(await loginAs(ctx.app, username), { targets: { commune: 50 } });
        expect([res.statusCode, json(res).code], username).toEqual([
          403,
          'dashboards.targets_forbidden',
        ]);
      }
      const admin = await loginAs(ctx.app, 'admin');
      for (const bad of [
        { targets: { commune: 101 } },
        { targets: {} },
        { targets: { region: 50 } },
      ]) {
        const res = await put(admin, bad);
        expect(res.statusCode, JSON.stringify(bad)).toBe(400);
      }
      const res = await put(admin, { targets: { commune: 50, other: 70 } });
      expect(res.statusCode, res.body).toBe(200);
      expect(json<DashboardTargets>(res)).toMatchObject({
        targets: { city: 90, commune: 50, other: 70 },
        sources: { city: 'default', commune: 'configured', other: 'configured' },
        updatedAt: '2026-03-02T09:00:00.000Z',
      });
      const [audit] = await queryRows<{ data: { after: { commune: number } } }>(
        ctx.deps.db,
        sql`select data from audit_events where type = 'dashboards.targets_updated'`,
      );
      expect(audit?.data.after.commune).toBe(50);
      // Two of the four closed commune records were online: 50 % now meets the target.
      const communes = json<DashboardSummary>(
        await call(city.cityLeader, '/api/dashboards/summary?scope=tier&tier=commune'),
      );
      expect(communes.total.records).toEqual({
        closed: 4,
        online: 2,
        onlineShare: 0.5,
        targetPercent: 50,
        meetsTarget: true,
      });
    });
  },
);
