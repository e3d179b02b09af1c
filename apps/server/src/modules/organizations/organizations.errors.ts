import { defineError } from '../../platform/errors/app-error.js';

export const organizationErrors = {
  agencyNotFound: defineError('agencies.not_found', 404, 'Agency not found'),
  codeInvalid: defineError('agencies.code_invalid', 400, 'The agency code is not valid'),
  codeTaken: defineError(
    'agencies.code_taken',
    409,
    'Another current agency already has this code',
  ),
  importInvalid: defineError(
    'agencies.import_invalid',
    400,
    'The directory file has errors; nothing was imported',
  ),
  unitNotFound: defineError('units.not_found', 404, 'Unit not found'),
  unitCodeTaken: defineError(
    'units.code_taken',
    409,
    'The agency already has a current unit with this code',
  ),
};
