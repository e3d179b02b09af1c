import type { TaskDetail } from '@vanban/contracts';
import { sql } from 'drizzle-orm';
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { expect } from 'vitest';
import { queryRows, type Db } from '../../../platform/db/database.js';
import { post } from '../../../../test/incoming-fixtures.js';
import { json, type Session } from '../../../../test/test-app.js';

export const CITY = '000.00.00.H26';
export const SNV = '000.00.02.H26';
export const STC = '000.00.03.H26';
export const PHK = '000.00.51.H26';

export async function agencyIdOf(db: Db, code: string): Promise<string> {
  const [row] = await queryRows<{ agency_id: string }>(
    db,
    sql`select agency_id from agency_versions where code = ${code} order by valid_from desc limit 1`,
  );
  if (!row) throw new Error(`no agency ${code}`);
  return row.agency_id;
}

/** POST that must succeed; answers the task page. */
export async function ok(
  app: FastifyInstance,
  session: Session,
  url: string,
  payload: unknown,
  status = 200,
): Promise<TaskDetail> {
  const res = await post(app, session, url, payload);
  expect(res.statusCode, res.body).toBe(status);
  return json<TaskDetail>(res);
}

export function patch(
  app: FastifyInstance,
  session: Session,
  url: string,
  payload: unknown,
): Promise<LightMyRequestResponse> {
  return app.inject({
    method: 'PATCH',
    url,
    headers: session.headers(),
    payload: payload as Record<string, unknown>,
  });
}

/** Rows that a refused request must not have touched. */
export async function footprint(db: Db) {
  const [row] = await queryRows<{ tasks: string; reports: number; audit: number }>(
    db,
    sql`select (select string_agg(id::text || ':' || coalesce(parent_id::text, '-') || ':' || progress
                                  || ':' || state || ':' || depth || ':' || root_id, ',' order by id) from tasks) as tasks,
               (select count(*)::int from task_reports) as reports,
               (select count(*)::int from audit_events) as audit`,
  );
  return row;
}
