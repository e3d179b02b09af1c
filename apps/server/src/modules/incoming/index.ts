export { registerIncomingRoutes } from './incoming.routes.js';
export {
  correctDelivered,
  receiveDocument,
  revokeDelivered,
  type IntakeInput,
} from './incoming.intake.usecases.js';
export { incomingFileAccessRule, onBlobTextReady } from './incoming.views.usecases.js';
export { actorScope, urgencyRank, type ActorScope } from './incoming.models.js';
export { readDirectionForTask, type DirectionForTask } from './incoming.direction.js';
export { visibleTo as incomingVisibleTo } from './incoming.visibility.js';
export { publicOnTimeStats } from './incoming.stats.usecases.js';
