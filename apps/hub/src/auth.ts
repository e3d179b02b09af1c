/**
 * Request verification (standards.md §1.8): HMAC-SHA256 over the `XroadVnpt-sign-header` bytes
 * exactly as received, parameters read from that verified JSON by their exact-case keys, and the
 * timestamp / nonce rules of decision 0009.
 */
import { lt } from 'drizzle-orm';
import type { Db } from './db/database.js';
import { requestNonces } from './db/schema.js';
import { HubFailure } from './answers.js';
import {
  HASH_HEADER,
  HEADER_PREFIX,
  SIGN_HEADER,
  hexEquals,
  hmacHex,
  parseTimestamp,
} from './protocol.js';
import { loadCredentials, type SystemCredentials } from './systems.js';
import type { SecretBox } from './secrets.js';

export interface AuthSettings {
  /** Nonce-bearing (and strict systems') requests: accepted |now − timestamp|. */
  timestampWindowMs: number;
  /** Requests without a nonce: oldest accepted timestamp age; null = any (deployed SDK). */
  sdkTimestampMaxAgeMs: number | null;
}

export interface AuthDeps {
  db: Db;
  box: SecretBox;
  now: () => Date;
  settings: AuthSettings;
  /** When old nonces were last purged (ms). */
  nonceState: { lastPurge: number };
}

export interface AuthenticatedRequest {
  system: SystemCredentials;
  /** Signed parameters by exact-case key without the `XroadVnpt-` prefix. */
  params: ReadonlyMap<string, string>;
  timestamp: Date;
  nonce: string | null;
}

type Headers = Record<string, string[] | undefined>;

function single(headers: Headers, name: string): string | undefined {
  const values = headers[name.toLowerCase()];
  if (!values || values.length === 0) return undefined;
  if (new Set(values).size > 1)
    throw new HubFailure(
      'hub.bad_request',
      `Header ${name} appears more than once with different values`,
    );
  return values[0];
}

/** Verifies one request; throws HubFailure with the reason. `headers` = Node's headersDistinct. */
export async function authenticate(
  deps: AuthDeps,
  headers: Headers,
): Promise<AuthenticatedRequest> {
  const systemId = single(headers, `${HEADER_PREFIX}systemid`)?.trim();
  if (!systemId) throw new HubFailure('hub.missing_parameter', 'Missing header XroadVnpt-systemid');
  const signHeader = single(headers, SIGN_HEADER);
  const hash = single(headers, HASH_HEADER);
  if (signHeader === undefined || hash === undefined)
    throw new HubFailure(
      'hub.bad_signature',
      'Missing XroadVnpt-sign-header or XroadVnpt-hash-header: requests must be signed',
      { systemId },
    );

  const system = await loadCredentials(deps, systemId);
  if (!system)
    throw new HubFailure('hub.unknown_system', `System ${systemId} is not registered at this hub`, {
      systemId,
    });

  // Node hands header bytes over as latin1 characters: these are the bytes the client signed.
  const signed = Buffer.from(signHeader, 'latin1');
  if (!hexEquals(hmacHex(system.secret, signed), hash.trim()))
    throw new HubFailure(
      'hub.bad_signature',
      "XroadVnpt-hash-header is not the HMAC-SHA256 of XroadVnpt-sign-header with this system's secret",
      { systemId },
    );

  let json: unknown;
  try {
    json = JSON.parse(signed.toString('utf8'));
  } catch {
    throw new HubFailure('hub.bad_request', 'XroadVnpt-sign-header is not JSON', { systemId });
  }
  if (!json || typeof json !== 'object' || Array.isArray(json))
    throw new HubFailure('hub.bad_request', 'XroadVnpt-sign-header is not a JSON object', {
      systemId,
    });
  const params = new Map<string, string>();
  for (const [key, value] of Object.entries(json as Record<string, unknown>)) {
    if (!key.startsWith(HEADER_PREFIX)) continue;
    params.set(
      key.slice(HEADER_PREFIX.length),
      typeof value === 'string' ? value : JSON.stringify(value),
    );
  }
  if (params.get('systemid') !== systemId)
    throw new HubFailure(
      'hub.bad_signature',
      'The signed XroadVnpt-systemid differs from the XroadVnpt-systemid header',
      { systemId },
    );

  const stampText = params.get('timestamp');
  const timestamp = stampText === undefined ? null : parseTimestamp(stampText);
  if (!timestamp)
    throw new HubFailure(
      'hub.bad_timestamp',
      `The signed XroadVnpt-timestamp "${stampText ?? ''}" is not ddMMyyyy'T'HHmmss+SSSS`,
      { systemId },
    );

  const now = deps.now();
  const nonce = params.get('nonce') ?? null;
  const { timestampWindowMs, sdkTimestampMaxAgeMs } = deps.settings;
  if (nonce === null) {
    if (system.strict)
      throw new HubFailure(
        'hub.missing_parameter',
        `System ${systemId} is registered as strict: every request must carry a signed XroadVnpt-nonce`,
        { systemId },
      );
    if (sdkTimestampMaxAgeMs !== null && now.getTime() - timestamp.getTime() > sdkTimestampMaxAgeMs)
      throw new HubFailure(
        'hub.stale_timestamp',
        `The signed timestamp ${stampText} is older than the accepted ${Math.round(sdkTimestampMaxAgeMs / 86_400_000)} day(s)`,
        { systemId },
      );
    return { system, params, timestamp, nonce };
  }

  if (nonce.length < 8 || nonce.length > 128)
    throw new HubFailure('hub.bad_request', 'XroadVnpt-nonce must be 8–128 characters', {
      systemId,
    });
  const skew = Math.abs(now.getTime() - timestamp.getTime());
  if (skew > timestampWindowMs)
    throw new HubFailure(
      'hub.stale_timestamp',
      `The signed timestamp ${stampText} (Vietnam time) is ${Math.round(skew / 1000)} s away from the hub's clock; at most ${timestampWindowMs / 1000} s is accepted`,
      { systemId },
    );
  if (now.getTime() - deps.nonceState.lastPurge > timestampWindowMs / 2) {
    deps.nonceState.lastPurge = now.getTime();
    await deps.db
      .delete(requestNonces)
      .where(lt(requestNonces.seenAt, new Date(now.getTime() - 2 * timestampWindowMs)));
  }
  const inserted = await deps.db
    .insert(requestNonces)
    .values({ systemId, nonce, seenAt: now })
    .onConflictDoNothing()
    .returning({ nonce: requestNonces.nonce });
  if (inserted.length === 0)
    throw new HubFailure('hub.replayed', 'This signed request was already received (replay)', {
      systemId,
      nonce,
    });
  return { system, params, timestamp, nonce };
}
