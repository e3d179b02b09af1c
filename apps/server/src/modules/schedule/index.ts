export { registerScheduleRoutes } from './schedule.routes.js';
export {
  findPublishedEntries,
  findWeeks,
  type InstantRange,
  type PublishedRow,
} from './schedule.repository.js';
export { scheduleCalendar, ICAL_CONTENT_TYPE, type IcalEntry } from './schedule.ical.models.js';
export {
  isoWeekOf,
  mondayOf,
  parseIsoWeek,
  timingFields,
  vietnamParts,
} from './schedule.models.js';
export { currentWeek, feedRange, instantRange, resolveRange } from './schedule.views.usecases.js';
export { scheduleErrors } from './schedule.errors.js';
