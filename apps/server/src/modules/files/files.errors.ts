import { defineError } from '../../platform/errors/app-error.js';

export const filesErrors = {
  /** Also what a user without access gets: the file's existence is not revealed. */
  notFound: defineError('files.not_found', 404, 'File not found'),
  fileRequired: defineError(
    'files.file_required',
    400,
    'Send the file as the "file" part of a multipart/form-data body',
  ),
  tooLarge: defineError('files.too_large', 413, 'The file is larger than the upload limit'),
  typeForbidden: defineError('files.type_forbidden', 415, 'This type of file is not accepted'),
  typeMismatch: defineError(
    'files.type_mismatch',
    422,
    'The content of the file does not match its name or declared type',
  ),
  pdfInvalid: defineError('files.pdf_invalid', 422, 'The PDF file is damaged or not a PDF'),
  rangeNotSatisfiable: defineError(
    'files.range_not_satisfiable',
    416,
    'The requested byte range is outside the file',
  ),
};
