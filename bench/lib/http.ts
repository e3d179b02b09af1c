import { randomBytes } from 'node:crypto';
import { Pool } from 'undici';

export interface Session {
  username: string;
  userId: string;
  headers: Record<string, string>;
}

export class HttpError extends Error {
  constructor(
    readonly status: number,
    readonly body: string,
    what: string,
  ) {
    super(`${what}: HTTP ${status} ${body.slice(0, 300)}`);
  }
}

/** The app's HTTP API over a keep-alive connection pool (undici), one connection per client. */
export class Api {
  private readonly pool: Pool;

  constructor(origin: string, connections: number) {
    this.pool = new Pool(origin, { connections, pipelining: 1, keepAliveTimeout: 60_000 });
  }

  async request(
    method: 'GET' | 'POST',
    path: string,
    headers: Record<string, string>,
    body?: string | Buffer,
  ): Promise<string> {
    const res = await this.pool.request({
      method,
      path,
      headers,
      ...(body !== undefined ? { body } : {}),
    });
    const text = await res.body.text();
    if (res.statusCode >= 300) throw new HttpError(res.statusCode, text, `${method} ${path}`);
    return text;
  }

  get(path: string, s: Session): Promise<string> {
    return this.request('GET', path, s.headers);
  }

  postJson(path: string, s: Session, body: unknown): Promise<string> {
    return this.request(
      'POST',
      path,
      { ...s.headers, 'content-type': 'application/json' },
      JSON.stringify(body),
    );
  }

  /** POST /api/files with one multipart part named `file`. */
  upload(s: Session, filename: string, mediaType: string, bytes: Buffer): Promise<string> {
    const boundary = `----vanbanbench${randomBytes(8).toString('hex')}`;
    const head = Buffer.from(
      `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${filename}"\r\n` +
        `Content-Type: ${mediaType}\r\n\r\n`,
    );
    const body = Buffer.concat([head, bytes, Buffer.from(`\r\n--${boundary}--\r\n`)]);
    return this.request(
      'POST',
      '/api/files',
      { ...s.headers, 'content-type': `multipart/form-data; boundary=${boundary}` },
      body,
    );
  }

  /** Real sign-in (POST /api/auth/login): the session cookie and the CSRF token for writes. */
  async login(username: string, password: string): Promise<Session> {
    const res = await this.pool.request({
      method: 'POST',
      path: '/api/auth/login',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username, password }),
    });
    const text = await res.body.text();
    if (res.statusCode !== 200) throw new HttpError(res.statusCode, text, `login ${username}`);
    const raw = res.headers['set-cookie'];
    const cookies = (Array.isArray(raw) ? raw : raw ? [raw] : []).map((c) => c.split(';')[0] ?? '');
    const value = (name: string) =>
      cookies.find((c) => c.startsWith(`${name}=`))?.slice(name.length + 1);
    const session = value('vanban_session');
    const csrf = value('vanban_csrf');
    if (!session || !csrf) throw new Error(`login ${username}: no session cookies`);
    const me = JSON.parse(text) as { user?: { id?: string } };
    return {
      username,
      userId: me.user?.id ?? '',
      headers: { cookie: `vanban_session=${session}; vanban_csrf=${csrf}`, 'x-csrf-token': csrf },
    };
  }

  close(): Promise<void> {
    return this.pool.close();
  }
}
