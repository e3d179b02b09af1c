export { importDirectory } from './organizations.import.js';
export { listAgencies, getAgency, exportDirectory, createUnit } from './organizations.usecases.js';
export {
  agencySubtreeIds,
  findDisplayVersions,
  findUnits,
  findVersionByCode,
  findLatestVersionByCode,
  listUnits,
} from './organizations.repository.js';
export { presentAgencyRef } from './organizations.presenters.js';
export { organizationErrors } from './organizations.errors.js';
export { deriveAgencyTier } from './organizations.models.js';
