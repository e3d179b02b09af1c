import { recordsErrorCodes } from '@vanban/contracts';
import { codeRules } from '../work/feedback';

const recordMessages = {
  [recordsErrorCodes.notFound]: 'records.errors.notFound',
  [recordsErrorCodes.forbidden]: 'records.errors.forbidden',
  [recordsErrorCodes.invalidTransition]: 'records.errors.invalidTransition',
  [recordsErrorCodes.locked]: 'records.errors.locked',
  [recordsErrorCodes.codeTaken]: 'records.errors.codeTaken',
  [recordsErrorCodes.catalogueNotFound]: 'records.errors.catalogueNotFound',
  [recordsErrorCodes.catalogueExists]: 'records.errors.catalogueExists',
  [recordsErrorCodes.headingInvalid]: 'records.errors.headingInvalid',
  [recordsErrorCodes.entryInvalid]: 'records.errors.entryInvalid',
  [recordsErrorCodes.entryOpened]: 'records.errors.entryOpened',
  [recordsErrorCodes.documentNotFound]: 'records.errors.documentNotFound',
  [recordsErrorCodes.documentNotEligible]: 'records.errors.documentNotEligible',
  [recordsErrorCodes.documentAlreadyInRecord]: 'records.errors.documentAlreadyInRecord',
  [recordsErrorCodes.secretNeedsOwner]: 'records.errors.secretNeedsOwner',
  [recordsErrorCodes.itemNotFound]: 'records.errors.itemNotFound',
  [recordsErrorCodes.datesInvalid]: 'records.errors.datesInvalid',
} as const;

/** The records module's problem codes, as messages above a page or dialog. */
export const recordRules = codeRules(recordMessages);
