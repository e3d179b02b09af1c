import { importDirectory } from '../src/modules/organizations/index.js';
import { hashPassword, insertRole } from '../src/modules/identity/index.js';
import { users } from '../src/modules/identity/identity.tables.js';
import { newId } from '../src/platform/db/ids.js';
import type { AppDependencies } from '../src/app/dependencies.js';
import { DEMO_PASSWORD } from '../src/seed/demo-city.data.js';

/** Another province for two-instance tests: Hà Nam's People's Committee with three officials. */
export const PROVINCE = '000.00.00.H29';

export async function addProvince(deps: Pick<AppDependencies, 'db' | 'clock'>) {
  await importDirectory(
    { ...deps, actor: null },
    {
      format: 'json',
      content: JSON.stringify([
        {
          code: PROVINCE,
          name: 'Ủy ban nhân dân tỉnh Hà Nam',
          short_name: 'UBND',
          level: 1,
          address: 'Phủ Lý, Hà Nam',
          valid_from: '2008-08-01',
        },
      ]),
      dryRun: false,
    },
  );
  const { findVersionByCode } = await import('../src/modules/organizations/index.js');
  const agencyId = (await findVersionByCode(deps.db, PROVINCE, null))!.agencyId;
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  const now = deps.clock.now();
  for (const [username, fullName, role] of [
    ['vanthu.hnam', 'Trịnh Thị Hoa', 'clerk'],
    ['lanhdao.hnam', 'Mai Văn Hùng', 'leader'],
    ['chuyenvien.hnam', 'Lương Thị Nga', 'specialist'],
  ] as const) {
    const id = newId();
    await deps.db.insert(users).values({
      id,
      username,
      fullName,
      email: `${username}@demo.vanban.vn`,
      agencyId,
      passwordHash,
      createdAt: now,
      updatedAt: now,
    });
    await insertRole(deps.db, { id: newId(), userId: id, role, agencyId, unitId: null });
  }
  return agencyId;
}
