export { registerScheduleRoutes } from './schedule.routes.js';
export { findPublishedEntries, findWeeks, type PublishedRow } from './schedule.repository.js';
export { scheduleCalendar, ICAL_CONTENT_TYPE } from './schedule.ical.models.js';
export { isoWeekOf, timingFields } from './schedule.models.js';
export { currentWeek, feedRange, instantRange, resolveRange } from './schedule.views.usecases.js';
