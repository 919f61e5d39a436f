import { TZDate } from '@date-fns/tz';
import { differenceInCalendarDays, format, parseISO } from 'date-fns';

/** Within this many days, a date is "due soon" (a week and a bit: what is due this week and early next). */
export const DUE_SOON_DAYS = 7;

export type Urgency = 'overdue' | 'due-soon' | 'later';

/** Today's date in the UK, as a calendar date (`2026-12-04`). */
export function todayInLondon(now: Date): string {
  return format(new TZDate(now, 'Europe/London'), 'yyyy-MM-dd');
}

/**
 * A due date as a person says it, from today: "Due today", "Due tomorrow", "Due Friday 11 December", "Due 3 days
 * ago"; and whether it is overdue or due soon, for its tag.
 */
export function dueInWords(dueDate: string, today: string): { words: string; urgency: Urgency } {
  const days = differenceInCalendarDays(parseISO(dueDate), parseISO(today));
  const urgency: Urgency = days < 0 ? 'overdue' : days <= DUE_SOON_DAYS ? 'due-soon' : 'later';
  if (days === 0) return { words: 'Due today', urgency };
  if (days === 1) return { words: 'Due tomorrow', urgency };
  if (days === -1) return { words: 'Due yesterday', urgency };
  if (days < 0) return { words: `Due ${-days} days ago, on ${format(parseISO(dueDate), 'EEEE d MMMM')}`, urgency };
  const sameYear = dueDate.slice(0, 4) === today.slice(0, 4);
  return { words: `Due ${format(parseISO(dueDate), sameYear ? 'EEEE d MMMM' : 'EEEE d MMMM yyyy')}`, urgency };
}

/** The tag beside a date: Overdue in red, Due soon in yellow, nothing when it is further off. */
export function urgencyTag(urgency: Urgency): { text: string; classes: string } | undefined {
  if (urgency === 'overdue') return { text: 'Overdue', classes: 'govuk-tag--red' };
  if (urgency === 'due-soon') return { text: 'Due soon', classes: 'govuk-tag--yellow' };
  return undefined;
}
