import { formatVnDate } from '../registers/index.js';
import type {
  AgencyTier,
  DashboardMetrics,
  DashboardRanking,
  DashboardSummary,
} from '@vanban/contracts';

/**
 * What the dashboard report (XLSX and PDF) says, independent of the file format: Vietnamese
 * titles and column headings, and one row of values per agency, tier and the total. Counts stay
 * numbers and rates fractions here; each format writes them its own way.
 */

export const REPORT_TITLE = 'BÁO CÁO TÌNH HÌNH XỬ LÝ VĂN BẢN, NHIỆM VỤ VÀ HỒ SƠ CÔNG VIỆC';

export const tierNames: Record<AgencyTier, string> = {
  city: 'Cấp thành phố',
  department: 'Sở, ban, ngành',
  district: 'Cấp huyện',
  commune: 'Cấp xã',
  other: 'Khác',
};

export type CellKind = 'text' | 'count' | 'rate' | 'days' | 'percent';

export interface ReportColumn {
  header: string;
  kind: CellKind;
  /** Excel characters. */
  xlsxWidth: number;
  /** PDF points, or `'*'` for the column that takes the rest. */
  pdfWidth: number | '*';
}

export type CellValue = string | number | null;

const metricColumns: ReportColumn[] = [
  { header: 'VB đến tiếp nhận', kind: 'count', xlsxWidth: 10, pdfWidth: 32 },
  { header: 'VB đến đã giải quyết', kind: 'count', xlsxWidth: 10, pdfWidth: 34 },
  { header: 'Đúng hạn', kind: 'count', xlsxWidth: 9, pdfWidth: 30 },
  { header: 'Trễ hạn', kind: 'count', xlsxWidth: 9, pdfWidth: 28 },
  { header: 'Tỷ lệ đúng hạn', kind: 'rate', xlsxWidth: 9, pdfWidth: 32 },
  { header: 'Đang giải quyết', kind: 'count', xlsxWidth: 10, pdfWidth: 32 },
  { header: 'Quá hạn', kind: 'count', xlsxWidth: 9, pdfWidth: 28 },
  { header: 'TG xử lý TB (ngày làm việc)', kind: 'days', xlsxWidth: 11, pdfWidth: 36 },
  { header: 'VB đi phát hành', kind: 'count', xlsxWidth: 10, pdfWidth: 32 },
  { header: 'Nhiệm vụ đang thực hiện', kind: 'count', xlsxWidth: 11, pdfWidth: 36 },
  { header: 'Nhiệm vụ quá hạn', kind: 'count', xlsxWidth: 10, pdfWidth: 32 },
  { header: 'Nhiệm vụ hoàn thành', kind: 'count', xlsxWidth: 10, pdfWidth: 34 },
  { header: 'Hoàn thành đúng hạn', kind: 'count', xlsxWidth: 10, pdfWidth: 34 },
  { header: 'Hồ sơ đã đóng', kind: 'count', xlsxWidth: 9, pdfWidth: 30 },
  { header: 'Hồ sơ xử lý trực tuyến', kind: 'count', xlsxWidth: 10, pdfWidth: 34 },
  { header: 'Tỷ lệ trực tuyến', kind: 'rate', xlsxWidth: 9, pdfWidth: 32 },
  { header: 'Chỉ tiêu', kind: 'percent', xlsxWidth: 8, pdfWidth: 28 },
  { header: 'Đạt chỉ tiêu', kind: 'text', xlsxWidth: 9, pdfWidth: 32 },
];

function metricCells(m: DashboardMetrics): CellValue[] {
  return [
    m.incoming.received,
    m.incoming.completed,
    m.incoming.onTime,
    m.incoming.late,
    m.incoming.onTimeRate,
    m.incoming.inProgress,
    m.incoming.overdue,
    m.incoming.averageHandlingDays,
    m.outgoing.issued,
    m.tasks.assigned + m.tasks.inProgress,
    m.tasks.overdue,
    m.tasks.completed,
    m.tasks.onTime,
    m.records.closed,
    m.records.online,
    m.records.onlineShare,
    m.records.targetPercent,
    m.records.meetsTarget === null ? null : m.records.meetsTarget ? 'Đạt' : 'Chưa đạt',
  ];
}

export interface ReportTable {
  title: string;
  columns: ReportColumn[];
  rows: CellValue[][];
  /** The last row is a total (bold). */
  hasTotal: boolean;
}

export function agencyTable(summary: DashboardSummary): ReportTable {
  return {
    title: 'Số liệu theo cơ quan, đơn vị',
    columns: [
      { header: 'STT', kind: 'count', xlsxWidth: 5, pdfWidth: 18 },
      { header: 'Cơ quan, đơn vị', kind: 'text', xlsxWidth: 40, pdfWidth: '*' },
      { header: 'Cấp', kind: 'text', xlsxWidth: 14, pdfWidth: 40 },
      ...metricColumns,
    ],
    rows: [
      ...summary.agencies.map((a, i) => [
        i + 1,
        a.name,
        tierNames[a.tier],
        ...metricCells(a.metrics),
      ]),
      [null, 'Tổng cộng', null, ...metricCells(summary.total)],
    ],
    hasTotal: true,
  };
}

export function tierTable(summary: DashboardSummary): ReportTable {
  return {
    title: 'Số liệu theo cấp',
    columns: [
      { header: 'Cấp', kind: 'text', xlsxWidth: 20, pdfWidth: '*' },
      { header: 'Số cơ quan', kind: 'count', xlsxWidth: 8, pdfWidth: 30 },
      ...metricColumns,
    ],
    rows: summary.tiers.map((t) => [tierNames[t.tier], t.agencies, ...metricCells(t.metrics)]),
    hasTotal: false,
  };
}

/** Ranked by the online share, with each agency's place by the on-time rate beside it. */
export function rankingTable(byShare: DashboardRanking, byOnTime: DashboardRanking): ReportTable {
  const onTimeRank = new Map(byOnTime.items.map((i) => [i.id, i.rank]));
  return {
    title: 'Xếp hạng theo tỷ lệ hồ sơ xử lý trực tuyến và tỷ lệ giải quyết văn bản đúng hạn',
    columns: [
      { header: 'Hạng (trực tuyến)', kind: 'count', xlsxWidth: 9, pdfWidth: 40 },
      { header: 'Cơ quan, đơn vị', kind: 'text', xlsxWidth: 40, pdfWidth: '*' },
      { header: 'Cấp', kind: 'text', xlsxWidth: 14, pdfWidth: 60 },
      { header: 'Hồ sơ đã đóng', kind: 'count', xlsxWidth: 9, pdfWidth: 45 },
      { header: 'Tỷ lệ trực tuyến', kind: 'rate', xlsxWidth: 9, pdfWidth: 50 },
      { header: 'Chỉ tiêu', kind: 'percent', xlsxWidth: 8, pdfWidth: 40 },
      { header: 'Đạt chỉ tiêu', kind: 'text', xlsxWidth: 9, pdfWidth: 45 },
      { header: 'VB đến đã giải quyết', kind: 'count', xlsxWidth: 10, pdfWidth: 50 },
      { header: 'Tỷ lệ đúng hạn', kind: 'rate', xlsxWidth: 9, pdfWidth: 50 },
      { header: 'Hạng (đúng hạn)', kind: 'count', xlsxWidth: 9, pdfWidth: 40 },
    ],
    rows: byShare.items.map((i) => [
      i.rank,
      i.name,
      tierNames[i.tier],
      i.closedRecords,
      i.onlineShare,
      i.targetPercent,
      i.meetsTarget === null ? null : i.meetsTarget ? 'Đạt' : 'Chưa đạt',
      i.completedDocuments,
      i.onTimeRate,
      onTimeRank.get(i.id) ?? null,
    ]),
    hasTotal: false,
  };
}

/** `0.857142…` → `85,7 %` (Vietnamese decimal comma). */
export function formatRate(value: number | null): string {
  if (value === null) return '–';
  return `${(value * 100).toFixed(1).replace('.', ',')} %`;
}

/** A cell as the PDF prints it. */
export function formatCell(value: CellValue, kind: CellKind): string {
  if (value === null) return kind === 'text' ? '' : '–';
  if (typeof value === 'string') return value;
  if (kind === 'rate') return formatRate(value);
  if (kind === 'percent') return `${value} %`;
  if (kind === 'days') return value.toFixed(1).replace('.', ',');
  return String(value);
}

export interface ReportMeta {
  /** What the report covers: "Toàn thành phố: …", "Cấp xã", an agency's name. */
  scopeLine: string;
  periodLine: string;
  cutLine: string;
  generatedLine: string;
}

export function reportMeta(
  summary: DashboardSummary,
  root: { name: string } | null,
  tier: AgencyTier | undefined,
  generatedAt: string,
): ReportMeta {
  const scopeLine =
    summary.scope === 'city'
      ? `Toàn thành phố: ${root?.name ?? ''}`
      : summary.scope === 'tier'
        ? `${tierNames[tier ?? 'other']}${root ? ` thuộc ${root.name}` : ''}`
        : (root?.name ?? '');
  return {
    scopeLine,
    periodLine: `Từ ngày ${formatVnDate(summary.from)} đến ngày ${formatVnDate(summary.to)}`,
    cutLine: `Số văn bản, nhiệm vụ đang giải quyết và quá hạn tính đến ngày ${formatVnDate(summary.cutDate)}`,
    generatedLine: `Vanban – xuất lúc ${generatedAt}`,
  };
}
