import { publicationErrorCodes as c } from '@vanban/contracts';
import { defineError } from '../../platform/errors/app-error.js';

export const publicationErrors = {
  /** Unknown code, closed agency, or an agency that publishes nothing: the same answer. */
  agencyNotFound: defineError(c.agencyNotFound, 404, 'No public page for this agency'),
  /** The agency does not publish this section. */
  notPublic: defineError(c.notPublic, 404, 'The agency does not publish this'),
  forbidden: defineError(c.forbidden, 403, "You may not change this agency's public page"),
  rateLimited: defineError(c.rateLimited, 429, 'Too many requests, try again later'),
};
