import { getDay } from 'date-fns';
import {
  BankHolidayDataError,
  ENGLAND_AND_WALES_DATA_FILE,
  parseBankHolidayDivision,
  readBankHolidayFile,
} from './bank-holiday-data.js';
import { formatIsoDate, parseIsoDate, plainDates } from './calendar-date.js';

/** Easter Sunday by the Meeus/Butcher (anonymous Gregorian) algorithm, as an independent check. */
function easterSunday(year: number): Date {
  const a = year % 19;
  const b = Math.floor(year / 100);
  const c = year % 100;
  const d = Math.floor(b / 4);
  const e = b % 4;
  const f = Math.floor((b + 8) / 25);
  const g = Math.floor((b - f + 1) / 3);
  const h = (19 * a + b - d - g + 15) % 30;
  const i = Math.floor(c / 4);
  const k = c % 4;
  const l = (32 + 2 * e + 2 * i - h - k) % 7;
  const m = Math.floor((a + 11 * h + 22 * l) / 451);
  const month = Math.floor((h + l - 7 * m + 114) / 31);
  const day = ((h + l - 7 * m + 114) % 31) + 1;
  return new Date(Date.UTC(year, month - 1, day));
}

const shiftDays = (date: Date, days: number): string => formatIsoDate(new Date(date.getTime() + days * 86_400_000));

const data = readBankHolidayFile(ENGLAND_AND_WALES_DATA_FILE);
const titled = (title: string): string[] => data.events.filter((e) => e.title === title).map((e) => e.date);
const years = Array.from({ length: 11 }, (_, i) => 2018 + i);

describe('the shipped England and Wales bank holiday data', () => {
  it('covers every year from 2018 to 2028 with at least eight holidays each', () => {
    for (const year of years) {
      expect(data.events.filter((e) => e.date.startsWith(`${year}-`)).length).toBeGreaterThanOrEqual(8);
    }
    expect(data.events.every((e) => e.date >= '2018-01-01' && e.date <= '2028-12-31')).toBe(true);
  });

  it('places Good Friday and Easter Monday around Easter Sunday as the Meeus/Butcher algorithm computes it', () => {
    expect(titled('Good Friday')).toEqual(years.map((y) => shiftDays(easterSunday(y), -2)));
    expect(titled('Easter Monday')).toEqual(years.map((y) => shiftDays(easterSunday(y), 1)));
  });

  it('agrees with known Easter Sundays, so the algorithm itself is right', () => {
    expect(formatIsoDate(easterSunday(2024))).toBe('2024-03-31');
    expect(formatIsoDate(easterSunday(2025))).toBe('2025-04-20');
    expect(formatIsoDate(easterSunday(2027))).toBe('2027-03-28');
  });

  it('never puts a bank holiday on a Saturday or Sunday, and lists each date once in order', () => {
    const dates = data.events.map((e) => e.date);
    expect(dates.filter((date) => [0, 6].includes(getDay(parseIsoDate(date), { in: plainDates })))).toEqual([]);
    expect(new Set(dates).size).toBe(dates.length);
    expect([...dates].sort()).toEqual(dates);
  });

  it('substitutes New Year’s Day falling at a weekend with the following Monday', () => {
    expect(titled('New Year’s Day')).toEqual([
      '2018-01-01',
      '2019-01-01',
      '2020-01-01',
      '2021-01-01',
      '2022-01-03',
      '2023-01-02',
      '2024-01-01',
      '2025-01-01',
      '2026-01-01',
      '2027-01-01',
      '2028-01-03',
    ]);
  });

  it('substitutes Christmas Day and Boxing Day falling at a weekend', () => {
    expect(titled('Christmas Day')).toEqual([
      '2018-12-25',
      '2019-12-25',
      '2020-12-25',
      '2021-12-27',
      '2022-12-27',
      '2023-12-25',
      '2024-12-25',
      '2025-12-25',
      '2026-12-25',
      '2027-12-27',
      '2028-12-25',
    ]);
    expect(titled('Boxing Day')).toEqual([
      '2018-12-26',
      '2019-12-26',
      '2020-12-28',
      '2021-12-28',
      '2022-12-26',
      '2023-12-26',
      '2024-12-26',
      '2025-12-26',
      '2026-12-28',
      '2027-12-28',
      '2028-12-26',
    ]);
  });

  it('has the May and August holidays, with the 2020 and 2022 moves', () => {
    expect([...titled('Early May bank holiday'), ...titled('Early May bank holiday (VE day)')].sort()).toEqual([
      '2018-05-07',
      '2019-05-06',
      '2020-05-08',
      '2021-05-03',
      '2022-05-02',
      '2023-05-01',
      '2024-05-06',
      '2025-05-05',
      '2026-05-04',
      '2027-05-03',
      '2028-05-01',
    ]);
    expect(titled('Spring bank holiday')).toEqual([
      '2018-05-28',
      '2019-05-27',
      '2020-05-25',
      '2021-05-31',
      '2022-06-02',
      '2023-05-29',
      '2024-05-27',
      '2025-05-26',
      '2026-05-25',
      '2027-05-31',
      '2028-05-29',
    ]);
    expect(titled('Summer bank holiday')).toEqual([
      '2018-08-27',
      '2019-08-26',
      '2020-08-31',
      '2021-08-30',
      '2022-08-29',
      '2023-08-28',
      '2024-08-26',
      '2025-08-25',
      '2026-08-31',
      '2027-08-30',
      '2028-08-28',
    ]);
  });

  it('includes the one-off holidays of 2022 and 2023', () => {
    const dates = data.events.map((e) => e.date);
    expect(dates).toEqual(expect.arrayContaining(['2022-06-03', '2022-09-19', '2023-05-08']));
  });
});

describe('validating bank holiday data', () => {
  const event = { title: 'Christmas Day', date: '2026-12-25', notes: '', bunting: true };

  it('rejects another division', () => {
    expect(() => parseBankHolidayDivision({ division: 'scotland', events: [event] }, 'test.json')).toThrow(
      /test\.json: division must be "england-and-wales"/,
    );
  });

  it('rejects a date that does not exist, naming the event', () => {
    const bad = { division: 'england-and-wales', events: [event, { ...event, date: '2026-02-30' }] };
    expect(() => parseBankHolidayDivision(bad, 'test.json')).toThrow(BankHolidayDataError);
    expect(() => parseBankHolidayDivision(bad, 'test.json')).toThrow(/events\[1\]\.date is not a YYYY-MM-DD date/);
  });

  it('rejects a file with no events', () => {
    expect(() => parseBankHolidayDivision({ division: 'england-and-wales', events: [] }, 'test.json')).toThrow(
      /events must be a non-empty array/,
    );
  });
});
