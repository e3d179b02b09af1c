/** Client systems and the agency directory (operator CLI and the programmatic API). */
import { parseAgencyCode } from '@vanban/edxml';
import { asc, eq, inArray } from 'drizzle-orm';
import type { Db } from './db/database.js';
import { agencies, systems } from './db/schema.js';
import type { SecretBox } from './secrets.js';

export interface SystemInput {
  /** `XroadVnpt-systemid` (usually the system's main agency code). */
  id: string;
  secret: string;
  /** Agency codes this system receives for (and may send from). */
  agencies: string[];
  /** Require a signed nonce and a fresh timestamp on every request (clients signing per request). */
  strict?: boolean;
}

export interface SystemInfo {
  id: string;
  strict: boolean;
  agencies: string[];
  createdAt: Date;
  updatedAt: Date;
}

export interface AgencyInfo {
  code: string;
  systemId: string;
  name: string;
  parentCode: string | null;
  mail: string | null;
}

/** A registry change that cannot be made (exit code 1 in the CLI). */
export class RegistryError extends Error {
  override readonly name = 'RegistryError';
}

export interface RegistryDeps {
  db: Db;
  box: SecretBox;
  now: () => Date;
}

const SYSTEM_ID = /^[A-Za-z0-9._:-]{1,100}$/;

export function normalizeCode(code: string): string {
  return code.trim().toUpperCase();
}

/** Checks id, secret and codes without touching the database; returns the normalised codes. */
export function checkInput(input: { id: string; secret?: string; agencies?: string[] }): string[] {
  if (!SYSTEM_ID.test(input.id))
    throw new RegistryError(
      `System id "${input.id}" must be 1–100 characters of letters, digits and . _ : -`,
    );
  if (input.secret !== undefined && input.secret.length < 16)
    throw new RegistryError('The secret must be at least 16 characters');
  const codes = [...new Set((input.agencies ?? []).map(normalizeCode).filter((c) => c !== ''))];
  for (const code of codes) {
    const parsed = parseAgencyCode(code);
    if (!parsed.ok) throw new RegistryError(`Agency code "${code}": ${parsed.message}`);
  }
  return codes;
}

async function claimAgencies(db: Db, systemId: string, codes: string[], now: Date): Promise<void> {
  if (codes.length === 0) return;
  const taken = await db
    .select({ code: agencies.code, systemId: agencies.systemId })
    .from(agencies)
    .where(inArray(agencies.code, codes));
  const others = taken.filter((t) => t.systemId !== systemId);
  if (others.length > 0)
    throw new RegistryError(
      `Agency code(s) already received by another system: ${others.map((o) => `${o.code} (${o.systemId})`).join(', ')}`,
    );
  const mine = new Set(taken.map((t) => t.code));
  const fresh = codes.filter((c) => !mine.has(c));
  if (fresh.length > 0)
    await db
      .insert(agencies)
      .values(fresh.map((code) => ({ code, systemId, name: code, createdAt: now })));
}

export async function addSystem(deps: RegistryDeps, input: SystemInput): Promise<SystemInfo> {
  const codes = checkInput(input);
  if (codes.length === 0) throw new RegistryError('Give at least one agency code (--agencies)');
  const now = deps.now();
  await deps.db.transaction(async (tx) => {
    const existing = await tx
      .select({ id: systems.id })
      .from(systems)
      .where(eq(systems.id, input.id));
    if (existing.length > 0)
      throw new RegistryError(`System ${input.id} already exists (use "systems update")`);
    await tx.insert(systems).values({
      id: input.id,
      secretSealed: deps.box.seal(input.secret, input.id),
      strict: input.strict ?? false,
      createdAt: now,
      updatedAt: now,
    });
    await claimAgencies(tx, input.id, codes, now);
  });
  return (await getSystem(deps.db, input.id))!;
}

export interface SystemUpdate {
  id: string;
  secret?: string;
  /** Replaces the system's agency list. */
  agencies?: string[];
  strict?: boolean;
}

export async function updateSystem(deps: RegistryDeps, input: SystemUpdate): Promise<SystemInfo> {
  const codes = checkInput(input);
  if (input.agencies !== undefined && codes.length === 0)
    throw new RegistryError('Give at least one agency code (--agencies)');
  const now = deps.now();
  await deps.db.transaction(async (tx) => {
    const existing = await tx
      .select({ id: systems.id })
      .from(systems)
      .where(eq(systems.id, input.id));
    if (existing.length === 0) throw new RegistryError(`No system ${input.id}`);
    await tx
      .update(systems)
      .set({
        ...(input.secret !== undefined
          ? { secretSealed: deps.box.seal(input.secret, input.id) }
          : {}),
        ...(input.strict !== undefined ? { strict: input.strict } : {}),
        updatedAt: now,
      })
      .where(eq(systems.id, input.id));
    if (input.agencies !== undefined) {
      const current = await tx
        .select({ code: agencies.code })
        .from(agencies)
        .where(eq(agencies.systemId, input.id));
      const dropped = current.map((c) => c.code).filter((c) => !codes.includes(c));
      if (dropped.length > 0) await tx.delete(agencies).where(inArray(agencies.code, dropped));
      await claimAgencies(tx, input.id, codes, now);
    }
  });
  return (await getSystem(deps.db, input.id))!;
}

/**
 * Removes a system and its agency codes. Packets already routed to it stay stored with their trace;
 * they are served again if a system with the same id is registered later.
 */
export async function removeSystem(db: Db, id: string): Promise<void> {
  const removed = await db.delete(systems).where(eq(systems.id, id)).returning({ id: systems.id });
  if (removed.length === 0) throw new RegistryError(`No system ${id}`);
}

export async function listSystems(db: Db): Promise<SystemInfo[]> {
  const rows = await db.select().from(systems).orderBy(asc(systems.id));
  const codes = await db
    .select({ code: agencies.code, systemId: agencies.systemId })
    .from(agencies)
    .orderBy(asc(agencies.code));
  return rows.map((r) => ({
    id: r.id,
    strict: r.strict,
    agencies: codes.filter((c) => c.systemId === r.id).map((c) => c.code),
    createdAt: r.createdAt,
    updatedAt: r.updatedAt,
  }));
}

export async function getSystem(db: Db, id: string): Promise<SystemInfo | null> {
  return (await listSystems(db)).find((s) => s.id === id) ?? null;
}

export interface SystemCredentials {
  id: string;
  secret: string;
  strict: boolean;
}

export async function loadCredentials(
  deps: Pick<RegistryDeps, 'db' | 'box'>,
  id: string,
): Promise<SystemCredentials | null> {
  const [row] = await deps.db.select().from(systems).where(eq(systems.id, id));
  if (!row) return null;
  let secret: string;
  try {
    secret = deps.box.open(row.secretSealed, row.id);
  } catch (error) {
    throw new Error(
      `The secret of system ${row.id} cannot be opened with this HUB_SECRET_KEY (was the key changed or lost?)`,
      { cause: error },
    );
  }
  return { id: row.id, secret, strict: row.strict };
}

/** Sets directory details of a registered code (name, parent, mail) for getAgenciesList. */
export async function setAgency(
  db: Db,
  input: { code: string; name?: string; parentCode?: string | null; mail?: string | null },
): Promise<AgencyInfo> {
  const code = normalizeCode(input.code);
  const updated = await db
    .update(agencies)
    .set({
      ...(input.name !== undefined ? { name: input.name } : {}),
      ...(input.parentCode !== undefined
        ? { parentCode: input.parentCode === null ? null : normalizeCode(input.parentCode) }
        : {}),
      ...(input.mail !== undefined ? { mail: input.mail } : {}),
    })
    .where(eq(agencies.code, code))
    .returning();
  const row = updated[0];
  if (!row) throw new RegistryError(`Agency ${code} is not registered (add it to a system first)`);
  return row;
}

export async function listAgencies(db: Db): Promise<AgencyInfo[]> {
  return db
    .select({
      code: agencies.code,
      systemId: agencies.systemId,
      name: agencies.name,
      parentCode: agencies.parentCode,
      mail: agencies.mail,
    })
    .from(agencies)
    .orderBy(asc(agencies.code));
}

/** Code → receiving system, for the given codes (unknown codes are absent). */
export async function systemsForCodes(db: Db, codes: string[]): Promise<Map<string, string>> {
  if (codes.length === 0) return new Map();
  const rows = await db
    .select({ code: agencies.code, systemId: agencies.systemId })
    .from(agencies)
    .where(inArray(agencies.code, codes));
  return new Map(rows.map((r) => [r.code, r.systemId]));
}
