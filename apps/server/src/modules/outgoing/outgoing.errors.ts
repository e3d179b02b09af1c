import { errorCodes as c } from '@vanban/contracts';
import { defineError } from '../../platform/errors/app-error.js';

export const outgoingErrors = {
  /** Also for documents the actor may not see: existence is not revealed. */
  notFound: defineError(c.outgoingNotFound, 404, 'Document not found'),
  invalidTransition: defineError(
    c.outgoingInvalidTransition,
    409,
    'This action is not possible in the current state',
  ),
  forbidden: defineError(c.outgoingForbidden, 403, 'You may not do this on this document'),
  docTypeUnknown: defineError(c.outgoingDocTypeUnknown, 422, 'Unknown document type'),
  signerInvalid: defineError(c.outgoingSignerInvalid, 422, 'The signer is not valid'),
  reviewerInvalid: defineError(c.outgoingReviewerInvalid, 422, 'A reviewer is not valid'),
  recipientUnknown: defineError(c.outgoingRecipientUnknown, 422, 'Unknown recipient'),
  answerUnknown: defineError(c.outgoingAnswerUnknown, 422, 'Unknown incoming document'),
  mainFileRequired: defineError(c.outgoingMainFileRequired, 422, 'The document has no main file'),
  mainFileNotPdf: defineError(c.outgoingMainFileNotPdf, 422, 'The main file must be a PDF'),
  noRecipients: defineError(c.outgoingNoRecipients, 422, 'The document has no recipients'),
  secretNotNetworked: defineError(
    c.outgoingSecretNotNetworked,
    422,
    'Confidential documents are not sent over the network',
  ),
  notationMissing: defineError(
    c.outgoingNotationMissing,
    422,
    'The agency has no short name for the notation',
  ),
  cursorInvalid: defineError(c.outgoingCursorInvalid, 400, 'The page cursor is not valid'),
};
