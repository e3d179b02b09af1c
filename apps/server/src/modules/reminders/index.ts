export type { DeadlineItem, DeadlineSource } from './reminders.sources.js';
export { assignmentDeadlines } from './reminders.assignments.js';
export {
  remindersJobs,
  scheduleReminderScan,
  startReminderScans,
  SCAN_JOB,
} from './reminders.jobs.js';
export { runReminderScan, type ScanResult } from './reminders.scan.js';
export { registerReminderRoutes } from './reminders.routes.js';
