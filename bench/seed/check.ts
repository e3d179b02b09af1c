import type pg from 'pg';

/**
 * The load skipped foreign-key triggers, so check every foreign key with an anti-join, and the
 * registers: numbers 1…last_number, each once, per register.
 */
export async function checkIntegrity(pool: pg.Pool): Promise<string[]> {
  const problems: string[] = [];
  const { rows: fks } = await pool.query<{
    name: string;
    child: string;
    parent: string;
    cols: string[];
    refs: string[];
  }>(
    `select c.conname as name, c.conrelid::regclass::text as child, c.confrelid::regclass::text as parent,
            array(select a.attname from unnest(c.conkey) k join pg_attribute a on a.attrelid = c.conrelid and a.attnum = k) ::text[] as cols,
            array(select a.attname from unnest(c.confkey) k join pg_attribute a on a.attrelid = c.confrelid and a.attnum = k)::text[] as refs
       from pg_constraint c where c.contype = 'f' and c.connamespace = 'public'::regnamespace`,
  );
  for (const fk of fks) {
    const on = fk.cols.map((c, i) => `p."${fk.refs[i]}" = t."${c}"`).join(' and ');
    const notNull = fk.cols.map((c) => `t."${c}" is not null`).join(' and ');
    const { rows } = await pool.query<{ n: number }>(
      `select count(*)::int as n from ${fk.child} t where ${notNull} and not exists (select 1 from ${fk.parent} p where ${on})`,
    );
    if ((rows[0]?.n ?? 0) > 0) problems.push(`${fk.name}: ${rows[0]?.n} rows without a parent`);
  }
  const { rows: regs } = await pool.query<{
    id: string;
    last_number: number;
    n: number;
    max: number | null;
  }>(
    `select r.id, r.last_number, count(d.id)::int as n, max(d.arrival_number) as max
       from registers r left join incoming_documents d on d.register_id = r.id
      group by r.id, r.last_number
     having count(d.id) <> r.last_number or max(d.arrival_number) <> r.last_number`,
  );
  for (const r of regs)
    problems.push(`register ${r.id}: last_number ${r.last_number}, ${r.n} documents, max ${r.max}`);
  return problems;
}
