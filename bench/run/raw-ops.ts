import { Readable } from 'node:stream';
import type pg from 'pg';
import { computeAuditHash } from '../../apps/server/src/modules/audit/audit.models.js';
import type { FileStorage } from '../../apps/server/src/platform/storage/storage.js';
import { uuidv7At, type Rng } from '../lib/random.js';
import type { Actor } from './actors.js';
import { Params, visibleTo } from './raw-sql.js';

/**
 * Raw baselines that are not one statement: the rows of a document page, and the rows a
 * registration writes, with plain SQL on one connection — what the database must do at least.
 */

/** The document page and its history: the same rows as GET /api/incoming/:id + /history. */
export async function rawPage(pool: pg.Pool, a: Actor, id: string, today: string): Promise<void> {
  const c = await pool.connect();
  try {
    const p = new Params();
    const docId = p.add(id);
    const { rows } = await c.query(
      `select d.* from incoming_documents d where d.id = ${docId} and ${visibleTo(p, a.scope)}`,
      p.values,
    );
    const doc = rows[0] as Record<string, string | null> | undefined;
    if (!doc) throw new Error(`raw page: ${id} not visible to ${a.username}`);
    await c.query(
      `update assignments set read_at = $1 where document_id = $2 and read_at is null and active
         and user_id = any($3::uuid[])`,
      [new Date().toISOString(), id, `{${a.scope.userIds.join(',')}}`],
    );
    const assignments = await c.query<{
      user_id: string | null;
      assigned_by: string;
      unit_id: string | null;
    }>('select * from assignments where document_id = $1 order by assigned_at, id', [id]);
    await c.query(
      `select fl.id, fl.name, fl.media_type, fl.size, b.page_count, f.role, f.added_by,
              u.full_name as added_by_name, f.added_at
         from incoming_document_files f join files fl on fl.id = f.file_id
         join blobs b on b.sha256 = fl.sha256 join users u on u.id = f.added_by
        where f.document_id = $1 order by f.position`,
      [id],
    );
    const comments = await c.query<{ author_id: string }>(
      'select * from incoming_comments where document_id = $1 order by created_at, id',
      [id],
    );
    if (doc.register_id)
      await c.query('select name from registers where id = $1', [doc.register_id]);
    const people = [doc.registered_by, doc.submitted_to_user_id, doc.directed_by, doc.completed_by]
      .concat(assignments.rows.flatMap((r) => [r.user_id, r.assigned_by]))
      .concat(comments.rows.map((r) => r.author_id))
      .filter((x): x is string => x !== null);
    await c.query('select id, full_name from users where id = any($1::uuid[])', [
      `{${[...new Set(people)].join(',')}}`,
    ]);
    const units = assignments.rows.map((r) => r.unit_id).filter((x): x is string => x !== null);
    await c.query('select * from units where id = any($1::uuid[])', [
      `{${[...new Set(units)].join(',')}}`,
    ]);
    const agencies = [doc.agency_id, doc.sender_agency_id].filter((x): x is string => x !== null);
    await c.query(
      `select * from agency_versions where agency_id = any($1::uuid[])
          and valid_from <= $2 and (valid_to is null or valid_to > $2)`,
      [`{${agencies.join(',')}}`, today],
    );
    await c.query(
      `select * from audit_events where agency_id = any($1::uuid[]) and subject_type = 'incoming_document'
          and subject_id = $2 order by id desc limit 500`,
      [`{${doc.agency_id}}`, id],
    );
  } finally {
    c.release();
  }
}

/** `recordAuditEvent` in plain SQL: lock the chain head, append, move the head. */
export async function audit(
  c: pg.PoolClient,
  a: Actor,
  e: { type: string; subjectType: string; subjectId: string; data: Record<string, unknown> },
  now: Date,
): Promise<void> {
  const chain = a.agencyId;
  await c.query(
    "insert into audit_chain_heads (chain, seq, hash) values ($1, 0, repeat('0', 64)) on conflict do nothing",
    [chain],
  );
  const head = (
    await c.query<{ seq: number; hash: string }>(
      'select seq, hash from audit_chain_heads where chain = $1 for update',
      [chain],
    )
  ).rows[0];
  if (!head) throw new Error('audit head missing');
  const row = {
    chain,
    seq: Number(head.seq) + 1,
    occurredAt: now,
    type: e.type,
    actorUserId: a.userId,
    actorName: a.fullName,
    onBehalfOfUserId: null,
    onBehalfOfName: null,
    agencyId: a.agencyId,
    subjectType: e.subjectType,
    subjectId: e.subjectId,
    data: e.data,
    ip: '127.0.0.1',
    requestId: null,
    prevHash: head.hash,
  };
  const hash = computeAuditHash(row);
  await c.query(
    `insert into audit_events (chain, seq, occurred_at, type, actor_user_id, actor_name, agency_id,
       subject_type, subject_id, data, ip, request_id, prev_hash, hash)
     values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14) returning id`,
    [
      chain,
      row.seq,
      now.toISOString(),
      e.type,
      a.userId,
      a.fullName,
      a.agencyId,
      e.subjectType,
      e.subjectId,
      JSON.stringify(e.data),
      row.ip,
      null,
      head.hash,
      hash,
    ],
  );
  await c.query('update audit_chain_heads set seq = $1, hash = $2 where chain = $3', [
    row.seq,
    hash,
    chain,
  ]);
}

export async function inTransaction(
  pool: pg.Pool,
  fn: (c: pg.PoolClient) => Promise<void>,
): Promise<void> {
  const c = await pool.connect();
  try {
    await c.query('begin');
    await fn(c);
    await c.query('commit');
  } catch (error) {
    await c.query('rollback');
    throw error;
  } finally {
    c.release();
  }
}

export interface RawRegistration {
  clerk: Actor;
  bytes: Buffer;
  pages: number;
  senderCode: string;
  reference: { number: string; notation: string; text: string; key: string };
  subject: string;
  today: string;
}

/** The rows an upload + registration writes (and the bytes, through the same storage). */
export async function rawRegister(
  pool: pg.Pool,
  storage: FileStorage,
  r: RawRegistration,
  rng: Rng,
): Promise<void> {
  const now = new Date();
  const { sha256, size } = await storage.put(Readable.from([r.bytes]));
  const fileId = uuidv7At(now.getTime(), rng);
  const a = r.clerk;
  await inTransaction(pool, async (c) => {
    await c.query(
      `insert into blobs (sha256, size, media_type, page_count, text_state, created_at)
       values ($1, $2, 'application/pdf', $3, 'pending', $4) on conflict (sha256) do nothing`,
      [sha256, size, r.pages, now.toISOString()],
    );
    await c.query('select * from blobs where sha256 = $1', [sha256]);
    await c.query(
      `insert into files (id, sha256, name, media_type, size, uploaded_by, agency_id, created_at)
       values ($1, $2, 'van-ban.pdf', 'application/pdf', $3, $4, $5, $6)`,
      [fileId, sha256, size, a.userId, a.agencyId, now.toISOString()],
    );
    await audit(
      c,
      a,
      {
        type: 'file.uploaded',
        subjectType: 'file',
        subjectId: fileId,
        data: { name: 'van-ban.pdf', mediaType: 'application/pdf', size, sha256 },
      },
      now,
    );
    await c.query(
      `insert into jobs (id, kind, payload, dedupe_key, run_at, created_at) values ($1, 'files.extract_text', $2, $3, $4, $4)
       on conflict (dedupe_key) where state in ('queued', 'running') do nothing returning id`,
      [
        uuidv7At(now.getTime(), rng),
        JSON.stringify({ sha256 }),
        `files.extract_text:${sha256}`,
        now.toISOString(),
      ],
    );
  });
  const docId = uuidv7At(now.getTime(), rng);
  const year = Number(r.today.slice(0, 4));
  await inTransaction(pool, async (c) => {
    const sender = (
      await c.query<{ agency_id: string; code: string; name: string }>(
        `select agency_id, code, name from agency_versions where code = $1 and valid_from <= $2
         and (valid_to is null or valid_to > $2) limit 1`,
        [r.senderCode, r.today],
      )
    ).rows[0];
    if (!sender) throw new Error(`sender ${r.senderCode} missing`);
    await c.query(
      `select d.id from incoming_documents d where d.agency_id = $1 and d.reference_key = $2
         and d.issue_date >= $3 and d.issue_date <= $4 and d.state not in ('revoked', 'returned')
         and d.id <> $5 and d.sender_agency_id = $6 order by d.received_at limit 5`,
      [
        a.agencyId,
        r.reference.key,
        `${year}-01-01`,
        `${year}-12-31`,
        '00000000-0000-0000-0000-000000000000',
        sender.agency_id,
      ],
    );
    const reg = (
      await c.query<{ id: string; last_number: number }>(
        `insert into registers (id, agency_id, year, series, type_code, name, last_number, created_at)
       values ($1, $2, $3, 'incoming', '', $4, 1, $5)
       on conflict (agency_id, year, series, type_code) do update set last_number = registers.last_number + 1
       returning id, last_number`,
        [
          uuidv7At(now.getTime(), rng),
          a.agencyId,
          year,
          `Sổ đăng ký văn bản đến năm ${year}`,
          now.toISOString(),
        ],
      )
    ).rows[0];
    if (!reg) throw new Error('register upsert returned nothing');
    await c.query(
      `insert into incoming_documents (id, agency_id, state, source, sender_agency_id, sender_code, sender_name,
         number, notation, reference, reference_key, issue_date, doc_type, subject, urgency, urgency_rank,
         secrecy, register_id, arrival_number, arrival_date, received_at, registered_at, registered_by,
         created_at, updated_at)
       values ($1, $2, 'registered', 'paper', $3, $4, $5, $6, $7, $8, $9, $10, 'official_letter', $11,
         'normal', 0, 'normal', $12, $13, $10, $14, $14, $15, $14, $14)`,
      [
        docId,
        a.agencyId,
        sender.agency_id,
        sender.code,
        sender.name,
        r.reference.number,
        r.reference.notation,
        r.reference.text,
        r.reference.key,
        r.today,
        r.subject,
        reg.id,
        reg.last_number,
        now.toISOString(),
        a.userId,
      ],
    );
    await c.query(
      `insert into incoming_access (document_id, principal_id, named, reason) values ($1, $2, true, 'registered')
       on conflict do nothing`,
      [docId, a.userId],
    );
    await c.query(
      'select f.*, b.* from files f join blobs b on b.sha256 = f.sha256 where f.id = any($1::uuid[])',
      [`{${fileId}}`],
    );
    await c.query('select count(*)::int as n from incoming_document_files where document_id = $1', [
      docId,
    ]);
    await c.query(
      `insert into incoming_document_files (document_id, file_id, role, position, added_by, added_at)
       values ($1, $2, 'main', 0, $3, $4) on conflict do nothing`,
      [docId, fileId, a.userId, now.toISOString()],
    );
    await c.query(
      `update incoming_documents d set content_text = (
         select string_agg(b.text, E'\\n' order by f.position) from incoming_document_files f
           join files fl on fl.id = f.file_id join blobs b on b.sha256 = fl.sha256
          where f.document_id = d.id and b.text is not null)
       where d.id = any($1::uuid[])`,
      [`{${docId}}`],
    );
    await c.query('update incoming_documents set page_count = $1 where id = $2', [r.pages, docId]);
    await c.query('select * from incoming_documents where id = $1 for update', [docId]);
    await audit(
      c,
      a,
      {
        type: 'incoming.registered',
        subjectType: 'incoming_document',
        subjectId: docId,
        data: {
          arrivalNumber: reg.last_number,
          reference: r.reference.text,
          sender: sender.name,
          duplicateConfirmed: false,
          files: [fileId],
        },
      },
      now,
    );
  });
}
