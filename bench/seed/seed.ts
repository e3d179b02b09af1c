import type pg from 'pg';
import fs from 'node:fs';
import path from 'node:path';
import { hashPassword } from '../../apps/server/src/modules/identity/identity.passwords.js';
import { CopyWriter } from '../lib/copy.js';
import { benchPool, databaseName, migrateWithApp, recreateDatabase } from '../lib/db.js';
import { Rng } from '../lib/random.js';
import {
  ASSIGNMENT_COLUMNS,
  AUDIT_COLUMNS,
  DOCUMENT_COLUMNS,
  writeAgency,
  type Writers,
} from './agency-batch.js';
import { writeSharedBlobs } from './blobs.js';
import type { PlanContext } from './lifecycle.js';
import type { Agency } from './model.js';
import { buildCity, spread } from './city.js';
import { writeCity } from './city.rows.js';
import { checkIntegrity } from './check.js';
import { createIndexes, dropIndexes, secondaryIndexes } from './indexes.js';
import { planOutgoing, type OutgoingPlan } from './outgoing.js';
import {
  OUTGOING_COLUMNS,
  RECIPIENT_COLUMNS,
  REVIEW_COLUMNS,
  VERSION_COLUMNS,
  VERSION_FILE_COLUMNS,
} from './outgoing.rows.js';
import { SenderCatalogue } from './senders.js';
import { Timeline } from './timeline.js';

export interface SeedOptions {
  url: string;
  seed: number;
  agencies: number;
  users: number;
  documents: number;
  years: number;
  /** Generation stops at 00:00 of this day (Vietnam); default today. */
  now: string;
  password: string;
  storageDir: string;
  /** VACUUM ANALYZE after the load (visibility map for index-only scans); else ANALYZE only. */
  vacuum: boolean;
  /** Called once the schema exists (e.g. to start the server while the data loads). */
  onMigrated?: () => void;
}

export interface SeedManifest extends Omit<SeedOptions, 'url' | 'onMigrated'> {
  database: string;
  rows: Record<string, number>;
  seconds: { load: number; indexes: number; analyze: number; total: number };
}

const LOADED = [
  'incoming_documents',
  'assignments',
  'incoming_access',
  'files',
  'incoming_document_files',
  'incoming_comments',
  'audit_events',
  'outgoing_documents',
  'outgoing_versions',
  'outgoing_version_files',
  'outgoing_review_steps',
  'outgoing_recipients',
];

const fmt = (n: number) => n.toLocaleString('en-US');

async function openWriters(pool: pg.Pool): Promise<Writers> {
  return {
    documents: await CopyWriter.open(pool, 'incoming_documents', DOCUMENT_COLUMNS),
    assignments: await CopyWriter.open(pool, 'assignments', ASSIGNMENT_COLUMNS),
    access: await CopyWriter.open(pool, 'incoming_access', [
      'document_id',
      'principal_id',
      'named',
      'reason',
    ]),
    files: await CopyWriter.open(pool, 'files', [
      'id',
      'sha256',
      'name',
      'media_type',
      'size',
      'uploaded_by',
      'agency_id',
      'created_at',
    ]),
    documentFiles: await CopyWriter.open(pool, 'incoming_document_files', [
      'document_id',
      'file_id',
      'role',
      'position',
      'assignment_id',
      'added_by',
      'added_at',
    ]),
    comments: await CopyWriter.open(pool, 'incoming_comments', [
      'id',
      'document_id',
      'assignment_id',
      'author_id',
      'on_behalf_of_id',
      'body',
      'created_at',
    ]),
    audit: await CopyWriter.open(pool, 'audit_events', AUDIT_COLUMNS),
    heads: await CopyWriter.open(pool, 'audit_chain_heads', ['chain', 'seq', 'hash']),
    registers: await CopyWriter.open(pool, 'registers', [
      'id',
      'agency_id',
      'year',
      'series',
      'type_code',
      'name',
      'last_number',
      'created_at',
    ]),
    outgoing: await CopyWriter.open(pool, 'outgoing_documents', OUTGOING_COLUMNS),
    versions: await CopyWriter.open(pool, 'outgoing_versions', VERSION_COLUMNS),
    versionFiles: await CopyWriter.open(pool, 'outgoing_version_files', VERSION_FILE_COLUMNS),
    reviewSteps: await CopyWriter.open(pool, 'outgoing_review_steps', REVIEW_COLUMNS),
    recipients: await CopyWriter.open(pool, 'outgoing_recipients', RECIPIENT_COLUMNS),
  };
}

async function loadDocuments(
  ctx: PlanContext,
  writers: Writers,
  agencies: readonly Agency[],
  plan: OutgoingPlan,
  o: SeedOptions,
  log: (line: string) => void,
): Promise<{ done: number; events: number; outgoing: number }> {
  let done = 0;
  let events = 0;
  let outgoing = 0;
  let lastLog = performance.now();
  const loadStart = performance.now();
  for (const agency of agencies) {
    const i = agency.index;
    const stats = await writeAgency(
      ctx,
      writers,
      agency,
      {
        deliveries: plan.deliveries[i] ?? [],
        external: plan.external[i] ?? 0,
        outgoing: plan.documents[i] ?? [],
        registers: plan.registers[i] ?? [],
      },
      new Rng(o.seed, `docs-${i}`),
      new Rng(o.seed, `outgoing-rows-${i}`),
    );
    // Written: let the plan's part of this agency go (a 1 M city plans ~1 GB of documents).
    plan.deliveries[i] = [];
    plan.documents[i] = [];
    done += stats.documents;
    events += stats.events;
    outgoing += stats.outgoing;
    if (performance.now() - lastLog > 3000 || done === o.documents) {
      lastLog = performance.now();
      const rate = done / ((performance.now() - loadStart) / 1000);
      const eta = Math.round((o.documents - done) / Math.max(1, rate));
      const pct = ((100 * done) / Math.max(1, o.documents)).toFixed(1);
      log(
        `documents ${fmt(done)}/${fmt(o.documents)} (${pct} %) and ${fmt(outgoing)} outgoing, ${fmt(Math.round(rate))} docs/s, ETA ${eta} s`,
      );
    }
  }
  return { done, events, outgoing };
}

/** Generates the city into a fresh database; returns what it wrote. */
export async function seedCity(o: SeedOptions, log: (line: string) => void): Promise<SeedManifest> {
  const started = performance.now();
  const seconds = () => (performance.now() - started) / 1000;
  await recreateDatabase(o.url);
  await migrateWithApp(o.url);
  o.onMigrated?.();
  log(
    `database ${databaseName(o.url)} created and migrated by the app (${seconds().toFixed(1)} s)`,
  );
  // One connection per COPY writer (14), plus the checks and index builds.
  const pool = benchPool(o.url, 18);
  try {
    const firstYear = Number(o.now.slice(0, 4)) - o.years + 1;
    const createdAt = Date.UTC(firstYear, 0, 1) - 86400_000 * 30;
    const city = buildCity({
      seed: o.seed,
      agencies: o.agencies,
      users: o.users,
      passwordHash: await hashPassword(o.password),
      createdAt,
    });
    const people = await writeCity(pool, city, o.seed);
    log(
      `city: ${fmt(city.agencies.length)} agencies, ${fmt(people)} users (${seconds().toFixed(1)} s)`,
    );
    fs.mkdirSync(o.storageDir, { recursive: true });
    const blobs = await writeSharedBlobs(pool, o.storageDir, o.seed, 12, createdAt);
    const indexes = await secondaryIndexes(pool, LOADED);
    await dropIndexes(pool, indexes);
    const timeline = new Timeline(firstYear, o.now);
    const ctx = { timeline, senders: new SenderCatalogue(city, new Rng(o.seed, 'senders')), blobs };
    const counts = spread(
      city.agencies.map((a) => Math.pow(a.weight, 1.3)),
      o.documents,
      0,
    );
    const plan = planOutgoing(city, timeline, ctx.senders, counts, o.seed, blobs.length);
    log(
      `outgoing planned: ${fmt(plan.documents.reduce((n, d) => n + d.length, 0))} documents, ` +
        `${fmt(plan.deliveries.reduce((n, d) => n + d.length, 0))} deliveries inside the city (${seconds().toFixed(1)} s)`,
    );
    const writers = await openWriters(pool);
    let loaded: { done: number; events: number; outgoing: number };
    try {
      loaded = await loadDocuments(ctx, writers, city.agencies, plan, o, log);
    } catch (error) {
      for (const w of Object.values(writers)) w.abort();
      throw error;
    }
    const { done, events, outgoing } = loaded;
    const rows: Record<string, number> = {
      agencies: city.agencies.length,
      users: people,
      blobs: blobs.length,
    };
    for (const w of Object.values(writers)) rows[w.table] = await w.end();
    const load = seconds();
    log(
      `loaded ${fmt(done)} incoming and ${fmt(outgoing)} outgoing documents, ${fmt(events)} audit events (${load.toFixed(1)} s); rebuilding ${indexes.length} indexes`,
    );
    await createIndexes(pool, indexes, 2, log);
    const indexed = seconds();
    const problems = await checkIntegrity(pool);
    if (problems.length > 0)
      throw new Error(`generated data is inconsistent:\n  ${problems.join('\n  ')}`);
    log(`foreign keys and registers checked (${(seconds() - indexed).toFixed(1)} s)`);
    await pool.query(o.vacuum ? 'vacuum (analyze)' : 'analyze');
    const total = seconds();
    log(`${o.vacuum ? 'vacuum analyze' : 'analyze'} done; total ${total.toFixed(1)} s`);
    const { url: _url, onMigrated: _onMigrated, ...rest } = o;
    const manifest: SeedManifest = {
      ...rest,
      database: databaseName(o.url),
      rows,
      seconds: { load, indexes: indexed - load, analyze: total - indexed, total },
    };
    fs.writeFileSync(
      path.join(path.dirname(o.storageDir), 'seed.json'),
      `${JSON.stringify(manifest, null, 2)}\n`,
    );
    return manifest;
  } finally {
    await pool.end();
  }
}
