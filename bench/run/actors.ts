import type pg from 'pg';

/** What `actorScope` (incoming.models.ts) derives from a user's roles, read with plain SQL. */
export interface Scope {
  userIds: string[];
  unitIds: string[];
  headUnitIds: string[];
  clerkAgencyIds: string[];
  agencyWideIds: string[];
}

export interface Actor {
  username: string;
  userId: string;
  fullName: string;
  agencyId: string;
  scope: Scope;
}

const uniq = (xs: (string | null)[]) => [...new Set(xs.filter((x): x is string => x !== null))];

async function actors(pool: pg.Pool, userIds: string[]): Promise<Actor[]> {
  if (userIds.length === 0) return [];
  const { rows: users } = await pool.query<{
    id: string;
    username: string;
    full_name: string;
    agency_id: string;
  }>('select id, username, full_name, agency_id from users where id = any($1::uuid[])', [userIds]);
  const { rows: roles } = await pool.query<{
    user_id: string;
    role: string;
    agency_id: string;
    unit_id: string | null;
  }>('select user_id, role, agency_id, unit_id from user_roles where user_id = any($1::uuid[])', [
    userIds,
  ]);
  const byId = new Map(users.map((u) => [u.id, u]));
  return userIds.flatMap((id) => {
    const u = byId.get(id);
    if (!u) return [];
    const mine = roles.filter((r) => r.user_id === id);
    const agencies = (...names: string[]) =>
      uniq(mine.filter((r) => names.includes(r.role)).map((r) => r.agency_id));
    return [
      {
        username: u.username,
        userId: u.id,
        fullName: u.full_name,
        agencyId: u.agency_id,
        scope: {
          userIds: [u.id],
          unitIds: uniq(mine.map((r) => r.unit_id)),
          headUnitIds: uniq(mine.filter((r) => r.role === 'unit_head').map((r) => r.unit_id)),
          clerkAgencyIds: agencies('clerk'),
          agencyWideIds: agencies('clerk', 'leader', 'deputy'),
        },
      },
    ];
  });
}

/** The people with the most open lead assignments: the fullest "to handle" inboxes. */
export async function busyHandlers(pool: pg.Pool, n: number): Promise<Actor[]> {
  const { rows } = await pool.query<{ user_id: string }>(
    `select user_id from assignments
      where active and role = 'lead' and state in ('assigned', 'in_progress') and user_id is not null
      group by user_id order by count(*) desc, user_id limit $1`,
    [n],
  );
  return actors(
    pool,
    rows.map((r) => r.user_id),
  );
}

/** Clerks and leaders of the agencies with the most documents: the biggest agency-wide lists. */
export async function agencyWideUsers(pool: pg.Pool, n: number): Promise<Actor[]> {
  const { rows } = await pool.query<{ user_id: string }>(
    `with big as (select agency_id, count(*) as n from incoming_documents group by agency_id
                  order by n desc limit greatest(1, $1 / 3))
     select r.user_id from user_roles r join big on big.agency_id = r.agency_id
      where r.role in ('clerk', 'leader', 'deputy')
      order by big.n desc, r.role, r.user_id limit $1`,
    [n],
  );
  return actors(pool, uniq(rows.map((r) => r.user_id)));
}

/** One clerk in each of the `n` agencies with the most documents (registration spreads out). */
export async function clerks(pool: pg.Pool, n: number): Promise<Actor[]> {
  const { rows } = await pool.query<{ user_id: string }>(
    `select distinct on (r.agency_id) r.user_id, r.agency_id,
            (select count(*) from incoming_documents d where d.agency_id = r.agency_id) as docs
       from user_roles r where r.role = 'clerk' order by r.agency_id, r.user_id`,
  );
  const ordered = [...rows] as unknown as { user_id: string; docs: number }[];
  ordered.sort((a, b) => b.docs - a.docs);
  return actors(
    pool,
    ordered.slice(0, n).map((r) => r.user_id),
  );
}

/** Documents the actor may open (named access, or their agency's when agency-wide). */
export async function visibleDocuments(pool: pg.Pool, a: Actor, k: number): Promise<string[]> {
  const { rows } = await pool.query<{ id: string }>(
    `(select a.document_id as id from incoming_access a where a.principal_id = $1
       order by md5(a.document_id::text) limit $3)
     union
     (select d.id from incoming_documents d where d.agency_id = any($2::uuid[]) and d.secrecy = 'normal'
       order by md5(d.id::text) limit $3)`,
    [a.userId, a.scope.agencyWideIds, k],
  );
  return rows.map((r) => r.id).slice(0, k);
}

/** A real reference of the actor's documents, for number/notation searches. */
export async function referenceOf(pool: pg.Pool, documentId: string): Promise<string> {
  const { rows } = await pool.query<{ reference: string }>(
    'select reference from incoming_documents where id = $1',
    [documentId],
  );
  return rows[0]?.reference ?? '1/UBND';
}
