import type { z } from 'zod';
import type { outgoingRegisterQuerySchema } from '@vanban/contracts';
import { sql } from 'drizzle-orm';
import { queryRows } from '../../platform/db/database.js';
import { commonErrors } from '../../platform/errors/app-error.js';
import type { Actor } from '../identity/index.js';
import {
  buildOutgoingRegisterPdf,
  buildOutgoingRegisterXlsx,
  type OutgoingRegisterRow,
  registerAgencyNames,
} from '../registers/index.js';
import { outgoingErrors } from './outgoing.errors.js';
import { documentTypeOf } from './outgoing.models.js';
import { outgoingScope, type OutgoingDeps } from './outgoing.usecase-kit.js';
import { visibleTo } from './outgoing.visibility.js';

type Query = z.infer<typeof outgoingRegisterQuerySchema>;

const registerNames = {
  outgoing: 'Sổ đăng ký văn bản đi',
  outgoing_legal: 'Sổ đăng ký văn bản quy phạm pháp luật',
  outgoing_secret: 'Sổ đăng ký văn bản đi mật',
} as const;

/**
 * The outgoing register of Decree 30 Appendix IV for a date range and series: number and
 * notation, date, type and subject, signer, recipients, who keeps the file copy, number of
 * copies, transfer date, signature of receipt (blank), notes. For clerks and leaders.
 */
export async function outgoingRegisterReport(
  deps: Pick<OutgoingDeps, 'db' | 'clock'>,
  actor: Actor,
  query: Pick<Query, 'from' | 'to' | 'series'>,
) {
  const scope = outgoingScope(actor);
  const agencyId = scope.agencyWideIds.includes(actor.agencyId)
    ? actor.agencyId
    : scope.agencyWideIds[0];
  if (!agencyId) throw outgoingErrors.forbidden('Registers are for clerks and leaders');
  if (query.to < query.from) throw commonErrors.validation('"to" is before "from"');
  const rows = await queryRows<{
    number: number;
    reference: string;
    issue_date: string;
    doc_type: string;
    subject: string;
    signer: string;
    recipients: string | null;
    unit_code: string | null;
    issued_at: string | null;
    notes: string | null;
    revoke_reason: string | null;
    secrecy: string;
  }>(
    deps.db,
    sql`select d.number, d.reference, d.issue_date::text as issue_date, d.doc_type, d.subject,
          s.full_name as signer, d.notes, d.revoke_reason, d.secrecy, d.issued_at, u.code as unit_code,
          (select string_agg(r.name, '; ' order by r.position) from outgoing_recipients r
            where r.document_id = d.id) as recipients
        from outgoing_documents d join registers g on g.id = d.register_id
        join users s on s.id = d.signer_id left join units u on u.id = d.drafter_unit_id
        where d.agency_id = ${agencyId} and g.series = ${query.series}
          and d.issue_date between ${query.from}::date and ${query.to}::date
          and ${visibleTo(scope)}
        order by g.type_code, d.number`,
  );
  const names = await registerAgencyNames(deps.db, agencyId, deps.clock.now());
  const reportRows: OutgoingRegisterRow[] = rows.map((r) => ({
    number: r.number,
    reference: r.reference,
    issueDate: r.issue_date,
    typeName: documentTypeOf(r.doc_type).name,
    subject: r.subject,
    signerName: r.signer,
    recipients: r.recipients ?? '',
    fileCopyHolder: ['Lưu: VT', r.unit_code].filter(Boolean).join(', '),
    copies: null,
    transferDate: r.issued_at ? new Date(r.issued_at).toISOString() : null,
    notes:
      [r.notes, r.revoke_reason ? `Đã thu hồi: ${r.revoke_reason}` : null]
        .filter(Boolean)
        .join('. ') || null,
    secret: r.secrecy !== 'normal',
  }));
  const meta = {
    ...names,
    registerName: registerNames[query.series],
    year: Number(query.from.slice(0, 4)),
    from: query.from,
    to: query.to,
    generatedAt: deps.clock.now(),
  };
  return { rows: reportRows, meta };
}

export async function exportOutgoingRegister(
  deps: Pick<OutgoingDeps, 'db' | 'clock'>,
  actor: Actor,
  query: Query & { format: 'xlsx' | 'pdf' },
) {
  const { rows, meta } = await outgoingRegisterReport(deps, actor, query);
  return query.format === 'xlsx'
    ? buildOutgoingRegisterXlsx(rows, meta)
    : buildOutgoingRegisterPdf(rows, meta);
}
