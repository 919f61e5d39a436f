#!/usr/bin/env node
/**
 * Updates the working-day calendar's bank holidays from a file downloaded by hand from
 * https://www.gov.uk/bank-holidays.json (this script never fetches anything).
 *
 *   node scripts/update-bank-holidays.js <downloaded.json> [<data file>]
 *
 * Every whole year in the download replaces that year in the data file; years only in the data
 * file are kept, because gov.uk publishes a rolling window and older deadlines still need them.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { tz } from '@date-fns/tz';
import { format, isValid, isWeekend, parseISO } from 'date-fns';

const DIVISION = 'england-and-wales';
const DEFAULT_DATA_FILE = fileURLToPath(
  new URL('../libs/calendar/data/bank-holidays-england-and-wales.json', import.meta.url),
);
// England and Wales have eight bank holidays a year; fewer means gov.uk has not finished the year.
const HOLIDAYS_IN_A_WHOLE_YEAR = 8;
const utc = tz('UTC');

function fail(message) {
  process.stderr.write(`update-bank-holidays: ${message}\n`);
  process.exit(1);
}

function readJson(path) {
  try {
    return JSON.parse(readFileSync(path, 'utf8'));
  } catch (error) {
    return fail(`cannot read ${path} as JSON: ${error.message}`);
  }
}

function checkEvent(event, where) {
  const date = parseISO(String(event?.date), { in: utc });
  if (!/^\d{4}-\d{2}-\d{2}$/.test(String(event?.date)) || !isValid(date) || format(date, 'yyyy-MM-dd') !== event.date) {
    fail(`${where}.date is not a YYYY-MM-DD date (got ${JSON.stringify(event?.date)})`);
  }
  if (isWeekend(date, { in: utc })) fail(`${where}.date ${event.date} falls at a weekend`);
  if (typeof event.title !== 'string' || event.title.trim() === '') fail(`${where}.title must be a non-empty string`);
  if (typeof event.notes !== 'string') fail(`${where}.notes must be a string`);
  if (typeof event.bunting !== 'boolean') fail(`${where}.bunting must be a boolean`);
  return { title: event.title, date: event.date, notes: event.notes, bunting: event.bunting };
}

function checkDivision(division, source) {
  if (division?.division !== DIVISION) fail(`${source}: division must be "${DIVISION}"`);
  if (!Array.isArray(division.events) || division.events.length === 0)
    fail(`${source}: events must be a non-empty array`);
  const events = division.events.map((event, index) => checkEvent(event, `${source} events[${index}]`));
  const dates = events.map((event) => event.date);
  const repeated = dates.find((date, index) => dates.indexOf(date) !== index);
  if (repeated) fail(`${source}: ${repeated} is listed twice`);
  return events;
}

function byYear(events) {
  const years = new Map();
  for (const event of events) {
    const year = Number(event.date.slice(0, 4));
    years.set(year, [...(years.get(year) ?? []), event]);
  }
  return years;
}

function main([downloadPath, dataFile = DEFAULT_DATA_FILE]) {
  if (!downloadPath) fail('usage: node scripts/update-bank-holidays.js <downloaded bank-holidays.json> [<data file>]');
  const downloaded = byYear(checkDivision(readJson(downloadPath)[DIVISION], `${downloadPath} ${DIVISION}`));
  const merged = byYear(checkDivision(readJson(dataFile), dataFile));
  for (const [year, events] of downloaded) {
    if (events.length < HOLIDAYS_IN_A_WHOLE_YEAR) {
      process.stderr.write(`update-bank-holidays: skipping ${year}, only ${events.length} holidays published so far\n`);
    } else {
      merged.set(year, events);
    }
  }
  const years = [...merged.keys()].sort((a, b) => a - b);
  if (years.length !== years[years.length - 1] - years[0] + 1)
    fail(`the years would not be contiguous: ${years.join(', ')}`);
  const events = [...merged.values()].flat().sort((a, b) => a.date.localeCompare(b.date));
  writeFileSync(dataFile, `${JSON.stringify({ division: DIVISION, events }, null, 2)}\n`);
  process.stdout.write(
    `Wrote ${events.length} bank holidays, ${years[0]} to ${years[years.length - 1]}, to ${dataFile}\n`,
  );
}

main(process.argv.slice(2));
