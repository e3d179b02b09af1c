import type pg from 'pg';
import { parseReference, referenceKey, toEdxmlCode } from '@vanban/edxml';
import type { FileStorage } from '../../apps/server/src/platform/storage/storage.js';
import type { Api, Session } from '../lib/http.js';
import { buildPdf, wrap } from '../lib/pdf.js';
import { Rng } from '../lib/random.js';
import type { Actor } from './actors.js';
import { rawPage, rawRegister } from './raw-ops.js';
import { edxmlScenarios } from './edxml.js';
import { hubScenario } from './hub.js';
import type { Scenario } from './measure.js';
import { outgoingIssueScenario } from './outgoing-issue.js';
import { countSql, listSql, searchSql } from './raw-sql.js';

/** Every benchmark, in the order it runs (`--only` takes these). */
export const SCENARIO_IDS = [
  'inbox_to_handle',
  'inbox_counts',
  'list_agency_all',
  'search_selective_diacritics',
  'search_selective_plain',
  'search_broad_diacritics',
  'search_broad_plain',
  'search_reference',
  'document_page',
  'register_incoming',
  'outgoing_issue',
  'edxml_build_sign',
  'edxml_parse_verify',
  'hub_round_trip',
] as const;

export interface User {
  actor: Actor;
  session: Session;
  /** Documents this user may open. */
  documents: string[];
  /** The reference of one of them (number/notation search). */
  reference: string;
}

export interface ScenarioContext {
  api: Api;
  pool: pg.Pool;
  /** The bench database (the hub's own database is created beside it). */
  databaseUrl: string;
  /** Password of every generated account. */
  password: string;
  storage: FileStorage;
  today: string;
  soon: string;
  handlers: User[];
  agencyWide: User[];
  clerks: User[];
  senderCodes: string[];
  /** First number of this run's registrations (unique references, no duplicate warnings). */
  numberBase: number;
  /** Agencies whose clerks issue outgoing documents (the first of `clerks`). */
  issuers: number;
  log: (line: string) => void;
}

const pick = <T>(xs: readonly T[], w: number, i: number): T => {
  if (xs.length === 0) throw new Error('no users for this scenario');
  return xs[(w * 7 + i) % xs.length] as T;
};

function list(
  ctx: ScenarioContext,
  id: string,
  title: string,
  view: 'to_handle' | 'all',
  users: User[],
): Scenario {
  return {
    id,
    title,
    target: { p95Ms: 50 },
    raw: 'the same list statement (incoming.queries.ts), one query',
    apiOp: async (w, i) => {
      await ctx.api.get(`/api/incoming?view=${view}&limit=25`, pick(users, w, i).session);
    },
    rawOp: async (w, i) => {
      const q = listSql(view, pick(users, w, i).actor.scope, ctx.today, ctx.soon, 25);
      await ctx.pool.query(q.text, q.values);
    },
  };
}

function search(
  ctx: ScenarioContext,
  id: string,
  title: string,
  terms: (u: User) => string,
  users: User[],
): Scenario {
  return {
    id,
    title,
    target: { p95Ms: 200 },
    raw: 'the same search statement (incoming.queries.ts), one query',
    apiOp: async (w, i) => {
      const u = pick(users, w, i);
      await ctx.api.get(
        `/api/incoming/search?q=${encodeURIComponent(terms(u))}&limit=20`,
        u.session,
      );
    },
    rawOp: async (w, i) => {
      const u = pick(users, w, i);
      const q = searchSql(terms(u), u.actor.scope, ctx.today, ctx.soon, 20);
      await ctx.pool.query(q.text, q.values);
    },
  };
}

/** A unique 100 KB PDF (unique text: its own blob, its own text extraction). */
function registration(ctx: ScenarioContext, clerk: User, n: number) {
  const senderCode = ctx.senderCodes[n % ctx.senderCodes.length] ?? '000.00.00.H26';
  const text = `${ctx.numberBase + n}/UBND-VP`;
  const parsed = parseReference(text);
  if (!parsed.ok) throw new Error(parsed.message);
  const code = toEdxmlCode(parsed.value);
  const subject = `V/v triển khai kế hoạch chuyển đổi số năm ${ctx.today.slice(0, 4)} (bench ${ctx.numberBase + n})`;
  const lines = wrap(
    `Cong van so ${text} ngay ${ctx.today} ve viec trien khai chuyen doi so. Ma ${n}-${ctx.numberBase}.`,
  );
  const bytes = buildPdf({
    pages: [lines, ['Trang 2'], ['Trang 3']],
    size: 100 * 1024,
    fill: `bench-${ctx.numberBase}-${n} `,
  });
  return {
    clerk,
    bytes,
    senderCode,
    subject,
    reference: {
      text: `${code.codeNumber}/${code.codeNotation}`,
      number: code.codeNumber,
      notation: code.codeNotation,
      key: referenceKey(parsed.value),
    },
  };
}

export function buildScenarios(ctx: ScenarioContext): Scenario[] {
  const scenarios = allScenarios(ctx);
  const ids = scenarios.map((s) => s.id).join(',');
  if (ids !== SCENARIO_IDS.join(',')) throw new Error(`SCENARIO_IDS is out of date: ${ids}`);
  return scenarios;
}

function allScenarios(ctx: ScenarioContext): Scenario[] {
  let counter = 0;
  const rawRng = new Rng(ctx.numberBase, 'raw-register');
  const readers = [...ctx.handlers, ...ctx.agencyWide];
  const searchers = [...ctx.agencyWide, ...ctx.handlers];
  return [
    list(
      ctx,
      'inbox_to_handle',
      '"To handle" inbox of a busy person (first page, 25)',
      'to_handle',
      ctx.handlers,
    ),
    {
      id: 'inbox_counts',
      title: 'Inbox counts of a busy person (home page, navigation badges)',
      target: { p95Ms: 50 },
      raw: 'the same count statement (countViews), one query',
      apiOp: async (w, i) => {
        await ctx.api.get('/api/incoming/counts', pick(ctx.handlers, w, i).session);
      },
      rawOp: async (w, i) => {
        const q = countSql(pick(ctx.handlers, w, i).actor.scope, ctx.today);
        await ctx.pool.query(q.text, q.values);
      },
    },
    list(
      ctx,
      'list_agency_all',
      'Agency-wide list of a clerk/leader of a big agency (first page, 25)',
      'all',
      ctx.agencyWide,
    ),
    search(
      ctx,
      'search_selective_diacritics',
      'Search, selective, with diacritics ("công viên Kim Quy")',
      () => 'công viên Kim Quy',
      searchers,
    ),
    search(
      ctx,
      'search_selective_plain',
      'Search, selective, without diacritics ("cong vien Kim Quy")',
      () => 'cong vien Kim Quy',
      searchers,
    ),
    search(
      ctx,
      'search_broad_diacritics',
      'Search, broad, with diacritics ("kế hoạch")',
      () => 'kế hoạch',
      searchers,
    ),
    search(
      ctx,
      'search_broad_plain',
      'Search, broad, without diacritics ("ke hoach")',
      () => 'ke hoach',
      searchers,
    ),
    search(
      ctx,
      'search_reference',
      'Search by number/notation (a real "123/UBND-VP")',
      (u) => u.reference,
      searchers,
    ),
    {
      id: 'document_page',
      title: 'Open a document page (detail + history, in parallel as the web app does)',
      target: { p95Ms: 50 },
      raw: 'the same rows (document with visibility, read mark, assignments, files, comments, register, names, units, agencies, audit history), 11 statements on one connection',
      apiOp: async (w, i) => {
        const u = pick(readers, w, i);
        const id = pick(u.documents, i, w);
        await Promise.all([
          ctx.api.get(`/api/incoming/${id}`, u.session),
          ctx.api.get(`/api/incoming/${id}/history`, u.session),
        ]);
      },
      rawOp: async (w, i) => {
        const u = pick(readers, w, i);
        await rawPage(ctx.pool, u.actor, pick(u.documents, i, w), ctx.today);
      },
    },
    {
      id: 'register_incoming',
      title: 'Register an incoming document with a 100 KB PDF (upload + register)',
      target: { throughput: 500 },
      raw: 'the same rows written in two transactions (blob, file, audit, job; duplicate check, number, document, access, file link, content text, audit) plus the bytes through the same content-addressed storage',
      apiOp: async (w) => {
        const r = registration(ctx, pick(ctx.clerks, w, 0), counter++);
        const file = JSON.parse(
          await ctx.api.upload(
            r.clerk.session,
            `${r.reference.number}.pdf`,
            'application/pdf',
            r.bytes,
          ),
        ) as { id: string };
        await ctx.api.postJson('/api/incoming', r.clerk.session, {
          sender: { agencyCode: r.senderCode },
          reference: r.reference.text,
          issueDate: ctx.today,
          docType: 'official_letter',
          subject: r.subject,
          signerName: 'Nguyễn Văn An',
          fileIds: [file.id],
        });
      },
      rawOp: async (w) => {
        const r = registration(ctx, pick(ctx.clerks, w, 0), counter++);
        await rawRegister(
          ctx.pool,
          ctx.storage,
          { ...r, clerk: r.clerk.actor, pages: 3, today: ctx.today },
          rawRng,
        );
      },
    },
    outgoingIssueScenario(ctx),
    ...edxmlScenarios(),
    hubScenario(ctx),
  ];
}
