export { registerOutgoingRoutes } from './outgoing.routes.js';
export { outgoingFileAccessRule } from './outgoing.views.usecases.js';
export { visibleTo as outgoingVisibleTo, type OutgoingScope } from './outgoing.visibility.js';
export { outgoingScope } from './outgoing.usecase-kit.js';
