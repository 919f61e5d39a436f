import { dateTime, deadline, longDate } from './dates.js';

describe('dates as people read them', () => {
  it('writes a date of birth as GOV.UK does', () => {
    expect(longDate('2016-04-12')).toBe('12 April 2016');
  });

  it('writes a deadline in UK time, on the hour without minutes', () => {
    // 17:00 UTC in December is 5pm in London
    expect(deadline('2026-12-04T17:00:00.000Z')).toBe('5pm Friday 4 December');
  });

  it('follows British Summer Time', () => {
    expect(dateTime('2026-06-01T13:30:00.000Z')).toBe('1 June 2026 at 2:30pm');
  });
});
