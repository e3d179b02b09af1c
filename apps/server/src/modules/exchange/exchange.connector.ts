import { HubClient } from '@vanban/hub/client';
import { receiveFromHub } from './exchange.inbox.js';
import { sendQueuedDocuments } from './exchange.outbox.js';
import type { ExchangeDeps, Log } from './exchange.packets.js';
import { sendStatusChanges } from './exchange.statuses.js';

export interface HubSettings {
  url: string;
  systemId: string;
  secret: string;
  pollMs: number;
}

type Deps = ExchangeDeps;

/**
 * One round with the exchange hub: send what issuing queued, send status packets for copies
 * that moved, then fetch and take what others sent. Each part is idempotent, so a round may be
 * cut off at any point (crash, SIGKILL) and the next one finishes the work.
 */
export async function exchangeRound(deps: Deps, client: HubClient, log: Log = () => {}) {
  const sent = await sendQueuedDocuments(deps, client, log);
  const statusesSent = await sendStatusChanges(deps, client, log);
  const received = await receiveFromHub(deps, client, log);
  return { sent, statusesSent, ...received };
}

export function hubClientFor(settings: HubSettings): HubClient {
  return new HubClient({
    baseUrl: settings.url,
    systemId: settings.systemId,
    secret: settings.secret,
  });
}

/** Rounds every `pollMs` until stopped; a failed round is logged and retried on the next. */
export function startExchange(deps: Deps, settings: HubSettings, log: Log) {
  const client = hubClientFor(settings);
  let timer: NodeJS.Timeout | null = null;
  let running: Promise<unknown> | null = null;
  const tick = () => {
    running = exchangeRound(deps, client, log)
      .catch((error: unknown) => log('exchange round failed', error))
      .finally(() => {
        running = null;
        if (timer !== null) timer = setTimeout(tick, settings.pollMs);
      });
  };
  timer = setTimeout(tick, 1000);
  return {
    async stop() {
      if (timer) clearTimeout(timer);
      timer = null;
      await running;
    },
  };
}
