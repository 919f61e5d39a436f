import fc from 'fast-check';
import { WorkingDayCalendar } from '@baton/calendar';
import { contactDueAt, recordedLate } from './contact-deadline.rules.js';

const calendar = WorkingDayCalendar.england();
const breachDates = fc
  .date({ min: new Date('2019-01-01T00:00:00Z'), max: new Date('2028-12-20T00:00:00Z'), noInvalidDate: true })
  .map((d) => d.toISOString().slice(0, 10));

describe('the 1-working-day contact deadline after an apparent breach', () => {
  it('always falls after the day of the breach, at midnight London time ending a working day', () => {
    fc.assert(
      fc.property(breachDates, (breachOn) => {
        const due = contactDueAt(calendar, breachOn);
        const lastMoment = new Date(due.getTime() - 1);
        expect(calendar.localDate(lastMoment) > breachOn).toBe(true);
        expect(calendar.isWorkingDay(calendar.localDate(lastMoment))).toBe(true);
        expect(calendar.localDate(due)).not.toBe(calendar.localDate(lastMoment));
      }),
    );
  });

  it('leaves exactly one working day between the day of the breach and the due day', () => {
    fc.assert(
      fc.property(breachDates, (breachOn) => {
        const dueDay = calendar.localDate(new Date(contactDueAt(calendar, breachOn).getTime() - 1));
        expect(calendar.workingDaysBetween(breachOn, dueDay)).toBe(1);
      }),
    );
  });

  it('skips a weekend and a bank holiday: a breach on the Thursday before Easter is due Tuesday night', () => {
    // Good Friday 2026 is 3 April and Easter Monday 6 April: due by the end of Tuesday 7 April (BST, 23:00 UTC).
    expect(contactDueAt(calendar, '2026-04-02').toISOString()).toBe('2026-04-07T23:00:00.000Z');
    expect(contactDueAt(calendar, '2026-11-20').toISOString()).toBe('2026-11-24T00:00:00.000Z');
  });

  it('runs from the breach, not from when it is recorded: a session missed a week ago is overdue on entry', () => {
    // Missed on Monday 16 November 2026, entered on Monday 23 November: due by the end of Tuesday 17 November.
    const due = contactDueAt(calendar, '2026-11-16');
    expect(due.toISOString()).toBe('2026-11-18T00:00:00.000Z');
    expect(recordedLate(new Date('2026-11-23T09:00:00Z'), due)).toBe(true);
    expect(recordedLate(new Date('2026-11-16T20:00:00Z'), due)).toBe(false);
  });
});
