export {
  WorkingDayCalendar,
  CalendarCoverageError,
  type CalendarCoverage,
  type WorkingDayCalendarOptions,
} from './working-day-calendar.js';
export {
  BankHolidayDataError,
  ENGLAND_AND_WALES,
  ENGLAND_AND_WALES_DATA_FILE,
  parseBankHolidayDivision,
  readBankHolidayFile,
  type BankHolidayDivision,
  type BankHolidayEvent,
} from './bank-holiday-data.js';
export { formatIsoDate, isIsoDate, parseIsoDate } from './calendar-date.js';
export { Clock, SettableClock } from './clock.js';
