import { TZDate } from '@date-fns/tz';
import { format, isValid, parse, parseISO, subDays } from 'date-fns';

const LONDON = 'Europe/London';

/** A calendar date (`2016-04-12`) or an instant, as GOV.UK writes dates: "12 April 2016". */
export function longDate(value: string | undefined | null): string {
  if (!value) return '';
  if (/^\d{4}-\d{2}-\d{2}$/.test(value)) return format(parseISO(value), 'd MMMM yyyy');
  return format(new TZDate(value, LONDON), 'd MMMM yyyy');
}

/** An instant in UK time, GOV.UK style: "3 December 2026 at 2:30pm" ("at 5pm" on the hour). */
export function dateTime(value: string | undefined | null): string {
  if (!value) return '';
  const local = new TZDate(value, LONDON);
  return `${format(local, 'd MMMM yyyy')} at ${time(local)}`;
}

/** A deadline as a triager reads it: "5pm Friday 4 December"; one at midnight is "the end of" the day before. */
export function deadline(value: string | undefined | null): string {
  if (!value) return '';
  const local = new TZDate(value, LONDON);
  if (local.getHours() === 0 && local.getMinutes() === 0) {
    return `the end of ${format(subDays(local, 1), 'EEEE d MMMM')}`;
  }
  return `${time(local)} ${format(local, 'EEEE d MMMM')}`;
}

function time(local: Date): string {
  return format(local, local.getMinutes() === 0 ? 'haaa' : 'h:mmaaa');
}

/** A GOV.UK date input's day, month and year as a calendar date (`2016-04-12`), or undefined if not a real date. */
export function calendarDateFrom(day: string, month: string, year: string): string | undefined {
  if (!/^\d{1,2}$/.test(day) || !/^\d{1,2}$/.test(month) || !/^\d{4}$/.test(year)) return undefined;
  const text = `${year}-${month.padStart(2, '0')}-${day.padStart(2, '0')}`;
  return isValid(parse(text, 'yyyy-MM-dd', new Date())) ? text : undefined;
}
