import { filesJobs } from '../modules/files/files.jobs.js';
import { signaturesJobs } from '../modules/signatures/index.js';
import { notificationChannelJobs } from '../modules/notifications/index.js';
import { remindersJobs } from '../modules/reminders/index.js';
import { recordsJobs } from '../modules/records/index.js';
import type { JobHandlers } from '../platform/jobs/jobs.js';
import type { AppDependencies } from './dependencies.js';

/** A module's background job handlers by kind, built from the app's dependencies. */
export type JobModule = (deps: AppDependencies) => JobHandlers;

/** The one list of every module's job handlers, run by the worker in main.ts. */
export const jobModules: JobModule[] = [
  filesJobs,
  signaturesJobs,
  notificationChannelJobs,
  remindersJobs,
  recordsJobs,
];

export function buildJobHandlers(deps: AppDependencies): JobHandlers {
  const handlers: JobHandlers = {};
  for (const build of jobModules) {
    for (const [kind, handler] of Object.entries(build(deps))) {
      if (handlers[kind]) throw new Error(`Two handlers for job kind ${kind}`);
      handlers[kind] = handler;
    }
  }
  return handlers;
}
