import { WorkingDayCalendar } from '@baton/calendar';
import { isReviewOverdue, isValidCadence, nextReviewDateViolations, reviewDueAfter } from './review-cadence.rules.js';

const england = WorkingDayCalendar.england();

describe('review cadence', () => {
  it('accepts 6 to 12 whole weeks and nothing else', () => {
    expect([6, 8, 12].every(isValidCadence)).toBe(true);
    expect([5, 13, 6.5, 0].some(isValidCadence)).toBe(false);
  });

  it('puts the next review the cadence after, on that day when it is a working day', () => {
    // Monday 2 March 2026 + 6 weeks = Monday 13 April 2026 (Easter Monday was 6 April).
    expect(reviewDueAfter(england, '2026-03-02', 6)).toBe('2026-04-13');
    expect(reviewDueAfter(england, '2026-03-02', 12)).toBe('2026-05-26');
  });

  it('moves a review that lands on a weekend or bank holiday to the next working day', () => {
    // Saturday 21 Nov 2026 + 6 weeks = Saturday 2 January 2027 → Monday 4 January.
    expect(reviewDueAfter(england, '2026-11-21', 6)).toBe('2027-01-04');
    // Friday 20 Nov 2026 + 6 weeks = Friday 1 January 2027 (New Year's Day) → Monday 4 January.
    expect(reviewDueAfter(england, '2026-11-20', 6)).toBe('2027-01-04');
    // Friday 13 Nov 2026 + 6 weeks = Christmas Day; Boxing Day falls on Saturday so Monday 28 is its substitute.
    expect(reviewDueAfter(england, '2026-11-13', 6)).toBe('2026-12-29');
  });

  it('refuses a cadence outside 6 to 12 weeks rather than computing a date from it', () => {
    expect(() => reviewDueAfter(england, '2026-03-02', 4)).toThrow(RangeError);
  });

  it('takes a chosen next date only after the review, on a working day, within the cadence', () => {
    expect(nextReviewDateViolations(england, '2026-03-02', '2026-03-30', 6)).toEqual([]);
    expect(nextReviewDateViolations(england, '2026-03-02', '2026-03-02', 6)[0].rule).toBe('isAfterReview');
    expect(nextReviewDateViolations(england, '2026-03-02', '2026-04-06', 6)[0].rule).toBe('isWorkingDay');
    expect(nextReviewDateViolations(england, '2026-03-02', '2026-03-28', 6)[0].rule).toBe('isWorkingDay');
    expect(nextReviewDateViolations(england, '2026-03-02', '2026-04-14', 6)).toEqual([
      expect.objectContaining({ rule: 'withinReviewCadence', message: expect.stringContaining('2026-04-13') }),
    ]);
  });

  it('counts a review overdue only once its whole due day has passed', () => {
    expect(isReviewOverdue('2026-04-13', '2026-04-13')).toBe(false);
    expect(isReviewOverdue('2026-04-13', '2026-04-14')).toBe(true);
  });
});
