export { registerTaskRoutes } from './tasks.routes.js';
export { taskDeadlines } from './tasks.deadlines.js';
export { taskFileAccessRule } from './tasks.views.usecases.js';
export { taskVisibleTo } from './tasks.visibility.js';
