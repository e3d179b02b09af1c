import type pg from 'pg';

export interface IndexDef {
  name: string;
  table: string;
  definition: string;
}

/**
 * The secondary indexes of the bulk-loaded tables, exactly as the migrations made them
 * (`pg_get_indexdef`). Primary keys and unique constraints stay; these are dropped for the load
 * and rebuilt from their own definitions afterwards, so the schema ends as the app created it.
 */
export async function secondaryIndexes(
  pool: pg.Pool,
  tables: readonly string[],
): Promise<IndexDef[]> {
  const { rows } = await pool.query<IndexDef>(
    `select ic.relname as name, t.relname as "table", pg_get_indexdef(i.indexrelid) as definition
       from pg_index i
       join pg_class t on t.oid = i.indrelid
       join pg_class ic on ic.oid = i.indexrelid
       join pg_namespace n on n.oid = t.relnamespace and n.nspname = 'public'
      where t.relname = any($1)
        and not exists (select 1 from pg_constraint c where c.conindid = i.indexrelid)
      order by t.relname, ic.relname`,
    [tables],
  );
  return rows;
}

export async function dropIndexes(pool: pg.Pool, defs: readonly IndexDef[]): Promise<void> {
  for (const d of defs) await pool.query(`drop index "${d.name}"`);
}

/** Rebuilds on `parallel` connections (GIN builds are single-threaded in PostgreSQL 15). */
export async function createIndexes(
  pool: pg.Pool,
  defs: readonly IndexDef[],
  parallel: number,
  log: (line: string) => void,
): Promise<void> {
  const queue = [...defs].sort((a, b) => weight(b) - weight(a));
  const worker = async () => {
    const client = await pool.connect();
    try {
      await client.query("set maintenance_work_mem = '512MB'");
      for (let d = queue.shift(); d; d = queue.shift()) {
        const started = performance.now();
        await client.query(d.definition);
        log(`  index ${d.name} (${((performance.now() - started) / 1000).toFixed(1)} s)`);
      }
    } finally {
      client.release();
    }
  };
  await Promise.all(Array.from({ length: parallel }, worker));
}

/** Slowest first: GIN indexes, then the big tables. */
function weight(d: IndexDef): number {
  return (
    (/using gin/i.test(d.definition) ? 10 : 0) +
    (d.table === 'incoming_access' ? 5 : 0) +
    (d.table === 'audit_events' ? 4 : 0)
  );
}
