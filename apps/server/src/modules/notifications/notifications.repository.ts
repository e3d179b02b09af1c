import { and, desc, eq, inArray, isNull, lt, sql } from 'drizzle-orm';
import type { Db } from '../../platform/db/database.js';
import { newId } from '../../platform/db/ids.js';
import { enqueueChannelDeliveries } from './notifications.channels.js';
import { deliversAtOnce } from './notifications.channels.models.js';
import { notifications } from './notifications.tables.js';

export interface NotificationInput {
  userIds: string[];
  kind: string;
  title: string;
  subject: { type: string; id: string };
  urgency: string;
}

/**
 * Written in the same transaction as the change it reports, so nobody is told of a rollback.
 * Urgent incoming documents (and callers passing `channels: true`, such as reminders) also go
 * out by e-mail/SMS per each user's preferences, queued in the same transaction (decision 0012).
 */
export async function notify(
  tx: Db,
  input: NotificationInput,
  now: Date,
  options: { channels?: boolean } = {},
): Promise<{ id: string; userId: string }[]> {
  const userIds = [...new Set(input.userIds)];
  if (userIds.length === 0) return [];
  const rows = userIds.map((userId) => ({
    id: newId(),
    userId,
    kind: input.kind,
    title: input.title,
    subject: input.subject,
    urgency: input.urgency,
    createdAt: now,
  }));
  await tx.insert(notifications).values(rows);
  if (options.channels ?? deliversAtOnce(input))
    await enqueueChannelDeliveries(tx, rows, input.urgency, now);
  return rows.map((r) => ({ id: r.id, userId: r.userId }));
}

export async function listNotifications(
  db: Db,
  userId: string,
  opts: { unreadOnly: boolean; before?: string | undefined; limit: number },
) {
  return db
    .select()
    .from(notifications)
    .where(
      and(
        eq(notifications.userId, userId),
        opts.unreadOnly ? isNull(notifications.readAt) : undefined,
        opts.before ? lt(notifications.id, opts.before) : undefined,
      ),
    )
    .orderBy(desc(notifications.id))
    .limit(opts.limit);
}

export async function countUnread(db: Db, userId: string): Promise<number> {
  const [row] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(notifications)
    .where(and(eq(notifications.userId, userId), isNull(notifications.readAt)));
  return row?.n ?? 0;
}

export async function markRead(db: Db, userId: string, ids: string[] | 'all', now: Date) {
  await db
    .update(notifications)
    .set({ readAt: now })
    .where(
      and(
        eq(notifications.userId, userId),
        isNull(notifications.readAt),
        ids === 'all' ? undefined : inArray(notifications.id, ids),
      ),
    );
}
