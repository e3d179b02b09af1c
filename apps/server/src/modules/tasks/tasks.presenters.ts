import type { TaskDetail, TaskSummary, TaskTreeNode } from '@vanban/contracts';
import type { presentAuditEvent } from '../audit/index.js';
import type { Db } from '../../platform/db/database.js';
import { findDisplayVersions } from '../organizations/index.js';
import { isReportMissing } from './tasks.models.js';
import type { TaskSummaryRow } from './tasks.queries.js';

const iso = (v: string | Date) => new Date(v).toISOString();
const isoOrNull = (v: string | Date | null) => (v === null ? null : iso(v));

export type AgencyNames = Map<string, { id: string; code: string; name: string }>;

/** Display names of agencies as of today (a closed agency keeps its last name). */
export async function agencyNames(db: Db, ids: string[], today: string): Promise<AgencyNames> {
  const versions = await findDisplayVersions(db, [...new Set(ids)], today);
  return new Map(
    [...versions.values()].map((v) => [v.agencyId, { id: v.agencyId, code: v.code, name: v.name }]),
  );
}

function agencyRef(names: AgencyNames, id: string) {
  return names.get(id) ?? { id, code: '', name: '' };
}

function ownerOf(r: TaskSummaryRow, names: AgencyNames) {
  return {
    agency: agencyRef(names, r.owner_agency_id),
    unit:
      r.owner_unit_id !== null
        ? { id: r.owner_unit_id, code: r.unit_code ?? '', name: r.unit_name ?? '' }
        : null,
    user: r.owner_user_id !== null ? { id: r.owner_user_id, fullName: r.user_name ?? '' } : null,
  };
}

export function presentTaskSummary(r: TaskSummaryRow, names: AgencyNames, now: Date): TaskSummary {
  const lastReportAt = r.last_report_at === null ? null : new Date(r.last_report_at);
  return {
    id: r.id,
    title: r.title,
    state: r.state,
    overdue: r.overdue,
    startDate: r.start_date,
    dueDate: r.due_date,
    progress: r.progress,
    urgency: r.urgency,
    secrecy: r.secrecy,
    public: r.public,
    agency: agencyRef(names, r.agency_id),
    owner: ownerOf(r, names),
    parentId: r.parent_id,
    rootId: r.root_id,
    depth: r.depth,
    subtaskCount: r.subtask_count,
    source: { type: r.source, id: r.source_id },
    reportPeriod: r.report_period,
    lastReportAt: lastReportAt?.toISOString() ?? null,
    reportMissing: isReportMissing(
      {
        state: r.state,
        reportPeriod: r.report_period,
        lastReportAt,
        startDate: r.start_date,
      },
      now,
    ),
    completedAt: isoOrNull(r.completed_at),
    createdAt: iso(r.created_at),
  };
}

/** Nest the sub-tasks under `rootId`; rows whose parent is hidden from the viewer are left out. */
export function buildTree(
  rootId: string,
  rows: TaskSummaryRow[],
  names: AgencyNames,
): TaskTreeNode[] {
  const nodes = new Map<string, TaskTreeNode>();
  const top: TaskTreeNode[] = [];
  for (const r of rows) {
    const node: TaskTreeNode = {
      id: r.id,
      title: r.title,
      state: r.state,
      overdue: r.overdue,
      dueDate: r.due_date,
      progress: r.progress,
      owner: ownerOf(r, names),
      children: [],
    };
    if (r.parent_id === rootId) top.push(node);
    else if (r.parent_id !== null && nodes.has(r.parent_id))
      nodes.get(r.parent_id)!.children.push(node);
    else continue;
    nodes.set(r.id, node);
  }
  return top;
}

export function presentHistoryEvent(
  e: ReturnType<typeof presentAuditEvent>,
): TaskDetail['history'][number] {
  return {
    id: e.id,
    occurredAt: e.occurredAt,
    type: e.type,
    actor: e.actor,
    onBehalfOf: e.onBehalfOf,
    data: e.data as Record<string, unknown>,
  };
}
