export { registerIncomingRoutes } from './incoming.routes.js';
export { receiveDocument, type IntakeInput } from './incoming.registration.usecases.js';
export { incomingFileAccessRule, onBlobTextReady } from './incoming.views.usecases.js';
