import { z } from 'zod';
import { isoDateTimeSchema, uuidSchema } from '../common/primitives.contract.js';

/** Extensions an upload may have; the bytes must match (checked by content, not by name). */
export const uploadExtensions = [
  'pdf',
  'docx',
  'doc',
  'xlsx',
  'xls',
  'odt',
  'ods',
  'pptx',
  'png',
  'jpg',
  'jpeg',
  'tif',
  'tiff',
  'zip',
  'xml',
  'txt',
] as const;

/** `pending` until the extraction job ran; `none` when the type has no text (or a scan). */
export const textStateSchema = z.enum(['pending', 'done', 'none', 'failed']);
export type TextState = z.infer<typeof textStateSchema>;

export const fileSchema = z.object({
  id: uuidSchema,
  name: z.string(),
  mediaType: z.string(),
  size: z.number().int().nonnegative(),
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
  /** PDFs only. */
  pageCount: z.number().int().nullable(),
  textState: textStateSchema,
  createdAt: isoDateTimeSchema,
});
export type FileMetadata = z.infer<typeof fileSchema>;

export const fileParamsSchema = z.object({ id: uuidSchema });

export const fileContentQuerySchema = z.strictObject({
  /** `inline` previews PDFs and images in the browser; other types always download. */
  disposition: z.enum(['attachment', 'inline']).default('attachment'),
});

/**
 * Documents `POST /api/files` (multipart/form-data with one `file` part). The server streams the
 * part itself, so this schema only describes the form; it accepts the empty (null) parsed body.
 */
export const fileUploadBodySchema = z
  .object({ file: z.unknown().optional().meta({ type: 'string', format: 'binary' }) })
  .nullish();
