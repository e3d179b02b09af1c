import { sql, type SQL } from 'drizzle-orm';

/**
 * A uuid[] parameter. Drizzle expands JS arrays into a list of parameters, which `= any(...)`
 * cannot take; a PostgreSQL array literal with a `::uuid[]` cast can, and the cast rejects
 * anything that is not a uuid.
 */
export function uuidArray(ids: readonly string[]): SQL {
  return sql`${`{${ids.join(',')}}`}::uuid[]`;
}
