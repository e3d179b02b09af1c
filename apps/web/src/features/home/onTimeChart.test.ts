import { describe, expect, it } from 'vitest';
import { barLayout, defaultChartSize, monthParts, niceMax } from './onTimeChart';

describe('on-time chart layout', () => {
  it('rounds the scale up to 1, 2 or 5 times a power of ten', () => {
    expect(niceMax(0)).toBe(1);
    expect(niceMax(1)).toBe(1);
    expect(niceMax(3)).toBe(5);
    expect(niceMax(7)).toBe(10);
    expect(niceMax(12)).toBe(20);
    expect(niceMax(20)).toBe(20);
    expect(niceMax(480)).toBe(500);
    expect(niceMax(501)).toBe(1000);
  });

  it('stacks late on top of on time, in proportion to the scale', () => {
    const layout = barLayout([
      { month: '2026-01', onTime: 6, late: 4 },
      { month: '2026-02', onTime: 2, late: 0 },
    ]);
    const plot = layout.baseline - layout.top;
    expect(layout.max).toBe(10);
    const [jan, feb] = layout.bars;
    expect(jan?.total).toBe(10);
    expect(jan?.onTime.height).toBeCloseTo(plot * 0.6, 1);
    expect(jan?.onTime.y).toBeCloseTo(layout.baseline - plot * 0.6, 1);
    expect(jan?.late.height).toBeCloseTo(plot * 0.4, 1);
    // The late part ends where the on-time part starts; the full bar reaches the top.
    expect(jan?.late.y).toBeCloseTo(layout.top, 1);
    expect((jan?.late.y ?? 0) + (jan?.late.height ?? 0)).toBeCloseTo(jan?.onTime.y ?? -1, 1);
    expect(feb?.onTime.height).toBeCloseTo(plot * 0.2, 1);
    expect(feb?.late.height).toBe(0);
  });

  it('keeps bars inside the width, in order, no wider than the maximum', () => {
    const months = Array.from({ length: 6 }, (_, i) => ({
      month: `2026-0${String(i + 1)}`,
      onTime: i,
      late: 1,
    }));
    const layout = barLayout(months);
    let previousEnd = 0;
    for (const bar of layout.bars) {
      expect(bar.x).toBeGreaterThanOrEqual(previousEnd);
      expect(bar.width).toBeLessThanOrEqual(defaultChartSize.maxBarWidth);
      expect(bar.center).toBeCloseTo(bar.x + bar.width / 2, 1);
      previousEnd = bar.x + bar.width;
    }
    expect(previousEnd).toBeLessThanOrEqual(defaultChartSize.width);
    const one = barLayout([{ month: '2026-03', onTime: 1, late: 0 }]);
    expect(one.bars[0]?.width).toBe(defaultChartSize.maxBarWidth);
  });

  it('draws empty months as zero-height bars on a scale of one', () => {
    const layout = barLayout([
      { month: '2026-02', onTime: 0, late: 0 },
      { month: '2026-03', onTime: 0, late: 0 },
    ]);
    expect(layout.max).toBe(1);
    expect(layout.bars.map((b) => [b.onTime.height, b.late.height])).toEqual([
      [0, 0],
      [0, 0],
    ]);
    expect(barLayout([]).bars).toEqual([]);
  });

  it('reads the month and year of a YYYY-MM month', () => {
    expect(monthParts('2026-03')).toEqual({ month: 3, year: 2026 });
    expect(monthParts('2025-10')).toEqual({ month: 10, year: 2025 });
  });
});
