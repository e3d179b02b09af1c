import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const repoRoot = fileURLToPath(new URL('../../', import.meta.url));
export const benchDir = path.join(repoRoot, 'bench');

/** Where a bench database keeps its files (git-ignored `data/`): blobs, secret key, manifest. */
export function dataDirFor(database: string): string {
  return path.join(benchDir, 'data', database);
}

/** Today in Vietnam, `YYYY-MM-DD`. */
export function todayInVietnam(): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Ho_Chi_Minh' }).format(new Date());
}
