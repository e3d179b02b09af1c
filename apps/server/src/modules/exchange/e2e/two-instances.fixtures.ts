import type { HubClient } from '@vanban/hub/client';
import { sql } from 'drizzle-orm';
import type { AppDependencies } from '../../../app/dependencies.js';
import { queryRows } from '../../../platform/db/database.js';
import { newId } from '../../../platform/db/ids.js';
import { DEMO_PASSWORD } from '../../../seed/demo-city.data.js';
import { hashPassword, insertRole } from '../../identity/index.js';
import { users } from '../../identity/identity.tables.js';
import { findVersionByCode, importDirectory } from '../../organizations/index.js';
import { PROVINCE } from '../../../../test/province-fixture.js';

/** Hà Nam's Department of Home Affairs: a second recipient agency in the Hà Nam instance. */
export const PROVINCE_DEPARTMENT = '000.00.02.H29';

const directory = [
  {
    code: PROVINCE,
    name: 'Ủy ban nhân dân tỉnh Hà Nam',
    short_name: 'UBND',
    level: 1,
    valid_from: '2008-08-01',
  },
  {
    code: PROVINCE_DEPARTMENT,
    name: 'Sở Nội vụ tỉnh Hà Nam',
    short_name: 'SNV',
    level: 2,
    parent_code: PROVINCE,
    valid_from: '2008-08-01',
  },
];

/** Hà Nam's agencies as the national directory lists them (Hanoi imports them). */
export async function importProvinceDirectory(deps: Pick<AppDependencies, 'db' | 'clock'>) {
  await importDirectory(
    { ...deps, actor: null },
    { format: 'json', content: JSON.stringify(directory), dryRun: false },
  );
}

/** The department with its clerk, inside the Hà Nam instance (after `addProvince`). */
export async function addProvinceDepartment(deps: Pick<AppDependencies, 'db' | 'clock'>) {
  await importDirectory(
    { ...deps, actor: null },
    { format: 'json', content: JSON.stringify(directory.slice(1)), dryRun: false },
  );
  const agencyId = (await findVersionByCode(deps.db, PROVINCE_DEPARTMENT, null))!.agencyId;
  const now = deps.clock.now();
  const id = newId();
  await deps.db.insert(users).values({
    id,
    username: 'vanthu.snv.hnam',
    fullName: 'Đỗ Thị Lan',
    email: 'vanthu.snv.hnam@demo.vanban.vn',
    agencyId,
    passwordHash: await hashPassword(DEMO_PASSWORD),
    createdAt: now,
    updatedAt: now,
  });
  await insertRole(deps.db, { id: newId(), userId: id, role: 'clerk', agencyId, unitId: null });
}

/** Another instance's root CA joins this one's trust anchors (as an operator would add it). */
export async function trustRootsOf(
  from: Pick<AppDependencies, 'db'>,
  to: Pick<AppDependencies, 'db' | 'clock'>,
) {
  const roots = await queryRows<{ certificate_pem: string }>(
    from.db,
    sql`select certificate_pem from trust_anchors`,
  );
  for (const r of roots)
    await to.db.execute(sql`insert into trust_anchors (id, name, certificate_pem, demo, created_at)
      values (${newId()}, 'Hanoi DEMO root (imported)', ${r.certificate_pem}, false,
        ${to.clock.now().toISOString()})`);
}

/** What the hub lists as sent by a system for one reference (one line per recipient agency). */
export async function sentLines(
  client: HubClient,
  reference: string,
  messageType: 'edoc' | 'status' = 'edoc',
) {
  const lines = await client.getSentEdocList({ messageType });
  return lines.filter((l) => l.notation === reference);
}
