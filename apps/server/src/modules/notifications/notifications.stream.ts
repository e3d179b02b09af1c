import type { ServerResponse } from 'node:http';
import type { NotificationStreamEvent } from '@vanban/contracts';
import { sql } from 'drizzle-orm';
import { queryRows, type Db } from '../../platform/db/database.js';
import { uuidArray } from '../../platform/db/sql.js';

/**
 * Live notifications over server-sent events (`GET /api/notifications/stream`).
 *
 * One watcher per process, whatever the number of open streams: every `pollMs` it asks the
 * database for the notifications of the users connected to this process that it has not pushed
 * yet, and pushes one `notification` event per user. It polls the database rather than listening
 * to an in-memory emitter so that a notification written by another server process (or the
 * worker) reaches a stream held by this one, on PGlite and on PostgreSQL alike.
 *
 * "New" is read from the notification id (UUID v7: the wall-clock millisecond it was made, the
 * primary-key index), never from `created_at`, which comes from the injectable clock (fixed in
 * tests). Ids are made before their transaction commits, so a row can become visible after rows
 * with larger ids: each tick therefore looks back over `lookbackMs` of ids and skips those already
 * pushed (kept in memory for that window). A writer whose clock is behind this process's by more
 * than `lookbackMs` is not seen live; the bell still shows it on its next refresh.
 *
 * The watcher runs only while a stream is open, so an idle process sends no queries.
 */

export interface NotificationStreamsOptions {
  /** How often the watcher looks for new notifications. */
  pollMs?: number;
  /** A comment line on every stream this often, so proxies and browsers keep it open. */
  heartbeatMs?: number;
  /** How far back each tick looks for rows committed late (see above). */
  lookbackMs?: number;
  /**
   * A stream is ended after this long; the browser reconnects (`retry`) and is authenticated
   * again, so a session that ended elsewhere does not keep receiving notifications.
   */
  maxStreamMs?: number;
}

interface StreamLogger {
  error: (obj: object, msg: string) => void;
}

export interface NotificationStreams {
  /** Keeps `res` (headers already written) open for `userId` until it closes or the app does. */
  attach: (userId: string, res: ServerResponse) => void;
  /** Number of open streams (tests, metrics). */
  size: () => number;
  /** One watcher pass now (tests); ticks also run by themselves while streams are open. */
  tick: () => Promise<void>;
  setLogger: (logger: StreamLogger) => void;
  /** Ends every open stream (before the HTTP server waits for requests in flight). */
  closeAll: () => void;
  /** Ends the streams, stops the watcher and waits for a tick in progress; no new streams. */
  stop: () => Promise<void>;
}

interface Stream {
  userId: string;
  res: ServerResponse;
  openedAt: number;
}

interface NewRow {
  id: string;
  user_id: string;
  kind: string;
  title: string;
  urgency: string;
}

const PAGE = 500;
const urgencyRank: Record<string, number> = { normal: 0, urgent: 1, top_urgent: 2, flash: 3 };

/** The millisecond a UUID v7 was made (its first 48 bits). */
export function uuidV7Time(id: string): number {
  return parseInt(id.replace(/-/g, '').slice(0, 12), 16);
}

/** The smallest UUID of millisecond `ms`: every UUID v7 made at `ms` or later sorts at or above it. */
export function uuidV7Floor(ms: number): string {
  const hex = Math.max(0, Math.floor(ms)).toString(16).padStart(12, '0').slice(-12);
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-0000-0000-000000000000`;
}

/**
 * The notification an event shows, from one user's new rows (ascending ids): the newest of the
 * most urgent, so an urgent one is not hidden behind a normal one that came in the same tick.
 */
export function pickLatest<T extends { urgency: string }>(rows: readonly T[]): T | undefined {
  let best: T | undefined;
  for (const row of rows) {
    if (!best || (urgencyRank[row.urgency] ?? 0) >= (urgencyRank[best.urgency] ?? 0)) best = row;
  }
  return best;
}

/** One SSE message: `event: <name>` and the JSON data on one line. */
export function sseMessage(event: string, data: unknown): string {
  return `event: ${event}\ndata: ${JSON.stringify(data)}\n\n`;
}

export function createNotificationStreams(
  db: Db,
  options: NotificationStreamsOptions = {},
): NotificationStreams {
  const pollMs = options.pollMs ?? 2_000;
  const heartbeatMs = options.heartbeatMs ?? 25_000;
  const lookbackMs = options.lookbackMs ?? 30_000;
  const maxStreamMs = options.maxStreamMs ?? 15 * 60_000;
  const byUser = new Map<string, Set<Stream>>();
  /** Ids pushed in the look-back window, with their UUID time, so a row is pushed once. */
  const pushed = new Map<string, number>();
  let logger: StreamLogger | null = null;
  let tickTimer: NodeJS.Timeout | null = null;
  let heartbeatTimer: NodeJS.Timeout | null = null;
  let running: Promise<void> | null = null;
  let stopped = false;

  const count = () => {
    let n = 0;
    for (const set of byUser.values()) n += set.size;
    return n;
  };

  function end(stream: Stream): void {
    const set = byUser.get(stream.userId);
    if (set?.delete(stream) && set.size === 0) byUser.delete(stream.userId);
    if (!stream.res.writableEnded && !stream.res.destroyed) stream.res.end();
    if (byUser.size === 0) idle();
  }

  function write(stream: Stream, chunk: string): void {
    if (stream.res.writableEnded || stream.res.destroyed) end(stream);
    else stream.res.write(chunk);
  }

  function idle(): void {
    if (tickTimer) clearTimeout(tickTimer);
    if (heartbeatTimer) clearInterval(heartbeatTimer);
    tickTimer = null;
    heartbeatTimer = null;
    pushed.clear();
  }

  function schedule(): void {
    if (stopped || byUser.size === 0 || tickTimer) return;
    tickTimer = setTimeout(() => {
      tickTimer = null;
      void tick().finally(schedule);
    }, pollMs);
    tickTimer.unref();
  }

  function heartbeat(): void {
    const now = Date.now();
    for (const set of [...byUser.values()])
      for (const stream of [...set]) {
        if (now - stream.openedAt >= maxStreamMs) end(stream);
        else write(stream, `: ping ${new Date(now).toISOString()}\n\n`);
      }
  }

  async function pass(): Promise<void> {
    const userIds = [...byUser.keys()];
    if (userIds.length === 0) return;
    const floorMs = Date.now() - lookbackMs;
    for (const [id, at] of pushed) if (at < floorMs) pushed.delete(id);
    const fresh = new Map<string, NewRow[]>();
    let after: string | null = null;
    for (;;) {
      const page: NewRow[] = await queryRows<NewRow>(
        db,
        sql`select id, user_id, kind, title, urgency from notifications
            where ${after === null ? sql`id >= ${uuidV7Floor(floorMs)}::uuid` : sql`id > ${after}::uuid`}
              and user_id = any(${uuidArray(userIds)})
            order by id limit ${PAGE}`,
      );
      for (const row of page) {
        if (pushed.has(row.id)) continue;
        pushed.set(row.id, uuidV7Time(row.id));
        const list = fresh.get(row.user_id) ?? [];
        list.push(row);
        fresh.set(row.user_id, list);
      }
      if (page.length < PAGE) break;
      after = page[page.length - 1]?.id ?? null;
    }
    if (fresh.size === 0) return;
    const counts = await queryRows<{ user_id: string; unread: number }>(
      db,
      sql`select user_id, count(*)::int as unread from notifications
          where user_id = any(${uuidArray([...fresh.keys()])}) and read_at is null
          group by user_id`,
    );
    const unread = new Map(counts.map((c) => [c.user_id, c.unread]));
    for (const [userId, rows] of fresh) {
      const latest = pickLatest(rows);
      const streams = byUser.get(userId);
      if (!latest || !streams) continue;
      const event: NotificationStreamEvent = {
        unread: unread.get(userId) ?? 0,
        latest: { id: latest.id, kind: latest.kind, title: latest.title, urgency: latest.urgency },
      };
      const message = sseMessage('notification', event);
      for (const stream of [...streams]) write(stream, message);
    }
  }

  function tick(): Promise<void> {
    if (running) return running;
    running = pass()
      .catch((error: unknown) => {
        logger?.error({ err: error }, 'notification stream watcher failed; retrying');
      })
      .finally(() => {
        running = null;
      });
    return running;
  }

  function closeAll(): void {
    for (const set of [...byUser.values()]) for (const stream of [...set]) end(stream);
  }

  return {
    attach(userId, res) {
      if (stopped) {
        res.end();
        return;
      }
      const stream: Stream = { userId, res, openedAt: Date.now() };
      const set = byUser.get(userId) ?? new Set<Stream>();
      set.add(stream);
      byUser.set(userId, set);
      res.on('close', () => {
        end(stream);
      });
      if (!heartbeatTimer) {
        heartbeatTimer = setInterval(heartbeat, heartbeatMs);
        heartbeatTimer.unref();
      }
      schedule();
    },
    size: count,
    tick,
    setLogger(next) {
      logger = next;
    },
    closeAll,
    async stop() {
      stopped = true;
      closeAll();
      idle();
      await running;
    },
  };
}
