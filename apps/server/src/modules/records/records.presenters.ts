import type { RecordDetail, RecordSummary } from '@vanban/contracts';
import type { ActorScope } from '../incoming/index.js';
import type { ItemDocument } from './records.documents.js';
import { archiveFlags } from './records.models.js';
import type { RecordSummaryRow } from './records.queries.js';
import type { RecordRow } from './records.repository.js';
import { mayArchive } from './records.usecase-kit.js';

const iso = (v: string | Date | null) => (v === null ? null : new Date(v).toISOString());

export function presentSummary(r: RecordSummaryRow, today: string): RecordSummary {
  const flags = archiveFlags({ state: r.state, archiveDueDate: r.archive_due_date }, today);
  return {
    id: r.id,
    code: r.code,
    organId: r.organ_id,
    year: r.year,
    notation: r.notation,
    title: r.title,
    maintenance: r.maintenance,
    state: r.state,
    secrecy: r.secrecy,
    agencyId: r.agency_id,
    creator: { id: r.creator_id, fullName: r.creator_name },
    creatorUnit: r.unit_id
      ? { id: r.unit_id, code: r.unit_code ?? '', name: r.unit_name ?? '' }
      : null,
    startDate: r.start_date,
    endDate: r.end_date,
    docTotal: r.doc_total,
    closedAt: iso(r.closed_at),
    processedOnline: r.processed_online,
    archiveDueDate: r.archive_due_date,
    archiveDueSoon: flags.dueSoon,
    archiveOverdue: flags.overdue,
    archivedAt: iso(r.archived_at),
  };
}

/** The buttons the viewer gets; the use cases check the same rules again. */
export function recordActions(record: RecordRow, scope: ActorScope): string[] {
  if (record.state === 'open') return ['edit', 'add_item', 'remove_item', 'reorder', 'close'];
  if (record.state === 'closed')
    return ['reopen', ...(mayArchive(scope, record) ? ['archive'] : [])];
  return [];
}

export function presentDetail(input: {
  summary: RecordSummaryRow;
  record: RecordRow;
  items: ItemDocument[];
  entry: { id: string; notation: string; headingTitle: string } | null;
  names: Map<string, string>;
  scope: ActorScope;
  today: string;
}): RecordDetail {
  const { record: r, names } = input;
  const person = (id: string | null) => (id ? { id, fullName: names.get(id) ?? '' } : null);
  return {
    ...presentSummary(input.summary, input.today),
    rights: r.rights,
    language: r.language,
    description: r.description,
    construction: r.construction,
    catalogueEntry: input.entry,
    pageTotal: input.items.reduce((sum, i) => sum + (i.document.pageAmount ?? 0), 0),
    openedAt: r.openedAt.toISOString(),
    closedBy: person(r.closedBy),
    archivedBy: person(r.archivedBy),
    reopenReason: r.reopenReason,
    onlineBasis: (r.onlineBasis as RecordDetail['onlineBasis']) ?? null,
    items: input.items.map(({ pdfs: _pdfs, direction: _direction, ...item }) => item),
    actions: recordActions(r, input.scope),
  };
}
