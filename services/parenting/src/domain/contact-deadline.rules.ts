import type { WorkingDayCalendar } from '@baton/calendar';
import { CONTACT_WITHIN_WORKING_DAYS } from './enforcement.rules.js';

/**
 * When the parent must have been contacted about an apparent breach recorded at `recordedAt`:
 * midnight ending the next working day (practice guidance: within 1 working day), in England's
 * calendar, bank holidays included.
 */
export function contactDueAt(calendar: WorkingDayCalendar, recordedAt: Date): Date {
  return calendar.deadlineAfter(recordedAt, CONTACT_WITHIN_WORKING_DAYS);
}
