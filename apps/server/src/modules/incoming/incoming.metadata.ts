import type { Due, Secrecy, Urgency } from '@vanban/contracts';
import {
  getDocumentType,
  isDocumentTypeCode,
  parseReference,
  referenceKey,
  toEdxmlCode,
} from '@vanban/edxml';
import type { Db } from '../../platform/db/database.js';
import { dueDateFromWorkingDays } from '../calendar/index.js';
import { findLatestVersionByCode, findVersionByCode } from '../organizations/index.js';
import { incomingErrors } from './incoming.errors.js';
import { urgencyRank } from './incoming.models.js';

export interface MetadataInput {
  sender: { agencyCode: string } | { name: string };
  reference: string;
  issueDate: string;
  docType: string;
  subject: string;
  signerName?: string | undefined;
  signerPosition?: string | undefined;
  urgency: Urgency;
  secrecy: Secrecy;
  pageCount?: number | undefined;
  due?: Due | undefined;
  notes?: string | undefined;
}

/** The columns of `incoming_documents` that come from what the clerk typed. */
export interface ResolvedMetadata {
  senderAgencyId: string | null;
  senderCode: string | null;
  senderName: string;
  number: string;
  notation: string;
  reference: string;
  referenceKey: string;
  issueDate: string;
  docType: string;
  subject: string;
  signerName: string | null;
  signerPosition: string | null;
  urgency: Urgency;
  urgencyRank: number;
  secrecy: Secrecy;
  pageCount: number | null;
  dueDate: string | null;
  notes: string | null;
}

/** A due date given as a date or as working days from today; never in the past. */
export async function resolveDue(db: Db, due: Due | undefined, today: string, path = 'body.due') {
  if (due === undefined) return null;
  const date = 'date' in due ? due.date : await dueDateFromWorkingDays(db, today, due.workingDays);
  if (date < today)
    throw incomingErrors.dueDatePast(`${date} is before today (${today})`, {
      errors: [{ path, message: `${date} is before ${today}`, code: 'past' }],
    });
  return date;
}

const nfc = (s: string | undefined) => (s === undefined || s === '' ? null : s.normalize('NFC'));

/**
 * Validate and normalise registration metadata (Decree 30 App. VI Part II §II): the sender is
 * looked up in the directory as of the issue date (a district closed in 2025 still signed its
 * 2024 letters), the reference is parsed (`12/UBND-VX`, `24/2025/QĐ-UBND`, `05/QyĐ-UBND`).
 */
export async function resolveMetadata(
  db: Db,
  input: MetadataInput,
  today: string,
): Promise<ResolvedMetadata> {
  if (input.issueDate > today)
    throw incomingErrors.referenceInvalid(`The issue date ${input.issueDate} is in the future`, {
      errors: [{ path: 'body.issueDate', message: 'after today', code: 'future_date' }],
    });
  const parsed = parseReference(input.reference, { maxYear: Number(today.slice(0, 4)) });
  if (!parsed.ok)
    throw incomingErrors.referenceInvalid(parsed.message, {
      errors: [{ path: 'body.reference', message: parsed.message, code: parsed.reason }],
    });
  if (!isDocumentTypeCode(input.docType))
    throw incomingErrors.docTypeUnknown(`"${input.docType}" is not a document type code`, {
      errors: [{ path: 'body.docType', message: 'unknown type', code: 'unknown' }],
    });
  let senderAgencyId: string | null = null;
  let senderCode: string | null = null;
  let senderName: string;
  if ('agencyCode' in input.sender) {
    const code = input.sender.agencyCode;
    const version =
      (await findVersionByCode(db, code, input.issueDate)) ??
      (await findLatestVersionByCode(db, code));
    if (!version)
      throw incomingErrors.senderUnknown(`No agency with code ${code}`, {
        errors: [{ path: 'body.sender.agencyCode', message: 'unknown code', code: 'unknown' }],
      });
    senderAgencyId = version.agencyId;
    senderCode = version.code;
    senderName = version.name;
  } else {
    senderName = input.sender.name.normalize('NFC');
  }
  const code = toEdxmlCode(parsed.value);
  return {
    senderAgencyId,
    senderCode,
    senderName,
    number: code.codeNumber,
    notation: code.codeNotation,
    reference: `${code.codeNumber}/${code.codeNotation}`,
    referenceKey: referenceKey(parsed.value),
    issueDate: input.issueDate,
    docType: getDocumentType(input.docType).code,
    subject: input.subject.normalize('NFC'),
    signerName: nfc(input.signerName),
    signerPosition: nfc(input.signerPosition),
    urgency: input.urgency,
    urgencyRank: urgencyRank[input.urgency],
    secrecy: input.secrecy,
    pageCount: input.pageCount ?? null,
    dueDate: await resolveDue(db, input.due, today),
    notes: nfc(input.notes),
  };
}
