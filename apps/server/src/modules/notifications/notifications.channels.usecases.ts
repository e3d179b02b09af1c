import type { NotificationPreferences, UpdateNotificationPreferencesBody } from '@vanban/contracts';
import type { AppDependencies } from '../../app/dependencies.js';
import { recordAuditEvent } from '../audit/index.js';
import { auditActorOf, identityErrors, type Actor, type RequestMeta } from '../identity/index.js';
import { channelsConfigOf } from './notifications.channels.js';
import { channelErrors } from './notifications.channels.errors.js';
import * as repo from './notifications.channels.repository.js';

type Deps = Pick<AppDependencies, 'db' | 'clock' | 'config'>;

function availability(deps: Deps) {
  const channels = channelsConfigOf(deps.config);
  return { email: channels.smtp !== null, sms: channels.sms !== null };
}

/** The signed-in user's own channels (under a delegation too: they are the person's, not the role's). */
export async function getNotificationPreferences(
  deps: Deps,
  actor: Actor,
): Promise<NotificationPreferences> {
  const account = await repo.accountChannels(deps.db, actor.userId);
  if (!account) throw identityErrors.authRequired();
  return {
    inApp: true,
    ...account.prefs,
    emailAddress: account.email,
    phone: account.phone,
    available: availability(deps),
  };
}

/**
 * A channel can be switched on only when the account has the address it needs and the server is
 * set up for it: otherwise every reminder would fail silently. An address removed later makes the
 * deliveries `skipped` (reason recorded) rather than retried.
 */
export async function updateNotificationPreferences(
  deps: Deps,
  actor: Actor,
  input: UpdateNotificationPreferencesBody,
  meta: RequestMeta,
): Promise<NotificationPreferences> {
  const now = deps.clock.now();
  const available = availability(deps);
  await deps.db.transaction(async (tx) => {
    const account = await repo.accountChannels(tx, actor.userId);
    if (!account) throw identityErrors.authRequired();
    if (input.email && !available.email) throw channelErrors.channelUnavailable('E-mail (SMTP)');
    if (input.sms && !available.sms) throw channelErrors.channelUnavailable('SMS');
    if (input.email && !account.email?.trim()) throw channelErrors.emailMissing();
    if (input.sms && !account.phone?.trim()) throw channelErrors.phoneMissing();
    await repo.savePreferences(tx, actor.userId, input, now);
    await recordAuditEvent(tx, {
      type: 'notifications.preferences_changed',
      actor: auditActorOf(actor),
      agencyId: actor.agencyId,
      subject: { type: 'user', id: actor.userId },
      data: { ...input },
      occurredAt: now,
      ip: meta.ip,
      requestId: meta.requestId,
    });
  });
  return getNotificationPreferences(deps, actor);
}
