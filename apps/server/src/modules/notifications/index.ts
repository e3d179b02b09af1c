export { notify, type NotificationInput } from './notifications.repository.js';
export { registerNotificationRoutes } from './notifications.routes.js';
export { createNotificationStreams, type NotificationStreams } from './notifications.stream.js';
