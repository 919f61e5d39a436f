import { tz } from '@date-fns/tz';
import { format, isValid, parseISO } from 'date-fns';

/**
 * Calendar dates (`YYYY-MM-DD`) carry no time of day, so their arithmetic runs in UTC, where
 * every day has 24 hours; the calendar's own zone matters only when an instant meets a date.
 */
export const plainDates = tz('UTC');

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/** True when `value` is a real calendar date written `YYYY-MM-DD` (so not `2026-02-30`). */
export function isIsoDate(value: unknown): value is string {
  if (typeof value !== 'string' || !ISO_DATE.test(value)) return false;
  const parsed = parseISO(value, { in: plainDates });
  return isValid(parsed) && format(parsed, 'yyyy-MM-dd') === value;
}

/** Parses a `YYYY-MM-DD` date for arithmetic; throws a RangeError naming the bad value. */
export function parseIsoDate(value: string, argument = 'date'): Date {
  if (!isIsoDate(value))
    throw new RangeError(`${argument} must be a calendar date written YYYY-MM-DD (got ${JSON.stringify(value)})`);
  return parseISO(value, { in: plainDates });
}

export function formatIsoDate(date: Date): string {
  return format(date, 'yyyy-MM-dd', { in: plainDates });
}
