import type { RecordItem } from '@vanban/contracts';
import { getDocumentType, isDocumentTypeCode } from '@vanban/edxml';
import { sql } from 'drizzle-orm';
import { queryRows, type Db } from '../../platform/db/database.js';

/** A main PDF of a document, read from storage by hash for the exported record. */
export interface MainPdf {
  sha256: string;
  pages: number | null;
}

/** One item of a record with its document's Appendix VI fields and main PDFs. */
export interface ItemDocument extends RecordItem {
  pdfs: MainPdf[];
  /** Incoming: the direction given (part of TraceHeaderList). */
  direction: string | null;
}

interface Row {
  item_id: string;
  ordinal: number;
  document_id: string;
  added_by: string;
  added_by_name: string;
  added_at: string | Date;
  state: string;
  source: string | null;
  reference: string | null;
  number: string | null;
  notation: string | null;
  issue_date: string | null;
  doc_type: string;
  organ_name: string;
  subject: string;
  page_count: number | null;
  notes: string | null;
  signer_name: string | null;
  signer_position: string | null;
  urgency: RecordItem['document']['urgency'];
  secrecy: RecordItem['document']['secrecy'];
  due_date: string | null;
  arrival_date: string | null;
  arrival_number: number | null;
  direction: string | null;
  to_places: string | null;
  recipients: { organId: string | null; organName: string }[];
  pdfs: MainPdf[];
}

const typeName = (code: string) => (isDocumentTypeCode(code) ? getDocumentType(code).name : code);

/**
 * Incoming items: sender as OrganName, arrival number and date, the units and people it was given
 * to (ToPlaces), the direction; main files that are PDFs, in their order.
 */
const incomingItems = (recordId: string) => sql`
  select i.id as item_id, i.ordinal, d.id as document_id, i.added_by, u.full_name as added_by_name,
    i.added_at, d.state::text as state, d.source::text as source, nullif(d.reference, '') as reference,
    nullif(d.number, '') as number, nullif(d.notation, '') as notation, d.issue_date, d.doc_type,
    d.sender_name as organ_name, d.subject, d.page_count, d.notes, d.signer_name, d.signer_position,
    d.urgency::text as urgency, d.secrecy::text as secrecy, d.due_date, d.arrival_date,
    d.arrival_number, d.direction,
    (select string_agg(coalesce(un.name, au.full_name), '; ' order by a.assigned_at, a.id)
       from assignments a left join units un on un.id = a.unit_id left join users au on au.id = a.user_id
       where a.document_id = d.id and a.parent_id is null and a.state <> 'returned') as to_places,
    '[]'::json as recipients,
    coalesce((select json_agg(json_build_object('sha256', f.sha256, 'pages', b.page_count) order by df.position)
       from incoming_document_files df join files f on f.id = df.file_id join blobs b on b.sha256 = f.sha256
       where df.document_id = d.id and df.role = 'main' and f.media_type = 'application/pdf'), '[]'::json) as pdfs
  from record_items i join incoming_documents d on d.id = i.incoming_document_id
  join users u on u.id = i.added_by
  where i.record_id = ${recordId}`;

/**
 * Outgoing items: the issuing agency's name as of the issue date, the signer, the recipients (To,
 * whose count is IssuedAmount) and the main PDF of the current version (signed and stamped).
 */
const outgoingItems = (recordId: string) => sql`
  select i.id as item_id, i.ordinal, o.id as document_id, i.added_by, u.full_name as added_by_name,
    i.added_at, o.state::text as state, null as source, o.reference, o.number::text as number,
    o.notation, o.issue_date, o.doc_type, coalesce(av.name, '') as organ_name, o.subject,
    null::int as page_count, o.notes, s.full_name as signer_name, o.signer_position,
    o.urgency::text as urgency, o.secrecy::text as secrecy, null::date as due_date,
    null::date as arrival_date, null::int as arrival_number, null as direction, null as to_places,
    coalesce((select json_agg(json_build_object('organId', r.agency_code, 'organName', r.name) order by r.position)
       from outgoing_recipients r where r.document_id = o.id), '[]'::json) as recipients,
    coalesce((select json_agg(json_build_object('sha256', f.sha256, 'pages', b.page_count) order by vf.position)
       from outgoing_version_files vf join files f on f.id = vf.file_id join blobs b on b.sha256 = f.sha256
       where vf.document_id = o.id and vf.version = o.current_version and vf.role = 'main'
         and f.media_type = 'application/pdf'), '[]'::json) as pdfs
  from record_items i join outgoing_documents o on o.id = i.outgoing_document_id
  join users u on u.id = i.added_by join users s on s.id = o.signer_id
  left join lateral (select v.name from agency_versions v
    where v.agency_id = o.agency_id and v.valid_from <= coalesce(o.issue_date, current_date)
    order by v.valid_from desc limit 1) av on true
  where i.record_id = ${recordId}`;

function present(kind: 'incoming' | 'outgoing', r: Row): ItemDocument {
  const pdfPages = r.pdfs.reduce((sum, p) => sum + (p.pages ?? 0), 0);
  return {
    id: r.item_id,
    ordinal: r.ordinal,
    kind,
    documentId: r.document_id,
    addedBy: { id: r.added_by, fullName: r.added_by_name },
    addedAt: new Date(r.added_at).toISOString(),
    pdfs: r.pdfs,
    direction: r.direction,
    document: {
      state: r.state,
      reference: r.reference,
      docType: r.doc_type,
      typeName: typeName(r.doc_type),
      codeNumber: r.number,
      codeNotation: r.notation,
      issuedDate: r.issue_date,
      organName: r.organ_name,
      subject: r.subject,
      language: 'Tiếng Việt',
      // The registered page count of an incoming document, else the pages of its PDFs.
      pageAmount: r.page_count ?? (r.pdfs.length > 0 ? pdfPages : null),
      description: r.notes,
      signer: r.signer_name ? { position: r.signer_position, fullName: r.signer_name } : null,
      urgency: r.urgency,
      secrecy: r.secrecy,
      dueDate: r.due_date,
      source: r.source,
      arrivalDate: r.arrival_date,
      arrivalNumber: r.arrival_number,
      toPlaces: r.to_places,
      to: r.recipients,
      hasPdf: r.pdfs.length > 0,
    },
  };
}

/** The documents of a record in DocOrdinal order. */
export async function recordDocuments(db: Db, recordId: string): Promise<ItemDocument[]> {
  const incoming = await queryRows<Row>(db, incomingItems(recordId));
  const outgoing = await queryRows<Row>(db, outgoingItems(recordId));
  return [
    ...incoming.map((r) => present('incoming', r)),
    ...outgoing.map((r) => present('outgoing', r)),
  ].sort((a, b) => a.ordinal - b.ordinal || a.addedAt.localeCompare(b.addedAt));
}
