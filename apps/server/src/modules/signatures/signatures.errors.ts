import { errorCodes as c } from '@vanban/contracts';
import { defineError } from '../../platform/errors/app-error.js';

export const signaturesErrors = {
  certificateMissing: defineError(
    c.signingCertificateMissing,
    422,
    'No signing certificate is on file',
  ),
  certificateExpired: defineError(
    c.signingCertificateExpired,
    422,
    'The signing certificate has expired',
  ),
  imageMissing: defineError(c.signingImageMissing, 422, 'No signature image is on file'),
  notFound: defineError(c.certificateNotFound, 404, 'Certificate not found'),
};
