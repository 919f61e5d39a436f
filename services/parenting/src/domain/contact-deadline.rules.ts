import type { WorkingDayCalendar } from '@baton/calendar';
import { CONTACT_WITHIN_WORKING_DAYS } from './enforcement.rules.js';

/**
 * When the parent must have been contacted about an apparent breach that happened on `breachOn`: midnight
 * ending the next working day after the breach itself (practice guidance: within 1 working day of the apparent
 * breach), in England's calendar, bank holidays included. It runs from the breach, not from when it was written
 * down, so a breach entered late is already overdue when it is recorded.
 */
export function contactDueAt(calendar: WorkingDayCalendar, breachOn: string): Date {
  return calendar.deadlineAfterDate(breachOn, CONTACT_WITHIN_WORKING_DAYS);
}

/** A breach recorded once its contact deadline had already passed: its lateness is the recorder's, shown as such. */
export function recordedLate(recordedAt: Date, due: Date): boolean {
  return recordedAt.getTime() >= due.getTime();
}
