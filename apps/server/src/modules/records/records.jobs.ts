import { sql } from 'drizzle-orm';
import type { JobModule } from '../../app/jobs.js';
import { vietnamDate, type Clock } from '../../platform/clock/clock.js';
import { queryRows, type Db } from '../../platform/db/database.js';
import { enqueueJob, type JobHandler } from '../../platform/jobs/jobs.js';
import { recordAuditEvent } from '../audit/index.js';
import { addDays } from '../calendar/index.js';
import { notify } from '../notifications/index.js';
import { formatVnDate } from '../registers/index.js';
import { ARCHIVE_NOTICE_DAYS } from './records.models.js';
import { agencyClerkIds } from './records.repository.js';

/**
 * App. VI Part I §III.5: the system announces records due for transfer to the agency archive 30
 * days ahead. A daily scan (07:00 Vietnam time) tells each such record's creator and the
 * agency's clerks once per record and due date; it then schedules the next day's scan. Closing a
 * record schedules the scan for the day its notice falls due, which also starts the daily chain.
 */
export const ARCHIVE_SCAN_JOB = 'records.archive_due_scan';

/** 07:00 in Vietnam (UTC+7, no daylight saving) on `date`. */
function morningOf(date: string): Date {
  return new Date(`${date}T00:00:00Z`);
}

/** One scan per day: the dedupe key names the day, so scheduling it twice is a no-op. */
export async function scheduleArchiveScan(tx: Db, clock: Clock, day: string) {
  const now = clock.now();
  const at = morningOf(day);
  const runAt = at > now ? at : now;
  await enqueueJob(
    tx,
    {
      kind: ARCHIVE_SCAN_JOB,
      payload: { day: vietnamDate(runAt) },
      dedupeKey: `${ARCHIVE_SCAN_JOB}:${vietnamDate(runAt)}`,
      runAt,
    },
    clock,
  );
}

/**
 * Notifies every closed record due within the notice window that was not yet announced for its
 * current due date. Each record is claimed by a conditional update in its own transaction with
 * the notifications and the audit event, so a second run (or a concurrent one) tells nobody twice.
 */
export async function notifyRecordsDueForArchive(db: Db, now: Date): Promise<number> {
  const today = vietnamDate(now);
  const limit = addDays(today, ARCHIVE_NOTICE_DAYS);
  const due = await queryRows<{ id: string }>(
    db,
    sql`select id from work_records
        where state = 'closed' and archive_due_date is not null and archive_due_date <= ${limit}
          and archive_notice_for is distinct from archive_due_date
        order by archive_due_date, id`,
  );
  let sent = 0;
  for (const { id } of due) {
    const told = await db.transaction(async (tx) => {
      const [r] = await queryRows<{
        id: string;
        agency_id: string;
        code: string;
        title: string;
        creator_id: string;
        archive_due_date: string;
      }>(
        tx,
        sql`update work_records set archive_notice_for = archive_due_date
            where id = ${id} and state = 'closed' and archive_due_date is not null
              and archive_notice_for is distinct from archive_due_date
            returning id, agency_id, code, title, creator_id, archive_due_date`,
      );
      if (!r) return false;
      const overdue = r.archive_due_date < today;
      await notify(
        tx,
        {
          userIds: [r.creator_id, ...(await agencyClerkIds(tx, r.agency_id))],
          kind: 'records.archive_due',
          title: `Hồ sơ ${r.code} ${overdue ? 'đã quá' : 'đến'} hạn nộp lưu (${formatVnDate(r.archive_due_date)}): ${r.title.slice(0, 160)}`,
          subject: { type: 'work_record', id: r.id },
          urgency: overdue ? 'urgent' : 'normal',
        },
        now,
      );
      await recordAuditEvent(tx, {
        type: 'records.archive_due_notified',
        actor: null,
        agencyId: r.agency_id,
        subject: { type: 'work_record', id: r.id },
        data: { archiveDueDate: r.archive_due_date },
        occurredAt: now,
      });
      return true;
    });
    if (told) sent++;
  }
  return sent;
}

export function archiveScanHandler(): JobHandler {
  return async ({ db, clock, logger }) => {
    const now = clock.now();
    const sent = await notifyRecordsDueForArchive(db, now);
    if (sent > 0) logger.info({ sent }, 'records due for archive transfer announced');
    await db.transaction((tx) => scheduleArchiveScan(tx, clock, addDays(vietnamDate(now), 1)));
  };
}

export const recordsJobs: JobModule = () => ({ [ARCHIVE_SCAN_JOB]: archiveScanHandler() });
