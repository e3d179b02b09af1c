export { registerOutgoingRoutes } from './outgoing.routes.js';
export { outgoingFileAccessRule } from './outgoing.views.usecases.js';
