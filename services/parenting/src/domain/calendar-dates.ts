/** Plain calendar-date arithmetic on `YYYY-MM-DD` strings, in UTC so no zone shifts a day. */

export function parseDate(date: string): Date {
  return new Date(`${date}T00:00:00Z`);
}

export function formatDate(date: Date): string {
  return date.toISOString().slice(0, 10);
}

export function addDays(date: string, days: number): string {
  const d = parseDate(date);
  d.setUTCDate(d.getUTCDate() + days);
  return formatDate(d);
}

/**
 * The same day `months` later, clamped to the month's last day (31 Jan + 1 month = 28/29 Feb),
 * as a period "of N months" is read.
 */
export function addMonths(date: string, months: number): string {
  const d = parseDate(date);
  const day = d.getUTCDate();
  const target = new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + months, 1));
  const lastDay = new Date(Date.UTC(target.getUTCFullYear(), target.getUTCMonth() + 1, 0)).getUTCDate();
  target.setUTCDate(Math.min(day, lastDay));
  return formatDate(target);
}

/**
 * The last day of a period of `months` months beginning on `start`: the day before the same date
 * `months` later. A 12-month order made on 5 January 2026 ends on 4 January 2027.
 */
export function lastDayOfPeriod(start: string, months: number): string {
  return addDays(addMonths(start, months), -1);
}

/** Monday of the ISO week holding `date`: the week a session-frequency limit is counted in. */
export function weekOf(date: string): string {
  const d = parseDate(date);
  const offset = (d.getUTCDay() + 6) % 7;
  return addDays(date, -offset);
}
