import { TZDate, tz, tzOffset } from '@date-fns/tz';
import { addDays, format, getYear, isWeekend } from 'date-fns';
import { ENGLAND_AND_WALES_DATA_FILE, readBankHolidayFile } from './bank-holiday-data.js';
import { formatIsoDate, parseIsoDate, plainDates } from './calendar-date.js';

export interface CalendarCoverage {
  from: string;
  to: string;
}

export interface WorkingDayCalendarOptions {
  /** IANA zone whose local dates count (default Europe/London). */
  zone?: string;
  /** Dates the holiday list is complete for; by default every whole year that has a holiday. */
  coverage?: CalendarCoverage;
}

/** Deadlines a calendar remembers at most (a few a day are asked for; the rest are old dates' one-offs). */
const MAX_REMEMBERED_DEADLINES = 1_000;

/** A date outside the years the bank holiday data covers: answering would silently ignore holidays. */
export class CalendarCoverageError extends RangeError {
  constructor(date: string, coverage: CalendarCoverage) {
    super(
      `${date} is outside the working-day calendar (bank holidays known from ${coverage.from} to ${coverage.to}); ` +
        'update the bank holiday data as libs/calendar/README.md describes',
    );
    this.name = 'CalendarCoverageError';
  }
}

function coverageOfYears(holidays: ReadonlySet<string>): CalendarCoverage {
  const years = [...new Set([...holidays].map((date) => getYear(parseIsoDate(date), { in: plainDates })))].sort(
    (a, b) => a - b,
  );
  if (years.length === 0)
    throw new RangeError('Cannot infer coverage from an empty holiday list; pass options.coverage');
  const first = years[0];
  const last = years[years.length - 1];
  const missing = years.length !== last - first + 1;
  if (missing)
    throw new RangeError(`Bank holiday list skips a year between ${first} and ${last}; pass options.coverage`);
  return { from: `${first}-01-01`, to: `${last}-12-31` };
}

/**
 * Working days in one jurisdiction: Monday to Friday except bank holidays. Deadlines in law and
 * guidance ("within 1 working day") are counted here and nowhere else.
 */
export class WorkingDayCalendar {
  private static englandCalendar: WorkingDayCalendar | undefined;

  private readonly holidays: ReadonlySet<string>;
  private readonly zone: string;
  private readonly covered: CalendarCoverage;
  private lastLocalDate?: { minute: number; date: string };
  /** Deadlines already worked out, by local date and working days: every referral of a day asks the same one. */
  private readonly deadlines = new Map<string, number>();

  /** England's calendar from the shipped gov.uk data, read and validated once. */
  static england(): WorkingDayCalendar {
    WorkingDayCalendar.englandCalendar ??= new WorkingDayCalendar(
      readBankHolidayFile(ENGLAND_AND_WALES_DATA_FILE).events.map((event) => event.date),
    );
    return WorkingDayCalendar.englandCalendar;
  }

  constructor(bankHolidays: Iterable<string>, options: WorkingDayCalendarOptions = {}) {
    this.zone = options.zone ?? 'Europe/London';
    if (Number.isNaN(tzOffset(this.zone, new Date(0)))) {
      throw new RangeError(`Unknown time zone ${JSON.stringify(this.zone)}`);
    }
    const holidays = [...bankHolidays];
    holidays.forEach((date) => parseIsoDate(date, 'bank holiday'));
    this.holidays = new Set(holidays);
    this.covered = options.coverage ?? coverageOfYears(this.holidays);
    parseIsoDate(this.covered.from, 'coverage.from');
    parseIsoDate(this.covered.to, 'coverage.to');
  }

  coverage(): CalendarCoverage {
    return { ...this.covered };
  }

  isWorkingDay(date: string): boolean {
    return this.isWorking(this.coveredDate(date));
  }

  /** The n-th working day after `date`; with n = 0, `date` itself if working, else the next working day. */
  addWorkingDays(date: string, n: number): string {
    if (!Number.isInteger(n) || n < 0) throw new RangeError(`n must be a whole number of working days >= 0 (got ${n})`);
    let day = this.coveredDate(date);
    if (n === 0) {
      while (!this.isWorking(day)) day = this.nextDay(day);
      return formatIsoDate(day);
    }
    for (let counted = 0; counted < n;) {
      day = this.nextDay(day);
      if (this.isWorking(day)) counted += 1;
    }
    return formatIsoDate(day);
  }

  /** Working days after `from` up to and including `to`; negative when `to` is before `from`. */
  workingDaysBetween(from: string, to: string): number {
    const start = this.coveredDate(from, 'from');
    const end = this.coveredDate(to, 'to');
    if (end < start) return -this.workingDaysBetween(to, from);
    let count = 0;
    for (let day = start; day < end;) {
      day = this.nextDay(day);
      if (this.isWorking(day)) count += 1;
    }
    return count;
  }

  /** The calendar date at `instant` in the calendar's zone (British Summer Time included). */
  localDate(instant: Date): string {
    const ms = instant.getTime();
    if (Number.isNaN(ms)) throw new RangeError('instant is an invalid Date');
    // Zone offsets since 1970 are whole minutes, so a local date never changes inside a UTC minute: services ask for
    // "today" on every request, and one time-zone conversion a minute is enough.
    const minute = Math.floor(ms / 60_000);
    if (this.lastLocalDate?.minute === minute) return this.lastLocalDate.date;
    const date = format(instant, 'yyyy-MM-dd', { in: tz(this.zone) });
    this.lastLocalDate = { minute, date };
    return date;
  }

  /**
   * The instant a deadline of `workingDays` passes for something received at `receivedAt`:
   * midnight (24:00 local) ending the n-th working day after the local date of receipt.
   */
  deadlineAfter(receivedAt: Date, workingDays: number): Date {
    return this.deadlineAfterDate(this.localDate(receivedAt), workingDays);
  }

  /**
   * The instant a deadline of `workingDays` passes for something that happened on the local date `date` (an
   * apparent breach dated by when it happened, not when it was written down): midnight ending the n-th working
   * day after it.
   */
  deadlineAfterDate(date: string, workingDays: number): Date {
    const key = `${date}+${workingDays}`;
    let deadline = this.deadlines.get(key);
    if (deadline === undefined) {
      deadline = this.workOutDeadline(date, workingDays);
      // Measured under load: working this out (time zones, holidays) was a tenth of a referral's CPU.
      if (this.deadlines.size >= MAX_REMEMBERED_DEADLINES) this.deadlines.clear();
      this.deadlines.set(key, deadline);
    }
    return new Date(deadline);
  }

  private workOutDeadline(date: string, workingDays: number): number {
    const dueDate = parseIsoDate(this.addWorkingDays(date, workingDays));
    const endOfDueDay = addDays(dueDate, 1, { in: plainDates });
    const midnight = new TZDate(
      endOfDueDay.getUTCFullYear(),
      endOfDueDay.getUTCMonth(),
      endOfDueDay.getUTCDate(),
      this.zone,
    );
    return midnight.getTime();
  }

  private isWorking(day: Date): boolean {
    return !isWeekend(day, { in: plainDates }) && !this.holidays.has(formatIsoDate(day));
  }

  private nextDay(day: Date): Date {
    const next = addDays(day, 1, { in: plainDates });
    this.assertCovered(formatIsoDate(next));
    return next;
  }

  private coveredDate(date: string, argument = 'date'): Date {
    const parsed = parseIsoDate(date, argument);
    this.assertCovered(date);
    return parsed;
  }

  private assertCovered(date: string): void {
    if (date < this.covered.from || date > this.covered.to) throw new CalendarCoverageError(date, this.covered);
  }
}
