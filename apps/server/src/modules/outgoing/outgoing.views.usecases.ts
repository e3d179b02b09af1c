import type {
  IncomingState,
  OutgoingDetail,
  OutgoingListQuery,
  OutgoingSummary,
  RecipientStatus,
} from '@vanban/contracts';
import { sql } from 'drizzle-orm';
import { queryRows, type Db } from '../../platform/db/database.js';
import type { Actor } from '../identity/index.js';
import { fileSignatures } from '../signatures/index.js';
import { outgoingErrors } from './outgoing.errors.js';
import { actionsFor, documentTypeOf, recipientStatusOf } from './outgoing.models.js';
import * as q from './outgoing.queries.js';
import * as repo from './outgoing.repository.js';
import { outgoingScope, type OutgoingDeps } from './outgoing.usecase-kit.js';
import { visibleTo } from './outgoing.visibility.js';
import type { FileAccessRule } from '../files/index.js';

const iso = (v: string | Date) => new Date(v).toISOString();

function presentSummary(r: q.OutgoingSummaryRow): OutgoingSummary {
  return {
    id: r.id,
    state: r.state as OutgoingSummary['state'],
    reference: r.reference,
    docType: r.doc_type,
    subject: r.subject,
    urgency: r.urgency as OutgoingSummary['urgency'],
    secrecy: r.secrecy as OutgoingSummary['secrecy'],
    drafter: { id: r.drafter_id, fullName: r.drafter_name },
    signer: { id: r.signer_id, fullName: r.signer_name },
    issueDate: r.issue_date,
    recipientCount: r.recipient_count,
    updatedAt: iso(r.updated_at),
  };
}

export async function listOutgoingDocuments(
  deps: Pick<OutgoingDeps, 'db'>,
  actor: Actor,
  query: OutgoingListQuery,
) {
  const { rows, nextCursor } = await q.listOutgoing(deps.db, outgoingScope(actor), query);
  return { items: rows.map(presentSummary), nextCursor };
}

export async function countOutgoingDocuments(deps: Pick<OutgoingDeps, 'db'>, actor: Actor) {
  return q.countOutgoing(deps.db, outgoingScope(actor));
}

async function versionsOf(db: Db, id: string) {
  const rows = await queryRows<{
    version: number;
    kind: string;
    note: string | null;
    created_by: string;
    creator: string;
    created_at: string;
    file_id: string | null;
    role: 'main' | 'attachment' | null;
    name: string | null;
    media_type: string | null;
    size: number | null;
    page_count: number | null;
  }>(
    db,
    sql`select v.version, v.kind, v.note, v.created_by, u.full_name as creator, v.created_at,
          f.id as file_id, vf.role, f.name, f.media_type, f.size::int as size, b.page_count
        from outgoing_versions v join users u on u.id = v.created_by
        left join outgoing_version_files vf on vf.document_id = v.document_id and vf.version = v.version
        left join files f on f.id = vf.file_id left join blobs b on b.sha256 = f.sha256
        where v.document_id = ${id} order by v.version desc, vf.position asc`,
  );
  const versions = new Map<number, OutgoingDetail['versions'][number]>();
  for (const r of rows) {
    let v = versions.get(r.version);
    if (!v) {
      v = {
        version: r.version,
        kind: r.kind as OutgoingDetail['versions'][number]['kind'],
        files: [],
        note: r.note,
        createdBy: { id: r.created_by, fullName: r.creator },
        createdAt: iso(r.created_at),
      };
      versions.set(r.version, v);
    }
    if (r.file_id)
      v.files.push({
        id: r.file_id,
        name: r.name!,
        mediaType: r.media_type!,
        size: r.size!,
        pageCount: r.page_count,
        role: r.role!,
      });
  }
  return [...versions.values()];
}

async function stepsOf(db: Db, id: string) {
  const rows = await queryRows<{
    id: string;
    round: number;
    position: number;
    reviewer_id: string;
    reviewer: string;
    state: OutgoingDetail['reviewSteps'][number]['state'];
    comment: string | null;
    decided_at: string | null;
  }>(
    db,
    sql`select s.id, s.round, s.position, s.reviewer_id, u.full_name as reviewer, s.state,
          s.comment, s.decided_at
        from outgoing_review_steps s join users u on u.id = s.reviewer_id
        where s.document_id = ${id} order by s.round, s.position, s.created_at`,
  );
  return rows.map((r) => ({
    id: r.id,
    round: r.round,
    position: r.position,
    reviewer: { id: r.reviewer_id, fullName: r.reviewer },
    state: r.state,
    comment: r.comment,
    decidedAt: r.decided_at ? iso(r.decided_at) : null,
  }));
}

/** Recipients with their live status: an internal copy's state, or the hub/paper status. */
async function recipientsOf(db: Db, id: string) {
  const rows = await queryRows<{
    id: string;
    kind: 'agency' | 'unit' | 'text';
    name: string;
    agency_id: string | null;
    agency_code: string | null;
    unit_id: string | null;
    unit_code: string | null;
    unit_name: string | null;
    channel: 'internal' | 'hub' | 'paper' | null;
    status: RecipientStatus;
    incoming_document_id: string | null;
    incoming_state: IncomingState | null;
    incoming_updated_at: string | null;
    status_at: string | null;
    status_note: string | null;
  }>(
    db,
    sql`select r.id, r.kind, r.name, r.agency_id, r.agency_code, r.unit_id, u.code as unit_code,
          u.name as unit_name, r.channel, r.status, r.incoming_document_id,
          i.state as incoming_state, i.updated_at as incoming_updated_at, r.status_at,
          case when i.id is null then r.status_note
            when i.state = 'returned' then i.return_reason end as status_note
        from outgoing_recipients r left join units u on u.id = r.unit_id
        left join incoming_documents i on i.id = r.incoming_document_id
        where r.document_id = ${id} order by r.position`,
  );
  return rows.map((r) => ({
    id: r.id,
    kind: r.kind,
    name: r.name,
    agency: r.agency_id ? { id: r.agency_id, code: r.agency_code ?? '' } : null,
    unit: r.unit_id ? { id: r.unit_id, code: r.unit_code ?? '', name: r.unit_name ?? '' } : null,
    channel:
      r.channel ?? (r.kind === 'text' ? 'paper' : r.kind === 'unit' ? 'internal' : 'internal'),
    status: r.incoming_state ? recipientStatusOf(r.incoming_state) : r.status,
    incomingDocumentId: r.incoming_document_id,
    statusAt: r.incoming_updated_at
      ? iso(r.incoming_updated_at)
      : r.status_at
        ? iso(r.status_at)
        : null,
    statusNote: r.status_note,
  }));
}

/** The document page: metadata, versions, review chain, recipients' status, signatures, actions. */
export async function getOutgoing(
  deps: Pick<OutgoingDeps, 'db'>,
  actor: Actor,
  id: string,
): Promise<OutgoingDetail> {
  const scope = outgoingScope(actor);
  const db = deps.db;
  const doc = (await repo.isVisible(db, scope, id)) ? await repo.findDocument(db, id) : null;
  if (!doc) throw outgoingErrors.notFound();
  const summary = await q.summaryOf(db, id);
  const [agency] = await queryRows<{ code: string; name: string }>(
    db,
    sql`select code, name from agency_versions where agency_id = ${doc.agencyId}
        and valid_to is null limit 1`,
  );
  const [unit] = doc.drafterUnitId
    ? await queryRows<{ id: string; code: string; name: string }>(
        db,
        sql`select id, code, name from units where id = ${doc.drafterUnitId}`,
      )
    : [];
  const [register] = doc.registerId
    ? await queryRows<{ name: string }>(
        db,
        sql`select name from registers where id = ${doc.registerId}`,
      )
    : [];
  const answers = await queryRows<{ id: string; reference: string; subject: string }>(
    db,
    sql`select i.id, i.reference, i.subject from outgoing_answers a
        join incoming_documents i on i.id = a.incoming_document_id where a.document_id = ${id}`,
  );
  const versions = await versionsOf(db, id);
  const reviewSteps = await stepsOf(db, id);
  const current = versions.find((v) => v.version === doc.currentVersion);
  const main = current?.files.find((f) => f.role === 'main');
  const checked = main ? (await fileSignatures(db, [main.id]))(main.id) : null;
  const replaces = doc.replacesId
    ? ((
        await queryRows<{ id: string; reference: string | null }>(
          db,
          sql`select id, reference from outgoing_documents where id = ${doc.replacesId}`,
        )
      )[0] ?? null)
    : null;
  const replacedBy = await repo.replacementOf(db, id);
  const pending = reviewSteps.some(
    (s) =>
      s.round === doc.reviewRound && s.state === 'pending' && scope.userIds.includes(s.reviewer.id),
  );
  return {
    ...presentSummary(summary!),
    agency: { id: doc.agencyId, code: agency?.code ?? '', name: agency?.name ?? '' },
    docTypeName: documentTypeOf(doc.docType).name,
    drafterUnit: unit ?? null,
    signerPosition: doc.signerPosition,
    number: doc.number,
    notation: doc.notation,
    registerName: register?.name ?? null,
    issuedAt: doc.issuedAt?.toISOString() ?? null,
    signatureBox: (doc.signatureBox as OutgoingDetail['signatureBox']) ?? null,
    notes: doc.notes,
    recipients: await recipientsOf(db, id),
    answers,
    versions,
    reviewSteps,
    signatureStatus: checked?.status ?? 'none',
    signatures: checked?.signatures ?? [],
    notationUnit: doc.notationUnit,
    replaces,
    replacedBy,
    revokedAt: doc.revokedAt?.toISOString() ?? null,
    revokeReason: doc.revokeReason,
    actions: actionsFor({
      state: doc.state,
      isDrafter: scope.userIds.includes(doc.drafterId),
      isSigner: doc.signerId === actor.userId && !actor.onBehalfOf,
      isPendingReviewer: pending,
      isClerk: scope.clerkAgencyIds.includes(doc.agencyId),
      replaced: replacedBy !== null,
    }),
  };
}

/** Files of any version of an outgoing document the actor may see are readable by them. */
export const outgoingFileAccessRule: FileAccessRule = async (db, actor, fileId) => {
  const rows = await queryRows<{ ok: number }>(
    db,
    sql`select 1 as ok from outgoing_version_files vf
        join outgoing_documents d on d.id = vf.document_id
        where vf.file_id = ${fileId} and ${visibleTo(outgoingScope(actor))} limit 1`,
  );
  return rows.length > 0;
};
