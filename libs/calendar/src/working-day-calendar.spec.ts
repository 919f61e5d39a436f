import { CalendarCoverageError, WorkingDayCalendar } from './working-day-calendar.js';

const england = WorkingDayCalendar.england();

describe('WorkingDayCalendar.england', () => {
  it('is read once and shared', () => {
    expect(WorkingDayCalendar.england()).toBe(england);
  });

  it('covers 2018 to 2028, the years of the shipped data', () => {
    expect(england.coverage()).toEqual({ from: '2018-01-01', to: '2028-12-31' });
  });
});

describe('isWorkingDay', () => {
  it('counts Monday to Friday and not Saturday or Sunday', () => {
    expect(
      ['2026-06-08', '2026-06-09', '2026-06-10', '2026-06-11', '2026-06-12'].map((d) => england.isWorkingDay(d)),
    ).toEqual([true, true, true, true, true]);
    expect(england.isWorkingDay('2026-06-13')).toBe(false);
    expect(england.isWorkingDay('2026-06-14')).toBe(false);
  });

  it.each([
    ['New Year’s Day', '2027-01-01'],
    ['Good Friday', '2026-04-03'],
    ['Easter Monday', '2026-04-06'],
    ['Early May bank holiday', '2026-05-04'],
    ['Spring bank holiday', '2026-05-25'],
    ['Summer bank holiday', '2026-08-31'],
    ['Christmas Day', '2025-12-25'],
    ['Boxing Day', '2025-12-26'],
    ['the Early May holiday moved to VE Day', '2020-05-08'],
    ['the Spring holiday moved for the Platinum Jubilee', '2022-06-02'],
    ['the Platinum Jubilee holiday', '2022-06-03'],
    ['the State Funeral of Queen Elizabeth II', '2022-09-19'],
    ['the Coronation of King Charles III', '2023-05-08'],
  ])('treats %s (%s) as a bank holiday', (_name, date) => {
    expect(england.isWorkingDay(date)).toBe(false);
  });

  it('works on the Mondays the 2020 and 2022 holidays were moved from', () => {
    expect(england.isWorkingDay('2020-05-04')).toBe(true);
    expect(england.isWorkingDay('2022-05-30')).toBe(true);
  });

  it.each([
    ['New Year’s Day on a Saturday', '2022-01-03'],
    ['New Year’s Day on a Sunday', '2023-01-02'],
    ['Christmas Day on a Saturday', '2021-12-27'],
    ['Boxing Day on a Sunday', '2021-12-28'],
    ['Christmas Day on a Sunday', '2022-12-27'],
    ['Boxing Day on a Saturday', '2026-12-28'],
  ])('treats the substitute day for %s (%s) as a bank holiday', (_name, date) => {
    expect(england.isWorkingDay(date)).toBe(false);
  });

  it('refuses a date that is not YYYY-MM-DD or does not exist', () => {
    expect(() => england.isWorkingDay('2026-02-30')).toThrow(RangeError);
    expect(() => england.isWorkingDay('1/5/2026')).toThrow(/YYYY-MM-DD/);
  });
});

describe('addWorkingDays', () => {
  it('skips the weekend', () => {
    expect(england.addWorkingDays('2026-06-12', 1)).toBe('2026-06-15');
  });

  it('skips a bank holiday Monday', () => {
    expect(england.addWorkingDays('2026-05-01', 1)).toBe('2026-05-05');
  });

  it('skips Good Friday and Easter Monday together', () => {
    expect(england.addWorkingDays('2026-04-02', 1)).toBe('2026-04-07');
  });

  it('with zero days keeps a working day and moves any other day to the next working day', () => {
    expect(england.addWorkingDays('2026-06-10', 0)).toBe('2026-06-10');
    expect(england.addWorkingDays('2026-06-13', 0)).toBe('2026-06-15');
    expect(england.addWorkingDays('2026-04-03', 0)).toBe('2026-04-07');
  });

  it('crosses the year end past Christmas, Boxing Day and New Year substitutes', () => {
    expect(england.addWorkingDays('2026-12-24', 1)).toBe('2026-12-29');
    expect(england.addWorkingDays('2027-12-24', 2)).toBe('2027-12-30');
    expect(england.addWorkingDays('2027-12-31', 1)).toBe('2028-01-04');
  });

  it('refuses a negative or fractional number of days', () => {
    expect(() => england.addWorkingDays('2026-06-10', -1)).toThrow(RangeError);
    expect(() => england.addWorkingDays('2026-06-10', 1.5)).toThrow(RangeError);
  });
});

describe('workingDaysBetween', () => {
  it('counts working days after the first date up to and including the second', () => {
    expect(england.workingDaysBetween('2026-06-08', '2026-06-12')).toBe(4);
    expect(england.workingDaysBetween('2026-06-12', '2026-06-12')).toBe(0);
  });

  it('leaves out the bank holidays across the year end', () => {
    expect(england.workingDaysBetween('2026-12-24', '2027-01-04')).toBe(4);
  });

  it('is negative when the second date comes first', () => {
    expect(england.workingDaysBetween('2026-06-12', '2026-06-08')).toBe(-4);
  });

  it('agrees with addWorkingDays', () => {
    const due = england.addWorkingDays('2026-12-18', 7);
    expect(england.workingDaysBetween('2026-12-18', due)).toBe(7);
  });
});

describe('localDate', () => {
  it('reads the date in London under GMT and under British Summer Time', () => {
    expect(england.localDate(new Date('2026-01-15T23:30:00Z'))).toBe('2026-01-15');
    expect(england.localDate(new Date('2026-06-28T23:30:00Z'))).toBe('2026-06-29');
  });

  it('reads the date in the zone it was given', () => {
    const auckland = new WorkingDayCalendar([], {
      zone: 'Pacific/Auckland',
      coverage: { from: '2026-01-01', to: '2026-12-31' },
    });
    expect(auckland.localDate(new Date('2026-06-28T13:00:00Z'))).toBe('2026-06-29');
  });

  it('turns over at local midnight when asked again and again across it (BST: 23:00 UTC)', () => {
    const calendar = new WorkingDayCalendar([], { coverage: { from: '2026-01-01', to: '2026-12-31' } });
    expect(calendar.localDate(new Date('2026-06-28T22:59:00.000Z'))).toBe('2026-06-28');
    expect(calendar.localDate(new Date('2026-06-28T22:59:59.999Z'))).toBe('2026-06-28');
    expect(calendar.localDate(new Date('2026-06-28T23:00:00.000Z'))).toBe('2026-06-29');
    expect(calendar.localDate(new Date('2026-06-28T22:59:30.000Z'))).toBe('2026-06-28');
  });
});

describe('deadlineAfterDate', () => {
  it('runs from the date something happened, whenever it is written down', () => {
    // Friday 1 May 2026, then the early May bank holiday: due by the end of Tuesday 5 May (BST).
    expect(england.deadlineAfterDate('2026-05-01', 1).toISOString()).toBe('2026-05-05T23:00:00.000Z');
    expect(england.deadlineAfterDate('2026-05-01', 1)).toEqual(
      england.deadlineAfter(new Date('2026-05-01T14:00:00Z'), 1),
    );
  });
});

describe('deadlineAfter', () => {
  it('passes at midnight ending the first working day after receipt, past a bank holiday Monday', () => {
    const received = new Date('2026-05-01T14:00:00Z'); // Friday 15:00 BST
    expect(england.deadlineAfter(received, 1).toISOString()).toBe('2026-05-05T23:00:00.000Z');
  });

  it('counts from Monday when received on a Saturday', () => {
    expect(england.deadlineAfter(new Date('2026-05-09T10:00:00Z'), 1).toISOString()).toBe('2026-05-11T23:00:00.000Z');
  });

  it('takes the London date of receipt, not the UTC date, during summer time', () => {
    const received = new Date('2026-06-04T23:30:00Z'); // Friday 00:30 BST
    expect(england.deadlineAfter(received, 1).toISOString()).toBe('2026-06-08T23:00:00.000Z');
  });

  it('handles receipt on the Sunday clocks go forward (29 March 2026)', () => {
    expect(england.deadlineAfter(new Date('2026-03-29T00:30:00Z'), 1).toISOString()).toBe('2026-03-30T23:00:00.000Z');
    expect(england.deadlineAfter(new Date('2026-03-29T23:30:00Z'), 1).toISOString()).toBe('2026-03-31T23:00:00.000Z');
  });

  it('passes at midnight GMT for a deadline just before the clocks go forward', () => {
    expect(england.deadlineAfter(new Date('2026-03-26T10:00:00Z'), 1).toISOString()).toBe('2026-03-28T00:00:00.000Z');
  });

  it('handles receipt around the Sunday clocks go back (25 October 2026)', () => {
    const saturdayUtcSundayLondon = new Date('2026-10-24T23:30:00Z');
    expect(england.localDate(saturdayUtcSundayLondon)).toBe('2026-10-25');
    expect(england.deadlineAfter(saturdayUtcSundayLondon, 1).toISOString()).toBe('2026-10-27T00:00:00.000Z');
    expect(england.deadlineAfter(new Date('2026-10-23T12:00:00Z'), 1).toISOString()).toBe('2026-10-27T00:00:00.000Z');
  });
});

describe('coverage', () => {
  it('refuses to count past the last year of bank holiday data', () => {
    expect(england.addWorkingDays('2028-12-28', 1)).toBe('2028-12-29');
    expect(() => england.addWorkingDays('2028-12-29', 1)).toThrow(CalendarCoverageError);
    expect(() => england.addWorkingDays('2028-12-29', 1)).toThrow(/2029-01-01 is outside the working-day calendar/);
  });

  it('refuses dates before the first year of data', () => {
    expect(() => england.isWorkingDay('2017-12-29')).toThrow(CalendarCoverageError);
    expect(() => england.workingDaysBetween('2017-12-29', '2018-01-05')).toThrow(CalendarCoverageError);
  });

  it('refuses a deadline running past the data', () => {
    expect(() => england.deadlineAfter(new Date('2028-12-29T12:00:00Z'), 1)).toThrow(CalendarCoverageError);
  });
});

describe('a calendar from an explicit list', () => {
  it('covers the whole years of the holidays it was given', () => {
    const calendar = new WorkingDayCalendar(['2030-01-01', '2031-01-01']);
    expect(calendar.coverage()).toEqual({ from: '2030-01-01', to: '2031-12-31' });
    expect(calendar.isWorkingDay('2030-01-01')).toBe(false);
    expect(calendar.isWorkingDay('2030-01-02')).toBe(true);
  });

  it('refuses a list that skips a year, which would hide that year’s holidays', () => {
    expect(() => new WorkingDayCalendar(['2030-01-01', '2032-01-01'])).toThrow(/skips a year/);
  });

  it('refuses an empty list unless told what it covers', () => {
    expect(() => new WorkingDayCalendar([])).toThrow(/options\.coverage/);
  });

  it('refuses an invalid holiday date or time zone', () => {
    expect(() => new WorkingDayCalendar(['2030-02-30'])).toThrow(/bank holiday must be a calendar date/);
    expect(() => new WorkingDayCalendar(['2030-01-01'], { zone: 'Europe/Nowhere' })).toThrow(/Unknown time zone/);
  });
});
