import { calendarDateFrom, dateTime, deadline, longDate } from './dates.js';

describe('dates as people read them', () => {
  it('writes a date of birth as GOV.UK does', () => {
    expect(longDate('2016-04-12')).toBe('12 April 2016');
  });

  it('writes a deadline in UK time, on the hour without minutes', () => {
    // 17:00 UTC in December is 5pm in London
    expect(deadline('2026-12-04T17:00:00.000Z')).toBe('5pm Friday 4 December');
  });

  it('says a deadline at midnight is the end of the day before', () => {
    expect(deadline('2026-12-05T00:00:00.000Z')).toBe('the end of Friday 4 December');
  });

  it('follows British Summer Time', () => {
    expect(dateTime('2026-06-01T13:30:00.000Z')).toBe('1 June 2026 at 2:30pm');
  });
});

describe('a date typed into day, month and year', () => {
  it('is a calendar date when it is a real one', () => {
    expect(calendarDateFrom('12', '4', '2016')).toBe('2016-04-12');
  });

  it('is not a date when the day does not exist in that month', () => {
    expect(calendarDateFrom('31', '2', '2016')).toBeUndefined();
    expect(calendarDateFrom('1', '1', '16')).toBeUndefined();
  });
});
