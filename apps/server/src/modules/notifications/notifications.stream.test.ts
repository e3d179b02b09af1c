import { notificationStreamEventSchema, type IncomingDetail } from '@vanban/contracts';
import { uuidv7 } from 'uuidv7';
import { beforeAll, describe, expect, it } from 'vitest';
import { backendsUnderTest } from '../../../test/database.js';
import { post, registerBody, userId } from '../../../test/incoming-fixtures.js';
import { json, loginAs, useTestApp } from '../../../test/test-app.js';
import { pickLatest, sseMessage, uuidV7Floor, uuidV7Time } from './notifications.stream.js';

interface SseEvent {
  event: string;
  data: string;
}

/** An SSE client over fetch: collects the events; `comments` counts `:` lines (heartbeats). */
async function openStream(url: string, headers: Record<string, string> = {}) {
  const controller = new AbortController();
  const res = await fetch(url, { headers, signal: controller.signal });
  const events: SseEvent[] = [];
  let comments = 0;
  let ended = false;
  const pump = (async () => {
    if (!res.body) return;
    const reader = res.body.getReader();
    const decoder = new TextDecoder();
    let buffer = '';
    try {
      for (;;) {
        const { done, value } = await reader.read();
        if (done) break;
        buffer += decoder.decode(value, { stream: true });
        let end: number;
        while ((end = buffer.indexOf('\n\n')) >= 0) {
          const block = buffer.slice(0, end);
          buffer = buffer.slice(end + 2);
          const fields = { event: 'message', data: '' };
          for (const line of block.split('\n')) {
            if (line.startsWith(':')) comments += 1;
            else if (line.startsWith('event: ')) fields.event = line.slice(7);
            else if (line.startsWith('data: ')) fields.data += line.slice(6);
          }
          if (fields.data) events.push(fields);
        }
      }
    } catch {
      // aborted by the test
    } finally {
      ended = true;
    }
  })();
  return {
    res,
    events,
    comments: () => comments,
    ended: () => ended,
    close: async () => {
      controller.abort();
      await pump;
    },
    pump,
  };
}

async function until<T>(what: string, probe: () => T | undefined, ms = 10_000): Promise<T> {
  const deadline = Date.now() + ms;
  for (;;) {
    const value = probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

describe('notification stream helpers', () => {
  it('reads the time of a UUID v7 and sorts the floor of a millisecond below its ids', () => {
    const before = Date.now();
    const id = uuidv7();
    const at = uuidV7Time(id);
    expect(at).toBeGreaterThanOrEqual(before);
    expect(at).toBeLessThanOrEqual(Date.now() + 1);
    expect(uuidV7Floor(at) <= id).toBe(true);
    expect(uuidV7Floor(at + 1) > id).toBe(true);
    expect(uuidV7Time(uuidV7Floor(at))).toBe(at);
    expect(uuidV7Floor(0)).toBe('00000000-0000-0000-0000-000000000000');
  });

  it('shows the newest of the most urgent notifications that arrived together', () => {
    expect(pickLatest([])).toBeUndefined();
    const rows = [
      { id: 'a', urgency: 'normal' },
      { id: 'b', urgency: 'urgent' },
      { id: 'c', urgency: 'normal' },
    ];
    expect(pickLatest(rows)?.id).toBe('b');
    expect(pickLatest([...rows, { id: 'd', urgency: 'urgent' }])?.id).toBe('d');
    expect(pickLatest(rows.filter((r) => r.urgency === 'normal'))?.id).toBe('c');
  });

  it('writes one SSE message per event', () => {
    expect(sseMessage('notification', { unread: 1 })).toBe(
      'event: notification\ndata: {"unread":1}\n\n',
    );
  });
});

describe.each(backendsUnderTest())('notification stream on %s', (driver) => {
  const ctx = useTestApp(driver);
  let base = '';

  beforeAll(async () => {
    await ctx.app.listen({ port: 0, host: '127.0.0.1' });
    const address = ctx.app.server.address();
    if (!address || typeof address === 'string') throw new Error('not listening');
    base = `http://127.0.0.1:${address.port}`;
  });

  it('refuses a stream without a session', async () => {
    const res = await fetch(`${base}/api/notifications/stream`);
    expect(res.status).toBe(401);
    expect(res.headers.get('content-type')).toContain('application/problem+json');
    expect(await res.json()).toMatchObject({ code: 'auth.required' });
  });

  it('pushes a new notification to the stream of its user only, within seconds', async () => {
    const clerk = await loginAs(ctx.app, 'vanthu.snv');
    const leader = await loginAs(ctx.app, 'giamdoc.snv');
    const other = await loginAs(ctx.app, 'truongphong.snv');
    const leaderStream = await openStream(`${base}/api/notifications/stream`, {
      cookie: leader.cookie,
    });
    const otherStream = await openStream(`${base}/api/notifications/stream`, {
      cookie: other.cookie,
    });
    try {
      expect(leaderStream.res.status).toBe(200);
      expect(leaderStream.res.headers.get('content-type')).toContain('text/event-stream');
      expect(leaderStream.res.headers.get('cache-control')).toContain('no-cache');
      await until('both streams attached', () =>
        ctx.deps.notificationStreams.size() === 2 ? true : undefined,
      );

      const created = await post(
        ctx.app,
        clerk,
        '/api/incoming',
        registerBody({
          subject: 'Về việc báo cáo khẩn tình hình mưa lũ',
          urgency: 'urgent',
        }),
      );
      expect(created.statusCode, created.body).toBe(201);
      const doc = json<IncomingDetail>(created);
      const submitted = await post(ctx.app, clerk, `/api/incoming/${doc.id}/submit`, {
        userId: await userId(ctx.database.db, 'giamdoc.snv'),
      });
      expect(submitted.statusCode, submitted.body).toBe(200);

      const started = Date.now();
      const event = await until('the notification event', () =>
        leaderStream.events.find((e) => e.event === 'notification'),
      );
      expect(Date.now() - started).toBeLessThan(8_000);
      const data = notificationStreamEventSchema.parse(JSON.parse(event.data));
      expect(data.unread).toBeGreaterThanOrEqual(1);
      expect(data.latest).toMatchObject({ kind: 'incoming.to_direct', urgency: 'urgent' });
      expect(data.latest.title).toContain('mưa lũ');

      // Pushed once: another pass of the watcher sends nothing more, and nothing to the other user.
      await ctx.deps.notificationStreams.tick();
      await ctx.deps.notificationStreams.tick();
      expect(leaderStream.events.filter((e) => e.event === 'notification')).toHaveLength(1);
      expect(otherStream.events).toHaveLength(0);
    } finally {
      await leaderStream.close();
      await otherStream.close();
    }
    // A client that goes away leaves nothing behind.
    await until('the streams to be released', () =>
      ctx.deps.notificationStreams.size() === 0 ? true : undefined,
    );
  });

  // Last: it closes the app (useTestApp closes it again, which is harmless).
  it('ends open streams when the server closes, so closing does not wait for them', async () => {
    const leader = await loginAs(ctx.app, 'giamdoc.snv');
    const stream = await openStream(`${base}/api/notifications/stream`, {
      cookie: leader.cookie,
    });
    await until('the stream to attach', () =>
      ctx.deps.notificationStreams.size() === 1 ? true : undefined,
    );
    await until('the opening comment', () => (stream.comments() >= 1 ? true : undefined));
    const started = Date.now();
    await ctx.app.close();
    expect(Date.now() - started).toBeLessThan(5_000);
    await stream.pump;
    expect(stream.ended()).toBe(true);
    expect(ctx.deps.notificationStreams.size()).toBe(0);
  });
});
