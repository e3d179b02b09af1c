export {
  WorkingCalendar,
  addDays,
  dayNumber,
  isWeekend,
  weekday,
  type CalendarException,
} from './calendar.models.js';
export {
  dueDateFromWorkingDays,
  getCalendarYear,
  loadWorkingCalendar,
  replaceCalendarYear,
} from './calendar.usecases.js';
export { builtinCalendarDays } from './calendar.holidays.data.js';
export { calendarErrors } from './calendar.errors.js';
