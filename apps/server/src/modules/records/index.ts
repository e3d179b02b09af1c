export { registerRecordsRoutes } from './records.routes.js';
export { recordsJobs, ARCHIVE_SCAN_JOB, notifyRecordsDueForArchive } from './records.jobs.js';
export { recordVisibleTo } from './records.visibility.js';
export { workRecords, recordItems } from './records.tables.js';
