import { addDays, addMonths, addYears, max } from 'date-fns';
import { formatIsoDate, parseIsoDate } from '@baton/calendar';
import type { RetentionRule } from './retention-schedule.js';

/** What a record says about itself that decides when its period ends. Dates are `YYYY-MM-DD`. */
export interface RecordDates {
  /** The record's own date. */
  createdOn: string;
  /** The day it was closed; absent while it is open (an open record is never due). */
  closedOn?: string;
  /** The children's dates of birth, for periods that run from the youngest child's birth. */
  childBirthDates?: readonly string[];
  /** The day the order ended, for an order and its enforcement cases; absent while it is in force. */
  orderEndedOn?: string;
  /** The day the rest of the family's records were erased. */
  familyErasedOn?: string;
}

/** A hold on a family (every record of it) or on one record, from a day until it is lifted. */
export interface LegalHold {
  familyId: string;
  /** Absent: the hold covers every record of the family. */
  recordId?: string;
  placedOn: string;
  liftedOn?: string;
}

function lengthOf(rule: RetentionRule, from: Date): Date {
  return addDays(addMonths(addYears(from, rule.years ?? 0), rule.months ?? 0), rule.days ?? 0);
}

/**
 * The first day on which the record may be erased under `rule`, or `undefined` while it cannot be known yet (the
 * record is open, the order is in force, the family's other records remain). A period from a child's birth never
 * ends before the record closed: an open plan for a 25-year-old's younger sibling is still a plan.
 *
 * A period of 25 years from 29 February ends on 28 February in a common year (date-fns keeps the month).
 */
export function erasableFrom(rule: RetentionRule, dates: RecordDates): string | undefined {
  const day = (value: string, name: string): Date => parseIsoDate(value, name);
  switch (rule.from) {
    case 'created':
      return formatIsoDate(addDays(lengthOf(rule, day(dates.createdOn, 'createdOn')), 1));
    case 'closure':
      if (!dates.closedOn) return undefined;
      return formatIsoDate(addDays(lengthOf(rule, day(dates.closedOn, 'closedOn')), 1));
    case 'order-end':
      if (!dates.orderEndedOn) return undefined;
      return formatIsoDate(addDays(lengthOf(rule, day(dates.orderEndedOn, 'orderEndedOn')), 1));
    case 'family-erased':
      if (!dates.familyErasedOn) return undefined;
      return formatIsoDate(lengthOf(rule, day(dates.familyErasedOn, 'familyErasedOn')));
    case 'youngest-child-birth': {
      if (!dates.closedOn) return undefined;
      const births = (dates.childBirthDates ?? []).map((b) => day(b, 'childBirthDates'));
      const closed = day(dates.closedOn, 'closedOn');
      // Without a known child the period cannot run from a birthday; it runs from closure instead.
      const end = births.length === 0 ? lengthOf(rule, closed) : max([lengthOf(rule, max(births)), closed]);
      return formatIsoDate(addDays(end, 1));
    }
  }
}

/** The holds in force on `today` for the record (its family's, or its own). */
export function holdsInForce(
  holds: readonly LegalHold[],
  record: { familyId: string; recordId?: string },
  today: string,
): LegalHold[] {
  return holds.filter(
    (h) =>
      h.familyId === record.familyId &&
      (h.recordId === undefined || h.recordId === record.recordId) &&
      h.placedOn <= today &&
      (h.liftedOn === undefined || h.liftedOn > today),
  );
}

export type RetentionVerdict =
  | { erase: true; erasableFrom: string }
  | { erase: false; reason: 'open' | 'within-period' | 'held'; erasableFrom?: string };

/** Whether a record is to be erased `today`: its period has passed and no hold is in force on it. */
export function retentionVerdict(
  rule: RetentionRule,
  dates: RecordDates,
  record: { familyId: string; recordId?: string },
  holds: readonly LegalHold[],
  today: string,
): RetentionVerdict {
  const from = erasableFrom(rule, dates);
  if (from === undefined) return { erase: false, reason: 'open' };
  if (today < from) return { erase: false, reason: 'within-period', erasableFrom: from };
  if (holdsInForce(holds, record, today).length > 0) return { erase: false, reason: 'held', erasableFrom: from };
  return { erase: true, erasableFrom: from };
}
