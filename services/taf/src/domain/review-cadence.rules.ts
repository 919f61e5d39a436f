import type { WorkingDayCalendar } from '@baton/calendar';
import type { RuleViolation } from './rule-violation.js';

/** Local practice, not law: TAF reviews are commonly every 6 to 12 weeks; Baton's default is 6. */
export const REVIEW_CADENCE_WEEKS = { min: 6, max: 12, default: 6 } as const;

export function isValidCadence(weeks: number): boolean {
  return Number.isInteger(weeks) && weeks >= REVIEW_CADENCE_WEEKS.min && weeks <= REVIEW_CADENCE_WEEKS.max;
}

function addCalendarDays(date: string, days: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/**
 * The review due `weeks` after `from` (the day the plan opened, or the last review), moved forward to a
 * working day when it falls on a weekend or bank holiday: a review never lands on a day nobody works.
 */
export function reviewDueAfter(calendar: WorkingDayCalendar, from: string, weeks: number): string {
  if (!isValidCadence(weeks)) throw new RangeError(`review cadence must be 6 to 12 whole weeks (got ${weeks})`);
  return calendar.addWorkingDays(addCalendarDays(from, weeks * 7), 0);
}

/**
 * A next review date chosen at a review: after the review, on a working day, and no later than the
 * cadence allows (the family is seen at least that often).
 */
export function nextReviewDateViolations(
  calendar: WorkingDayCalendar,
  heldOn: string,
  chosen: string,
  weeks: number,
): RuleViolation[] {
  const latest = reviewDueAfter(calendar, heldOn, weeks);
  if (chosen <= heldOn) {
    return [
      { field: 'nextReviewDate', rule: 'isAfterReview', message: `must be after the review (${heldOn})`, kind: 'rule' },
    ];
  }
  if (!calendar.isWorkingDay(chosen)) {
    return [
      {
        field: 'nextReviewDate',
        rule: 'isWorkingDay',
        message: `${chosen} is a weekend or bank holiday in England`,
        kind: 'rule',
      },
    ];
  }
  if (chosen > latest) {
    return [
      {
        field: 'nextReviewDate',
        rule: 'withinReviewCadence',
        message: `must be no later than ${latest}: reviews are at least every ${weeks} weeks`,
        kind: 'rule',
      },
    ];
  }
  return [];
}

/** A review is overdue once the whole of its due day has passed. */
export function isReviewOverdue(nextReviewDate: string, today: string): boolean {
  return today > nextReviewDate;
}
