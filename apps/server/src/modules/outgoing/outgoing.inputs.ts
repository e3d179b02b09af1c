import type { RecipientInput } from '@vanban/contracts';
import { sql } from 'drizzle-orm';
import { queryRows, type Db } from '../../platform/db/database.js';
import { uuidArray } from '../../platform/db/sql.js';
import { findVersionByCode } from '../organizations/index.js';
import { outgoingErrors } from './outgoing.errors.js';
import type { RecipientRow } from './outgoing.repository.js';
import { newId } from '../../platform/db/ids.js';

type NewRecipient = Omit<RecipientRow, 'documentId' | 'position'>;

/**
 * Nơi nhận from the form: agencies by code (the version valid today), units of the own agency,
 * free text. Unknown codes or units are a 422 naming the entry; nothing is stored.
 */
export async function resolveRecipients(
  tx: Db,
  agencyId: string,
  inputs: readonly RecipientInput[],
  today: string,
): Promise<NewRecipient[]> {
  const out: NewRecipient[] = [];
  for (const [i, input] of inputs.entries()) {
    const base = {
      id: newId(),
      channel: null,
      status: 'pending' as const,
      incomingDocumentId: null,
    };
    const none = {
      agencyId: null,
      agencyCode: null,
      unitId: null,
      statusAt: null,
      statusNote: null,
    };
    if ('agencyCode' in input) {
      const v = await findVersionByCode(tx, input.agencyCode, today);
      if (!v) throw unknownRecipient(i, `No agency with code ${input.agencyCode}`);
      out.push({
        ...base,
        ...none,
        kind: 'agency',
        agencyId: v.agencyId,
        agencyCode: v.code,
        name: v.name,
      });
    } else if ('unitId' in input) {
      const [u] = await queryRows<{ id: string; name: string }>(
        tx,
        sql`select id, name from units where id = ${input.unitId} and agency_id = ${agencyId}
            and valid_to is null`,
      );
      if (!u) throw unknownRecipient(i, 'Not a unit of this agency');
      out.push({ ...base, ...none, kind: 'unit', unitId: u.id, name: u.name });
    } else {
      out.push({ ...base, ...none, kind: 'text', name: input.name });
    }
  }
  return out;
}

function unknownRecipient(index: number, message: string) {
  return outgoingErrors.recipientUnknown(message, {
    errors: [{ path: `recipients.${index}`, code: 'outgoing.recipient_unknown', message }],
  });
}

/** The signer must be a leader, deputy or unit head of the issuing agency, not disabled. */
export async function resolveSigner(tx: Db, agencyId: string, signerId: string) {
  const [row] = await queryRows<{ id: string; full_name: string; title: string | null }>(
    tx,
    sql`select u.id, u.full_name,
          (select p.title from user_positions p where p.user_id = u.id and p.agency_id = ${agencyId}
           order by p.unit_id nulls first limit 1) as title
        from users u
        where u.id = ${signerId} and not u.disabled and exists (
          select 1 from user_roles r where r.user_id = u.id and r.agency_id = ${agencyId}
            and r.role in ('leader', 'deputy', 'unit_head'))`,
  );
  if (!row)
    throw outgoingErrors.signerInvalid('The signer must lead this agency or one of its units', {
      errors: [{ path: 'signerId', code: 'outgoing.signer_invalid', message: 'Not a signer here' }],
    });
  return { id: row.id, fullName: row.full_name, position: row.title };
}

/** Incoming documents of the same agency that this one answers. */
export async function resolveAnswers(tx: Db, agencyId: string, ids: readonly string[]) {
  const wanted = [...new Set(ids)];
  if (wanted.length === 0) return [];
  const rows = await queryRows<{ id: string }>(
    tx,
    sql`select id from incoming_documents where agency_id = ${agencyId}
        and id = any(${uuidArray(wanted)})`,
  );
  const missing = wanted.filter((id) => !rows.some((r) => r.id === id));
  if (missing.length > 0)
    throw outgoingErrors.answerUnknown(`Unknown incoming documents: ${missing.join(', ')}`, {
      errors: [{ path: 'answers', code: 'outgoing.answer_unknown', message: missing.join(', ') }],
    });
  return wanted;
}

/** The drafter's unit: the unit of their first unit role, else of their position. */
export async function drafterUnit(tx: Db, userId: string, agencyId: string) {
  const [row] = await queryRows<{ unit_id: string | null }>(
    tx,
    sql`select coalesce(
          (select unit_id from user_roles where user_id = ${userId} and agency_id = ${agencyId}
             and unit_id is not null limit 1),
          (select unit_id from user_positions where user_id = ${userId} and agency_id = ${agencyId}
             and unit_id is not null limit 1)) as unit_id`,
  );
  return row?.unit_id ?? null;
}
