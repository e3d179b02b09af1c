import { date, pgEnum, pgTable, text, timestamp } from 'drizzle-orm/pg-core';

export const calendarDayKind = pgEnum('calendar_day_kind', ['holiday', 'working_day']);

/**
 * Exceptions to the Monday–Friday week, per year: public holidays (incl. Tết and days off swapped
 * by the Prime Minister's decision) and Saturdays made working days by such a swap.
 * Labour Code 2019 Art. 112 lists the holidays; the yearly swaps come from Ministry notices.
 */
export const calendarDays = pgTable('calendar_days', {
  day: date('day', { mode: 'string' }).primaryKey(),
  kind: calendarDayKind('kind').notNull(),
  name: text('name').notNull(),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
});
