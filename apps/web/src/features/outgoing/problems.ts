import { errorCodes as c } from '@vanban/contracts';
import type { TFunction } from 'i18next';
import { isApiError } from '../../app/api';
import type { FieldProblem } from '../../app/api';
import { describeError } from '../../app/errors';
import type { FormFeedback, MessageKey } from '../incoming/problems';

const codeMessages: Partial<Record<string, MessageKey>> = {
  [c.outgoingNotFound]: 'outgoing.errors.notFound',
  [c.outgoingForbidden]: 'outgoing.errors.forbidden',
  [c.forbidden]: 'outgoing.errors.forbidden',
  [c.outgoingInvalidTransition]: 'outgoing.errors.invalidTransition',
  [c.outgoingDocTypeUnknown]: 'outgoing.errors.docTypeUnknown',
  [c.outgoingSignerInvalid]: 'outgoing.errors.signerInvalid',
  [c.outgoingRecipientUnknown]: 'outgoing.errors.recipientUnknown',
  [c.agencyNotFound]: 'outgoing.errors.recipientUnknown',
  [c.unitNotFound]: 'outgoing.errors.recipientUnknown',
  [c.outgoingAnswerUnknown]: 'outgoing.errors.answerUnknown',
  [c.incomingNotFound]: 'outgoing.errors.answerUnknown',
  [c.outgoingReviewerInvalid]: 'outgoing.errors.reviewerInvalid',
  [c.outgoingMainFileNotPdf]: 'outgoing.errors.mainNotPdf',
  [c.outgoingMainFileRequired]: 'outgoing.errors.noContent',
  [c.outgoingNotationMissing]: 'outgoing.errors.notationMissing',
  [c.signingCertificateMissing]: 'outgoing.errors.certificateMissing',
  [c.signingCertificateExpired]: 'outgoing.errors.certificateExpired',
  [c.signingImageMissing]: 'outgoing.errors.signatureImageMissing',
  [c.outgoingSecretNotNetworked]: 'outgoing.errors.secretToHub',
  [c.outgoingNoRecipients]: 'outgoing.errors.noRecipients',
  [c.filePdfInvalid]: 'outgoing.errors.pdfInvalid',
  [c.fileNotFound]: 'outgoing.errors.fileNotFound',
};

/** A known problem code's message, or `generic` (network, server, unexpected). */
export function outgoingCodeMessage(code: string): MessageKey | 'generic' {
  return codeMessages[code] ?? 'generic';
}

/** The message for a failed outgoing request: by its problem code, else the generic one. */
export function outgoingErrorMessage(t: TFunction, error: unknown): string {
  if (isApiError(error)) {
    const key = outgoingCodeMessage(error.code);
    if (key !== 'generic') return t(key);
  }
  return describeError(t, error);
}

export const draftFields = [
  'docType',
  'subject',
  'urgency',
  'secrecy',
  'signerId',
  'recipients',
  'answers',
  'notationUnit',
  'notes',
  'fileIds',
  'compose',
] as const;
export type DraftField = (typeof draftFields)[number];

/** Codes that belong to one field of the draft form. */
export const draftFieldByCode: Partial<Record<string, DraftField>> = {
  [c.outgoingDocTypeUnknown]: 'docType',
  [c.outgoingSignerInvalid]: 'signerId',
  [c.outgoingRecipientUnknown]: 'recipients',
  [c.agencyNotFound]: 'recipients',
  [c.unitNotFound]: 'recipients',
  [c.outgoingSecretNotNetworked]: 'recipients',
  [c.outgoingAnswerUnknown]: 'answers',
  [c.incomingNotFound]: 'answers',
  [c.outgoingMainFileNotPdf]: 'fileIds',
  [c.filePdfInvalid]: 'fileIds',
  [c.fileNotFound]: 'fileIds',
  [c.outgoingMainFileRequired]: 'fileIds',
};

/**
 * The form field a problem path names: `body.recipients.2.agencyCode` (request validation) or
 * `recipients.2` (rules checked by the use cases) → `recipients`, when the form has that field.
 */
function bodyField<F extends string>(path: string, fields: readonly F[]): F | undefined {
  const segments = path.split('.');
  const first = segments[0] === 'body' ? segments[1] : segments[0];
  return fields.find((field) => field === first);
}

function validationMessage(problem: FieldProblem): MessageKey {
  if (problem.code === 'too_small' || problem.code === 'invalid_type') return 'forms.required';
  if (problem.code === 'too_big') return 'forms.tooLong';
  return 'forms.invalid';
}

/**
 * Field messages for one form from a failed request: `errors[].path` first (validation), then
 * the problem code's own field with its message; anything else is a message for the whole form.
 */
export function outgoingFeedback<F extends string>(
  error: unknown,
  fields: readonly F[],
  byCode: Partial<Record<string, F>> = {},
): FormFeedback<F> {
  if (!isApiError(error)) return { fields: {}, form: 'generic' };
  const result: FormFeedback<F> = { fields: {} };
  const codeKey = outgoingCodeMessage(error.code);
  const codeField = byCode[error.code];
  for (const problem of error.errors) {
    const field = bodyField(problem.path, fields);
    if (field && !result.fields[field]) {
      result.fields[field] =
        field === codeField && codeKey !== 'generic' ? codeKey : validationMessage(problem);
    }
  }
  if (codeField && !result.fields[codeField] && codeKey !== 'generic') {
    result.fields[codeField] = codeKey;
  }
  if (Object.keys(result.fields).length === 0) result.form = codeKey;
  return result;
}

/** The draft form's feedback: paths and codes → its fields. */
export function draftFeedback(error: unknown): FormFeedback<DraftField> {
  return outgoingFeedback(error, draftFields, draftFieldByCode);
}
