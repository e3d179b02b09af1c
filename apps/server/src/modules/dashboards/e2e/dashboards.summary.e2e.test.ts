import type { DashboardMetrics, DashboardRanking, DashboardSummary } from '@vanban/contracts';
import { beforeAll, describe, expect, it } from 'vitest';
import { backendsUnderTest } from '../../../../test/database.js';
import { get } from '../../../../test/incoming-fixtures.js';
import { json, useTestApp, type Session } from '../../../../test/test-app.js';
import { CODES, seedDashboardCity, type SeededCity } from './dashboards.fixtures.js';

/**
 * Every expected number below is computed by hand from the seed (dashboards.fixtures.ts);
 * working days use the built-in 2025/2026 calendars (1–2/1/2026 off, Saturday 10/1/2026 worked,
 * Tết 16–20/2/2026 off). Period: 1/1/2026 – 2/3/2026, cut now (2/3/2026 16:00 in Hà Nội).
 */

const zeroTasks = {
  assigned: 0,
  inProgress: 0,
  overdue: 0,
  completed: 0,
  onTime: 0,
  late: 0,
  cancelled: 0,
  onTimeRate: null,
};

/** Sở Nội vụ. */
const snv: DashboardMetrics = {
  // Received: S1 S2 H2 S7 S3 S6 S4 (S5 came in 2025, S8 was returned). Completed: S5 S1 S2 H2 S7,
  // late only S2. Open at the cut: S3 S6 S4, overdue S3 (due 24/2) and S6 (due 13/2).
  // Working days registration → completion: S5 11, S1 9, S2 22, H2 1, S7 1 = 44 / 5 = 8.8.
  incoming: {
    received: 7,
    completed: 5,
    onTime: 4,
    late: 1,
    onTimeRate: 0.8,
    inProgress: 3,
    overdue: 2,
    averageHandlingDays: 8.8,
  },
  outgoing: { issued: 1 },
  // Open: one given 12/1 due 13/2 (assigned, overdue), one started 3/2 due 10/3; one cancelled
  // 20/1; the one completed in December 2025 is outside the period.
  tasks: { ...zeroTasks, assigned: 1, inProgress: 1, overdue: 1, cancelled: 1 },
  // 01.TCCB holds the hub document (online), 02.TCCB a paper one: 1 of 2 against 90 %.
  records: { closed: 2, online: 1, onlineShare: 0.5, targetPercent: 90, meetsTarget: false },
};

/** Phường Hoàn Kiếm. */
const ward51: DashboardMetrics = {
  // W1 on time (9 working days), H1 on time (1), W4 due 30/1 completed at 00:30 on 31/1 in Hà Nội:
  // late (4); W2 due 27/2 open and overdue. (9 + 1 + 4) / 3 = 4.7.
  incoming: {
    received: 4,
    completed: 3,
    onTime: 2,
    late: 1,
    onTimeRate: 2 / 3,
    inProgress: 1,
    overdue: 1,
    averageHandlingDays: 4.7,
  },
  outgoing: { issued: 0 },
  tasks: { ...zeroTasks, completed: 2, onTime: 1, late: 1, onTimeRate: 0.5 },
  // Two records of the hub document (online), one of a paper document: 2 of 3 ≥ 60 %.
  records: { closed: 3, online: 2, onlineShare: 2 / 3, targetPercent: 60, meetsTarget: true },
};

/** Phường Ba Đình: W3 due 9/1 completed 12/1 (4 working days, late); one closed paper record. */
const ward53: DashboardMetrics = {
  incoming: {
    received: 1,
    completed: 1,
    onTime: 0,
    late: 1,
    onTimeRate: 0,
    inProgress: 0,
    overdue: 0,
    averageHandlingDays: 4,
  },
  outgoing: { issued: 0 },
  tasks: zeroTasks,
  records: { closed: 1, online: 0, onlineShare: 0, targetPercent: 60, meetsTarget: false },
};

function zero(targetPercent: number | null): DashboardMetrics {
  return {
    incoming: {
      received: 0,
      completed: 0,
      onTime: 0,
      late: 0,
      onTimeRate: null,
      inProgress: 0,
      overdue: 0,
      averageHandlingDays: null,
    },
    outgoing: { issued: 0 },
    tasks: zeroTasks,
    records: { closed: 0, online: 0, onlineShare: null, targetPercent, meetsTarget: null },
  };
}

describe.each(backendsUnderTest())('dashboard figures on %s', (driver) => {
  const ctx = useTestApp(driver, { pki: true });
  let city: SeededCity;

  beforeAll(async () => {
    city = await seedDashboardCity(ctx);
  });

  async function summary(session: Session, query: string) {
    const res = await get(ctx.app, session, `/api/dashboards/summary?${query}`);
    expect(res.statusCode, res.body).toBe(200);
    return json<DashboardSummary>(res);
  }
  const metricsOf = (s: DashboardSummary, code: string) =>
    s.agencies.find((a) => a.code === code)?.metrics;

  it('counts documents, tasks and records per agency, per tier and city-wide', async () => {
    const s = await summary(city.cityLeader, 'scope=city');
    expect(s).toMatchObject({
      scope: 'city',
      from: '2026-01-01',
      to: '2026-03-02',
      cutDate: '2026-03-02',
    });
    // The directory as of 2026: the two districts closed on 1 July 2025 are not in it.
    expect(s.agencies.map((a) => a.code)).toEqual([
      CODES.city,
      ...['01', '02', '03', '04', '05', '06', '07', '51', '52', '53', '54', '55', '56'].map(
        (n) => `000.00.${n}.H26`,
      ),
    ]);
    expect(metricsOf(s, CODES.snv)).toEqual(snv);
    expect(metricsOf(s, CODES.ward51)).toEqual(ward51);
    expect(metricsOf(s, CODES.ward53)).toEqual(ward53);
    // The City Office received SNV's issued document but has not registered it: nothing counts.
    expect(metricsOf(s, '000.00.01.H26')).toEqual(zero(90));
    expect(metricsOf(s, CODES.city)).toEqual(zero(90));

    expect(s.tiers.map((t) => [t.tier, t.agencies])).toEqual([
      ['city', 1],
      ['department', 7],
      ['commune', 6],
    ]);
    expect(s.tiers[1]!.metrics).toEqual(snv);
    expect(s.tiers[2]!.metrics).toEqual({
      incoming: {
        received: 5,
        completed: 4,
        onTime: 2,
        late: 2,
        onTimeRate: 0.5,
        inProgress: 1,
        overdue: 1,
        averageHandlingDays: 4.5, // (14 + 4) / 4
      },
      outgoing: { issued: 0 },
      tasks: ward51.tasks,
      records: { closed: 4, online: 2, onlineShare: 0.5, targetPercent: 60, meetsTarget: false },
    });
    expect(s.total).toEqual({
      incoming: {
        received: 12,
        completed: 9,
        onTime: 6,
        late: 3,
        onTimeRate: 6 / 9,
        inProgress: 4,
        overdue: 3,
        averageHandlingDays: 6.9, // 62 / 9
      },
      outgoing: { issued: 1 },
      tasks: {
        assigned: 1,
        inProgress: 1,
        overdue: 1,
        completed: 2,
        onTime: 1,
        late: 1,
        cancelled: 1,
        onTimeRate: 0.5,
      },
      // Mixed tiers: the targets are per tier.
      records: { closed: 6, online: 3, onlineShare: 0.5, targetPercent: null, meetsTarget: null },
    });
  });

  it('answers per tier and per agency, and at the end of a past period', async () => {
    const communes = await summary(city.cityLeader, 'scope=tier&tier=commune');
    expect(communes.agencies).toHaveLength(6);
    expect(communes.total).toMatchObject({
      records: { closed: 4, online: 2, targetPercent: 60, meetsTarget: false },
    });
    const own = await summary(city.snv.leader, 'scope=agency');
    expect(own.agencies.map((a) => [a.code, a.tier])).toEqual([[CODES.snv, 'department']]);
    expect(own.total).toEqual(snv);
    // An agency with everything under it: for the city, the same as city-wide.
    const subtree = await summary(
      city.cityLeader,
      `scope=agency&agency=${CODES.city}&subtree=true`,
    );
    expect(subtree.agencies).toHaveLength(14);
    expect(subtree.total.incoming).toMatchObject({ received: 12, completed: 9, onTime: 6 });
    const alone = await summary(city.cityLeader, `scope=agency&agency=${CODES.city}`);
    expect(alone.agencies.map((a) => a.code)).toEqual([CODES.city]);
    // January only: cut at its end. S2 (due 9/1) was open and overdue then; S3, S4, S6 not
    // registered yet; S5 was registered in December.
    const january = await summary(city.cityLeader, 'scope=city&from=2026-01-01&to=2026-01-31');
    expect(january.cutDate).toBe('2026-01-31');
    expect(metricsOf(january, CODES.snv)!.incoming).toEqual({
      received: 4, // S1 S2 H2 S7
      completed: 4, // S5 S1 H2 S7
      onTime: 4,
      late: 0,
      onTimeRate: 1,
      inProgress: 1, // S2
      overdue: 1,
      averageHandlingDays: 5.5, // (11 + 9 + 1 + 1) / 4
    });
    // W4 was completed at 00:30 on 31/1 in Hà Nội (30/1 in UTC): in January, late.
    expect(metricsOf(january, CODES.ward51)!.incoming).toMatchObject({
      received: 3,
      completed: 3,
      onTime: 2,
      late: 1,
      inProgress: 0,
      overdue: 0,
    });
    // Cut at the end of 30/1: W4 was still open then, and overdue (due that day).
    const to30 = await summary(city.ward51.leader, 'scope=agency&from=2026-01-01&to=2026-01-30');
    expect(to30.total.incoming).toMatchObject({
      completed: 2,
      onTime: 2,
      inProgress: 1,
      overdue: 1,
    });
  });

  it('uses the directory of the period: the districts before 1 July 2025', async () => {
    const period = 'from=2025-01-01&to=2025-06-30';
    const districts = await summary(city.cityLeader, `scope=tier&tier=district&${period}`);
    expect(districts.agencies.map((a) => a.code)).toEqual([CODES.district80, '000.00.81.H26']);
    // D1 on time (7 working days), HD on time (1); D2 due 9/5 still open at the end of June.
    // The hub record is online, the paper one not: 1 of 2 against the districts' 80 %.
    const district: DashboardMetrics = {
      incoming: {
        received: 3,
        completed: 2,
        onTime: 2,
        late: 0,
        onTimeRate: 1,
        inProgress: 1,
        overdue: 1,
        averageHandlingDays: 4,
      },
      outgoing: { issued: 0 },
      tasks: zeroTasks,
      records: { closed: 2, online: 1, onlineShare: 0.5, targetPercent: 80, meetsTarget: false },
    };
    expect(districts.agencies[0]!.metrics).toEqual(district);
    expect(districts.tiers).toEqual([{ tier: 'district', agencies: 2, metrics: district }]);
    expect(districts.total).toEqual(district);
    const halfYear = await summary(city.cityLeader, `scope=city&${period}`);
    expect(halfYear.agencies.map((a) => a.code)).toEqual([
      CODES.city,
      ...['01', '02', '03', '04', '05', '06', '07', '80', '81'].map((n) => `000.00.${n}.H26`),
    ]);
    const none = await summary(city.cityLeader, 'scope=tier&tier=district');
    expect(none.agencies).toEqual([]);
    expect(none.total).toEqual(zero(null));
  });

  it('ranks agencies by online share and by on-time rate', async () => {
    const rank = async (by: string) => {
      const res = await get(
        ctx.app,
        city.cityLeader,
        `/api/dashboards/ranking?scope=city&by=${by}`,
      );
      expect(res.statusCode, res.body).toBe(200);
      return json<DashboardRanking>(res).items;
    };
    const byShare = await rank('online_share');
    expect(byShare.slice(0, 4).map((i) => [i.code, i.rank, i.onlineShare, i.meetsTarget])).toEqual([
      [CODES.ward51, 1, 2 / 3, true],
      [CODES.snv, 2, 0.5, false],
      [CODES.ward53, 3, 0, false],
      [CODES.city, null, null, null],
    ]);
    const byOnTime = await rank('on_time_rate');
    expect(byOnTime.slice(0, 3).map((i) => [i.code, i.rank, i.onTimeRate])).toEqual([
      [CODES.snv, 1, 0.8],
      [CODES.ward51, 2, 2 / 3],
      [CODES.ward53, 3, 0],
    ]);
    expect(byOnTime).toHaveLength(14);
  });
});
