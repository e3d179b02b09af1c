/**
 * The HTTP face of the hub: every operation of standards.md §1.8 at `<base>/<operation>`, GET or
 * POST, answering HTTP 200 with the axis JSON shape — failures included.
 */
import fs from 'node:fs';
import { Readable } from 'node:stream';
import Fastify, {
  type FastifyBaseLogger,
  type FastifyInstance,
  type FastifyReply,
  type FastifyRequest,
} from 'fastify';
import { HubFailure, asciiJson, failAnswer, okAnswer } from './answers.js';
import { authenticate, type AuthDeps, type AuthenticatedRequest } from './auth.js';
import { spoolBody } from './body.js';
import {
  acknowledge,
  agencyList,
  countPending,
  fetchDelivery,
  readChunk,
  receivedList,
  sentList,
  storePacket,
  type PacketDeps,
} from './packets.js';
import { OPERATIONS, hexEquals, unpaddedHex, type Operation } from './protocol.js';
import type { LogLevel } from './config.js';

export interface HubContext {
  auth: AuthDeps;
  packets: PacketDeps;
  tmpDir: string;
  /** Bounds how many packets are parsed and stored at once (each needs ~2× its size in memory). */
  packetSlots: Semaphore;
}

export class Semaphore {
  private active = 0;
  private readonly waiting: (() => void)[] = [];
  constructor(private readonly size: number) {}
  async run<T>(fn: () => Promise<T>): Promise<T> {
    if (this.active < this.size) this.active++;
    // A released slot is handed straight to the next waiter (active stays counted).
    else await new Promise<void>((resolve) => this.waiting.push(resolve));
    try {
      return await fn();
    } finally {
      const next = this.waiting.shift();
      if (next) next();
      else this.active--;
    }
  }
}

interface Call {
  operation: Operation;
  auth: AuthenticatedRequest;
  request: FastifyRequest;
  reply: FastifyReply;
}

type Result =
  | { answer: Record<string, unknown> }
  | { stream: Readable; contentType: string; length?: number; fileName?: string };

function param(call: Call, key: string): string | undefined {
  return call.auth.params.get(key);
}

async function sendEdoc(ctx: HubContext, call: Call): Promise<Result> {
  const max = ctx.packets.maxPacketBytes;
  const body = await spoolBody(call.request.raw, ctx.tmpDir, max + 2);
  try {
    if (body.tooLarge)
      throw new HubFailure(
        'hub.too_large',
        `The packet is ${body.size} bytes; this hub accepts at most ${max}`,
        {
          size: body.size,
        },
      );
    const hashFile = param(call, 'hash-file')?.trim();
    if (!hashFile) throw new HubFailure('hub.missing_parameter', 'Missing parameter hash-file');
    const candidates: [number, Buffer][] = [];
    if (body.digestWithoutCrlf) candidates.push([body.size - 2, body.digestWithoutCrlf]);
    candidates.push([body.size, body.digestAll]);
    // Recompute the SDK's string (unpadded hex) from the body; never decode the header (§1.8).
    const match = candidates.find(
      ([, digest]) =>
        hexEquals(unpaddedHex(digest), hashFile) || hexEquals(digest.toString('hex'), hashFile),
    );
    if (!match)
      throw new HubFailure(
        'hub.hash_mismatch',
        'hash-file is not the SHA-256 of the posted packet',
        {
          hashFile,
          size: body.size,
        },
      );
    const [length, digest] = match;
    if (length > max)
      throw new HubFailure(
        'hub.too_large',
        `The packet is ${length} bytes; this hub accepts at most ${max}`,
      );
    if (length === 0) throw new HubFailure('hub.invalid_packet', 'The body is empty');
    const stored = await ctx.packetSlots.run(async () => {
      const bytes = (await fs.promises.readFile(body.file)).subarray(0, length);
      return storePacket(ctx.packets, {
        senderSystemId: call.auth.system.id,
        bytes,
        sha256: digest.toString('hex'),
        messageType: param(call, 'messagetype'),
        serviceType: param(call, 'servicetype'),
        to: param(call, 'to'),
      });
    });
    const from = param(call, 'from')?.trim();
    if (from && from.toUpperCase() !== stored.fromCode)
      call.request.log.warn(
        { op: call.operation, systemId: call.auth.system.id, from, fromCode: stored.fromCode },
        'the "from" parameter differs from the packet\'s From/OrganId; the packet is authoritative',
      );
    if (stored.ignoredTo)
      call.request.log.warn(
        {
          op: call.operation,
          systemId: call.auth.system.id,
          docId: stored.docId,
          to: stored.ignoredTo,
        },
        'the "to" parameter names agencies the packet does not address (left over from an earlier call?); routed by the packet',
      );
    call.request.log.info(
      {
        op: call.operation,
        systemId: call.auth.system.id,
        docId: stored.docId,
        duplicate: stored.duplicate,
        deliveries: stored.deliveries,
        size: length,
      },
      stored.duplicate ? 'packet already stored (same bytes resent)' : 'packet stored and routed',
    );
    return {
      answer: okAnswer(
        'sendEdoc',
        { DocId: stored.docId },
        stored.duplicate ? 'Success (identical packet already received; same DocId)' : 'Success',
      ),
    };
  } finally {
    fs.rmSync(body.file, { force: true });
  }
}

function packetStream(
  ctx: HubContext,
  packetId: string,
  chunkCount: number,
  encode: (b: Buffer) => string | Buffer,
  prefix?: string,
  suffix?: string,
): Readable {
  const db = ctx.packets.db;
  async function* generate() {
    if (prefix) yield prefix;
    for (let seq = 0; seq < chunkCount; seq++) yield encode(await readChunk(db, packetId, seq));
    if (suffix) yield suffix;
  }
  return Readable.from(generate(), { objectMode: false });
}

const operations: Record<Operation, (ctx: HubContext, call: Call) => Promise<Result>> = {
  sendEdoc,
  async getReceivedEdocList(ctx, call) {
    const data = await receivedList(ctx.packets, call.auth.system.id, param(call, 'messagetype'));
    return { answer: okAnswer('getReceivedEdocList', { data }) };
  },
  async getEdoc(ctx, call) {
    const docId = param(call, 'docId');
    const fetched = await fetchDelivery(ctx.packets, call.auth.system.id, docId);
    call.request.log.info(
      { op: call.operation, systemId: call.auth.system.id, docId },
      'packet downloaded',
    );
    // Chunks are multiples of 3 bytes, so their base64 texts join into the packet's base64.
    const head = asciiJson(okAnswer('getEdoc', { data: '' })).replace(/"data":""\}$/, '"data":"');
    return {
      stream: packetStream(
        ctx,
        fetched.packetId,
        fetched.chunkCount,
        (b) => b.toString('base64'),
        head,
        '"}',
      ),
      contentType: 'application/json; charset=utf-8',
    };
  },
  async downloadEdoc(ctx, call) {
    const docId = param(call, 'docId');
    const fetched = await fetchDelivery(ctx.packets, call.auth.system.id, docId);
    call.request.log.info(
      { op: call.operation, systemId: call.auth.system.id, docId },
      'packet downloaded (raw)',
    );
    return {
      stream: packetStream(ctx, fetched.packetId, fetched.chunkCount, (b) => b),
      contentType: 'application/octet-stream',
      length: fetched.size,
      fileName: `${docId}.edxml`,
    };
  },
  async updateStatus(ctx, call) {
    const docId = param(call, 'docid');
    const status = param(call, 'status');
    const result = await acknowledge(ctx.packets, call.auth.system.id, docId, status);
    call.request.log.info(
      { op: call.operation, systemId: call.auth.system.id, docId, status, changed: result.changed },
      'packet acknowledged',
    );
    return {
      answer: okAnswer(
        'updateStatus',
        {},
        result.changed ? 'Success' : 'Success (already acknowledged)',
      ),
    };
  },
  async getSentEdocList(ctx, call) {
    const data = await sentList(ctx.packets, call.auth.system.id, param(call, 'messagetype'));
    return { answer: okAnswer('getSentEdocList', { data }) };
  },
  async countReceiveEdoc(ctx, call) {
    return {
      answer: okAnswer('countReceiveEdoc', {
        count: await countPending(ctx.packets, call.auth.system.id, 'edoc'),
      }),
    };
  },
  async countReceiveStatus(ctx, call) {
    return {
      answer: okAnswer('countReceiveStatus', {
        count: await countPending(ctx.packets, call.auth.system.id, 'status'),
      }),
    };
  },
  async getAgenciesList(ctx) {
    return { answer: okAnswer('getAgenciesList', { data: await agencyList(ctx.packets.db) }) };
  },
};

function sendJson(reply: FastifyReply, answer: Record<string, unknown>): FastifyReply {
  return reply
    .code(200)
    .header('content-type', 'application/json; charset=utf-8')
    .send(asciiJson(answer));
}

export interface HubAppOptions {
  basePath: string;
  logger: FastifyBaseLogger | { level: LogLevel };
}

export async function buildHubApp(
  ctx: HubContext,
  options: HubAppOptions,
): Promise<FastifyInstance> {
  const app = Fastify({
    ...('child' in options.logger
      ? { loggerInstance: options.logger }
      : { logger: { level: options.logger.level } }),
    // Every call carries the sign-header JSON (plus leaked parameters of earlier calls).
    routerOptions: { maxParamLength: 200 },
    exposeHeadRoutes: false,
    http: { maxHeaderSize: 64 * 1024 },
  }) as unknown as FastifyInstance;

  // Bodies are never parsed by Fastify: sendEdoc streams its own, other operations ignore theirs
  // (the SDK posts "{}" or a form body with a JSON content type).
  app.removeAllContentTypeParsers();
  app.addContentTypeParser('*', (_request, _payload, done) => done(null, undefined));

  for (const operation of OPERATIONS) {
    app.route({
      method: ['GET', 'POST'],
      url: `${options.basePath}/${operation}`,
      handler: async (request, reply) => {
        let systemId: string | undefined;
        try {
          const auth = await authenticate(ctx.auth, request.raw.headersDistinct);
          systemId = auth.system.id;
          const result = await operations[operation](ctx, { operation, auth, request, reply });
          if ('answer' in result) return sendJson(reply, result.answer);
          reply.code(200).header('content-type', result.contentType);
          if (result.length !== undefined) reply.header('content-length', result.length);
          if (result.fileName)
            reply.header('content-disposition', `attachment; filename="${result.fileName}"`);
          return reply.send(result.stream);
        } catch (error) {
          if (error instanceof HubFailure) {
            request.log.warn(
              {
                op: operation,
                systemId,
                errorKey: error.key,
                errorCode: error.errorCode,
                ...error.detail,
              },
              `refused: ${error.message}`,
            );
            return sendJson(reply, failAnswer(operation, error));
          }
          request.log.error({ op: operation, systemId, err: error }, 'operation failed');
          return sendJson(
            reply,
            failAnswer(
              operation,
              new HubFailure('hub.internal', 'The hub could not complete the request; retry later'),
            ),
          );
        }
      },
    });
  }

  app.get(`${options.basePath}/`, async (_request, reply) =>
    sendJson(reply, {
      status: 'OK',
      ErrorCode: '0',
      ErrorDesc: 'Vanban exchange hub (national document axis protocol)',
      operations: OPERATIONS,
    }),
  );

  app.setNotFoundHandler((request, reply) => {
    const failure = new HubFailure(
      'hub.unknown_operation',
      `Unknown operation ${request.method} ${request.url.split('?')[0]}`,
    );
    request.log.warn({ url: request.url, errorKey: failure.key }, failure.message);
    return sendJson(reply, failAnswer(null, failure));
  });
  app.setErrorHandler((error, request, reply) => {
    request.log.error({ err: error }, 'request failed');
    return sendJson(
      reply,
      failAnswer(null, new HubFailure('hub.internal', 'The hub could not read the request')),
    );
  });
  return app;
}
