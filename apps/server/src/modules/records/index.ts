export { registerRecordsRoutes } from './records.routes.js';
export { recordsJobs } from './records.jobs.js';
