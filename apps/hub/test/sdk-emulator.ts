/**
 * Behaves like the deployed Java SDK (`com.vpcp.services`, standards.md §1.8): one header map per
 * client object that is never cleared (later calls carry earlier parameters), one timestamp made
 * when the object is created, the packet posted with a CRLF after it, `{}` bodies sent with
 * `Expect: 100-continue`, GET for the counts. Requests go out through node:http, not fetch.
 */
import http from 'node:http';
import { formatTimestamp, hashFile, signRequest } from '../src/protocol.js';

export interface RawAnswer {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: Buffer;
  json: Record<string, unknown>;
}

export function rawRequest(
  url: string,
  options: {
    method: string;
    headers: Record<string, string>;
    body?: Buffer | string;
    expectContinue?: boolean;
    /** Send the body in pieces with Transfer-Encoding: chunked (no Content-Length). */
    chunked?: boolean;
  },
): Promise<RawAnswer> {
  return new Promise((resolve, reject) => {
    const headers = { ...options.headers };
    if (options.expectContinue) headers.Expect = '100-continue';
    if (options.body !== undefined && !options.chunked)
      headers['Content-Length'] = String(Buffer.byteLength(options.body));
    const req = http.request(url, { method: options.method, headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => {
        const body = Buffer.concat(chunks);
        let json: Record<string, unknown> = {};
        try {
          json = JSON.parse(body.toString('utf8')) as Record<string, unknown>;
        } catch {
          // raw download
        }
        resolve({ status: res.statusCode ?? 0, headers: res.headers, body, json });
      });
      res.on('error', reject);
    });
    req.on('error', reject);
    if (options.expectContinue && options.body !== undefined) {
      req.on('continue', () => req.end(options.body));
    } else if (options.chunked && options.body !== undefined) {
      const body = Buffer.from(options.body);
      for (let i = 0; i < body.length; i += 16 * 1024) req.write(body.subarray(i, i + 16 * 1024));
      req.end();
    } else {
      req.end(options.body);
    }
  });
}

export class SdkEmulator {
  /** The SDK's `this.headers`: filled call after call, never cleared. */
  readonly headers = new Map<string, string>();

  constructor(
    private readonly baseUrl: string,
    systemId: string,
    private readonly secret: string,
    /** Made once per client object (the SDK reuses it for days). */
    timestamp: Date = new Date(),
  ) {
    this.headers.set('timestamp', formatTimestamp(timestamp));
    this.headers.set('systemid', systemId);
  }

  private async execute(
    operation: string,
    params: Record<string, string>,
    init: {
      method: 'GET' | 'POST';
      contentType: string;
      body?: Buffer | string;
      expectContinue?: boolean;
    },
  ): Promise<RawAnswer> {
    this.headers.set('Content-Type', init.contentType);
    for (const [k, v] of Object.entries(params)) this.headers.set(k, v);
    const { headers } = signRequest([...this.headers], this.secret);
    return rawRequest(`${this.baseUrl}/${operation}`, {
      method: init.method,
      headers,
      ...(init.body !== undefined ? { body: init.body } : {}),
      ...(init.expectContinue ? { expectContinue: true } : {}),
    });
  }

  sendEdoc(packet: Buffer, params: Record<string, string> = {}): Promise<RawAnswer> {
    return this.execute(
      'sendEdoc',
      {
        from: '',
        servicetype: 'eDoc',
        messagetype: 'edoc',
        ...params,
        'hash-file': hashFile(packet),
      },
      {
        method: 'POST',
        contentType: 'application/octet-stream',
        body: Buffer.concat([packet, Buffer.from('\r\n')]),
      },
    );
  }

  getReceivedEdocList(messagetype: 'edoc' | 'status' = 'edoc'): Promise<RawAnswer> {
    // sendPost: an empty url-encoded form, under the JSON content type of the header map.
    return this.execute(
      'getReceivedEdocList',
      { servicetype: 'eDoc', messagetype },
      {
        method: 'POST',
        contentType: 'application/json',
        body: '',
      },
    );
  }

  getEdoc(docId: string): Promise<RawAnswer> {
    return this.execute(
      'getEdoc',
      { docId, filePath: '/var/lib/sdk/edocs' },
      {
        method: 'POST',
        contentType: 'application/json',
        body: '{}',
        expectContinue: true,
      },
    );
  }

  updateStatus(docid: string, status: 'done' | 'fail'): Promise<RawAnswer> {
    return this.execute(
      'updateStatus',
      { docid, status },
      {
        method: 'POST',
        contentType: 'application/json',
        body: '{}',
        expectContinue: true,
      },
    );
  }

  countReceiveEdoc(): Promise<RawAnswer> {
    return this.execute('countReceiveEdoc', {}, { method: 'GET', contentType: 'application/json' });
  }

  getAgenciesList(): Promise<RawAnswer> {
    return this.execute(
      'getAgenciesList',
      {},
      { method: 'POST', contentType: 'application/json', body: '' },
    );
  }
}
