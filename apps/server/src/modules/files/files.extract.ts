import mammoth from 'mammoth';
import { extractText as extractPdfText } from 'unpdf';
import { openPdf } from './files.inspect.js';
import { normalizeExtractedText } from './files.models.js';

async function pdfText(bytes: Buffer): Promise<string> {
  const pdf = await openPdf(bytes);
  try {
    const { text } = await extractPdfText(pdf, { mergePages: false });
    return text.join('\n\n');
  } finally {
    await pdf.destroy();
  }
}

const extractors: Record<string, (bytes: Buffer) => Promise<string>> = {
  'application/pdf': pdfText,
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document': async (bytes) =>
    (await mammoth.extractRawText({ buffer: bytes })).value,
  'text/plain': async (bytes) => bytes.toString('utf8').replace(/^\uFEFF/, ''),
};

/** Media types whose text we index; the rest get `text_state = none` without being read. */
export function hasExtractableText(mediaType: string): boolean {
  return Object.hasOwn(extractors, mediaType);
}

/**
 * The searchable text of a file: PDF text layer (pdf.js), DOCX body (mammoth), plain text as is.
 * Empty when there is none (a scanned PDF). Throws when the bytes cannot be parsed.
 */
export async function extractText(mediaType: string, bytes: Buffer): Promise<string> {
  const extractor = extractors[mediaType];
  return extractor ? normalizeExtractedText(await extractor(bytes)) : '';
}
