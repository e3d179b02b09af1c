import { defineError } from '../../platform/errors/app-error.js';

export const calendarErrors = {
  daysInvalid: defineError(
    'calendar.days_invalid',
    422,
    'The calendar has days outside the year, duplicate days or weekdays marked as working days',
  ),
};
