import { readFileSync } from 'node:fs';
import { isIsoDate } from './calendar-date.js';

/** One event as gov.uk publishes it at https://www.gov.uk/bank-holidays.json. */
export interface BankHolidayEvent {
  title: string;
  date: string;
  notes: string;
  bunting: boolean;
}

/** One division of the gov.uk file; Baton uses `england-and-wales`. */
export interface BankHolidayDivision {
  division: string;
  events: BankHolidayEvent[];
}

/** The bank holiday data is unusable; the message names the source and what is wrong. */
export class BankHolidayDataError extends Error {
  constructor(source: string, problem: string) {
    super(`Bank holiday data ${source}: ${problem}`);
    this.name = 'BankHolidayDataError';
  }
}

export const ENGLAND_AND_WALES = 'england-and-wales';

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function checkEvent(event: unknown, index: number, source: string): BankHolidayEvent {
  const where = `events[${index}]`;
  if (!isRecord(event)) throw new BankHolidayDataError(source, `${where} is not an object`);
  if (!isIsoDate(event.date)) {
    throw new BankHolidayDataError(
      source,
      `${where}.date is not a YYYY-MM-DD date (got ${JSON.stringify(event.date)})`,
    );
  }
  if (typeof event.title !== 'string' || event.title.trim() === '') {
    throw new BankHolidayDataError(source, `${where}.title must be a non-empty string`);
  }
  if (typeof event.notes !== 'string') throw new BankHolidayDataError(source, `${where}.notes must be a string`);
  if (typeof event.bunting !== 'boolean') throw new BankHolidayDataError(source, `${where}.bunting must be a boolean`);
  return { title: event.title, date: event.date, notes: event.notes, bunting: event.bunting };
}

/** Validates parsed JSON as one gov.uk division of the expected name. */
export function parseBankHolidayDivision(
  json: unknown,
  source: string,
  expectedDivision: string = ENGLAND_AND_WALES,
): BankHolidayDivision {
  if (!isRecord(json)) throw new BankHolidayDataError(source, 'is not a JSON object');
  if (json.division !== expectedDivision) {
    throw new BankHolidayDataError(
      source,
      `division must be ${JSON.stringify(expectedDivision)} (got ${JSON.stringify(json.division)})`,
    );
  }
  if (!Array.isArray(json.events) || json.events.length === 0) {
    throw new BankHolidayDataError(source, 'events must be a non-empty array');
  }
  const events = json.events.map((event: unknown, index: number) => checkEvent(event, index, source));
  return { division: expectedDivision, events };
}

/** Reads and validates a division file, e.g. the one shipped in `libs/calendar/data/`. */
export function readBankHolidayFile(
  file: URL | string,
  expectedDivision: string = ENGLAND_AND_WALES,
): BankHolidayDivision {
  const source = file instanceof URL ? file.pathname : file;
  let json: unknown;
  try {
    json = JSON.parse(readFileSync(file, 'utf8'));
  } catch (error) {
    throw new BankHolidayDataError(source, `cannot be read as JSON (${(error as Error).message})`);
  }
  return parseBankHolidayDivision(json, source, expectedDivision);
}

/** The England and Wales bank holidays shipped with this lib (`data/`, beside `src/` and `dist/`). */
export const ENGLAND_AND_WALES_DATA_FILE = new URL('../data/bank-holidays-england-and-wales.json', import.meta.url);
