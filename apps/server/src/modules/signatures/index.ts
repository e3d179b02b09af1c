export { signaturesErrors } from './signatures.errors.js';
export { loadImage, loadSigner } from './signatures.keys.js';
export type { Owner } from './signatures.repository.js';
export { seedDemoPki } from './signatures.demo.js';
export {
  checkPdf,
  enqueueSignatureCheck,
  fileSignatures,
  signaturesJobs,
  signatureStatusOf,
  trustAnchors,
} from './signatures.verify.js';
export { registerSignatureRoutes } from './signatures.routes.js';
