import { z } from 'zod';

export const uuidSchema = z.uuid();
/** Calendar date `YYYY-MM-DD` (validity dates, due dates). */
export const isoDateSchema = z.iso.date();
export const isoDateTimeSchema = z.iso.datetime({ offset: true });

export const roleValues = [
  'clerk',
  'leader',
  'deputy',
  'unit_head',
  'specialist',
  'admin',
] as const;
export const roleSchema = z.enum(roleValues);
export type Role = z.infer<typeof roleSchema>;

export const okSchema = z.object({ ok: z.literal(true) });
