import { publicationErrorCodes } from '@vanban/contracts';
import { codeRules } from '../work/feedback';

/** An agency or a section it does not publish reads as "not found"; too many requests, "later". */
export const publicRules = codeRules({
  [publicationErrorCodes.agencyNotFound]: 'publicPage.notFound',
  [publicationErrorCodes.notPublic]: 'publicPage.notFound',
  [publicationErrorCodes.rateLimited]: 'publicPage.rateLimited',
});
