import { Rng, uuidv7At } from '../lib/random.js';
import type { Agency, AgencyKind, City, Person, Role, Unit } from './model.js';
import {
  DEPARTMENTS,
  FAMILY_NAMES,
  GIVEN_NAMES,
  LEVEL3_KINDS,
  LEVEL3_TOPICS,
  LEVEL4_KINDS,
  MIDDLE_NAMES,
  UNIT_CATALOGUE,
  WARD_NAMES,
} from './names.js';

const two = (n: number) => String(n).padStart(2, '0');
const three = (n: number) => String(n).padStart(3, '0');

/** Relative size of an agency by kind: the city office and departments are the busiest. */
const KIND_WEIGHT: Record<AgencyKind, number> = {
  city: 3,
  office: 5,
  department: 2.5,
  ward: 1.2,
  level3: 0.45,
  level4: 0.2,
};

const ISSUES_PER_YEAR: Record<AgencyKind, number> = {
  city: 9000,
  office: 6000,
  department: 3500,
  ward: 1800,
  level3: 500,
  level4: 150,
};

interface Skeleton {
  code: string;
  name: string;
  shortName: string;
  level: number;
  kind: AgencyKind;
  parentIndex: number | null;
  validFrom: string;
}

/** The directory: 1 city, ≤ 99 level-2 bodies (departments, wards), then levels 3 and 4. */
function skeletons(rng: Rng, total: number): Skeleton[] {
  const out: Skeleton[] = [
    {
      code: '000.00.00.H26',
      name: 'Ủy ban nhân dân thành phố Hà Nội',
      shortName: 'UBND',
      level: 1,
      kind: 'city',
      parentIndex: null,
      validFrom: '2008-08-01',
    },
  ];
  const level2 = Math.min(99, Math.max(1, Math.round((total - 1) * 0.157)));
  const departments = Math.min(DEPARTMENTS.length, Math.max(1, Math.round(level2 * 0.22)));
  for (let i = 0; i < level2; i++) {
    const dept = i < departments ? DEPARTMENTS[i] : undefined;
    const ward = WARD_NAMES[(i - departments) % WARD_NAMES.length] as string;
    const commune = (i - departments) % 3 === 2;
    out.push({
      code: `000.00.${two(i + 1)}.H26`,
      name: dept ? dept[0] : `Ủy ban nhân dân ${commune ? 'xã' : 'phường'} ${ward}`,
      shortName: dept ? dept[1] : 'UBND',
      level: 2,
      kind: dept ? (i === 0 ? 'office' : 'department') : 'ward',
      parentIndex: 0,
      validFrom: dept ? '2008-08-01' : '2025-07-01',
    });
  }
  const rest = total - out.length;
  const level3 = Math.round(rest * 0.7);
  const children = new Map<number, number>();
  const nextChild = (parent: number) => {
    const n = (children.get(parent) ?? 0) + 1;
    children.set(parent, n);
    return n;
  };
  const l2Weights = out.map((s) => (s.kind === 'department' ? 4 : s.kind === 'ward' ? 1 : 0));
  for (let i = 0; i < level3; i++) {
    let parent = rng.weightedIndex(l2Weights);
    while ((children.get(parent) ?? 0) >= 99) parent = rng.weightedIndex(l2Weights);
    const p = out[parent] as Skeleton;
    const n = nextChild(parent);
    const [kindName, kindCode] =
      p.kind === 'ward'
        ? (rng.pick(LEVEL3_KINDS.slice(3)) as readonly [string, string])
        : (rng.pick(LEVEL3_KINDS.slice(0, 3)) as readonly [string, string]);
    const topic = rng.pick(LEVEL3_TOPICS);
    out.push({
      code: `000.${two(n)}.${p.code.slice(7, 9)}.H26`,
      name:
        p.kind === 'ward'
          ? `${kindName} ${p.name.replace('Ủy ban nhân dân ', '')}`
          : `${kindName} ${topic} - ${p.name.replace(' thành phố Hà Nội', '')}`,
      shortName: `${kindCode}${n}`,
      level: 3,
      kind: 'level3',
      parentIndex: parent,
      validFrom: p.validFrom,
    });
  }
  const l3Start = out.length - level3;
  while (out.length < total && level3 > 0) {
    const parent = l3Start + rng.int(0, level3 - 1);
    const p = out[parent] as Skeleton;
    const n = nextChild(parent);
    if (n > 999) continue;
    out.push({
      code: `${three(n)}.${p.code.slice(4)}`,
      name: `${rng.pick(LEVEL4_KINDS)} số ${n} - ${p.name}`,
      shortName: `${p.shortName}T${n}`,
      level: 4,
      kind: 'level4',
      parentIndex: parent,
      validFrom: p.validFrom,
    });
  }
  return out.slice(0, total);
}

function fullName(rng: Rng): string {
  return `${rng.pick(FAMILY_NAMES)} ${rng.pick(MIDDLE_NAMES)} ${rng.pick(GIVEN_NAMES)}`;
}

/** Spread `total` over weights, at least `min` each, summing exactly to `total`. */
export function spread(weights: number[], total: number, min: number): number[] {
  const sum = weights.reduce((a, b) => a + b, 0);
  const out = weights.map((w) => Math.max(min, Math.floor((total * w) / sum)));
  let diff = total - out.reduce((a, b) => a + b, 0);
  const order = weights.map((w, i) => [w, i] as const).sort((a, b) => b[0] - a[0]);
  for (let k = 0; diff !== 0; k = (k + 1) % order.length) {
    const i = (order[k] as readonly [number, number])[1];
    if (diff > 0) {
      out[i] = (out[i] ?? 0) + 1;
      diff--;
    } else if ((out[i] ?? 0) > min) {
      out[i] = (out[i] ?? 0) - 1;
      diff++;
    } else if (k === order.length - 1 && diff < 0) break;
  }
  return out;
}

function titles(kind: AgencyKind): { leader: string; deputy: string } {
  switch (kind) {
    case 'city':
      return {
        leader: 'Chủ tịch Ủy ban nhân dân thành phố',
        deputy: 'Phó Chủ tịch Ủy ban nhân dân thành phố',
      };
    case 'office':
      return { leader: 'Chánh Văn phòng', deputy: 'Phó Chánh Văn phòng' };
    case 'department':
      return { leader: 'Giám đốc Sở', deputy: 'Phó Giám đốc Sở' };
    case 'ward':
      return { leader: 'Chủ tịch Ủy ban nhân dân', deputy: 'Phó Chủ tịch Ủy ban nhân dân' };
    default:
      return { leader: 'Giám đốc', deputy: 'Phó Giám đốc' };
  }
}

export function buildCity(options: {
  seed: number;
  agencies: number;
  users: number;
  passwordHash: string;
  createdAt: number;
}): City {
  const rng = new Rng(options.seed, 'city');
  const idRng = new Rng(options.seed, 'city-ids');
  let clock = options.createdAt;
  const id = () => uuidv7At(clock++, idRng);
  const sk = skeletons(rng, options.agencies);
  const weights = sk.map((s) => KIND_WEIGHT[s.kind] * (0.7 + 0.6 * rng.next()));
  const sizes = spread(weights, Math.max(options.users, sk.length * 4), 4);
  const agencies: Agency[] = [];
  sk.forEach((s, index) => {
    const tag = `a${three(index)}`;
    const size = sizes[index] as number;
    const people: Person[] = [];
    const person = (username: string, title: string, roles: Person['roles']): Person => {
      const unitId = roles.find((r) => r.unitId !== null)?.unitId ?? null;
      const p: Person = {
        id: id(),
        username,
        fullName: fullName(rng),
        agencyIndex: index,
        title,
        roles,
        unitId,
      };
      people.push(p);
      return p;
    };
    const t = titles(s.kind);
    const agencyId = id();
    const unitCount = Math.max(1, Math.min(UNIT_CATALOGUE.length, Math.round(size / 9)));
    const unitIds = UNIT_CATALOGUE.slice(0, unitCount).map(() => id());
    const officeId = unitCount >= 3 ? (unitIds[0] as string) : null;
    const deputyCount = size >= 6 ? Math.max(1, Math.min(4, Math.round(size / 25))) : 0;
    const clerkCount = Math.max(1, Math.min(3, Math.round(size / 40)));
    const leader = person(`lanhdao.${tag}`, t.leader, [{ role: 'leader', unitId: null }]);
    const deputies = Array.from({ length: deputyCount }, (_, i) =>
      person(`pho${i + 1}.${tag}`, t.deputy, [{ role: 'deputy', unitId: null }]),
    );
    const clerks = Array.from({ length: clerkCount }, (_, i) =>
      person(`vanthu${i + 1}.${tag}`, 'Văn thư', [{ role: 'clerk', unitId: officeId }]),
    );
    if (index === 0) person('admin', 'Quản trị hệ thống', [{ role: 'admin', unitId: null }]);
    else if (size >= 30)
      person(`quantri.${tag}`, 'Quản trị hệ thống', [{ role: 'admin', unitId: null }]);
    const units: Unit[] = UNIT_CATALOGUE.slice(0, unitCount).map(([code, name], u) => {
      const unitId = unitIds[u] as string;
      const head = person(
        `tp.${code.toLowerCase()}.${tag}`,
        `Trưởng ${name.replace('Phòng ', 'phòng ')}`,
        [{ role: 'unit_head' as Role, unitId }],
      );
      return { id: unitId, agencyIndex: index, code, name, head, members: [] };
    });
    for (let k = 1; people.length < size; k++) {
      const unit = units[
        units.length > 1 && officeId ? 1 + ((k - 1) % (units.length - 1)) : (k - 1) % units.length
      ] as Unit;
      unit.members.push(
        person(`cv${k}.${tag}`, 'Chuyên viên', [{ role: 'specialist', unitId: unit.id }]),
      );
    }
    for (const unit of units) if (unit.members.length === 0) unit.members.push(unit.head);
    agencies.push({
      index,
      id: agencyId,
      code: s.code,
      name: s.name,
      shortName: s.shortName,
      level: s.level,
      kind: s.kind,
      parentIndex: s.parentIndex,
      validFrom: s.validFrom,
      weight: weights[index] as number,
      issuesPerYear: Math.round(ISSUES_PER_YEAR[s.kind] * (0.6 + 0.8 * rng.next())),
      leader,
      deputies,
      clerks,
      units,
      people,
    });
  });
  return { agencies, passwordHash: options.passwordHash, createdAt: options.createdAt };
}
