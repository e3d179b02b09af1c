import { once } from 'node:events';
import type pg from 'pg';
import { from as copyFrom } from 'pg-copy-streams';

export type CopyValue = string | number | boolean | null;

/** PostgreSQL COPY text format: backslash escapes, `\N` for null. */
function field(v: CopyValue): string {
  if (v === null) return '\\N';
  if (typeof v === 'boolean') return v ? 't' : 'f';
  if (typeof v === 'number') return String(v);
  return /[\\\t\n\r]/.test(v)
    ? v.replace(/\\/g, '\\\\').replace(/\t/g, '\\t').replace(/\n/g, '\\n').replace(/\r/g, '\\r')
    : v;
}

const FLUSH_AT = 1 << 20;

/**
 * One `COPY table (columns) FROM STDIN` on its own connection. Rows are buffered and written in
 * ~1 MiB chunks; `drain()` waits until PostgreSQL has taken what was written (backpressure).
 */
export class CopyWriter {
  private parts: string[] = [];
  private size = 0;
  rows = 0;

  private constructor(
    readonly table: string,
    private readonly client: pg.PoolClient,
    private readonly stream: ReturnType<typeof copyFrom>,
    private readonly width: number,
  ) {}

  static async open(pool: pg.Pool, table: string, columns: readonly string[]): Promise<CopyWriter> {
    const client = await pool.connect();
    // Generated rows are consistent by construction: skip the per-row foreign-key triggers.
    await client.query("set session_replication_role = 'replica'");
    await client.query('set synchronous_commit = off');
    const stream = client.query(
      copyFrom(`copy ${table} (${columns.map((c) => `"${c}"`).join(', ')}) from stdin`),
    );
    const writer = new CopyWriter(table, client, stream, columns.length);
    stream.on('error', () => undefined); // surfaced by drain()/end()
    return writer;
  }

  add(values: readonly CopyValue[]): void {
    if (values.length !== this.width)
      throw new Error(`${this.table}: ${values.length} values for ${this.width} columns`);
    const line = `${values.map(field).join('\t')}\n`;
    this.parts.push(line);
    this.size += line.length;
    this.rows++;
  }

  get pending(): number {
    return this.size;
  }

  /** Hands the buffered rows to the stream; waits when PostgreSQL is behind. */
  async drain(force = false): Promise<void> {
    if (this.size === 0 || (!force && this.size < FLUSH_AT)) return;
    const chunk = this.parts.join('');
    this.parts = [];
    this.size = 0;
    if (!this.stream.write(chunk)) await once(this.stream, 'drain');
  }

  /** After a failure: drop the connection (a COPY in progress cannot be handed back). */
  abort(): void {
    this.stream.destroy();
    this.client.release(true);
  }

  async end(): Promise<number> {
    await this.drain(true);
    this.stream.end();
    await once(this.stream, 'finish');
    await this.client.query("set session_replication_role = 'origin'");
    this.client.release();
    return this.rows;
  }
}
