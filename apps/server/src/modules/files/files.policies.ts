import type { Db } from '../../platform/db/database.js';
import type { Actor } from '../identity/index.js';

/**
 * Another way to be allowed to read a file, registered by the module that gives files meaning
 * (e.g. "attached to a document the actor may see"). Should be one indexed query.
 */
export type FileAccessRule = (db: Db, actor: Actor, fileId: string) => Promise<boolean>;

/** The uploader always may; otherwise the first rule that says yes decides. */
export async function canReadFile(
  db: Db,
  actor: Actor,
  file: { id: string; uploadedBy: string },
  rules: readonly FileAccessRule[],
): Promise<boolean> {
  if (file.uploadedBy === actor.userId) return true;
  for (const rule of rules) if (await rule(db, actor, file.id)) return true;
  return false;
}
