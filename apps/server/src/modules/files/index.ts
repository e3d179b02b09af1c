export { filesErrors } from './files.errors.js';
export type { FileAccessRule } from './files.policies.js';
export { canReadFile } from './files.policies.js';
export { EXTRACT_TEXT_JOB, enqueueTextExtraction, type BlobTextListener } from './files.jobs.js';
export { loadFilesForAttach, findReadableFile } from './files.usecases.js';
export { presentFile } from './files.presenters.js';
export type { FileWithBlob } from './files.repository.js';
export {
  findFilesByIds,
  readFileBytes,
  storeGeneratedFile,
  type GeneratedFile,
} from './files.generated.js';
