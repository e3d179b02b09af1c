import http from 'node:http';
import type { AddressInfo } from 'node:net';
import PostalMime from 'postal-mime';
import { SMTPServer } from 'smtp-server';

/**
 * Real servers for the channel tests, started on free local ports: an SMTP server (the
 * `smtp-server` package) that parses every message it accepts, and an HTTP server standing in for
 * an SMS provider that records every request it receives. They see exactly what the drivers send.
 */

export interface ReceivedMail {
  envelopeTo: string[];
  to: string[];
  from: string;
  subject: string;
  text: string;
  messageId: string;
}

export async function startSmtpServer() {
  const messages: ReceivedMail[] = [];
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS', 'AUTH'],
    logger: false,
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('end', () => {
        PostalMime.parse(Buffer.concat(chunks))
          .then((email) => {
            messages.push({
              envelopeTo: session.envelope.rcptTo.map((r) => r.address),
              to: (email.to ?? []).map((a) => ('address' in a ? (a.address ?? '') : '')),
              from: email.from && 'address' in email.from ? (email.from.address ?? '') : '',
              subject: email.subject ?? '',
              text: email.text ?? '',
              messageId: email.messageId ?? '',
            });
            callback();
          })
          .catch((error: unknown) => callback(error as Error));
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.server.address() as AddressInfo;
  return {
    messages,
    url: `smtp://127.0.0.1:${port}`,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

export interface RecordedRequest {
  method: string;
  url: string;
  headers: http.IncomingHttpHeaders;
  body: string;
  /** The status the server answered. */
  status: number;
}

export async function startSmsServer() {
  const requests: RecordedRequest[] = [];
  const state = { failNext: 0 };
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const status = state.failNext > 0 ? 503 : 200;
      if (state.failNext > 0) state.failNext--;
      requests.push({
        method: req.method ?? '',
        url: req.url ?? '',
        headers: req.headers,
        body: Buffer.concat(chunks).toString('utf8'),
        status,
      });
      res.writeHead(status, { 'content-type': 'application/json' });
      res.end(status === 200 ? '{"status":"queued"}' : '{"error":"busy"}');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    requests,
    /** Answer the next n requests with 503. */
    failNext: (n: number) => {
      state.failNext = n;
    },
    /** Accepted messages only. */
    delivered: () => requests.filter((r) => r.status === 200),
    url: `http://127.0.0.1:${port}`,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
