export { notify, type NotificationInput } from './notifications.repository.js';
export { registerNotificationRoutes } from './notifications.routes.js';
export { createNotificationStreams, type NotificationStreams } from './notifications.stream.js';
export {
  channelsConfigOf,
  notificationChannelJobs,
  DELIVER_JOB,
} from './notifications.channels.js';
export { registerNotificationPreferenceRoutes } from './notifications.channels.routes.js';
export type { ChannelPreferences } from './notifications.channels.models.js';
