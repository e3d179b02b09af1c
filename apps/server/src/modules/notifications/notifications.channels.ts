import type { JobModule } from '../../app/jobs.js';
import type { ChannelsConfig } from '../../platform/config/config.js';
import type { Db } from '../../platform/db/database.js';
import { newId } from '../../platform/db/ids.js';
import { enqueueJob, type JobHandler } from '../../platform/jobs/jobs.js';
import { createSmtpMailer, type Mailer } from './notifications.channels.email.js';
import { emailMessage, smsMessage } from './notifications.channels.messages.js';
import { sendTime } from './notifications.channels.models.js';
import * as repo from './notifications.channels.repository.js';
import { createHttpSmsGateway, type SmsGateway } from './notifications.channels.sms.js';

export const DELIVER_JOB = 'notifications.deliver';
/** 10 s, 20 s … 21 min between attempts (platform/jobs backoff): about 40 minutes in all. */
const DELIVER_MAX_ATTEMPTS = 8;

/** When the configuration has no `channels` (tests): in-app only. */
export function channelsConfigOf(config: { channels?: ChannelsConfig }): ChannelsConfig {
  return (
    config.channels ?? {
      publicUrl: 'http://localhost:3000',
      smtp: null,
      sms: null,
      reminderScanMs: 15 * 60_000,
    }
  );
}

/**
 * Queues the e-mail and SMS copies of notifications just inserted, in the same transaction: a
 * `notification_deliveries` row per enabled channel and a job that runs when the user's quiet
 * hours allow. Nothing is sent if the transaction rolls back.
 */
export async function enqueueChannelDeliveries(
  tx: Db,
  rows: { id: string; userId: string }[],
  urgency: string,
  now: Date,
): Promise<number> {
  const prefs = await repo.preferencesOf(
    tx,
    rows.map((r) => r.userId),
  );
  const deliveries = rows.flatMap((row) => {
    const p = prefs.get(row.userId);
    if (!p) return [];
    const notBefore = sendTime(now, p, urgency);
    return (['email', 'sms'] as const)
      .filter((channel) => p[channel])
      .map((channel) => ({
        id: newId(),
        notificationId: row.id,
        userId: row.userId,
        channel,
        notBefore,
        createdAt: now,
      }));
  });
  await repo.insertDeliveries(tx, deliveries);
  for (const d of deliveries)
    await enqueueJob(
      tx,
      {
        kind: DELIVER_JOB,
        payload: { deliveryId: d.id },
        dedupeKey: `${DELIVER_JOB}:${d.id}`,
        runAt: d.notBefore,
        maxAttempts: DELIVER_MAX_ATTEMPTS,
      },
      { now: () => now },
    );
  return deliveries.length;
}

export interface ChannelTransports {
  email: Mailer | null;
  sms: SmsGateway | null;
}

/**
 * Sends one delivery. Idempotent: a delivery that is no longer `pending` is left alone, and a
 * successful send is marked `sent` at once, so a retried or repeated job does not send again.
 * The one window left (at least once): the provider accepted the message and the process died
 * before the mark committed; the retry then sends it a second time, with the same Message-ID /
 * Idempotency-Key so the provider or the reader can tell.
 */
export function deliverHandler(settings: {
  transports: ChannelTransports;
  publicUrl: string;
  smsAscii: boolean;
}): JobHandler<{ deliveryId: string }> {
  return async ({ db, clock, job, logger }) => {
    const id = job.payload.deliveryId;
    const found = await repo.deliveryToSend(db, id);
    if (!found || found.delivery.state !== 'pending') return;
    const { delivery, notification, user, prefs } = found;
    const channel = delivery.channel;
    const now = clock.now();
    const skip = async (reason: string) => {
      await repo.updatePendingDelivery(db, id, {
        state: 'skipped',
        skipReason: reason,
        finishedAt: now,
      });
      logger.info({ deliveryId: id, channel, reason }, 'notification delivery skipped');
    };
    if (user.disabled) return skip('user_disabled');
    if (!prefs[channel]) return skip('channel_disabled');
    const address = (channel === 'email' ? user.email : user.phone)?.trim();
    if (!address) return skip(channel === 'email' ? 'email_missing' : 'phone_missing');
    const transport = settings.transports[channel];
    if (!transport) return skip('channel_unavailable');

    // Quiet hours may have been set since the message was queued: wait for their end.
    const later = sendTime(now, prefs, notification.urgency);
    if (later.getTime() > now.getTime()) {
      await db.transaction(async (tx) => {
        if (!(await repo.updatePendingDelivery(tx, id, { notBefore: later }))) return;
        await enqueueJob(
          tx,
          {
            kind: DELIVER_JOB,
            payload: { deliveryId: id },
            dedupeKey: `${DELIVER_JOB}:${id}:${later.toISOString()}`,
            runAt: later,
            maxAttempts: DELIVER_MAX_ATTEMPTS,
          },
          clock,
        );
      });
      return;
    }

    const input = {
      ...notification,
      fullName: user.fullName,
      confidential: await repo.isConfidentialSubject(db, notification.subject),
    };
    let providerRef: string;
    try {
      if (channel === 'email') {
        const message = emailMessage(input, settings.publicUrl);
        providerRef = await (transport as Mailer).send({
          to: address,
          subject: message.subject,
          text: message.text,
          messageId: `<${id}@vanban>`,
        });
      } else {
        providerRef = await (transport as SmsGateway).send({
          phone: address,
          text: smsMessage(input, settings.publicUrl, settings.smsAscii),
          id,
        });
      }
    } catch (error) {
      const last = job.attempts >= job.maxAttempts;
      await repo.updatePendingDelivery(db, id, {
        attempts: repo.nextAttempt,
        lastError: (error instanceof Error ? error.message : String(error)).slice(0, 2000),
        ...(last ? { state: 'failed' as const, finishedAt: clock.now() } : {}),
      });
      throw error;
    }
    await repo.updatePendingDelivery(db, id, {
      state: 'sent',
      address,
      attempts: repo.nextAttempt,
      providerRef: providerRef.slice(0, 500),
      finishedAt: clock.now(),
    });
  };
}

export const notificationChannelJobs: JobModule = (deps) => {
  const channels = channelsConfigOf(deps.config);
  const transports: ChannelTransports = {
    email: channels.smtp ? createSmtpMailer(channels.smtp) : null,
    sms: channels.sms ? createHttpSmsGateway(channels.sms) : null,
  };
  return {
    [DELIVER_JOB]: deliverHandler({
      transports,
      publicUrl: channels.publicUrl,
      smsAscii: channels.sms?.ascii ?? false,
    }) as JobHandler,
  };
};
