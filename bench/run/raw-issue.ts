import type pg from 'pg';
import { uuidv7At, type Rng } from '../lib/random.js';
import type { Actor } from './actors.js';
import { audit, inTransaction } from './raw-ops.js';
import { Params } from './raw-sql.js';

/**
 * The rows `POST /api/outgoing/:id/issue` writes, in plain SQL on one connection and one
 * transaction, statement for statement as `issueOutgoing` (outgoing.issue.usecases.ts) and
 * `receiveDocument` (incoming.intake.usecases.ts) send them for agencies served here: lock and
 * check the document, its recipients, files, header and signer; per recipient an incoming copy
 * with its file links, content text, signature-check jobs and clerks' notifications; recipient
 * rows, the document's state, the audit event, the drafter's and signer's notifications.
 * The document page the API answers with is not read. Keep in step with those use cases.
 */

interface OutgoingRow {
  id: string;
  agency_id: string;
  doc_type: string;
  subject: string;
  urgency: string;
  secrecy: string;
  reference: string | null;
  issue_date: string | null;
  signer_id: string;
  signer_position: string | null;
  drafter_id: string;
  current_version: number;
}

interface RecipientRow {
  id: string;
  kind: 'agency' | 'unit' | 'text';
  agency_id: string | null;
}

/** `visibleTo` of outgoing.visibility.ts for the actor, as text. */
function visibleTo(p: Params, a: Actor): string {
  const me = p.uuids(a.scope.userIds);
  const members = [...new Set([a.agencyId, ...a.scope.agencyWideIds, ...a.scope.clerkAgencyIds])];
  return `(d.drafter_id = any(${me}) or d.signer_id = any(${me})
    or exists (select 1 from outgoing_review_steps s where s.document_id = d.id and s.reviewer_id = any(${me}))
    or d.drafter_unit_id = any(${p.uuids(a.scope.headUnitIds)})
    or (d.agency_id = any(${p.uuids(a.scope.agencyWideIds)}) and d.state not in ('draft', 'returned'))
    or (d.state in ('issued', 'revoked') and d.secrecy = 'normal'
        and (d.agency_id = any(${p.uuids(members)})
             or exists (select 1 from outgoing_recipients r where r.document_id = d.id
                        and r.unit_id = any(${p.uuids(a.scope.unitIds)})))))`;
}

async function notifyUsers(
  c: pg.PoolClient,
  rng: Rng,
  now: Date,
  userIds: string[],
  n: { kind: string; title: string; subject: { type: string; id: string }; urgency: string },
): Promise<void> {
  const users = [...new Set(userIds)];
  if (users.length === 0) return;
  const p = new Params();
  const values = users.map(
    (u) =>
      `(${p.add(uuidv7At(now.getTime(), rng))}, ${p.add(u)}, ${p.add(n.kind)}, ${p.add(n.title)}, ${p.add(JSON.stringify(n.subject))}, ${p.add(n.urgency)}, ${p.add(now.toISOString())})`,
  );
  await c.query(
    `insert into notifications (id, user_id, kind, title, subject, urgency, created_at) values ${values.join(', ')}`,
    p.values,
  );
}

export async function rawIssue(pool: pg.Pool, clerk: Actor, id: string, rng: Rng): Promise<void> {
  const now = new Date();
  const at = now.toISOString();
  await inTransaction(pool, async (c) => {
    const doc = (
      await c.query<OutgoingRow>('select * from outgoing_documents where id = $1 for update', [id])
    ).rows[0];
    const p = new Params();
    const visible = await c.query(
      `select 1 as ok from outgoing_documents d where d.id = ${p.add(id)} and ${visibleTo(p, clerk)}`,
      p.values,
    );
    if (!doc || visible.rows.length === 0) throw new Error(`raw issue: ${id} not visible`);
    const recipients = (
      await c.query<RecipientRow>(
        'select * from outgoing_recipients where document_id = $1 order by position',
        [id],
      )
    ).rows;
    const agencyIds = recipients.flatMap((r) => (r.agency_id ? [r.agency_id] : []));
    const local = new Set(
      (
        await c.query<{ agency_id: string }>(
          `select distinct r.agency_id from user_roles r join users u on u.id = r.user_id
            where r.role = 'clerk' and not u.disabled and r.agency_id = any($1::uuid[])`,
          [`{${agencyIds.join(',')}}`],
        )
      ).rows.map((r) => r.agency_id),
    );
    const files = (
      await c.query<{ file_id: string }>(
        `select file_id, role from outgoing_version_files where document_id = $1 and version = $2
          order by position`,
        [id, doc.current_version],
      )
    ).rows;
    const header = (
      await c.query<{ name: string }>(
        `select v.name, v.short_name, v.address,
            (select p.name from agency_versions p where p.agency_id = v.parent_agency_id
               and p.valid_to is null limit 1) as parent
           from agency_versions v where v.agency_id = $1 and v.valid_to is null limit 1`,
        [doc.agency_id],
      )
    ).rows[0];
    const signer = (
      await c.query<{ full_name: string }>('select full_name from users where id = $1', [
        doc.signer_id,
      ])
    ).rows[0];
    const metadata = {
      senderName: header?.name ?? '',
      senderAgencyId: doc.agency_id,
      reference: doc.reference ?? '',
      issueDate: doc.issue_date,
      docType: doc.doc_type,
      subject: doc.subject,
      ...(signer ? { signerName: signer.full_name } : {}),
      ...(doc.signer_position ? { signerPosition: doc.signer_position } : {}),
      urgency: doc.urgency,
      secrecy: doc.secrecy,
    };
    let internal = 0;
    for (const r of recipients) {
      if (r.kind !== 'agency' || !r.agency_id || !local.has(r.agency_id))
        throw new Error('raw issue mirrors deliveries inside the instance only');
      internal++;
      const copy = uuidv7At(now.getTime(), rng);
      await c.query(
        `insert into incoming_documents (id, agency_id, state, source, source_ref, sender_agency_id,
           sender_code, sender_name, number, notation, reference, reference_key, issue_date, doc_type,
           subject, signer_name, signer_position, urgency, secrecy, page_count, intake, received_at,
           created_at, updated_at)
         values ($1, $2, 'received', 'internal', $3, $4, null, $5, '', '', $6, '', $7, $8, $9, $10,
           $11, $12, $13, null, $14, $15, $15, $15)`,
        [
          copy,
          r.agency_id,
          id,
          doc.agency_id,
          metadata.senderName,
          metadata.reference,
          doc.issue_date,
          doc.doc_type,
          doc.subject,
          signer?.full_name ?? null,
          doc.signer_position,
          doc.urgency,
          doc.secrecy,
          JSON.stringify(metadata),
          at,
        ],
      );
      await c.query(
        'select count(*)::int as n from incoming_document_files where document_id = $1',
        [copy],
      );
      const links = new Params();
      await c.query(
        `insert into incoming_document_files (document_id, file_id, role, position, assignment_id, added_by, added_at)
         values ${files
           .map(
             (f, i) =>
               `(${links.add(copy)}, ${links.add(f.file_id)}, ${links.add(i === 0 ? 'main' : 'attachment')}, ${links.add(i)}, null, ${links.add(clerk.userId)}, ${links.add(at)})`,
           )
           .join(', ')} on conflict do nothing`,
        links.values,
      );
      await c.query(
        `update incoming_documents d set content_text = (
           select string_agg(b.text, E'\\n' order by f.position) from incoming_document_files f
             join files fl on fl.id = f.file_id join blobs b on b.sha256 = fl.sha256
            where f.document_id = d.id and b.text is not null)
         where d.id = any($1::uuid[])`,
        [`{${copy}}`],
      );
      for (const f of files)
        await c.query(
          `insert into jobs (id, kind, payload, dedupe_key, run_at, created_at)
           values ($1, 'signatures.verify_file', $2, $3, $4, $4)
           on conflict (dedupe_key) where state in ('queued', 'running') do nothing returning id`,
          [
            uuidv7At(now.getTime(), rng),
            JSON.stringify({ fileId: f.file_id }),
            `signatures.verify_file:${f.file_id}`,
            at,
          ],
        );
      const clerks = (
        await c.query<{ user_id: string }>(
          `select distinct r.user_id from user_roles r join users u on u.id = r.user_id
            where r.agency_id = $1 and r.role = 'clerk' and not u.disabled`,
          [r.agency_id],
        )
      ).rows.map((x) => x.user_id);
      await notifyUsers(c, rng, now, clerks, {
        kind: 'incoming.received',
        title: `${metadata.reference}: ${doc.subject.slice(0, 160)}`,
        subject: { type: 'incoming_document', id: copy },
        urgency: doc.urgency,
      });
      await c.query(
        `update outgoing_recipients set channel = 'internal', status = 'delivered',
           incoming_document_id = $1, status_at = $2 where id = $3`,
        [copy, at, r.id],
      );
    }
    await c.query(
      `update outgoing_documents set state = 'issued', issued_at = $1, issued_by = $2, updated_at = $1
        where id = $3`,
      [at, clerk.userId, id],
    );
    await audit(
      c,
      clerk,
      {
        type: 'outgoing.issued',
        subjectType: 'outgoing_document',
        subjectId: id,
        data: { reference: doc.reference, internal, hub: 0 },
      },
      now,
    );
    await notifyUsers(c, rng, now, [doc.drafter_id, doc.signer_id], {
      kind: 'outgoing.issued',
      title: `${doc.reference ? `${doc.reference}: ` : ''}${doc.subject.slice(0, 160)}`,
      subject: { type: 'outgoing_document', id },
      urgency: doc.urgency,
    });
  });
}
