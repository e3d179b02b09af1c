import type pg from 'pg';
import { CopyWriter } from '../lib/copy.js';
import { Rng, uuidv7At } from '../lib/random.js';
import type { City } from './model.js';

/** Directory, units, accounts, roles and positions of the city, by COPY. */
export async function writeCity(pool: pg.Pool, city: City, seed: number): Promise<number> {
  const rng = new Rng(seed, 'city-rows');
  const at = new Date(city.createdAt).toISOString();
  const agencies = await CopyWriter.open(pool, 'agencies', ['id', 'created_at']);
  const versions = await CopyWriter.open(pool, 'agency_versions', [
    'id',
    'agency_id',
    'code',
    'name',
    'short_name',
    'level',
    'parent_agency_id',
    'address',
    'email',
    'phone',
    'website',
    'valid_from',
    'valid_to',
    'created_at',
  ]);
  const units = await CopyWriter.open(pool, 'units', [
    'id',
    'agency_id',
    'code',
    'name',
    'parent_unit_id',
    'valid_from',
    'valid_to',
    'created_at',
  ]);
  const users = await CopyWriter.open(pool, 'users', [
    'id',
    'username',
    'full_name',
    'email',
    'phone',
    'agency_id',
    'password_hash',
    'created_at',
    'updated_at',
  ]);
  const roles = await CopyWriter.open(pool, 'user_roles', [
    'id',
    'user_id',
    'role',
    'agency_id',
    'unit_id',
  ]);
  const positions = await CopyWriter.open(pool, 'user_positions', [
    'id',
    'user_id',
    'title',
    'agency_id',
    'unit_id',
  ]);
  let n = 0;
  for (const a of city.agencies) {
    const parent = a.parentIndex === null ? null : (city.agencies[a.parentIndex]?.id ?? null);
    agencies.add([a.id, at]);
    versions.add([
      uuidv7At(city.createdAt, rng),
      a.id,
      a.code,
      a.name,
      a.shortName,
      a.level,
      parent,
      'Hà Nội',
      `vanthu.${a.code.replace(/\./g, '')}@hanoi.gov.vn`,
      `024 ${String(3800_0000 + a.index * 37).replace(/(\d{4})(\d{4})/, '$1 $2')}`,
      'https://hanoi.gov.vn',
      a.validFrom,
      null,
      at,
    ]);
    for (const u of a.units)
      units.add([
        u.id,
        a.id,
        u.code,
        u.name,
        null,
        a.validFrom < '2025-07-01' ? '2020-01-01' : a.validFrom,
        null,
        at,
      ]);
    for (const p of a.people) {
      users.add([
        p.id,
        p.username,
        p.fullName,
        `${p.username}@bench.vanban.vn`,
        null,
        a.id,
        city.passwordHash,
        at,
        at,
      ]);
      for (const r of p.roles)
        roles.add([uuidv7At(city.createdAt, rng), p.id, r.role, a.id, r.unitId]);
      positions.add([uuidv7At(city.createdAt, rng), p.id, p.title, a.id, p.unitId]);
      n++;
    }
  }
  for (const w of [agencies, versions, units, users, roles, positions]) await w.end();
  return n;
}
