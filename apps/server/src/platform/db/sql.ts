import { sql, type SQL } from 'drizzle-orm';

/**
 * A uuid[] parameter. Drizzle expands JS arrays into a list of parameters, which `= any(...)`
 * cannot take; a PostgreSQL array literal with a `::uuid[]` cast can, and the cast rejects
 * anything that is not a uuid.
 */
export function uuidArray(ids: readonly string[]): SQL {
  return sql`${`{${ids.join(',')}}`}::uuid[]`;
}

/**
 * A text[] parameter, for the same reason as `uuidArray`. Every element is quoted and `"`/`\`
 * escaped, so values from outside (agency codes read from a hub packet) cannot break the literal.
 */
export function textArray(values: readonly string[]): SQL {
  const quoted = values.map((v) => `"${v.replace(/["\\]/g, '\\$&')}"`);
  return sql`${`{${quoted.join(',')}}`}::text[]`;
}
