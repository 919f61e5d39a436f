import { differenceInCalendarDays, format, parseISO } from 'date-fns';
import { longDate } from '../layout/dates.js';
import { todayInLondon } from './form-dates.js';
import type { Plan } from './taf.api.js';

/** A review due within this many days is "due soon" (a TAF meeting takes about a week to arrange). */
const DUE_SOON_DAYS = 7;

/** A calendar date with its weekday, as people arrange meetings: "Friday 15 January 2027". */
export function dayAndDate(date: string | undefined): string {
  return date ? format(parseISO(date), 'EEEE d MMMM yyyy') : '';
}

/** When the next review is, in words, and whether it is overdue or due soon (today where the authority works). */
export function reviewSchedule(
  plan: Pick<Plan, 'nextReviewDate' | 'lastReviewDate' | 'reviewCadenceWeeks'>,
  now: Date,
) {
  const today = todayInLondon(now);
  const next = plan.nextReviewDate;
  const daysLeft = next ? differenceInCalendarDays(parseISO(next), parseISO(today)) : undefined;
  return {
    cadence: `Reviews are held at least every ${plan.reviewCadenceWeeks} weeks.`,
    next: next ? dayAndDate(next) : undefined,
    last: plan.lastReviewDate ? longDate(plan.lastReviewDate) : undefined,
    overdue: daysLeft !== undefined && daysLeft < 0,
    dueSoon: daysLeft !== undefined && daysLeft >= 0 && daysLeft <= DUE_SOON_DAYS,
    when:
      daysLeft === undefined
        ? undefined
        : daysLeft < 0
          ? `${-daysLeft} ${-daysLeft === 1 ? 'day' : 'days'} overdue`
          : daysLeft === 0
            ? 'today'
            : `in ${daysLeft} ${daysLeft === 1 ? 'day' : 'days'}`,
  };
}
