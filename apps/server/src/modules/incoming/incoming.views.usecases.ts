import { type Highlight, type IncomingListQuery } from '@vanban/contracts';
import { vietnamDate } from '../../platform/clock/clock.js';
import type { Db } from '../../platform/db/database.js';
import { listAuditEvents, presentAuditEvent, recordAuditEvent } from '../audit/index.js';
import { dueDateFromWorkingDays } from '../calendar/index.js';
import { auditActorOf, type Actor, type RequestMeta } from '../identity/index.js';
import { incomingErrors } from './incoming.errors.js';
import { actorScope, type ActorScope } from './incoming.models.js';
import { availableActions } from './incoming.policies.js';
import { presentDetail, presentSummary } from './incoming.presenters.js';
import { getIncomingSettings } from './incoming.settings.usecases.js';
import { countViews, listSummaries, type ListFilters } from './incoming.queries.js';
import * as repo from './incoming.repository.js';
import { matchRanges, queryTerms, snippet } from './incoming.search.models.js';
import { SEARCH_CAP, searchSummaries } from './incoming.search.queries.js';
import type { IncomingDeps } from './incoming.usecase-kit.js';

type SearchHighlight = Highlight;

/** Today and the due-soon threshold: n working days ahead, n per agency (default 2). */
async function dayWindow(deps: IncomingDeps, actor: Actor) {
  const today = vietnamDate(deps.clock.now());
  const { dueSoonWorkingDays } = await getIncomingSettings(deps, actor.agencyId);
  const soon = await dueDateFromWorkingDays(deps.db, today, dueSoonWorkingDays);
  return { today, soon };
}

export async function listIncoming(deps: IncomingDeps, actor: Actor, query: IncomingListQuery) {
  const { today, soon } = await dayWindow(deps, actor);
  const { rows, nextCursor } = await listSummaries(deps.db, actorScope(actor), query, today, soon);
  return { items: rows.map(presentSummary), nextCursor };
}

/** Counts of every inbox, for the home page and the navigation badges. */
export async function countIncoming(deps: IncomingDeps, actor: Actor) {
  return countViews(deps.db, actorScope(actor), vietnamDate(deps.clock.now()));
}

export async function searchIncoming(
  deps: IncomingDeps,
  actor: Actor,
  query: { q: string; limit: number; offset: number } & ListFilters,
) {
  const { today, soon } = await dayWindow(deps, actor);
  const rows = await searchSummaries(deps.db, actorScope(actor), query, today, soon);
  const terms = queryTerms(query.q);
  const counted = rows[0]?.total ?? 0;
  return {
    total: Math.min(counted, SEARCH_CAP),
    totalCapped: counted > SEARCH_CAP,
    items: rows.map((r) => {
      const highlights: SearchHighlight[] = [
        { field: 'subject' as const, text: r.subject, ranges: matchRanges(r.subject, terms) },
        { field: 'reference' as const, text: r.reference, ranges: matchRanges(r.reference, terms) },
        {
          field: 'sender' as const,
          text: r.sender_name,
          ranges: matchRanges(r.sender_name, terms),
        },
      ].filter((h) => h.ranges.length > 0);
      const content = r.content_text ? snippet(r.content_text, terms) : null;
      if (content) highlights.push({ field: 'content', ...content });
      return { ...presentSummary(r), rank: r.rank, highlights };
    }),
  };
}

/** The document if the actor may see it, in one statement; 404 otherwise (not revealed). */
async function loadVisible(db: Db, scope: ActorScope, id: string) {
  const doc = await repo.findVisibleDocument(db, scope, id);
  if (!doc) throw incomingErrors.notFound();
  return doc;
}

/** The page of a document already loaded and checked, with its assignments. */
async function documentPage(
  deps: IncomingDeps,
  actor: Actor,
  scope: ActorScope,
  doc: repo.DocumentRow,
  assignments: repo.AssignmentRow[],
) {
  const { today, soon } = await dayWindow(deps, actor);
  return presentDetail(
    deps.db,
    doc,
    assignments,
    today,
    soon,
    availableActions(scope, doc, assignments),
  );
}

/** The document page as the actor sees it now (also the answer to every workflow action). */
export async function getIncoming(deps: IncomingDeps, actor: Actor, id: string) {
  const scope = actorScope(actor);
  const doc = await loadVisible(deps.db, scope, id);
  return documentPage(deps, actor, scope, doc, await repo.listAssignments(deps.db, id));
}

/**
 * Someone opens the document page: their own assignments become read, and opening a
 * confidential document is itself audited (design §3: one audit event per view of a
 * confidential item). The read mark is one atomic `update`, sent only when the assignments
 * (loaded for the page anyway) show an unread one of the actor; a confidential view writes it
 * in the transaction of its audit event.
 */
export async function openIncoming(
  deps: IncomingDeps,
  actor: Actor,
  id: string,
  meta: RequestMeta,
) {
  const scope = actorScope(actor);
  const doc = await loadVisible(deps.db, scope, id);
  const assignments = await repo.listAssignments(deps.db, id);
  const now = deps.clock.now();
  const unread = assignments.some(
    (a) => a.active && a.readAt === null && a.userId !== null && scope.userIds.includes(a.userId),
  );
  let marked: string[] = [];
  if (doc.secrecy !== 'normal') {
    marked = await deps.db.transaction(async (tx) => {
      const ids = unread ? await repo.markAssignmentsRead(tx, id, scope.userIds, now) : [];
      await recordAuditEvent(tx, {
        type: 'incoming.viewed',
        actor: auditActorOf(actor),
        agencyId: doc.agencyId,
        subject: { type: 'incoming_document', id },
        data: { secrecy: doc.secrecy },
        occurredAt: now,
        ip: meta.ip,
        requestId: meta.requestId,
      });
      return ids;
    });
  } else if (unread) {
    marked = await repo.markAssignmentsRead(deps.db, id, scope.userIds, now);
  }
  const page = assignments.map((a) => (marked.includes(a.id) ? { ...a, readAt: now } : a));
  return documentPage(deps, actor, scope, doc, page);
}

/** The document's full history, from the audit trail. */
export async function incomingHistory(deps: IncomingDeps, actor: Actor, id: string) {
  const doc = await loadVisible(deps.db, actorScope(actor), id);
  const rows = await listAuditEvents(deps.db, {
    agencyIds: [doc.agencyId],
    subjectType: 'incoming_document',
    subjectId: id,
    limit: 500,
  });
  return rows.reverse().map(presentAuditEvent);
}

/** Download rule for the files module: files of a document the actor may see. */
export function incomingFileAccessRule(db: Db, actor: Actor, fileId: string) {
  return repo.fileVisibleThroughDocument(db, actorScope(actor), fileId);
}

/** Listener for the extraction job: copy new text into the documents' search column. */
export async function onBlobTextReady(tx: Db, sha256: string) {
  await repo.refreshContentText(tx, await repo.documentsWithBlob(tx, sha256));
}
