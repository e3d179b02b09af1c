import { sql } from 'drizzle-orm';
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { queryRows, type Db } from '../src/platform/db/database.js';
import { multipart } from './fixtures/files.js';
import type { Session } from './test-app.js';

export async function userId(db: Db, username: string): Promise<string> {
  const [row] = await queryRows<{ id: string }>(
    db,
    sql`select id from users where username = ${username}`,
  );
  if (!row) throw new Error(`no user ${username}`);
  return row.id;
}

export async function unitId(db: Db, agencyCode: string, unitCode: string): Promise<string> {
  const [row] = await queryRows<{ id: string }>(
    db,
    sql`select u.id from units u join agency_versions v on v.agency_id = u.agency_id
        where v.code = ${agencyCode} and v.valid_to is null and u.code = ${unitCode}`,
  );
  if (!row) throw new Error(`no unit ${agencyCode}/${unitCode}`);
  return row.id;
}

let seq = 0;
/** A valid registration body; each call gets its own reference unless one is given. */
export function registerBody(overrides: Record<string, unknown> = {}) {
  seq += 1;
  return {
    sender: { agencyCode: '000.00.00.H26' },
    reference: `${100 + seq}/UBND-VX`,
    issueDate: '2026-02-26',
    docType: 'official_letter',
    subject: 'Về việc triển khai kế hoạch cải cách hành chính năm 2026',
    signerName: 'Nguyễn Văn An',
    signerPosition: 'Chủ tịch',
    ...overrides,
  };
}

export function post(
  app: FastifyInstance,
  session: Session,
  url: string,
  payload: unknown,
  extraHeaders: Record<string, string> = {},
): Promise<LightMyRequestResponse> {
  return app.inject({
    method: 'POST',
    url,
    headers: session.headers(extraHeaders),
    payload: payload as Record<string, unknown>,
  });
}

export function get(
  app: FastifyInstance,
  session: Session,
  url: string,
  extraHeaders: Record<string, string> = {},
): Promise<LightMyRequestResponse> {
  return app.inject({ method: 'GET', url, headers: { cookie: session.cookie, ...extraHeaders } });
}

/** Upload one file as the browser does (multipart, field `file`). */
export async function uploadFile(
  app: FastifyInstance,
  session: Session,
  name: string,
  bytes: Buffer,
  mediaType: string,
): Promise<LightMyRequestResponse> {
  const { payload, headers } = multipart({ filename: name, contentType: mediaType, data: bytes });
  return app.inject({
    method: 'POST',
    url: '/api/files',
    headers: session.headers(headers),
    payload,
  });
}
