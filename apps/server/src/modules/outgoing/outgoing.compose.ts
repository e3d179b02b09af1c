import type { CreateOutgoingBody } from '@vanban/contracts';
import { PDFDocument } from '@cantoo/pdf-lib';
import { sql } from 'drizzle-orm';
import { queryRows, type Db } from '../../platform/db/database.js';
import { storeGeneratedFile } from '../files/index.js';
import type { Actor } from '../identity/index.js';
import { renderOfficialDocument } from './outgoing.layout.js';
import { documentTypeOf } from './outgoing.models.js';
import * as repo from './outgoing.repository.js';
import type { OutgoingDeps } from './outgoing.usecase-kit.js';

export interface AgencyHeader {
  name: string;
  shortName: string | null;
  parentName: string | null;
  /** Province or city of the seat, printed before the date (App. I §II.4). */
  place: string | null;
}

/** The issuing agency as the header and the notation print it (current directory version). */
export async function agencyHeader(db: Db, agencyId: string): Promise<AgencyHeader> {
  const [row] = await queryRows<{
    name: string;
    short_name: string | null;
    parent: string | null;
    address: string | null;
  }>(
    db,
    sql`select v.name, v.short_name, v.address,
          (select p.name from agency_versions p where p.agency_id = v.parent_agency_id
             and p.valid_to is null limit 1) as parent
        from agency_versions v where v.agency_id = ${agencyId} and v.valid_to is null limit 1`,
  );
  if (!row) throw new Error(`agency ${agencyId} has no current version`);
  const place = row.address?.split(',').at(-1)?.trim() || null;
  return { name: row.name, shortName: row.short_name, parentName: row.parent, place };
}

/**
 * Lays the drafter's text out as a Decree 30 document (header, motto, blanks for number and date,
 * signature block, "Nơi nhận") and keeps it as the draft's main PDF. The signature box of the
 * layout becomes the document's, so the signature lands exactly between position and name.
 */
export async function composeMainFile(
  deps: Pick<OutgoingDeps, 'storage' | 'clock'>,
  tx: Db,
  doc: repo.OutgoingRow,
  compose: NonNullable<CreateOutgoingBody['compose']>,
  actor: Actor,
): Promise<string> {
  const header = await agencyHeader(tx, doc.agencyId);
  const type = documentTypeOf(doc.docType);
  const [signer] = await queryRows<{ full_name: string }>(
    tx,
    sql`select full_name from users where id = ${doc.signerId}`,
  );
  const recipients = await repo.recipients(tx, doc.id);
  const rendered = await renderOfficialDocument({
    ...(header.parentName ? { parentAgencyName: header.parentName } : {}),
    agencyName: header.name,
    docTypeName: type.name,
    isOfficialLetter: !type.abbreviation,
    notationSuffix: type.abbreviation ? `${type.abbreviation}-${header.shortName ?? ''}` : '',
    place: header.place ?? '',
    subject: doc.subject,
    body: compose.body,
    ...(compose.authority ? { authority: compose.authority } : {}),
    signerPosition: (doc.signerPosition ?? '').toLocaleUpperCase('vi'),
    signerName: signer?.full_name ?? '',
    recipients: [...recipients.map((r) => `- ${r.name};`), `- Lưu: VT.`],
  });
  const file = await storeGeneratedFile(deps, tx, {
    bytes: rendered.pdf,
    name: `${type.name} - ${doc.subject}`.slice(0, 120) + '.pdf',
    mediaType: 'application/pdf',
    pageCount: (await PDFDocument.load(rendered.pdf, { updateMetadata: false })).getPageCount(),
    createdBy: actor.userId,
    agencyId: doc.agencyId,
  });
  if (!doc.signatureBox)
    await repo.updateDocument(tx, doc.id, { signatureBox: rendered.boxes.signature });
  return file.id;
}
