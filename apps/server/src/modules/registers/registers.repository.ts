import { sql } from 'drizzle-orm';
import { queryRows, type Db } from '../../platform/db/database.js';
import { newId } from '../../platform/db/ids.js';

export type RegisterSeries =
  'incoming' | 'incoming_secret' | 'outgoing' | 'outgoing_legal' | 'outgoing_secret' | 'copies';

export interface RegisterScope {
  agencyId: string;
  year: number;
  series: RegisterSeries;
  typeCode?: string;
}

const seriesNames: Record<RegisterSeries, string> = {
  incoming: 'Sổ đăng ký văn bản đến',
  incoming_secret: 'Sổ đăng ký văn bản đến mật',
  outgoing: 'Sổ đăng ký văn bản đi',
  outgoing_legal: 'Sổ đăng ký văn bản quy phạm pháp luật',
  outgoing_secret: 'Sổ đăng ký văn bản đi mật',
  copies: 'Sổ đăng ký bản sao văn bản',
};

/**
 * Take the next number of a register, creating the register on first use of the year.
 * Must run inside the registering transaction: the upsert locks the register row until commit,
 * so concurrent registrations queue up and a rolled-back one gives its number back (gap-free,
 * Decree 30 Art. 15 and 22: numbers run from 01 on 1 January in order of registration).
 */
export async function allocateNumber(
  tx: Db,
  scope: RegisterScope,
  now: Date,
): Promise<{ registerId: string; number: number }> {
  const typeCode = scope.typeCode ?? '';
  const [row] = await queryRows<{ id: string; last_number: number }>(
    tx,
    sql`insert into registers (id, agency_id, year, series, type_code, name, last_number, created_at)
        values (${newId()}, ${scope.agencyId}, ${scope.year}, ${scope.series}, ${typeCode},
                ${`${seriesNames[scope.series]} năm ${scope.year}`}, 1, ${now.toISOString()})
        on conflict (agency_id, year, series, type_code)
        do update set last_number = registers.last_number + 1
        returning id, last_number`,
  );
  if (!row) throw new Error('register upsert returned no row');
  return { registerId: row.id, number: row.last_number };
}

export async function findRegister(db: Db, id: string) {
  const [row] = await queryRows<{
    id: string;
    agency_id: string;
    year: number;
    series: RegisterSeries;
    type_code: string;
    name: string;
    last_number: number;
  }>(db, sql`select * from registers where id = ${id}`);
  return row ?? null;
}
