/**
 * Typed client of the national document interconnection axis (standards.md §1.8), for this hub and
 * for the real axis. Signs each call the way the deployed Java SDK does: every parameter as an
 * `XroadVnpt-<key>` header, the compact JSON of those headers in `XroadVnpt-sign-header`, its
 * HMAC-SHA256 in `XroadVnpt-hash-header`; sendEdoc posts the packet bytes plus a CRLF with the
 * unpadded SHA-256 `hash-file`. Unlike the SDK it builds a fresh header map per call (no header
 * leakage), a fresh timestamp per call, and a random signed `nonce`, which lets this hub refuse
 * replays (servers that do not know the key ignore it).
 *
 * Free of server imports: `import { HubClient } from '@vanban/hub/client'`.
 */
import { randomBytes } from 'node:crypto';
import {
  SERVICE_TYPE,
  formatTimestamp,
  hashFile,
  isRetryableErrorCode,
  signRequest,
  VIETNAM_OFFSET_MINUTES,
  type AgencyItem,
  type AxisAnswer,
  type MessageType,
  type Operation,
  type ReceivedEdocItem,
  type SentEdocItem,
} from './protocol.js';

export type {
  AgencyItem,
  AxisAnswer,
  MessageType,
  Operation,
  ReceivedEdocItem,
  SentEdocItem,
} from './protocol.js';
export { formatTimestamp, hashFile, parseTimestamp, signRequest } from './protocol.js';

export interface HubClientOptions {
  /** Base URL; operations are called at `<baseUrl>/<operation>`. */
  baseUrl: string;
  /** `XroadVnpt-systemid`: the id the hub operator registered. */
  systemId: string;
  secret: string;
  /** Per-request timeout (default 60 s; sendEdoc/getEdoc/downloadEdoc of large packets: raise it). */
  timeoutMs?: number;
  /** Add the signed `nonce` header (default true). */
  nonce?: boolean;
  /** Clock (tests). */
  now?: () => Date;
  /** Zone of the timestamp, minutes east of UTC (default Vietnam, +420). */
  timestampOffsetMinutes?: number;
  fetch?: typeof fetch;
}

/** The hub (or axis) answered `status: FAIL`. */
export class HubError extends Error {
  override readonly name = 'HubError';
  constructor(
    readonly operation: Operation,
    /** `ErrorCode` as sent (e.g. "401"). */
    readonly errorCode: string,
    readonly errorDesc: string,
    /** This hub's stable error name (e.g. `hub.bad_signature`); undefined on other servers. */
    readonly errorKey: string | undefined,
  ) {
    super(`${operation} failed: ${errorCode}${errorKey ? ` ${errorKey}` : ''} — ${errorDesc}`);
  }
  /** A later retry of the same request may succeed (server-side trouble). */
  get retryable(): boolean {
    return isRetryableErrorCode(this.errorCode);
  }
}

/** The call did not get a readable answer (network, timeout, HTTP error, not JSON). Retryable. */
export class HubTransportError extends Error {
  override readonly name = 'HubTransportError';
  readonly retryable = true;
  constructor(
    readonly operation: Operation,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(`${operation}: ${message}`, options);
  }
}

export interface SendEdocResult {
  /** The hub's id of the stored packet (`senderDocId` in getSentEdocList). */
  docId: string;
  /** ErrorDesc of the success answer (e.g. that an identical packet was sent before). */
  description: string;
}

export interface SendEdocOptions {
  /** `messagetype`: `edoc` (default) or `status`. */
  messageType?: MessageType;
  /**
   * `from`: the sender agency code. Default: the packet's From/OrganId (this hub routes by the
   * packet anyway; the national axis expects the parameter).
   */
  from?: string;
  /** `to`: recipient agency codes; when absent the hub routes by the packet's To / ResponseFor. */
  to?: string[];
}

export interface ListOptions {
  messageType?: MessageType;
  serviceType?: string;
}

export interface EdocPacket {
  docId: string;
  /** The packet bytes exactly as the sender posted them. */
  data: Buffer;
}

/** From/OrganId of a packet, found in its first 64 KiB without parsing it. */
function packetFrom(bytes: Buffer): string | undefined {
  const head = bytes.subarray(0, 64 * 1024).toString('utf8');
  return /<(?:[\w-]+:)?From\b[^>]*>[\s\S]*?<(?:[\w-]+:)?OrganId\b[^>]*>\s*([^<\s]+)\s*</.exec(
    head,
  )?.[1];
}

function asString(value: unknown): string {
  return typeof value === 'string'
    ? value
    : value === undefined || value === null
      ? ''
      : String(value);
}

export class HubClient {
  private readonly baseUrl: string;
  private readonly timeoutMs: number;
  private readonly fetchImpl: typeof fetch;
  private lastStamp = 0;

  constructor(private readonly options: HubClientOptions) {
    this.baseUrl = options.baseUrl.replace(/\/+$/, '');
    this.timeoutMs = options.timeoutMs ?? 60_000;
    this.fetchImpl = options.fetch ?? fetch;
  }

  /** Posts a packet (document or status). Resolves with the hub's DocId. */
  async sendEdoc(
    packet: Uint8Array | string,
    options: SendEdocOptions = {},
  ): Promise<SendEdocResult> {
    const bytes =
      typeof packet === 'string'
        ? Buffer.from(packet, 'utf8')
        : Buffer.from(packet.buffer, packet.byteOffset, packet.byteLength);
    const params: [string, string][] = [
      ['from', options.from ?? packetFrom(bytes) ?? this.options.systemId],
    ];
    params.push(
      ['servicetype', SERVICE_TYPE],
      ['messagetype', options.messageType ?? 'edoc'],
      ['hash-file', hashFile(bytes)],
    );
    if (options.to && options.to.length > 0) params.push(['to', JSON.stringify(options.to)]);
    // The SDK streams the file and then a CRLF (MultipartUtility.addInputStreamPart).
    const body = Buffer.concat([bytes, Buffer.from('\r\n')]);
    const answer = await this.call('sendEdoc', params, {
      contentType: 'application/octet-stream',
      body,
    });
    return { docId: asString(answer.DocId), description: asString(answer.ErrorDesc) };
  }

  /** Packets waiting for this system (until acknowledged with updateStatus). */
  async getReceivedEdocList(options: ListOptions = {}): Promise<ReceivedEdocItem[]> {
    const answer = await this.call('getReceivedEdocList', [
      ['servicetype', options.serviceType ?? SERVICE_TYPE],
      ['messagetype', options.messageType ?? 'edoc'],
    ]);
    return Array.isArray(answer.data) ? (answer.data as ReceivedEdocItem[]) : [];
  }

  /** Downloads one packet (base64 in JSON, decoded here). Counts as a delivery attempt. */
  async getEdoc(docId: string): Promise<EdocPacket> {
    const answer = await this.call('getEdoc', [['docId', docId]], { body: '{}' });
    return { docId, data: Buffer.from(asString(answer.data), 'base64') };
  }

  /** Downloads one packet as raw bytes (no base64: better for large packets). */
  async downloadEdoc(docId: string): Promise<EdocPacket> {
    return this.exchange(
      'downloadEdoc',
      [['docId', docId]],
      { method: 'GET' },
      async (response) => {
        const type = response.headers.get('content-type') ?? '';
        if (type.includes('application/json')) {
          this.check('downloadEdoc', await this.readJson('downloadEdoc', response));
          throw new HubTransportError('downloadEdoc', 'JSON answer without a packet');
        }
        return { docId, data: Buffer.from(await response.arrayBuffer()) };
      },
    );
  }

  /** Acknowledges a received packet: `done` (processed) or `fail` (refused); it leaves the list. */
  async updateStatus(docId: string, status: 'done' | 'fail'): Promise<void> {
    await this.call(
      'updateStatus',
      [
        ['docid', docId],
        ['status', status],
      ],
      { body: '{}' },
    );
  }

  /** Packets this system sent, one item per recipient agency, with each recipient's progress. */
  async getSentEdocList(options: ListOptions = {}): Promise<SentEdocItem[]> {
    const answer = await this.call('getSentEdocList', [
      ['servicetype', options.serviceType ?? SERVICE_TYPE],
      ['messagetype', options.messageType ?? 'edoc'],
    ]);
    return Array.isArray(answer.data) ? (answer.data as SentEdocItem[]) : [];
  }

  async countReceiveEdoc(): Promise<number> {
    const answer = await this.call('countReceiveEdoc', [], { method: 'GET' });
    return Number(answer.count ?? 0);
  }

  async countReceiveStatus(): Promise<number> {
    const answer = await this.call('countReceiveStatus', [], { method: 'GET' });
    return Number(answer.count ?? 0);
  }

  async getAgenciesList(): Promise<AgencyItem[]> {
    const answer = await this.call('getAgenciesList', []);
    return Array.isArray(answer.data) ? (answer.data as AgencyItem[]) : [];
  }

  /** One signed call; resolves with the JSON answer when `status` is OK, else throws HubError. */
  async call(
    operation: Operation,
    params: [string, string][],
    init: CallInit = {},
  ): Promise<AxisAnswer & Record<string, unknown>> {
    return this.exchange(operation, params, init, async (response) => {
      const answer = await this.readJson(operation, response);
      this.check(operation, answer);
      return answer;
    });
  }

  private check(operation: Operation, answer: AxisAnswer & Record<string, unknown>): void {
    if (answer.status === 'FAIL' || (answer.ErrorCode !== undefined && answer.ErrorCode !== '0')) {
      throw new HubError(
        operation,
        asString(answer.ErrorCode),
        asString(answer.ErrorDesc),
        typeof answer.ErrorKey === 'string' ? answer.ErrorKey : undefined,
      );
    }
  }

  private async readJson(
    operation: Operation,
    response: Response,
  ): Promise<AxisAnswer & Record<string, unknown>> {
    const text = await response.text();
    try {
      const parsed = JSON.parse(text) as unknown;
      if (parsed && typeof parsed === 'object' && !Array.isArray(parsed))
        return parsed as AxisAnswer & Record<string, unknown>;
    } catch {
      // fall through
    }
    throw new HubTransportError(
      operation,
      `not a JSON object (HTTP ${response.status}): ${text.slice(0, 200)}`,
    );
  }

  private timestamp(): string {
    const now = (this.options.now ?? (() => new Date()))().getTime();
    // Strictly increasing per client: two calls in one millisecond still differ.
    const stamp = Math.max(now, this.lastStamp + 1);
    this.lastStamp = stamp;
    return formatTimestamp(
      new Date(stamp),
      this.options.timestampOffsetMinutes ?? VIETNAM_OFFSET_MINUTES,
    );
  }

  /** Sends one signed request and reads its answer with `read`, all under the timeout. */
  private async exchange<T>(
    operation: Operation,
    params: [string, string][],
    init: CallInit,
    read: (response: Response) => Promise<T>,
  ): Promise<T> {
    const contentType = init.contentType ?? 'application/json';
    const all: [string, string][] = [
      ['timestamp', this.timestamp()],
      ['systemid', this.options.systemId],
      ['Content-Type', contentType],
      ...params,
    ];
    if (this.options.nonce !== false) all.push(['nonce', randomBytes(16).toString('hex')]);
    const { headers } = signRequest(all, this.options.secret);
    const method = init.method ?? 'POST';
    const controller = new AbortController();
    const timer = setTimeout(() => controller.abort(), this.timeoutMs);
    try {
      const response = await this.fetchImpl(`${this.baseUrl}/${operation}`, {
        method,
        headers,
        // The DOM and Node typings of fetch disagree on Uint8Array bodies; both accept them.
        ...(method === 'POST' && init.body !== undefined
          ? { body: init.body as unknown as string }
          : {}),
        signal: controller.signal,
      });
      if (response.status !== 200) {
        const text = await response.text().catch(() => '');
        let answer: Partial<AxisAnswer> | null = null;
        try {
          answer = JSON.parse(text) as Partial<AxisAnswer>;
        } catch {
          // not JSON
        }
        if (answer?.status === 'FAIL')
          throw new HubError(
            operation,
            asString(answer.ErrorCode),
            asString(answer.ErrorDesc),
            answer.ErrorKey,
          );
        throw new HubTransportError(operation, `HTTP ${response.status}: ${text.slice(0, 200)}`);
      }
      return await read(response);
    } catch (error) {
      if (error instanceof HubError || error instanceof HubTransportError) throw error;
      throw new HubTransportError(
        operation,
        controller.signal.aborted
          ? `no answer within ${this.timeoutMs} ms`
          : error instanceof Error
            ? error.message
            : String(error),
        { cause: error },
      );
    } finally {
      clearTimeout(timer);
    }
  }
}

interface CallInit {
  method?: 'GET' | 'POST';
  contentType?: string;
  body?: Uint8Array | string;
}
