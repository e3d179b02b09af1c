import type pg from 'pg';

/**
 * The load skipped foreign-key triggers, so check every foreign key with an anti-join, the
 * registers (numbers 1…last_number, each once, per register, incoming and outgoing) and the links
 * between outgoing documents and the incoming copies they delivered.
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
  // Incoming registers count arrival numbers, outgoing ones the numbers of numbered documents.
  const { rows: regs } = await pool.query<{
    id: string;
    last_number: number;
    n: number;
    max: number | null;
  }>(
    `with numbers as (
       select register_id, arrival_number as number from incoming_documents where register_id is not null
       union all
       select register_id, number from outgoing_documents where register_id is not null)
     select r.id, r.last_number, count(x.number)::int as n, max(x.number) as max
       from registers r left join numbers x on x.register_id = r.id
      group by r.id, r.last_number
     having count(x.number) <> r.last_number or max(x.number) <> r.last_number
         or count(distinct x.number) <> count(x.number)`,
  );
  for (const r of regs)
    problems.push(`register ${r.id}: last_number ${r.last_number}, ${r.n} documents, max ${r.max}`);
  // Every copy delivered inside the instance is the incoming document of its recipient row.
  const { rows: links } = await pool.query<{ n: number }>(
    `select count(*)::int as n from incoming_documents d
      where d.source = 'internal' and not exists (
        select 1 from outgoing_recipients r join outgoing_documents o on o.id = r.document_id
         where r.incoming_document_id = d.id and o.id::text = d.source_ref and o.agency_id = d.sender_agency_id)`,
  );
  if ((links[0]?.n ?? 0) > 0)
    problems.push(`${links[0]?.n} internal deliveries without their outgoing recipient row`);
  return problems;
}
