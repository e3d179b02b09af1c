/** Pure layout of the on-time chart (stacked bars per month), so it can be tested without a DOM. */

export interface MonthBar {
  /** `YYYY-MM`. */
  month: string;
  onTime: number;
  late: number;
}

export interface Rect {
  y: number;
  height: number;
}

export interface BarGeometry {
  month: string;
  x: number;
  width: number;
  /** Centre of the bar: where its month label and total go. */
  center: number;
  total: number;
  counts: { onTime: number; late: number };
  /** On time at the bottom (from the baseline up), late stacked on top of it. */
  onTime: Rect;
  late: Rect;
}

export interface ChartLayout {
  width: number;
  height: number;
  /** y of the axis the bars stand on. */
  baseline: number;
  /** y of the top of the scale (the value `max`). */
  top: number;
  /** The value at the top of the scale: a round number at or above the tallest bar, at least 1. */
  max: number;
  bars: BarGeometry[];
}

export interface ChartSize {
  width: number;
  height: number;
  /** Room above the scale for the totals over the bars. */
  padTop: number;
  /** Room below the baseline for the month labels. */
  padBottom: number;
  padX: number;
  /** Share of each month's slot left empty between bars (0–1). */
  gap: number;
  maxBarWidth: number;
}

export const defaultChartSize: ChartSize = {
  width: 320,
  height: 160,
  padTop: 18,
  padBottom: 22,
  padX: 6,
  gap: 0.4,
  maxBarWidth: 40,
};

const round2 = (value: number) => Math.round(value * 100) / 100;

/** The smallest of 1, 2, 5 × 10ⁿ at or above `value` (at least 1). */
export function niceMax(value: number): number {
  if (!(value > 1)) return 1;
  const magnitude = 10 ** Math.floor(Math.log10(value));
  for (const step of [1, 2, 5, 10]) {
    if (step * magnitude >= value) return step * magnitude;
  }
  return 10 * magnitude;
}

export function barLayout(
  months: readonly MonthBar[],
  size: ChartSize = defaultChartSize,
): ChartLayout {
  const baseline = size.height - size.padBottom;
  const top = size.padTop;
  const max = niceMax(Math.max(0, ...months.map((m) => m.onTime + m.late)));
  const scale = (baseline - top) / max;
  const slot = months.length > 0 ? (size.width - 2 * size.padX) / months.length : 0;
  const width = Math.min(size.maxBarWidth, slot * (1 - size.gap));
  const bars = months.map((m, i) => {
    const x = size.padX + i * slot + (slot - width) / 2;
    const onTimeHeight = m.onTime * scale;
    const lateHeight = m.late * scale;
    return {
      month: m.month,
      x: round2(x),
      width: round2(width),
      center: round2(x + width / 2),
      total: m.onTime + m.late,
      counts: { onTime: m.onTime, late: m.late },
      onTime: { y: round2(baseline - onTimeHeight), height: round2(onTimeHeight) },
      late: { y: round2(baseline - onTimeHeight - lateHeight), height: round2(lateHeight) },
    };
  });
  return { width: size.width, height: size.height, baseline, top, max, bars };
}

/** `YYYY-MM` → its month (1–12) and year, for the labels. */
export function monthParts(month: string): { month: number; year: number } {
  const [year = '0', number = '0'] = month.split('-');
  return { month: Number(number), year: Number(year) };
}
