import { AppError } from '../errors/app-error.js';

/**
 * Why a signing operation was refused. Codes are stable (`signing.*`) so the use case that calls
 * this library can pass them on as problem+json without translating.
 */
export type SigningErrorCode =
  | 'signing.certificate_expired'
  | 'signing.certificate_not_yet_valid'
  | 'signing.pkcs12_invalid'
  | 'signing.image_invalid'
  | 'signing.pdf_invalid'
  | 'signing.box_invalid'
  | 'signing.no_signature_to_overlap';

const titles: Record<SigningErrorCode, string> = {
  'signing.certificate_expired': 'The signing certificate has expired',
  'signing.certificate_not_yet_valid': 'The signing certificate is not valid yet',
  'signing.pkcs12_invalid': 'The PKCS#12 file or its password is not valid',
  'signing.image_invalid': 'The signature image is not a valid PNG',
  'signing.pdf_invalid': 'The PDF cannot be signed',
  'signing.box_invalid': 'The signature box is outside the page',
  'signing.no_signature_to_overlap': 'There is no personal signature to place the seal on',
};

export class SigningError extends AppError {
  declare readonly code: SigningErrorCode;

  constructor(code: SigningErrorCode, detail?: string, cause?: unknown) {
    super({
      code,
      status: 422,
      title: titles[code],
      ...(detail !== undefined ? { detail } : {}),
      cause,
    });
    this.name = 'SigningError';
  }
}

/** The certificate is outside its validity period at the signing time: nothing is signed. */
export class CertificateValidityError extends SigningError {
  constructor(
    readonly reason: 'expired' | 'not_yet_valid',
    readonly validFrom: Date,
    readonly validTo: Date,
    readonly at: Date,
  ) {
    super(
      reason === 'expired' ? 'signing.certificate_expired' : 'signing.certificate_not_yet_valid',
      `Certificate valid from ${validFrom.toISOString()} to ${validTo.toISOString()}, ` +
        `signing time ${at.toISOString()}`,
    );
    this.name = 'CertificateValidityError';
  }
}
