import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, expect } from 'vitest';
import { post } from '../../../../test/incoming-fixtures.js';
import { loginAs, useTestApp, type Session } from '../../../../test/test-app.js';
import { buildJobHandlers } from '../../../app/jobs.js';
import type { AppConfig } from '../../../platform/config/config.js';
import { queryRows, type DbDriver } from '../../../platform/db/database.js';
import type { JobHandlers } from '../../../platform/jobs/jobs.js';
import { drainJobs } from '../../../platform/jobs/jobs.worker.js';
import { runReminderScan } from '../reminders.scan.js';
import { startSmsServer, startSmtpServer } from './channel-servers.js';

export const PUBLIC_URL = 'https://vanban.test';
export const night = { start: '21:00', end: '07:00' };

/**
 * A test app whose channels point at a real SMTP server and a real HTTP "SMS gateway" started for
 * the describe block, with helpers to run the jobs and read what was delivered.
 */
export function useChannelTestApp(driver: DbDriver) {
  let smtp: Awaited<ReturnType<typeof startSmtpServer>>;
  let sms: Awaited<ReturnType<typeof startSmsServer>>;
  const config: Partial<AppConfig> = {};
  // Registered before useTestApp's, so the servers' ports are in the config the app is built with.
  beforeAll(async () => {
    smtp = await startSmtpServer();
    sms = await startSmsServer();
    config.channels = {
      publicUrl: PUBLIC_URL,
      smtp: { url: smtp.url, from: 'Vanban Sở Nội vụ <no-reply@vanban.test>' },
      sms: {
        url: `${sms.url}/sms/send?ref={id}`,
        method: 'POST',
        template: '{"to":"{phone}","text":"{message}","brandname":"SONOIVU"}',
        contentType: 'application/json',
        headers: { 'x-api-key': 'key-123' },
        token: 'tok-456',
        ascii: false,
      },
      reminderScanMs: 15 * 60_000,
    };
  });
  const ctx = useTestApp(driver, { config });
  afterAll(async () => {
    await smtp?.close();
    await sms?.close();
  });

  let handlers: JobHandlers | undefined;
  return {
    ctx,
    smtp: () => smtp,
    sms: () => sms,
    world: () => ({ app: ctx.app, db: ctx.database.db, clock: ctx.clock }),
    /** What the worker does: every job due now (deliveries, scans), one after another. */
    drain: async () => {
      handlers ??= buildJobHandlers(ctx.deps);
      return drainJobs({ db: ctx.database.db, clock: ctx.clock, handlers });
    },
    scan: () =>
      runReminderScan({
        db: ctx.database.db,
        clock: ctx.clock,
        sources: ctx.deps.deadlineSources,
      }),
    mailsAbout: (docId: string) =>
      smtp.messages.filter((m) => m.text.includes(`${PUBLIC_URL}/incoming/${docId}`)),
    smsAbout: (docId: string) =>
      sms.delivered().filter((r) => r.body.includes(`/incoming/${docId}`)),
    deliveries: (docId: string) =>
      queryRows<{
        id: string;
        channel: string;
        state: string;
        skip_reason: string | null;
        address: string | null;
        attempts: number;
        last_error: string | null;
        username: string;
      }>(
        ctx.database.db,
        sql`select d.id, d.channel::text as channel, d.state::text as state, d.skip_reason,
                   d.address, d.attempts, d.last_error, u.username
            from notification_deliveries d join notifications n on n.id = d.notification_id
            join users u on u.id = d.user_id
            where n.subject->>'id' = ${docId} order by d.channel, u.username`,
      ),
    putPrefs: (session: Session, body: Record<string, unknown>) =>
      ctx.app.inject({
        method: 'PUT',
        url: '/api/account/notification-preferences',
        headers: session.headers(),
        payload: body,
      }),
    complete: async (doc: { id: string; leadAssignmentId: string }, username: string) => {
      const done = await post(
        ctx.app,
        await loginAs(ctx.app, username),
        `/api/incoming/${doc.id}/assignments/${doc.leadAssignmentId}/complete`,
        { result: 'Đã xử lý.' },
      );
      expect(done.statusCode, done.body).toBe(200);
    },
  };
}
