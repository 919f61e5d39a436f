/** The middle value; with an even count, the mean of the two middle values. Undefined for no values. */
export function median(values: readonly number[]): number | undefined {
  if (values.length === 0) return undefined;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

/** The nearest-rank percentile: the smallest value with at least p % of the values at or below it. */
export function percentile(values: readonly number[], p: number): number | undefined {
  if (values.length === 0) return undefined;
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.max(1, Math.ceil((p / 100) * sorted.length));
  return sorted[rank - 1];
}

/** A share as a percentage rounded to one decimal place; undefined when there is nothing to share out. */
export function percentage(part: number, whole: number): number | undefined {
  return whole === 0 ? undefined : Math.round((part / whole) * 1000) / 10;
}

export const HOUR_MS = 3_600_000;
export const DAY_MS = 24 * HOUR_MS;

/** Rounds to two decimal places, so figures read the same in JSON and CSV. */
export function round2(value: number | undefined): number | undefined {
  return value === undefined ? undefined : Math.round(value * 100) / 100;
}

/** A half-open period [from, to). */
export interface Period {
  from: Date;
  to: Date;
}

export function within(period: Period, at: string | Date | undefined): boolean {
  if (at === undefined) return false;
  const t = typeof at === 'string' ? Date.parse(at) : at.getTime();
  return t >= period.from.getTime() && t < period.to.getTime();
}

/** Whole years of age on a date (birthdays on 29 February fall on 1 March in other years). */
export function ageInYears(dateOfBirth: string | undefined, on: string): number | undefined {
  if (!dateOfBirth) return undefined;
  const [by, bm, bd] = dateOfBirth.split('-').map(Number);
  const [y, m, d] = on.slice(0, 10).split('-').map(Number);
  const hadBirthday = m > bm || (m === bm && d >= bd);
  return y - by - (hadBirthday ? 0 : 1);
}
