import { sql } from 'drizzle-orm';
import { queryRows } from '../../platform/db/database.js';
import { commonErrors } from '../../platform/errors/app-error.js';
import type { Actor } from '../identity/index.js';
import {
  buildIncomingRegisterPdf,
  buildIncomingRegisterXlsx,
  type IncomingRegisterRow,
  registerAgencyNames,
} from '../registers/index.js';
import { incomingErrors } from './incoming.errors.js';
import { actorScope } from './incoming.models.js';
import { docTypeName } from './incoming.presenters.js';
import type { IncomingDeps } from './incoming.usecase-kit.js';
import { visibleTo } from './incoming.visibility.js';

/**
 * The incoming register of Decree 30 Appendix IV for a date range: arrival date and number,
 * issuer, number/notation, date, type and subject, receiving unit or person, transfer date,
 * signature (left blank for paper), notes. Confidential documents have their own register.
 */
export async function incomingRegisterReport(
  deps: IncomingDeps,
  actor: Actor,
  query: { from: string; to: string; secret: boolean },
) {
  const scope = actorScope(actor);
  const agencyId = scope.agencyWideIds.includes(actor.agencyId)
    ? actor.agencyId
    : scope.agencyWideIds[0];
  if (!agencyId) throw incomingErrors.forbidden('Registers are for clerks and leaders');
  if (query.to < query.from) throw commonErrors.validation('"to" is before "from"');
  const rows = await queryRows<{
    arrival_date: string;
    arrival_number: number;
    sender_name: string;
    reference: string;
    issue_date: string;
    doc_type: string;
    subject: string;
    receivers: string | null;
    transfer_date: string | null;
    notes: string | null;
    secrecy: string;
  }>(
    deps.db,
    sql`select d.arrival_date, d.arrival_number, d.sender_name, d.reference, d.issue_date,
          d.doc_type, d.subject, d.notes, d.secrecy,
          (select string_agg(coalesce(un.name, '') ||
                    case when un.name is not null and u.full_name is not null then ' – ' else '' end ||
                    coalesce(u.full_name, ''), '; ' order by s.role, s.assigned_at)
             from assignments s
             left join units un on un.id = s.unit_id
             left join users u on u.id = s.user_id
             where s.document_id = d.id and s.parent_id is null and s.role <> 'for_information')
            as receivers,
          (coalesce(d.directed_at, d.submitted_at) at time zone 'Asia/Ho_Chi_Minh')::date::text
            as transfer_date
        from incoming_documents d
        where d.agency_id = ${agencyId} and d.arrival_number is not null
          and d.arrival_date between ${query.from}::date and ${query.to}::date
          and ${query.secret ? sql`d.secrecy <> 'normal'` : sql`d.secrecy = 'normal'`}
          and ${visibleTo(scope)}
        order by d.arrival_date, d.arrival_number`,
  );
  const names = await registerAgencyNames(deps.db, agencyId, deps.clock.now());
  const reportRows: IncomingRegisterRow[] = rows.map((r) => ({
    arrivalDate: r.arrival_date,
    arrivalNumber: r.arrival_number,
    senderName: r.sender_name,
    reference: r.reference,
    issueDate: r.issue_date,
    typeName: docTypeName(r.doc_type),
    subject: r.subject,
    receivers: r.receivers ?? '',
    transferDate: r.transfer_date,
    notes: r.notes,
    secret: r.secrecy !== 'normal',
  }));
  const meta = {
    ...names,
    registerName: query.secret ? 'Sổ đăng ký văn bản đến mật' : 'Sổ đăng ký văn bản đến',
    year: Number(query.from.slice(0, 4)),
    from: query.from,
    to: query.to,
    generatedAt: deps.clock.now(),
  };
  return { rows: reportRows, meta };
}

export async function exportIncomingRegister(
  deps: IncomingDeps,
  actor: Actor,
  query: { from: string; to: string; secret: boolean; format: 'xlsx' | 'pdf' },
) {
  const { rows, meta } = await incomingRegisterReport(deps, actor, query);
  return query.format === 'xlsx'
    ? buildIncomingRegisterXlsx(rows, meta)
    : buildIncomingRegisterPdf(rows, meta);
}
