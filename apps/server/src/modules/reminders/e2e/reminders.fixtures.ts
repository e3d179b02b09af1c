import type { IncomingDetail } from '@vanban/contracts';
import { sql } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import { expect } from 'vitest';
import { post, registerBody, unitId, userId } from '../../../../test/incoming-fixtures.js';
import { json, loginAs } from '../../../../test/test-app.js';
import type { fixedClock } from '../../../platform/clock/clock.js';
import { queryRows, type Db } from '../../../platform/db/database.js';

export const SNV = '000.00.02.H26';

/** A Vietnam wall-clock time as an instant. */
export const vn = (local: string) => new Date(`${local}+07:00`);

export interface World {
  app: FastifyInstance;
  db: Db;
  clock: ReturnType<typeof fixedClock>;
}

/**
 * Registers an incoming document at `at` (Vietnam time), presents it to giamdoc.snv, who directs
 * it to `lead` (a username) with `due`, and optionally to a unit of the department as co-handler.
 */
export async function assignedDocument(
  w: World,
  input: {
    at: string;
    due: string;
    lead: string;
    coUnit?: string;
    urgency?: 'normal' | 'urgent' | 'top_urgent' | 'flash';
    secrecy?: 'normal' | 'confidential';
    subject?: string;
  },
) {
  w.clock.set(vn(input.at));
  const clerk = await loginAs(w.app, 'vanthu.snv');
  const leader = await loginAs(w.app, 'giamdoc.snv');
  const created = await post(
    w.app,
    clerk,
    '/api/incoming',
    registerBody({
      issueDate: input.at.slice(0, 10),
      urgency: input.urgency ?? 'normal',
      ...(input.secrecy ? { secrecy: input.secrecy } : {}),
      subject: input.subject ?? 'Về việc báo cáo tình hình thực hiện cải cách hành chính',
    }),
  );
  expect(created.statusCode, created.body).toBe(201);
  const id = json<IncomingDetail>(created).id;
  const submitted = await post(w.app, clerk, `/api/incoming/${id}/submit`, {
    userId: await userId(w.db, 'giamdoc.snv'),
  });
  expect(submitted.statusCode, submitted.body).toBe(200);
  const directed = await post(w.app, leader, `/api/incoming/${id}/direct`, {
    direction: 'Giao xử lý, báo cáo đúng hạn.',
    lead: { userId: await userId(w.db, input.lead) },
    coHandlers: input.coUnit
      ? [{ unitId: await unitId(w.db, SNV, input.coUnit), due: { date: input.due } }]
      : [],
    due: { date: input.due },
  });
  expect(directed.statusCode, directed.body).toBe(200);
  const detail = json<IncomingDetail>(directed);
  const lead = detail.assignments.find((a) => a.active && a.role === 'lead');
  const co = detail.assignments.find((a) => a.active && a.role === 'co_handler');
  if (!lead) throw new Error('no lead assignment');
  return { id, leadAssignmentId: lead.id, coAssignmentId: co?.id ?? null };
}

export interface ReminderRow {
  kind: string;
  on_date: string;
  username: string;
  item_key: string;
  title: string | null;
}

/** Reminders sent, oldest first, with the recipient's username and the bell's text. */
export async function reminderRows(db: Db, itemKeys?: string[]): Promise<ReminderRow[]> {
  return queryRows<ReminderRow>(
    db,
    sql`select r.kind::text as kind, r.on_date::text as on_date, u.username, r.item_key, n.title
        from reminder_deliveries r join users u on u.id = r.user_id
        left join notifications n on n.id = r.notification_id
        ${
          itemKeys
            ? sql`where r.item_key in (${sql.join(
                itemKeys.map((k) => sql`${k}`),
                sql`, `,
              )})`
            : sql``
        }
        order by r.on_date, r.kind, u.username`,
  );
}

export async function count(db: Db, table: string, where = sql`true`): Promise<number> {
  const [row] = await queryRows<{ n: number }>(
    db,
    sql`select count(*)::int as n from ${sql.identifier(table)} where ${where}`,
  );
  return row?.n ?? 0;
}

/** Sets the e-mail address and phone number of an account as the city administrator. */
export async function setContact(
  w: World,
  username: string,
  contact: { email?: string | null; phone?: string | null },
): Promise<void> {
  const admin = await loginAs(w.app, 'admin');
  const res = await w.app.inject({
    method: 'PATCH',
    url: `/api/admin/users/${await userId(w.db, username)}`,
    headers: admin.headers(),
    payload: contact,
  });
  expect(res.statusCode, res.body).toBe(200);
}
