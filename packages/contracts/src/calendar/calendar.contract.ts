import { z } from 'zod';
import { isoDateSchema } from '../common/primitives.contract.js';

/**
 * An exception to the Monday–Friday week: a `holiday` (public holiday, Tết, a day off swapped or
 * given in compensation) or a `working_day` (a Saturday or Sunday worked to make up for a swap).
 */
export const calendarDayKindValues = ['holiday', 'working_day'] as const;
export const calendarDayKindSchema = z.enum(calendarDayKindValues);
export type CalendarDayKind = z.infer<typeof calendarDayKindSchema>;

export const calendarDaySchema = z.object({
  day: isoDateSchema,
  kind: calendarDayKindSchema,
  name: z.string(),
});
export type CalendarDay = z.infer<typeof calendarDaySchema>;

/**
 * Where a year's exceptions come from: `configured` (rows saved by an administrator), `builtin`
 * (the holidays shipped with Vanban) or `none` (neither: only weekends are off).
 */
export const calendarSourceValues = ['configured', 'builtin', 'none'] as const;
export const calendarSourceSchema = z.enum(calendarSourceValues);
export type CalendarSource = z.infer<typeof calendarSourceSchema>;

export const calendarYearParamsSchema = z.object({
  year: z.coerce.number().int().min(2000).max(2100),
});

export const calendarYearSchema = z.object({
  year: z.number().int(),
  source: calendarSourceSchema,
  /** Sorted by day. */
  days: z.array(calendarDaySchema),
});
export type CalendarYear = z.infer<typeof calendarYearSchema>;

/**
 * Replaces every exception of the year. Days must lie in the year, appear once, and a
 * `working_day` must be a Saturday or Sunday. An empty list removes the configuration, so the
 * built-in holidays apply again.
 */
export const replaceCalendarYearBodySchema = z.strictObject({
  days: z
    .array(
      z.strictObject({
        day: isoDateSchema,
        kind: calendarDayKindSchema,
        name: z.string().trim().min(1).max(200),
      }),
    )
    .max(366),
});
export type ReplaceCalendarYearBody = z.infer<typeof replaceCalendarYearBodySchema>;
