import { recordsErrorCodes as c } from '@vanban/contracts';
import { defineError } from '../../platform/errors/app-error.js';

export const recordsErrors = {
  /** Also for records the actor may not see: existence is not revealed. */
  notFound: defineError(c.notFound, 404, 'Record not found'),
  forbidden: defineError(c.forbidden, 403, 'You may not do this on this record'),
  invalidTransition: defineError(
    c.invalidTransition,
    409,
    'This action is not possible in the current state of the record',
  ),
  /** Transferred to the agency archive (Art. 30 §3b): nothing in it changes any more. */
  locked: defineError(c.locked, 409, 'The record is in the agency archive and locked'),
  codeTaken: defineError(c.codeTaken, 409, 'A record with this code already exists'),
  closeIncomplete: defineError(c.closeIncomplete, 422, 'The record cannot be closed yet'),
  catalogueNotFound: defineError(c.catalogueNotFound, 404, 'No records catalogue for this year'),
  catalogueExists: defineError(c.catalogueExists, 409, 'The records catalogue already exists'),
  headingInvalid: defineError(c.headingInvalid, 422, 'The heading is not valid'),
  entryInvalid: defineError(c.entryInvalid, 422, 'The catalogue entry is not valid'),
  entryOpened: defineError(c.entryOpened, 409, 'A record is already open for this entry'),
  documentNotFound: defineError(c.documentNotFound, 404, 'Document not found'),
  documentNotEligible: defineError(
    c.documentNotEligible,
    422,
    'This document cannot be put in this record',
  ),
  documentAlreadyInRecord: defineError(
    c.documentAlreadyInRecord,
    409,
    'The document is already in this record',
  ),
  secretNeedsOwner: defineError(
    c.secretNeedsOwner,
    403,
    'Confidential documents go only into records of your own',
  ),
  itemNotFound: defineError(c.itemNotFound, 404, 'The record has no such item'),
  reorderInvalid: defineError(c.reorderInvalid, 422, 'The new order must list every item once'),
  datesInvalid: defineError(c.datesInvalid, 422, 'The dates are not valid'),
};
