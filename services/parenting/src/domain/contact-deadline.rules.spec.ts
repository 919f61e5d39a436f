import fc from 'fast-check';
import { WorkingDayCalendar } from '@baton/calendar';
import { contactDueAt } from './contact-deadline.rules.js';

const calendar = WorkingDayCalendar.england();
const instants = fc.date({
  min: new Date('2019-01-01T00:00:00Z'),
  max: new Date('2028-12-20T00:00:00Z'),
  noInvalidDate: true,
});

describe('the 1-working-day contact deadline after an apparent breach', () => {
  it('always falls after the breach was recorded, at midnight London time ending a working day', () => {
    fc.assert(
      fc.property(instants, (recordedAt) => {
        const due = contactDueAt(calendar, recordedAt);
        expect(due.getTime()).toBeGreaterThan(recordedAt.getTime());
        const lastMoment = new Date(due.getTime() - 1);
        expect(calendar.isWorkingDay(calendar.localDate(lastMoment))).toBe(true);
        expect(calendar.localDate(due)).not.toBe(calendar.localDate(lastMoment));
      }),
    );
  });

  it('leaves exactly one working day between the day recorded and the due day', () => {
    fc.assert(
      fc.property(instants, (recordedAt) => {
        const dueDay = calendar.localDate(new Date(contactDueAt(calendar, recordedAt).getTime() - 1));
        expect(calendar.workingDaysBetween(calendar.localDate(recordedAt), dueDay)).toBe(1);
      }),
    );
  });

  it('skips a weekend and a bank holiday: Friday before Easter Monday is due Tuesday night', () => {
    // Good Friday 2026 is 3 April and Easter Monday 6 April: a breach recorded on Thursday 2 April is
    // due by the end of Tuesday 7 April (BST, so 23:00 UTC).
    expect(contactDueAt(calendar, new Date('2026-04-02T15:00:00Z')).toISOString()).toBe('2026-04-07T23:00:00.000Z');
    expect(contactDueAt(calendar, new Date('2026-11-20T16:00:00Z')).toISOString()).toBe('2026-11-24T00:00:00.000Z');
  });
});
