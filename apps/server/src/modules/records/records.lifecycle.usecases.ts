import type { z } from 'zod';
import type { closeRecordBodySchema } from '@vanban/contracts';
import type { Actor, RequestMeta } from '../identity/index.js';
import { notify } from '../notifications/index.js';
import { recordsErrors } from './records.errors.js';
import { scheduleArchiveScan } from './records.jobs.js';
import {
  archiveDueDate,
  archiveNoticeDate,
  closeProblems,
  maintenanceOf,
  nextRecordState,
  onlineVerdict,
} from './records.models.js';
import * as repo from './records.repository.js';
import {
  auditRecord,
  inRecordStep,
  mayArchive,
  type RecordsDeps,
  type RecordStep,
} from './records.usecase-kit.js';

/**
 * Closes a record when the work is done (Decree 30 Art. 29 §4): what is still missing may be
 * given in the same step; if a document is still being handled or not issued, or metadata is
 * missing, nothing is written and every problem is listed (422 `records.close_incomplete`). The
 * step decides "processed online" and the archive due date, and schedules the 30-day notice.
 */
export async function closeRecord(
  deps: Pick<RecordsDeps, 'db' | 'clock' | 'jobs'>,
  actor: Actor,
  id: string,
  meta: RequestMeta,
  body: z.infer<typeof closeRecordBodySchema>,
) {
  const scheduled = await inRecordStep(deps, actor, id, meta, async (ctx) => {
    const r = ctx.record;
    const state = nextRecordState(r.state, 'close');
    const facts = {
      title: body.title ?? r.title,
      maintenance: body.retention !== undefined ? maintenanceOf(body.retention) : r.maintenance,
      startDate: r.startDate,
      endDate: body.endDate ?? r.endDate,
    };
    const items = await repo.itemFacts(ctx.tx, r.id);
    const problems = closeProblems(facts, items, ctx.today);
    if (problems.length > 0)
      throw recordsErrors.closeIncomplete(problems.map((p) => p.message).join('; '), {
        errors: problems,
      });
    const verdict = onlineVerdict(
      items.map((i) => ({
        id: i.id,
        kind: i.kind,
        state: i.state,
        source: i.source,
        signedPdf: i.signed_pdf,
      })),
    );
    const due = archiveDueDate({ ...facts, construction: r.construction });
    await repo.updateRecord(ctx.tx, r.id, {
      ...facts,
      description: body.description ?? r.description,
      state,
      closedAt: ctx.now,
      closedBy: ctx.actor.userId,
      processedOnline: verdict.online,
      onlineBasis: { offline: verdict.offline },
      archiveDueDate: due,
      reopenReason: null,
      updatedAt: ctx.now,
    });
    await auditRecord(ctx, r, 'records.closed', {
      docTotal: items.length,
      processedOnline: verdict.online,
      offline: verdict.offline,
      endDate: facts.endDate,
      archiveDueDate: due,
    });
    if (due) await scheduleArchiveScan(ctx.tx, deps.clock, archiveNoticeDate(due));
    return due !== null;
  });
  if (scheduled) deps.jobs.nudge();
}

/** Reopens a closed record that has not gone to the archive (a document still belongs in it). */
export async function reopenRecord(
  deps: Pick<RecordsDeps, 'db' | 'clock'>,
  actor: Actor,
  id: string,
  meta: RequestMeta,
  reason: string,
) {
  await inRecordStep(deps, actor, id, meta, async (ctx) => {
    const state = nextRecordState(ctx.record.state, 'reopen');
    // The notice already given for a due date is remembered (archive_notice_for): closing again
    // with the same end date does not announce it twice.
    await repo.updateRecord(ctx.tx, ctx.record.id, {
      state,
      closedAt: null,
      closedBy: null,
      processedOnline: null,
      onlineBasis: null,
      archiveDueDate: null,
      reopenReason: reason,
      updatedAt: ctx.now,
    });
    await auditRecord(ctx, ctx.record, 'records.reopened', { reason });
  });
}

/**
 * Transfers a closed record to the agency archive (Art. 30 §3b): the creator hands it over, the
 * agency's clerks (who keep the archive) may take it in. From then on it is locked.
 */
export async function archiveRecord(
  deps: Pick<RecordsDeps, 'db' | 'clock'>,
  actor: Actor,
  id: string,
  meta: RequestMeta,
  note: string | undefined,
) {
  await inRecordStep(deps, actor, id, meta, async (ctx) => {
    const r = ctx.record;
    const state = nextRecordState(r.state, 'archive');
    if (!mayArchive(ctx.scope, r))
      throw recordsErrors.forbidden('The creator or a clerk of the agency transfers a record');
    await repo.updateRecord(ctx.tx, r.id, {
      state,
      archivedAt: ctx.now,
      archivedBy: ctx.actor.userId,
      updatedAt: ctx.now,
    });
    await auditRecord(ctx, r, 'records.archived', { note: note ?? null });
    await tellOtherSide(ctx);
  });
}

/** The creator hands over: the clerks hear of it; a clerk takes it in: the creator does. */
async function tellOtherSide(ctx: RecordStep) {
  const r = ctx.record;
  const byCreator = ctx.scope.userIds.includes(r.creatorId);
  const userIds = byCreator ? await repo.agencyClerkIds(ctx.tx, r.agencyId) : [r.creatorId];
  await notify(
    ctx.tx,
    {
      userIds: userIds.filter((u) => u !== ctx.actor.userId),
      kind: 'records.archived',
      title: `Hồ sơ ${r.code} đã nộp lưu vào Lưu trữ cơ quan: ${r.title.slice(0, 160)}`,
      subject: { type: 'work_record', id: r.id },
      urgency: 'normal',
    },
    ctx.now,
  );
}
