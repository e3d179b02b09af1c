import type pg from 'pg';
import { computeAuditHash } from '../../apps/server/src/modules/audit/audit.models.js';
import { referenceFor } from '../../apps/server/src/modules/outgoing/outgoing.models.js';
import type { Api, Session } from '../lib/http.js';
import { uuidv7At, type Rng } from '../lib/random.js';
import { inTransaction } from './raw-ops.js';

/** Marks the one sealed document per issuing agency that the benchmark clones (never issued). */
export const TEMPLATE_NOTE =
  'Văn bản mẫu của benchmark (bench/run/outgoing-prep.ts): không ban hành';

export interface Issuer {
  agencyId: string;
  code: string;
  clerk: Session;
  leader: { id: string; username: string };
  drafter: { id: string; username: string };
  /** Codes of the five agencies (each with an active clerk) it issues to. */
  recipients: string[];
  templateId: string | null;
}

const BODY = [
  'Thực hiện Kế hoạch số 125/KH-UBND ngày 15/01/2026 của Ủy ban nhân dân thành phố về chuyển đổi số năm 2026, đề nghị các cơ quan, đơn vị rà soát các thủ tục hành chính thuộc phạm vi quản lý.',
  'Các cơ quan, đơn vị tổng hợp kết quả, báo cáo bằng văn bản điện tử qua hệ thống quản lý văn bản và điều hành trước ngày 30 của tháng.',
  'Trong quá trình thực hiện, nếu có khó khăn, vướng mắc, đề nghị phản ánh về Văn phòng để được hướng dẫn.',
];

/**
 * One sealed document per issuing agency through the real API, as people make it: the drafter
 * composes it (the server lays it out as a Decree 30 PDF) for the five recipients, submits it
 * without review steps, the leader signs it with their certificate, the clerk numbers it and adds
 * the agency signature. It stays sealed; the benchmark issues clones of it.
 */
export async function makeTemplate(api: Api, issuer: Issuer, password: string): Promise<string> {
  const drafter = await api.login(issuer.drafter.username, password);
  const leader = await api.login(issuer.leader.username, password);
  const { id } = JSON.parse(
    await api.postJson('/api/outgoing', drafter, {
      docType: 'official_letter',
      subject:
        'V/v rà soát, báo cáo kết quả thực hiện thủ tục hành chính trên môi trường điện tử năm 2026',
      urgency: 'urgent',
      signerId: issuer.leader.id,
      recipients: issuer.recipients.map((agencyCode) => ({ agencyCode })),
      compose: { body: BODY },
      notes: TEMPLATE_NOTE,
    }),
  ) as { id: string };
  const act = (s: Session, action: string, body: unknown = {}) =>
    api.postJson(`/api/outgoing/${id}/${action}`, s, body);
  await act(drafter, 'submit', { steps: [] });
  await act(leader, 'sign');
  await act(issuer.clerk, 'number');
  await act(issuer.clerk, 'seal');
  return id;
}

interface TemplateRow {
  id: string;
  agency_id: string;
  doc_type: string;
  current_version: number;
  notation_unit: string | null;
  drafter_unit_id: string | null;
}

const COPIED_COLUMNS =
  'agency_id, doc_type, subject, urgency, urgency_rank, secrecy, drafter_id, drafter_unit_id, ' +
  'signer_id, signer_position, notation_unit, signature_box, current_version, review_round, ' +
  'signed_at, numbered_by, sealed_by';

/** Columns of an audit event row as inserted here. */
const EVENT_WIDTH = 15;

/**
 * `count` sealed copies of an issuing agency's template, written with SQL as the use cases would
 * have left them: the next numbers of this year's outgoing register (`last_number` moved on),
 * number and notation as `referenceFor` makes them, the template's versions (the current one with
 * its own `files` rows over the same sealed PDF, so each issue links and checks its own files),
 * its recipients, and its history (created, submitted, signed, numbered, sealed) appended to the
 * agency's audit chain with the app's hash. The PDFs carry the template's number.
 */
export async function cloneSealed(
  pool: pg.Pool,
  templateId: string,
  count: number,
  today: string,
  rng: Rng,
): Promise<string[]> {
  const now = new Date();
  const at = now.toISOString();
  const ids = Array.from({ length: count }, () => uuidv7At(now.getTime(), rng));
  await inTransaction(pool, async (c) => {
    const t = (
      await c.query<TemplateRow>('select * from outgoing_documents where id = $1', [templateId])
    ).rows[0];
    if (!t) throw new Error(`template ${templateId} is gone`);
    const year = Number(today.slice(0, 4));
    const reg = (
      await c.query<{ id: string; last_number: number }>(
        `insert into registers (id, agency_id, year, series, type_code, name, last_number, created_at)
         values ($1, $2, $3, 'outgoing', '', $4, $5, $6)
         on conflict (agency_id, year, series, type_code)
         do update set last_number = registers.last_number + $5 returning id, last_number`,
        [
          uuidv7At(now.getTime(), rng),
          t.agency_id,
          year,
          `Sổ đăng ký văn bản đi năm ${year}`,
          count,
          at,
        ],
      )
    ).rows[0];
    if (!reg) throw new Error('register upsert returned nothing');
    const names = (
      await c.query<{ short_name: string | null; unit_code: string | null }>(
        `select v.short_name, (select code from units where id = $2) as unit_code
           from agency_versions v where v.agency_id = $1 and v.valid_to is null limit 1`,
        [t.agency_id, t.drafter_unit_id],
      )
    ).rows[0];
    const numbers = ids.map((_, i) => reg.last_number - count + 1 + i);
    const refs = numbers.map((number) =>
      referenceFor({
        docType: t.doc_type,
        agencyShortName: names?.short_name ?? null,
        unitCode: t.notation_unit ?? names?.unit_code ?? null,
        number,
        year,
      }),
    );
    await c.query(
      `insert into outgoing_documents (id, state, register_id, number, notation, reference, issue_date,
         numbered_at, sealed_at, created_at, updated_at, ${COPIED_COLUMNS})
       select x.id, 'sealed', $2, x.number, x.notation, x.reference, $3, $4, $4, $4, $4, ${COPIED_COLUMNS}
         from outgoing_documents t,
              unnest($5::uuid[], $6::int[], $7::text[], $8::text[]) as x(id, number, notation, reference)
        where t.id = $1`,
      [
        templateId,
        reg.id,
        today,
        at,
        ids,
        numbers,
        refs.map((r) => r.notation),
        refs.map((r) => r.reference),
      ],
    );
    await c.query(
      `insert into outgoing_versions (document_id, version, kind, note, created_by, created_at)
       select x.id, v.version, v.kind, v.note, v.created_by, $3
         from outgoing_versions v, unnest($2::uuid[]) as x(id) where v.document_id = $1`,
      [templateId, ids, at],
    );
    const current = (
      await c.query<{ file_id: string; position: number }>(
        `select file_id, position from outgoing_version_files
          where document_id = $1 and version = $2 order by position`,
        [templateId, t.current_version],
      )
    ).rows;
    const fileIds = ids.flatMap(() => current.map(() => uuidv7At(now.getTime(), rng)));
    await c.query(
      `insert into files (id, sha256, name, media_type, size, uploaded_by, agency_id, created_at)
       select n.id, f.sha256, f.name, f.media_type, f.size, f.uploaded_by, f.agency_id, $3
         from unnest($1::uuid[], $2::uuid[]) as n(id, template_file) join files f on f.id = n.template_file`,
      [fileIds, ids.flatMap(() => current.map((f) => f.file_id)), at],
    );
    await c.query(
      `insert into outgoing_version_files (document_id, version, file_id, role, position)
       select x.id, vf.version, vf.file_id, vf.role, vf.position
         from outgoing_version_files vf, unnest($2::uuid[]) as x(id)
        where vf.document_id = $1 and vf.version < $3`,
      [templateId, ids, t.current_version],
    );
    await c.query(
      `insert into outgoing_version_files (document_id, version, file_id, role, position)
       select n.document_id, $3, n.file_id, vf.role, vf.position
         from unnest($2::uuid[], $4::uuid[], $5::int[]) as n(document_id, file_id, position)
         join outgoing_version_files vf on vf.document_id = $1 and vf.version = $3
          and vf.position = n.position`,
      [
        templateId,
        ids.flatMap((id) => current.map(() => id)),
        t.current_version,
        fileIds,
        ids.flatMap(() => current.map((f) => f.position)),
      ],
    );
    const { rows: recipients } = await c.query<{ position: number }>(
      'select position from outgoing_recipients where document_id = $1 order by position',
      [templateId],
    );
    await c.query(
      `insert into outgoing_recipients (id, document_id, position, kind, agency_id, agency_code, unit_id, name, status)
       select n.id, n.document_id, r.position, r.kind, r.agency_id, r.agency_code, r.unit_id, r.name, 'pending'
         from unnest($2::uuid[], $3::uuid[], $4::int[]) as n(id, document_id, position)
         join outgoing_recipients r on r.document_id = $1 and r.position = n.position`,
      [
        templateId,
        ids.flatMap(() => recipients.map(() => uuidv7At(now.getTime(), rng))),
        ids.flatMap((id) => recipients.map(() => id)),
        ids.flatMap(() => recipients.map((r) => r.position)),
      ],
    );
    await appendHistory(c, t.agency_id, templateId, ids, refs, numbers, reg.id, now);
  });
  return ids;
}

interface EventRow {
  type: string;
  actor_user_id: string | null;
  actor_name: string | null;
  on_behalf_of_user_id: string | null;
  on_behalf_of_name: string | null;
  data: Record<string, unknown>;
}

/** The template's events, once per copy (numbers and references its own), hash-chained. */
async function appendHistory(
  c: pg.PoolClient,
  chain: string,
  templateId: string,
  ids: string[],
  refs: { reference: string }[],
  numbers: number[],
  registerId: string,
  now: Date,
): Promise<void> {
  const { rows: events } = await c.query<EventRow>(
    `select type, actor_user_id, actor_name, on_behalf_of_user_id, on_behalf_of_name, data
       from audit_events where subject_type = 'outgoing_document' and subject_id = $1 order by seq`,
    [templateId],
  );
  const head = (
    await c.query<{ seq: number; hash: string }>(
      'select seq, hash from audit_chain_heads where chain = $1 for update',
      [chain],
    )
  ).rows[0];
  if (!head) throw new Error(`audit chain ${chain} has no head`);
  let seq = Number(head.seq);
  let prevHash = head.hash;
  const rows: unknown[][] = [];
  ids.forEach((id, i) => {
    for (const e of events) {
      const data =
        e.type === 'outgoing.numbered'
          ? { ...e.data, registerId, number: numbers[i], reference: refs[i]?.reference }
          : e.data;
      const row = {
        chain,
        seq: ++seq,
        occurredAt: now,
        type: e.type,
        actorUserId: e.actor_user_id,
        actorName: e.actor_name,
        onBehalfOfUserId: e.on_behalf_of_user_id,
        onBehalfOfName: e.on_behalf_of_name,
        agencyId: chain,
        subjectType: 'outgoing_document',
        subjectId: id,
        data,
        ip: '127.0.0.1',
        requestId: null,
        prevHash,
      };
      const hash = computeAuditHash(row);
      rows.push([
        chain,
        row.seq,
        now.toISOString(),
        row.type,
        row.actorUserId,
        row.actorName,
        row.onBehalfOfUserId,
        row.onBehalfOfName,
        chain,
        row.subjectType,
        id,
        JSON.stringify(data),
        row.ip,
        prevHash,
        hash,
      ]);
      prevHash = hash;
    }
  });
  for (let i = 0; i < rows.length; i += 400) {
    const chunk = rows.slice(i, i + 400);
    const width = EVENT_WIDTH;
    await c.query(
      `insert into audit_events (chain, seq, occurred_at, type, actor_user_id, actor_name,
         on_behalf_of_user_id, on_behalf_of_name, agency_id, subject_type, subject_id, data, ip,
         prev_hash, hash)
       values ${chunk.map((_, r) => `(${Array.from({ length: width }, (_, k) => `$${r * width + k + 1}`).join(', ')})`).join(', ')}`,
      chunk.flat(),
    );
  }
  await c.query('update audit_chain_heads set seq = $1, hash = $2 where chain = $3', [
    seq,
    prevHash,
    chain,
  ]);
}
