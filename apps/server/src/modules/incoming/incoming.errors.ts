import { errorCodes as c } from '@vanban/contracts';
import { defineError } from '../../platform/errors/app-error.js';

export const incomingErrors = {
  /** Also for documents that exist but the actor may not see: existence is not revealed. */
  notFound: defineError(c.incomingNotFound, 404, 'Document not found'),
  duplicate: defineError(
    c.incomingDuplicate,
    409,
    'A document with the same sender, number/notation and year is already registered',
  ),
  referenceInvalid: defineError(c.incomingReferenceInvalid, 422, 'Number/notation is not valid'),
  docTypeUnknown: defineError(c.incomingDocTypeUnknown, 422, 'Unknown document type'),
  senderUnknown: defineError(c.incomingSenderUnknown, 422, 'Sender agency not in the directory'),
  dueDatePast: defineError(c.incomingDueDatePast, 422, 'The due date is in the past'),
  invalidTransition: defineError(
    c.incomingInvalidTransition,
    409,
    'This action is not possible in the current state',
  ),
  assigneeInvalid: defineError(c.incomingAssigneeInvalid, 422, 'Assignee is not valid'),
  forbidden: defineError(c.incomingForbidden, 403, 'You may not do this on this document'),
  cursorInvalid: defineError(c.incomingCursorInvalid, 400, 'The page cursor is not valid'),
};
